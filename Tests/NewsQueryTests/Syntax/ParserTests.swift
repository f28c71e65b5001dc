import Testing
@testable import NewsQuery

/// The canonical printing of what parsed (fully parenthesised below the top), or the rendered errors.
func parsed(_ text: String) -> String {
    let (statement, diagnostics) = Parser.parse(Source(text))
    if !diagnostics.isEmpty { return DiagnosticRenderer.render(QueryError(source: Source(text), diagnostics: diagnostics)) }
    return statement.map(\.description) ?? "nil"
}

/// The rendered errors of compiling (parsing and binding) a statement, or "ok".
func compileErrors(_ text: String, name: String = "<query>", limits: Limits = .standard) -> String {
    switch Engine.compile(Source(text, name: name), limits: limits) {
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

    @Test func newStatements() {
        #expect(parsed("what did Peskov say") == "what did Peskov say")
        #expect(parsed(#"WHAT DID "Dmitry Peskov" SAY where kind = direct"#) == #"what did "Dmitry Peskov" say where kind = direct"#)
        #expect(parsed("count quotes by speaker, source.country where kind != direct order by count desc limit 3")
                == "count quotes by speaker, source.country where kind != direct order by count desc limit 3")
        #expect(parsed(#"count who said "price" by source"#) == #"count who said "price" by source"#)
        #expect(parsed("count count quotes by speaker by source") == "count count quotes by speaker by source")
        #expect(parsed("DISTINCT speaker, kind FROM quotes where kind = direct") == "distinct speaker, kind from quotes where kind = direct")
        #expect(parsed("distinct speaker quotes").contains("error: expected `from` and the rows, found keyword `quotes`"))
        #expect(parsed("quotes order by date desc, start asc, article") == "quotes order by date desc, start, article")
        #expect(parsed("let p = what did Peskov say limit 2;") == "let p = what did Peskov say limit 2")
        #expect(parsed("p where source.country = DE") == "p where source.country = DE")
        #expect(parsed("show article 001_272ebe8368280a41") == "show article 001_272ebe8368280a41")
        #expect(parsed(#"show article "004""#) == #"show article "004""#)
        #expect(parsed("context 002_9bb85a162a50f120 1824") == "context 002_9bb85a162a50f120 1824")
        #expect(parsed("context 002_9bb85a162a50f120:1824") == "context 002_9bb85a162a50f120 1824")
        #expect(parsed(#"context "a b:12""#) == #"context "a b" 12"#)
    }

    @Test func comparisonsAndLists() {
        #expect(parsed("quotes where start >= 10 and end < 20 or date <= 2023-09 and date > 2023")
                == "quotes where (start >= 10 and end < 20) or (date <= 2023-09 and date > 2023)")
        #expect(parsed("quotes where speaker.country in (RU, 'KP', \"US\") and kind not in (direct)")
                == #"quotes where speaker.country in (RU, "KP", "US") and kind not in (direct)"#)
        #expect(parsed("quotes where article = a1 order by count") == "quotes where article = a1 order by count")
    }

    @Test func textOperators() {
        #expect(parsed(#"who said "arms" near/5 deal and pric*"#) == #"who said ("arms" near/5 deal) and pric*"#)
        #expect(parsed(#"who said "arms" near deal"#) == #"who said "arms" near/5 deal"#)
        #expect(parsed(#"quotes where text ~ pric* and kind = direct"#) == "quotes where text ~ pric* and kind = direct")
        #expect(parsed(#"quotes where text ~ (a or b)"#) == "quotes where text ~ (a or b)")
        #expect(parsed(#"who said =prices and ="oil price" near =x"#) == #"who said =prices and (="oil price" near/5 =x)"#)
        #expect(parsed("who said = (a)").contains("error: expected a word or a quoted phrase after `=`, found `(`"))
        #expect(parsed(#"who said a near/0 b"#) == """
            <query>:1:17: error: `near/N` takes a positive number of words
              who said a near/0 b
                              ^
            """)
        #expect(parsed(#"who said a near b near c"#).contains("error: `near` joins two terms"))
        #expect(parsed(#"who said a near/x b"#).contains("error: expected a number of words after `near/`, found `x`"))
    }

    @Test func aSearchAfterTildeNeedsParenthesesForAndOr() {
        #expect(parsed("quotes where text ~ price and oil") == """
            <query>:1:34: error: expected `=`, `!=`, `<`, `<=`, `>`, `>=`, `~` or `in` after `oil`, found end of statement
              quotes where text ~ price and oil
                                               ^
              after `~`, `and` joins conditions; to search for several words, use parentheses: text ~ (… and oil)
            """)
    }

    @Test func clauseOrderAndCountErrors() {
        #expect(parsed("quotes limit 1 order by start") == """
            <query>:1:16: error: `order by` must come before `limit`
              quotes limit 1 order by start
                             ^~~~~
            """)
        #expect(parsed("count quotes where kind = direct by speaker") == """
            <query>:1:14: error: in `count`, `where` comes after the `by` fields
              count quotes where kind = direct by speaker
                           ^~~~~
              for example: count quotes by speaker where source = US
            """)
        #expect(parsed("count quotes") == """
            <query>:1:13: error: expected `by` and the fields to count by, found end of statement
              count quotes
                          ^
              for example: count quotes by speaker, source
            """)
        #expect(parsed("quotes order speaker").contains("error: expected `by` after `order`, found `speaker`"))
        #expect(parsed("what did Dmitry Peskov say") == """
            <query>:1:17: error: expected `say` after the speaker, found `Peskov`
              what did Dmitry Peskov say
                              ^~~~~~
              quote a name of several words: what did "Dmitry Peskov" say
            """)
    }

    @Test func letNeedsAPlainName() {
        #expect(parsed("let quotes = quotes") == """
            <query>:1:5: error: `quotes` is a keyword and cannot be a name
              let quotes = quotes
                  ^~~~~~
              choose another name, e.g. my_quotes
            """)
        #expect(parsed("let a.b = quotes").contains("error: a name is letters, digits and `_`"))
        #expect(parsed("let a quotes").contains("error: expected `=` after `let a`, found keyword `quotes`"))
        #expect(parsed("let a = explain quotes").contains("error: `let` takes a query, not `explain`"))
        #expect(parsed("explain let a = quotes").contains("error: `let` must begin the statement"))
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
        let filter = try #require(statement.query?.filter)
        #expect(filter.range == SourceRange(20, 25))
        guard case .comparison(let c) = filter else { Issue.record("expected a comparison"); return }
        #expect(c.field.range == SourceRange(20, 21))
        #expect(c.operand == .value(Literal(text: "b", quoted: false, range: SourceRange(24, 25))))
        #expect(c.range == SourceRange(20, 25))
    }

    @Test func unknownStatementSuggestsAKeyword() {
        // A word that is not a keyword is a name (`let`); the binder finds that it is not defined.
        #expect(parsed("qoutes limit 2") == "qoutes limit 2")
        #expect(compileErrors("qoutes limit 2") == """
            <query>:1:1: error: unknown statement or name `qoutes`
              qoutes limit 2
              ^~~~~~
              did you mean `quotes`? statements: who said, who mentioned, what did … say, quotes, articles, sources, entities, mentions, numbers, compare numbers, disagreements, sentences, duplicates, count … by, distinct … from, explain, let, show article, context; `let NAME = QUERY` defines a name
            """)
    }

    @Test func misspelledClauseKeyword() {
        #expect(parsed("quotes wher kind = direct") == """
            <query>:1:8: error: expected `where`, `order by`, `limit` or end of statement, found `wher`
              quotes wher kind = direct
                     ^~~~
              did you mean `where`?
            """)
    }

    @Test func twoBareWordsSuggestAPhrase() {
        #expect(parsed("who said oil price") == """
            <query>:1:14: error: expected `where`, `order by`, `limit` or end of statement, found `price`
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
            <query>:1:23: error: expected `=`, `!=`, `<`, `<=`, `>`, `>=`, `~` or `in` after `source`, found `US`
              articles where source US
                                    ^~
            """)
        #expect(parsed("   ") == """
            <query>:1:4: error: empty statement
                 
                 ^
              statements: who said, who mentioned, what did … say, quotes, articles, sources, entities, mentions, numbers, compare numbers, disagreements, sentences, duplicates, count … by, distinct … from, explain, let, show article, context
            """)
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 10_000
        let text = "quotes where " + String(repeating: "(", count: depth) + "kind = direct" + String(repeating: ")", count: depth)
        let (statement, diagnostics) = Parser.parse(Source(text))
        #expect(statement == nil)
        #expect(diagnostics == [Diagnostic("expression is nested too deeply", at: SourceRange(13 + 256, 14 + 256),
                                           hint: "at most 256 levels of parentheses and `not` are allowed; --max-query-depth N raises the limit")])
        let nots = "who said " + String(repeating: "not ", count: 5000) + "price"
        #expect(Parser.parse(Source(nots)).diagnostics.map(\.message) == ["expression is nested too deeply"])
        // 256 levels are fine.
        let ok = "quotes where " + String(repeating: "(", count: 256) + "kind = direct" + String(repeating: ")", count: 256)
        #expect(compileErrors(ok) == "ok")
    }

    @Test func longFlatChainsDoNotNest() {
        let text = "quotes where " + Array(repeating: "kind = direct", count: 20_000).joined(separator: " or ")
        #expect(compileErrors(text, limits: Limits(maxQueryBytes: 1 << 20)) == "ok")
    }

    @Test func randomTokenSoupNeverCrashes() {
        let pieces = ["who", "said", "quotes", "articles", "sources", "explain", "where", "limit", "and", "or", "not",
                      "(", ")", "=", "!=", "~", ";", "\"", "\"x y\"", "'", "speaker", "source.country", "US", "-1", "7",
                      "\\\n", "#c\n", "!", "kind", "direct", "text",
                      "what", "did", "say", "count", "by", "order", "asc", "desc", "in", "near", "near/2", "/", ",", "*",
                      "pric*", "let", "x", "=", "show", "article", "context", "a1", "<", ">=", "start", "date", "2023-09",
                      "\"a*\"", "price"]
        var state: UInt64 = 0x9E3779B97F4A7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        var environment = Environment()
        _ = Engine(store: TinyStore.sample).run(Source("let x = who said price"), environment: &environment)
        for _ in 0..<5000 {
            let text = (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined(separator: " ")
            let store = TinyStore.sample
            switch Engine(store: store).run(Source(text), environment: &environment) {
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
