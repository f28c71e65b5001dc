/// Word → postings (document number, word positions), in the style of FTS5's in-memory doclists.
/// Documents are numbered densely from 0 in the order they are added, so postings stay sorted.
///
/// Each word's postings are one flat array of 32-bit numbers, document after document: the
/// document's number, how many times the word occurs in it, then those word positions ascending.
/// (A posting per document with its own array of positions cost some 60 bytes per occurrence,
/// most of the store's memory; this costs 4 bytes per occurrence and 8 per document.)
public struct InvertedIndex: Sendable {
    /// One word's postings, flat (see above), and the number of documents in them.
    struct PostingList: Sendable, Equatable {
        var data: [UInt32] = []
        var documentCount = 0

        mutating func append(document: Int, positions: some Collection<Int>) {
            data.append(UInt32(truncatingIfNeeded: document))
            data.append(UInt32(truncatingIfNeeded: positions.count))
            for p in positions { data.append(UInt32(truncatingIfNeeded: p)) }
            documentCount += 1
        }

        /// Calls `body` with each document and its positions, in ascending document order.
        func forEach(_ body: (Int, ArraySlice<UInt32>) -> Void) {
            var i = 0
            while i + 1 < data.count {
                let document = Int(data[i]), n = Int(data[i + 1])
                body(document, data[(i + 2)..<(i + 2 + n)])
                i += 2 + n
            }
        }
    }

    private(set) var lists: [String: PostingList] = [:]
    public private(set) var documentCount = 0
    /// The words in byte order, sorted on first use (a prefix is then a binary search, not a pass over
    /// every word: the planner expands each search word this way). Each change starts a new one.
    private var vocabulary = Computed<[String]>()

    public init() {}

    /// An index as built before (`StoreCache`): each word's postings in ascending document order.
    init(lists: [String: PostingList], documentCount: Int) {
        self.lists = lists
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
            lists[word, default: PostingList()].append(document: document, positions: positions)
        }
        vocabulary = Computed()
    }

    /// Calls `body` with each document holding the (lower-cased) word and the word's positions there,
    /// in ascending document order.
    func forEachPosting(of word: String, _ body: (_ document: Int, _ positions: ArraySlice<UInt32>) -> Void) {
        lists[word]?.forEach(body)
    }

    /// The postings of one (lower-cased) word, as (document, positions) pairs; empty when it never occurs.
    public func postings(for word: String) -> [(document: Int, positions: [Int])] {
        var result: [(document: Int, positions: [Int])] = []
        forEachPosting(of: word) { document, positions in result.append((document, positions.map { Int($0) })) }
        return result
    }

    /// Every indexed word starting with `prefix` (for wildcard terms), sorted.
    public func words(withPrefix prefix: String) -> [String] {
        // A word with an ASCII prefix starts with its bytes; the candidates so found are checked with
        // `hasPrefix` (characters), so the answer is the same as filtering every word.
        guard prefix.utf8.allSatisfy({ $0 < 128 }) else { return lists.keys.filter { $0.hasPrefix(prefix) }.sorted() }
        let sorted = vocabulary.value { lists.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
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
    public func documentFrequency(_ word: String) -> Int { lists[word]?.documentCount ?? 0 }
}
