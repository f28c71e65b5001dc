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

    @Test func postingsGiveEachDocumentItsPositionsInOrderAndSurviveTheCacheFormat() throws {
        var index = InvertedIndex()
        index.add(document: 0, text: "Oil prices rose, and oil fell.")
        index.add(document: 2, text: "No match here")
        index.add(document: 5, text: "oil OIL oil")
        let expected: [(Int, [Int])] = [(0, [0, 4]), (5, [0, 1, 2])]
        func check(_ index: InvertedIndex) {
            let got = index.postings(for: "oil")
            #expect(got.map(\.document) == expected.map(\.0))
            #expect(got.map(\.positions) == expected.map(\.1))
            #expect(index.documentFrequency("oil") == 2)
            #expect(index.documentFrequency("match") == 1)
            #expect(index.postings(for: "gas").isEmpty)
            #expect(index.documentCount == 6)
        }
        check(index)
        var writer = BinaryWriter()
        writer.write(index)
        let bytes = writer.bytes
        try bytes.withUnsafeBufferPointer { buffer in
            var reader = BinaryReader(buffer)
            check(try InvertedIndex(from: &reader))
        }
    }
}
