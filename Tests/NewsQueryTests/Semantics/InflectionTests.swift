import Testing
@testable import NewsQuery

@Suite struct InflectionTests {
    func base(_ word: String) -> String { Inflection.base(of: word) }

    @Test func regularFormsShareTheirBase() {
        for group in [["price", "prices", "priced", "pricing"], ["meet", "meets", "meeting"], ["plan", "plans", "planned", "planning"],
                      ["country", "countries"], ["tax", "taxes"], ["match", "matches"], ["warn", "warned", "warning", "warns"],
                      ["deal", "deals", "dealing"], ["call", "called", "calls"],
                      ["meeting", "meetings", "meet"], ["try", "tries", "tried", "trying"]] {
            #expect(Set(group.map(base)).count == 1, "\(group)")
        }
    }

    @Test func shortAndInvariantWordsStayAsTheyAre() {
        for word in ["was", "has", "his", "its", "news", "series", "this", "status", "need", "being", "kim-putin", "2023"] {
            #expect(base(word) == word || word == "status" || word == "need", "\(word)")
        }
        #expect(base("news") != base("new"))
        #expect(base("this") == "this")
        #expect(base("status") == "status")
        #expect(base("need") == "need")
    }

    @Test func theIndexPrefixCoversEveryForm() {
        for word in ["countries", "prices", "planned", "flies", "taxes", "meeting"] {
            let b = base(word)
            #expect(word.hasPrefix(Inflection.prefix(ofBase: b)), "\(word) → \(b)")
        }
    }

    @Test func searchWordsMatchTheirForms() {
        #expect(SearchWord("price").matches("pricing"))
        #expect(SearchWord("prices").matches("price"))
        #expect(!SearchWord("price").matches("prick"))
        #expect(SearchWord("pri", .prefix).matches("prick"))
        #expect(!SearchWord("pri", .prefix).matches("april"))
    }
}
