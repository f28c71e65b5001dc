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
    /// The words in byte order, sorted on first use (a prefix is then a binary search, not a pass over
    /// every word: the planner expands each search word this way). Each change starts a new one.
    private var vocabulary = Computed<[String]>()

    public init() {}

    /// An index as built before (`StoreCache`): each word's postings in ascending document order.
    init(postings: [String: [Posting]], documentCount: Int) {
        self.postings = postings
        self.documentCount = documentCount
    }

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
        vocabulary = Computed()
    }

    /// The postings of one (lower-cased) word; empty when it never occurs.
    public func postings(for word: String) -> [Posting] { postings[word] ?? [] }

    /// Every indexed word starting with `prefix` (for wildcard terms), sorted.
    public func words(withPrefix prefix: String) -> [String] {
        // A word with an ASCII prefix starts with its bytes; the candidates so found are checked with
        // `hasPrefix` (characters), so the answer is the same as filtering every word.
        guard prefix.utf8.allSatisfy({ $0 < 128 }) else { return postings.keys.filter { $0.hasPrefix(prefix) }.sorted() }
        let sorted = vocabulary.value { postings.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid].utf8.lexicographicallyPrecedes(prefix.utf8) { lo = mid + 1 } else { hi = mid }
        }
        var found: [String] = []
        while lo < sorted.count, sorted[lo].utf8.starts(with: prefix.utf8) {
            if sorted[lo].hasPrefix(prefix) { found.append(sorted[lo]) }
            lo += 1
        }
        return found.sorted()
    }

    /// How many documents contain the word: the planner's estimate for a lookup.
    public func documentFrequency(_ word: String) -> Int { postings[word]?.count ?? 0 }
}
