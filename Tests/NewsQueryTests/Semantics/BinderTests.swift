import Testing
@testable import NewsQuery

@Suite struct BinderTests {
    @Test func unknownFieldSuggestsTheNearestAndListsTheFields() {
        #expect(compileErrors("who said price where speker = Putin") == """
            <query>:1:22: error: unknown field `speker` for quotes
              who said price where speker = Putin
                                   ^~~~~~
              did you mean `speaker`? fields: speaker, speaker.country, speaker.type, speaker.role, source, source.country, article, kind, language, source.language, translated_from, date, text, cue, cue_class, start, end, sentence, repeat
            """)
        #expect(compileErrors("articles where titel ~ x") == """
            <query>:1:16: error: unknown field `titel` for articles
              articles where titel ~ x
                             ^~~~~
              did you mean `title`? fields: article, id, source, source.country, country, language, source.language, translated_from, date, title, quotes, source.agencies, agencies, source.byline, byline, source.translated, translated, source.dateline, dateline, source.dateline_country, dateline_country
            """)
    }

    @Test func reportsEveryProblem() {
        #expect(compileErrors("quotes where kind = dirct or xyz = 1") == """
            <query>:1:21: error: unknown quotation kind `dirct`
              quotes where kind = dirct or xyz = 1
                                  ^~~~~
              did you mean `direct`? kinds: direct, mixed, indirect
            <query>:1:30: error: unknown field `xyz` for quotes
              quotes where kind = dirct or xyz = 1
                                           ^~~
              fields: speaker, speaker.country, speaker.type, speaker.role, source, source.country, article, kind, language, source.language, translated_from, date, text, cue, cue_class, start, end, sentence, repeat
            """)
    }

    @Test func searchTextNeedsWords() {
        #expect(compileErrors(#"who said "?!""#) == """
            <query>:1:10: error: "?!" has no words to search for
              who said "?!"
                       ^~~~
            """)
    }

    @Test func fieldsAreCaseInsensitiveAndBindPerRowSource() throws {
        let bound = try Engine.compile(Source(#"who said "Oil  Price" where Speaker.Country = ru"#)).get()
        #expect(bound.query?.search == .phrase([SearchWord("oil"), SearchWord("price")]))
        #expect(bound.query?.filter == .and([.compare(.speakerCountry, .equal, value: "ru"),
                                             .oneOf(.cueClass, ["speech", "according"]),
                                             .compare(.repeat, .equal, value: "no")]))
        #expect(compileErrors("sources where speaker = x") != "ok")
        #expect(compileErrors("sources where country = US") == "ok")
    }

    @Test func valuesMustFitTheirField() {
        #expect(compileErrors("quotes where start > ten") == """
            <query>:1:22: error: expected a number for `start`, found ten
              quotes where start > ten
                                   ^~~
              for example: start >= 1000
            """)
        #expect(compileErrors("articles where date >= 2023-13-01") == """
            <query>:1:24: error: expected a date for `date`, found 2023-13-01
              articles where date >= 2023-13-01
                                     ^~~~~~~~~~
              dates are YYYY-MM-DD, YYYY-MM or YYYY: date >= 2023-09-11
            """)
        #expect(compileErrors("quotes where kind in (direct, indrect)").contains("did you mean `indirect`?"))
        #expect(compileErrors("quotes where speaker = Pes*") == """
            <query>:1:24: error: a wildcard `*` only works in text searches
              quotes where speaker = Pes*
                                     ^~~~
              for example: speaker ~ Pes* (or quote the value to compare it as it is)
            """)
        for ok in ["articles where date = 2023", "articles where date < 2023-09", "quotes where end <= -1",
                   "quotes where speaker = \"Pes*\"", "articles where quotes >= 2.5"] {
            #expect(compileErrors(ok) == "ok", "\(ok)")
        }
    }

    @Test func operatorsMustFitTheirField() {
        #expect(compileErrors("quotes where speaker >= m") == """
            <query>:1:14: error: `>=` compares numbers and dates; `speaker` is text
              quotes where speaker >= m
                           ^~~~~~~
              fields with an order here: date, start, end; for text use =, !=, in or ~
            """)
        #expect(compileErrors("sources where country < m") == """
            <query>:1:15: error: `<` compares numbers and dates; `country` is text
              sources where country < m
                            ^~~~~~~
              for text use =, !=, in or ~
            """)
        #expect(compileErrors("quotes where start ~ 12") == """
            <query>:1:14: error: `~` searches text; `start` is a number
              quotes where start ~ 12
                           ^~~~~
              compare it with =, !=, <, <=, >, >= or in
            """)
    }

    @Test func wildcardsAndNearInSearchText() throws {
        let bound = try Engine.compile(Source(#"who said "oil pric*" near/3 sanction"#)).get()
        #expect(bound.query?.search == .near([SearchWord("oil"), SearchWord("pric", .prefix)], [SearchWord("sanction")], distance: 3))
        #expect(compileErrors(#"who said "* price""#) == """
            <query>:1:10: error: a wildcard `*` must directly follow the start of a word
              who said "* price"
                       ^~~~~~~~~
              for example: pric* (a leading or lone `*` is not allowed)
            """)
        #expect(compileErrors(#"who said (a or b) near c"#) == """
            <query>:1:10: error: `near` takes a word or a quoted phrase on each side
              who said (a or b) near c
                       ^~~~~~~~
              for example: "arms" near/5 "deal"
            """)
    }

    @Test func orderByNamesAFieldOrAColumn() {
        #expect(compileErrors("quotes order by date desc, speaker_country") == "ok")
        #expect(compileErrors("who said price order by count, speaker.country desc") == "ok")
        #expect(compileErrors("count quotes by source.country order by source.country") == "ok")
        #expect(compileErrors("sources order by source.country, quotes desc") == "ok")
        #expect(compileErrors("quotes order by speeker") == """
            <query>:1:17: error: cannot order quotes by `speeker`
              quotes order by speeker
                              ^~~~~~~
              did you mean `speaker`? fields: speaker, speaker.country, speaker.type, speaker.role, source, source.country, article, kind, language, source.language, translated_from, date, text, cue, cue_class, start, end, sentence, repeat
            """)
        #expect(compileErrors("count quotes by kind order by speaker") == """
            <query>:1:31: error: cannot order by `speaker`: it is not a column of this result
              count quotes by kind order by speaker
                                            ^~~~~~~
              columns: kind, count
            """)
        #expect(compileErrors("count articles by speaker").contains("error: unknown field `speaker` for articles"))
    }

    @Test func namesComeFromTheEnvironment() throws {
        var environment = Environment()
        let engine = Engine(store: TinyStore.sample)
        _ = engine.run(Source("let putin = what did Putin say"), environment: &environment)
        #expect(environment.names == ["putin"])
        #expect(environment.definition(of: "PUTIN") == "what did Putin say")
        guard case .success(let bound) = Engine.compile(Source("PUTIN where kind = direct"), environment: environment) else {
            Issue.record("expected the name to bind"); return
        }
        guard case .named("putin", let inner)? = bound.query?.input else { Issue.record("expected a named input"); return }
        #expect(inner.filter == .and([.compare(.speaker, .equal, value: "Putin"), .compare(.repeat, .equal, value: "no")]))
        #expect(compileErrors("putn") == """
            <query>:1:1: error: unknown statement or name `putn`
              putn
              ^~~~
              statements: who said, who mentioned, what did … say, quotes, articles, sources, entities, mentions, numbers, compare numbers, disagreements, sentences, duplicates, count … by, distinct … from, explain, let, show article, context; `let NAME = QUERY` defines a name
            """)
        if case .failure(let error) = Engine.compile(Source("putn"), environment: environment) {
            #expect(error.diagnostics.first?.hint == "did you mean `putin`? names: putin")
        } else {
            Issue.record("expected an error")
        }
    }
}
