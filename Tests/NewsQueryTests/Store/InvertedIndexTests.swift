import Testing
@testable import NewsQuery

@Suite("Store: the word index")
struct InvertedIndexTests {
    @Test func prefixesFindWhatAPassOverEveryWordFinds() {
        var index = InvertedIndex()
        let texts = ["Prices rose; the price of oil, priced high", "Pricing Prix préféré presidents", "cafe\u{301} café zebra"]
        for (n, text) in texts.enumerated() { index.add(document: n, text: text) }
        let all = TextTokenizer.words(texts.joined(separator: " "))
        for prefix in ["pri", "pric", "price", "pré", "pr", "z", "cafe", "café", "x", ""] {
            let expected = Array(Set(all.filter { $0.hasPrefix(prefix) })).sorted()
            #expect(index.words(withPrefix: prefix) == expected, "prefix \(prefix)")
        }
        // the sorted vocabulary is rebuilt after a document is added
        #expect(index.words(withPrefix: "zeb") == ["zebra"])
        index.add(document: 3, text: "zebus")
        #expect(index.words(withPrefix: "zeb") == ["zebra", "zebus"])
    }
}
