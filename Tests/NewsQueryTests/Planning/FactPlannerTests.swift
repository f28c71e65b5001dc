import Testing
@testable import NewsQuery

@Suite struct FactPlannerTests {
    static let store = ArticleStore(documents: [
        Document(id: "a1", text: "Title\nThe train covers the 1,200 kilometers to the port in 20 hours.", bodyStart: 6),
        Document(id: "a2", text: "Title\nThe train covers the 683 miles to the port in 20 hours.", bodyStart: 6),
    ])

    @Test func numbersScanTheFacts() {
        #expect(TinyStore.run("explain numbers where unit = km order by normalized desc limit 2", on: Self.store) == """
            Project fact row (19 columns)
              Limit 2
                Sort normalized desc (empty last)
                  Filter unit = 'km' and boilerplate = 'no'
                    Scan numbers (est. 4 rows)
            """)
    }

    @Test func compareAndDisagreementsWorkOnTheFilteredFacts() {
        #expect(TinyStore.run("explain compare numbers where dimension = length", on: Self.store) == """
            Project group, measure, article, source, text, value, unit, normalized, normalized_unit, date, compared, sentence
              CompareFacts same dimension, similarity >= 0.5
                Filter dimension = 'length' and boilerplate = 'no'
                  Scan numbers (est. 4 rows)
            """)
        #expect(TinyStore.run("explain disagreements order by article limit 4", on: Self.store) == """
            Project disagreement, measure, article, source, text, normalized, normalized_unit, date, compared, difference, sentence
              Limit 4
                Sort article asc (empty last)
                  Disagreements same dimension, similarity >= 0.5, values differ > 5% (dates: at all)
                    Filter boilerplate = 'no'
                      Scan numbers (est. 4 rows)
            """)
    }
}
