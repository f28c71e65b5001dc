/// Word → postings (document number, word positions), in the style of FTS5's in-memory doclists.
/// Documents are numbered densely from 0 in the order they are added, so postings stay sorted.
public struct InvertedIndex: Sendable {
    public struct Posting: Hashable, Sendable {
        public var document: Int
        /// Word positions (0-based token numbers) of the term in the document, ascending.
        public var positions: [Int]
    }

    private(set) var postings: [String: [Posting]] = [:]
    public private(set) var documentCount = 0

    public init() {}

    mutating func add(document: Int, text: String) {
        precondition(document >= documentCount, "documents must be added in ascending order")
        documentCount = document + 1
        var positionsByWord: [String: [Int]] = [:]
        for (position, token) in TextTokenizer.tokens(text).enumerated() {
            positionsByWord[token.word, default: []].append(position)
        }
        for (word, positions) in positionsByWord {
            postings[word, default: []].append(Posting(document: document, positions: positions))
        }
    }

    /// The postings of one (lower-cased) word; empty when it never occurs.
    public func postings(for word: String) -> [Posting] { postings[word] ?? [] }

    /// Every indexed word starting with `prefix` (for wildcard terms), sorted.
    public func words(withPrefix prefix: String) -> [String] {
        postings.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// How many documents contain the word: the planner's estimate for a lookup.
    public func documentFrequency(_ word: String) -> Int { postings[word]?.count ?? 0 }
}
