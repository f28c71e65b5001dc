import Testing
@testable import NewsQuery

@Suite("Store: words for the index and the search")
struct TextTokenizerTests {
    @Test func innerApostrophesAndHyphensStayAndPossessivesGo() {
        #expect(TextTokenizer.words("Don't tax Kim-Putin talks") == ["don't", "tax", "kim-putin", "talks"])
        // a final possessive is the word itself, with either apostrophe; the span keeps the whole token
        #expect(TextTokenizer.words("Clinton's plan and Putin’s train; the Clintons' farm") ==
                ["clinton", "plan", "and", "putin", "train", "the", "clintons", "farm"])
        #expect(TextTokenizer.tokens("Putin’s visit").first?.span == Span(0, 7))
        // a base of one letter is kept whole ("A's")
        #expect(TextTokenizer.words("a's") == ["a's"])
    }

    @Test func aNameFindsItsPossessive() {
        let store = ArticleStore(documents: [
            Document(id: "a", text: "Title\n\"Clinton's plan will fail,\" the senator said.", bodyStart: 6),
        ])
        #expect(TinyStore.run("quotes where text ~ clinton", on: store, columns: ["text"]) == "text\nClinton's plan will fail")
        #expect(TinyStore.run(#"quotes where text ~ "clinton's plan""#, on: store, columns: ["article"]) == "article\na")
    }
}
