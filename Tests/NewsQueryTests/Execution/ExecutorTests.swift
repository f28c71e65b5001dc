import Testing
@testable import NewsQuery

@Suite struct ExecutorTests {
    let run = { (text: String) in TinyStore.run(text) }
    func quoteTexts(_ text: String) -> String { TinyStore.run(text, columns: ["article", "speaker", "text"]) }

    @Test func whoSaidGroupsBySpeakerCountThenName() {
        #expect(run("who said price") == """
            speaker | speaker_country | count | articles
            Vladimir Putin | RU | 2 | a2, a3
            Emmanuel Macron | FR | 1 | a2
            Janet Yellen | US | 1 | a1
            Joe Biden | US | 1 | a1
             |  | 1 | a1
            """)
    }

    @Test func wholeWordsAnyCaseAndInflections() {
        // "PRICES" and "price" have the same base: each finds the other.
        #expect(run("who said PRICES") == run("who said price"))
        // Whole words: "pri" is not a word of any quotation.
        #expect(run("who said pri") == "speaker | speaker_country | count | articles")
    }

    @Test func phraseMeansConsecutiveWords() {
        #expect(run(#"who said "oil price""#) == "speaker | speaker_country | count | articles\nVladimir Putin | RU | 1 | a2")
        #expect(run(#"who said "price oil""#) == "speaker | speaker_country | count | articles")
        #expect(run(#"who said price and oil"#) == "speaker | speaker_country | count | articles\nVladimir Putin | RU | 2 | a2, a3")
    }

    @Test func booleanSearch() {
        #expect(run("who said price and not (oil or peace)") == """
            speaker | speaker_country | count | articles
            Janet Yellen | US | 1 | a1
            Joe Biden | US | 1 | a1
             |  | 1 | a1
            """)
        #expect(run("who said meeting or rising") == """
            speaker | speaker_country | count | articles
            Dmitri Peskov | RU | 1 | a3
            Janet Yellen | US | 1 | a1
            """)
    }

    @Test func sourceMatchesCountryCodeNameOrID() {
        let expected = """
            speaker | speaker_country | count | articles
            Janet Yellen | US | 1 | a1
            Joe Biden | US | 1 | a1
             |  | 1 | a1
            """
        #expect(run("who said price where source = US") == expected)
        #expect(run("who said price where source = us") == expected)
        #expect(run("who said price where source = ustimespost") == expected)
        #expect(run(#"who said price where source = "US Times Post""#) == expected)
        #expect(run(#"who said price where source = "le monde""#) == """
            speaker | speaker_country | count | articles
            Emmanuel Macron | FR | 1 | a2
            Vladimir Putin | RU | 1 | a2
            """)
    }

    @Test func speakerFields() {
        #expect(quoteTexts("quotes where speaker.country = ru") == """
            article | speaker | text
            a2 | Vladimir Putin | The oil price matters
            a3 | Vladimir Putin | We discussed the price of oil
            a3 | Dmitri Peskov | No meeting is planned
            """)
        #expect(quoteTexts("quotes where speaker = putin and article = a3") == """
            article | speaker | text
            a3 | Vladimir Putin | We discussed the price of oil
            """)
        #expect(quoteTexts(#"quotes where speaker = """#) == "article | speaker | text\na1 |  | The price is right")
    }

    @Test func aSurnameMatchesEverySpeakerWhoHasIt() {
        let store = ArticleStore(articles: [
            TinyStore.article("b1", [Said("First", by: "Donald Trump"), Said("Second", by: "Melania Trump"),
                                     Said("Third", by: "Trumpet Player")]),
        ])
        #expect(TinyStore.run("quotes where speaker = trump", on: store, columns: ["speaker"]) == """
            speaker
            Donald Trump
            Melania Trump
            """)
        #expect(TinyStore.run("quotes where speaker = \"Trump Donald\"", on: store, columns: ["speaker"]) == "speaker")
    }

    @Test func notOrParenthesesAndLimit() {
        #expect(quoteTexts("quotes where not (kind = direct or source.country = FR) limit 1") == """
            article | speaker | text
            a1 | Janet Yellen | Prices are rising
            """)
        #expect(quoteTexts("quotes where kind != direct and (speaker.country = RU or cue = \"said\") limit 5") == """
            article | speaker | text
            a1 | Janet Yellen | Prices are rising
            a2 | Emmanuel Macron | a price for peace
            a3 | Dmitri Peskov | No meeting is planned
            """)
        #expect(run("who said price limit 1") == "speaker | speaker_country | count | articles\nVladimir Putin | RU | 2 | a2, a3")
        #expect(run("quotes limit 0") == Planner.quoteColumns.joined(separator: " | "))
    }

    @Test func textContainsUsesWholeWords() {
        #expect(quoteTexts(#"quotes where text ~ "the price""#) == """
            article | speaker | text
            a1 | Joe Biden | We will not pay the price
            a1 |  | The price is right
            a3 | Vladimir Putin | We discussed the price of oil
            """)
    }

    @Test func quoteRowsHaveTheQuoteRowsShape() throws {
        guard case .success(.rows(let result)) = Engine(store: TinyStore.sample).run(Source("quotes limit 1")) else {
            Issue.record("expected rows"); return
        }
        #expect(result == QuoteRows.resultSet([TinyStore.sample.quoteIDs[0]], in: TinyStore.sample))
    }

    @Test func articlesAndSources() {
        #expect(run("articles") == """
            id | title | source | country | language | translated_from | date | quotes | agencies | byline | translated
            a1 | Title of a1 | USTimesPost | US | en |  |  | 3 |  |  | no
            a2 | Title of a2 | Le Monde | FR | en | fr |  | 2 |  |  | yes
            a3 | Title of a3 |  |  | en |  |  | 2 |  |  | no
            """)
        #expect(TinyStore.run("articles where source = FR or translated_from = FR", columns: ["id"]) == "id\na2")
        #expect(run("sources") == """
            source | country | articles | quotes
            Le Monde | FR | 1 | 2
            USTimesPost | US | 1 | 3
             |  | 1 | 2
            """)
        #expect(run("sources where country = us") == "source | country | articles | quotes\nUSTimesPost | US | 1 | 3")
    }

    @Test func emptyStore() {
        let empty = ArticleStore()
        #expect(TinyStore.run("who said price", on: empty) == "speaker | speaker_country | count | articles")
        #expect(TinyStore.run("sources", on: empty) == "source | country | articles | quotes")
    }

    @Test func numericColumnsAreMarked() throws {
        guard case .success(.rows(let result)) = Engine(store: TinyStore.sample).run(Source("who said price")) else {
            Issue.record("expected rows"); return
        }
        #expect(result.numericColumns == ["count"])
    }
}
