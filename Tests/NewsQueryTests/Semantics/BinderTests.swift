import Testing
@testable import NewsQuery

@Suite struct BinderTests {
    @Test func unknownFieldSuggestsTheNearestAndListsTheFields() {
        #expect(compileErrors("who said price where speker = Putin") == """
            <query>:1:22: error: unknown field `speker` for quotes
              who said price where speker = Putin
                                   ^~~~~~
              did you mean `speaker`? fields: speaker, speaker.country, source, source.country, article, kind, language, translated_from, date, text, cue
            """)
        #expect(compileErrors("articles where titel ~ x") == """
            <query>:1:16: error: unknown field `titel` for articles
              articles where titel ~ x
                             ^~~~~
              did you mean `title`? fields: article, id, source, source.country, country, language, translated_from, date, title
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
              fields: speaker, speaker.country, source, source.country, article, kind, language, translated_from, date, text, cue
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
        #expect(bound.query.search == .phrase(["oil", "price"]))
        #expect(bound.query.filter == .compare(.speakerCountry, .equal, value: "ru", words: ["ru"]))
        #expect(compileErrors("sources where speaker = x") != "ok")
        #expect(compileErrors("sources where country = US") == "ok")
    }
}
