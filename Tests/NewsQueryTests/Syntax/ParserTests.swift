import Testing
@testable import NewsQuery

/// The canonical printing of what parsed (fully parenthesised below the top), or the rendered errors.
func parsed(_ text: String) -> String {
    let (statement, diagnostics) = Parser.parse(Source(text))
    if !diagnostics.isEmpty { return DiagnosticRenderer.render(QueryError(source: Source(text), diagnostics: diagnostics)) }
    return statement.map(\.description) ?? "nil"
}

/// The rendered errors of compiling (parsing and binding) a statement, or "ok".
func compileErrors(_ text: String, name: String = "<query>") -> String {
    switch Engine.compile(Source(text, name: name)) {
    case .success: "ok"
    case .failure(let error): DiagnosticRenderer.render(error)
    }
}

@Suite struct ParserTests {
    @Test func statements() {
        #expect(parsed("who said price") == "who said price")
        #expect(parsed(#"WHO SAID "oil price" LIMIT 3;"#) == #"who said "oil price" limit 3"#)
        #expect(parsed("quotes") == "quotes")
        #expect(parsed("articles where language = en limit 0") == "articles where language = en limit 0")
        #expect(parsed("sources") == "sources")
        #expect(parsed("explain who said price where source = US") == "explain who said price where source = US")
    }

    @Test func precedenceIsNotThenAndThenOr() {
        #expect(parsed("quotes where a = 1 or b = 2 and not c = 3")
                == "quotes where a = 1 or (b = 2 and not c = 3)")
        #expect(parsed("quotes where (a = 1 or b = 2) and c ~ \"x y\"")
                == #"quotes where (a = 1 or b = 2) and c ~ "x y""#)
        #expect(parsed("quotes where not not a != b") == "quotes where not not a != b")
    }

    @Test func textSearchCombinesTerms() {
        #expect(parsed(#"who said "price" and (oil or gas) and not war"#)
                == #"who said "price" and (oil or gas) and not war"#)
    }

    @Test func rangesCoverTheNodes() throws {
        let statement = try #require(Parser.parse(Source(#"who said "x" where (a = b)"#)).statement)
        #expect(statement.range == SourceRange(0, 26))
        let filter = try #require(statement.query.filter)
        #expect(filter.range == SourceRange(20, 25))
        guard case .comparison(let c) = filter else { Issue.record("expected a comparison"); return }
        #expect(c.field.range == SourceRange(20, 21))
        #expect(c.value.range == SourceRange(24, 25))
    }

    @Test func unknownStatementSuggestsAKeyword() {
        #expect(parsed("qoutes limit 2") == """
            <query>:1:1: error: unknown statement `qoutes`
              qoutes limit 2
              ^~~~~~
              did you mean `quotes`? statements: who said, quotes, articles, sources, explain
            """)
    }

    @Test func misspelledClauseKeyword() {
        #expect(parsed("quotes wher kind = direct") == """
            <query>:1:8: error: expected `where`, `limit` or end of statement, found `wher`
              quotes wher kind = direct
                     ^~~~
              did you mean `where`?
            """)
    }

    @Test func twoBareWordsSuggestAPhrase() {
        #expect(parsed("who said oil price") == """
            <query>:1:14: error: expected `where`, `limit` or end of statement, found `price`
              who said oil price
                           ^~~~~
              to search for a phrase, quote the words together ("oil price"); to require both, join them with `and`
            """)
    }

    @Test func unterminatedStringPointsAtTheOpeningQuote() {
        #expect(parsed(#"who said "price where source = US"#) == #"""
            <query>:1:10: error: unterminated string
              who said "price where source = US
                       ^
              close it with "
            """#)
    }

    @Test func recoversToReportErrorsInSeveralClauses() {
        #expect(parsed("quotes where speaker = limit -1") == """
            <query>:1:24: error: expected a value, found keyword `limit`
              quotes where speaker = limit -1
                                     ^~~~~
              quote it to use it as a value: "limit"
            <query>:1:30: error: `limit` takes a non-negative integer
              quotes where speaker = limit -1
                                           ^~
            """)
    }

    @Test func missingPieces() {
        #expect(parsed("who said") == """
            <query>:1:9: error: expected text to search for, found end of statement
              who said
                      ^
              for example: who said "price"
            """)
        #expect(parsed("quotes where (kind = direct") == """
            <query>:1:28: error: expected `)`, found end of statement
              quotes where (kind = direct
                                         ^
            """)
        #expect(parsed("articles where source US") == """
            <query>:1:23: error: expected `=`, `!=` or `~` after `source`, found `US`
              articles where source US
                                    ^~
            """)
        #expect(parsed("   ") == """
            <query>:1:4: error: empty statement
                 
                 ^
              statements: who said, quotes, articles, sources, explain
            """)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 10_000
        let text = "quotes where " + String(repeating: "(", count: depth) + "kind = direct" + String(repeating: ")", count: depth)
        let (statement, diagnostics) = Parser.parse(Source(text))
        #expect(statement == nil)
        #expect(diagnostics == [Diagnostic("expression is nested too deeply", at: SourceRange(13 + 256, 14 + 256),
                                           hint: "at most 256 levels of parentheses and `not` are allowed")])
        let nots = "who said " + String(repeating: "not ", count: 5000) + "price"
        #expect(Parser.parse(Source(nots)).diagnostics.map(\.message) == ["expression is nested too deeply"])
        // 256 levels are fine.
        let ok = "quotes where " + String(repeating: "(", count: 256) + "kind = direct" + String(repeating: ")", count: 256)
        #expect(compileErrors(ok) == "ok")
    }

    @Test func longFlatChainsDoNotNest() {
        let text = "quotes where " + Array(repeating: "kind = direct", count: 20_000).joined(separator: " or ")
        #expect(compileErrors(text) == "ok")
    }

    @Test func randomTokenSoupNeverCrashes() {
        let pieces = ["who", "said", "quotes", "articles", "sources", "explain", "where", "limit", "and", "or", "not",
                      "(", ")", "=", "!=", "~", ";", "\"", "\"x y\"", "'", "speaker", "source.country", "US", "-1", "7",
                      "\\\n", "#c\n", "!", "kind", "direct", "text"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<3000 {
            let text = (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined(separator: " ")
            let store = TinyStore.sample
            switch Engine(store: store).run(Source(text)) {
            case .success: break
            case .failure(let error):
                #expect(!error.diagnostics.isEmpty, "\(text)")
                _ = DiagnosticRenderer.render(error)
            }
        }
    }

    @Test func garbageNeverCrashes() {
        for text in ["((((", "))))", "where where where", "who said (", "who who said", "explain explain quotes",
                     "quotes limit", "quotes limit limit", "\"", "'", "who said \"\"", "quotes where =", "; ;", "sources x y z (",
                     "quotes where a = b limit 1 where c = d", "quotes limit 2 limit 3", "who said not", "\u{1B}[31m"] {
            #expect(compileErrors(text) != "ok", "\(text)")
        }
    }
}
