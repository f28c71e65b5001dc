import Testing
@testable import NewsQuery

/// `numbers`, `compare numbers` and `disagreements` on small stores and on the seed corpus.
@Suite struct FactQueryTests {
    static let store = ArticleStore(articles: [
        Article(document: Document(id: "a1", text: "Title\nThe train covers the 1,200 kilometers to the port in 20 hours. It left on Sunday.",
                                   bodyStart: 6, metadata: ArticleMetadata(source: "Daily", country: "GB", date: "2023-09-12")),
                annotations: ArticleAnnotations(sentences: [Span(6, 68), Span(69, 87)])),
        Article(document: Document(id: "a2", text: "Title\nThe train covers the 683 miles to the port in about 20 hours. The city is 80 miles away.",
                                   bodyStart: 6, metadata: ArticleMetadata(source: "Times", country: "US")),
                annotations: ArticleAnnotations(sentences: [Span(6, 67), Span(68, 94)])),
    ])

    @Test func numbersListFactsWithTheirFields() {
        #expect(TinyStore.run("numbers where kind = quantity order by normalized desc", on: Self.store,
                              columns: ["article", "text", "value", "unit", "normalized", "normalized_unit", "dimension"]) == """
            article | text | value | unit | normalized | normalized_unit | dimension
            a1 | 1,200 kilometers | 1200 | km | 1200 | km | length
            a2 | 683 miles | 683 | mi | 1099.2 | km | length
            a2 | 80 miles | 80 | mi | 128.7 | km | length
            a1 | 20 hours | 20 | h | 20 | h | duration
            a2 | 20 hours | 20 | h | 20 | h | duration
            """)
        #expect(TinyStore.run("numbers where kind = date", on: Self.store, columns: ["text", "date", "evidence"]) == """
            text | date | evidence
            Sunday | 2023-09-10 | Sunday nearest to 2023-09-12 (article date 2023-09-12)
            """)
        #expect(TinyStore.run("numbers where source.country = US and dimension = distance and normalized < 1000", on: Self.store,
                              columns: ["text", "source"]) == "text | source\n80 miles | Times")
        #expect(TinyStore.run("count numbers by dimension, source", on: Self.store) == """
            dimension | source | count
            length | Times | 2
            date | Daily | 1
            duration | Daily | 1
            duration | Times | 1
            length | Daily | 1
            """)
    }

    @Test func sentenceAndClauseTieAValueToItsEvent() {
        let store = ArticleStore(articles: [
            Article(document: Document(id: "a", text: "Title\nThe agency reported Tuesday that he left the capital on Sunday, officials said.",
                                       bodyStart: 6, metadata: ArticleMetadata(date: "2023-09-12")),
                    annotations: ArticleAnnotations(sentences: [Span(6, 87)])),
        ])
        // Both dates are in the sentence; only Sunday is in the clause that says he left.
        #expect(TinyStore.run("numbers where kind = date and sentence ~ left near/4 capital", on: store, columns: ["text"])
                == "text\nTuesday\nSunday")
        #expect(TinyStore.run("numbers where kind = date and clause ~ left near/4 capital", on: store, columns: ["text", "date", "clause"])
                == "text | date | clause\nSunday | 2023-09-10 | he left the capital on Sunday")
        #expect(TinyStore.run("numbers where clause ~ reported", on: store, columns: ["text", "clause"])
                == "text | clause\nTuesday | The agency reported Tuesday")
        // The nearest boundary on each side: after the last `that` before the date, before the first after it.
        let nested = ArticleStore(articles: [
            Article(document: Document(id: "b", text: "Title\nHe said that aides wrote that it left on Sunday that was all.",
                                       bodyStart: 6, metadata: ArticleMetadata(date: "2023-09-12")),
                    annotations: ArticleAnnotations(sentences: [Span(6, 67)])),
        ])
        #expect(TinyStore.run("numbers where clause ~ left", on: nested, columns: ["text", "clause"])
                == "text | clause\nSunday | it left on Sunday")
        #expect(TinyStore.run("numbers where clause ~ aides", on: nested, columns: ["text"]) == "text")
        #expect(TinyStore.run("explain numbers where clause ~ left", on: store) == """
            Project fact row (19 columns)
              Filter clause ~ 'left' and boilerplate = 'no'
                Scan numbers (est. 2 rows)
            """)
    }

    @Test func compareLaysFactsOfOneKindSideBySide() {
        #expect(TinyStore.run("compare numbers where measure ~ distance", on: Self.store,
                              columns: ["group", "article", "text", "normalized"]) == """
            group | article | text | normalized
            1 | a1 | 1,200 kilometers | 1200
            1 | a2 | 683 miles | 1099.2
            2 | a2 | 80 miles | 128.7
            """)
    }

    @Test func disagreementsHaveEvidenceFromBothSides() {
        #expect(TinyStore.run("disagreements", on: Self.store, columns: ["disagreement", "article", "text", "difference", "sentence"]) == """
            disagreement | article | text | difference | sentence
            1 | a1 | 1,200 kilometers | 8.4% | The train covers the 1,200 kilometers to the port in 20 hours.
            1 | a2 | 683 miles | 8.4% | The train covers the 683 miles to the port in about 20 hours.
            """)
        var environment = Environment()
        #expect(TinyStore.run("let d = disagreements", on: Self.store, environment: &environment).hasPrefix("let d:"))
        #expect(TinyStore.run("d where source = Times", on: Self.store, columns: ["article"], environment: &environment) == "article")
        #expect(TinyStore.run("d limit 1", on: Self.store, columns: ["article"], environment: &environment) == "article\na1")
    }

    @Test func seedCorpusDisagreements() {
        let store = FactSeedCorpusTests.store
        let rows = TinyStore.run("disagreements", on: store, columns: ["disagreement", "article", "text", "normalized", "sentence"])
        print(rows)
        #expect(rows.contains("| 002_9bb85a162a50f120 | 1,200 kilometers | 1200 | According to the South Korean newspaper Chosun Ilbo"))
        #expect(rows.contains("| 004_b7d6da664c311baa | 683 miles | 1099.2 | The 683 miles to Vladivostok"))
        #expect(!rows.contains("130 kilometers") && !rows.contains("80 miles"))
        let border = TinyStore.run(#"compare numbers where measure ~ border and dimension = distance"#, on: store, columns: ["group", "text"])
        #expect(border == "group | text\n1 | 130 kilometers\n1 | 80 miles")
    }
}
