/// Near-duplicate articles (wire copy republished under another headline, with a paragraph more or
/// less): found once, when the store is built, for `duplicates`.
///
/// An article's *shingles* are the hashes of every run of `shingleLength` consecutive words of its
/// body (front matter and boilerplate lines left out; words lower-cased as `TextTokenizer` splits
/// them). Two articles are near-duplicates when the shingles they share make up at least `threshold`
/// of the shingles of the shorter one (its *containment*, the `similarity` column), and they share at
/// least `minShared` shingles. The Jaccard similarity (shared over all distinct shingles of both) is
/// reported too.
///
/// No article is compared with every other. Candidates come from an inverted index of shingles with
/// prefix filtering: each article's shingles are ordered rarest first (by how many articles have
/// them) and only its first `|A| - ⌈threshold·|A|⌉ + 1` are looked up, among articles at least as
/// long. If A is the shorter of a pair that meets the threshold, B must hold one of them (otherwise
/// fewer than threshold·|A| would be shared), so no pair is missed; common shingles, with long
/// posting lists, sit at the end of the order and are mostly not looked up. Each candidate pair is
/// then checked exactly on the two sorted shingle sets.
public struct NearDuplicates: Sendable {
    public struct Pair: Hashable, Sendable {
        /// Indexes in `ArticleStore.articles`, `first < second`.
        public var first: Int
        public var second: Int
        /// Shared shingles over the shingles of the shorter article (0…1).
        public var similarity: Double
        /// Shared shingles over the distinct shingles of both (0…1).
        public var jaccard: Double
        /// Shingles in both.
        public var shared: Int
        /// Runs of consecutive shared shingles in the first article: the passages both print.
        public var passages: Int
        /// Pairs that share an article are in one group (a story and every copy of it), numbered from 1
        /// in the order of their most similar pair.
        public var group: Int = 0
    }

    public static let shingleLength = 5
    /// Least containment (shared shingles over those of the shorter article) of a near-duplicate pair.
    public static let threshold = 0.5
    /// Least number of shared shingles (a one-line article is not a copy of one line of another).
    public static let minShared = 5

    /// The near-duplicate pairs, most similar first (then by article order).
    public private(set) var pairs: [Pair] = []

    public init() {}

    init(articles: [Article]) {
        // Only the sets are kept; a pair's passages read its first article's shingles again.
        let sets = articles.map { Array(Set(Self.shingleSequence($0))).sorted() }
        // The shingle index: (shingle, article) for every distinct shingle of every article, sorted, so
        // that a shingle's articles are one run of it (no table of small arrays).
        var index: [(shingle: UInt64, article: Int32)] = []
        index.reserveCapacity(sets.reduce(0) { $0 + $1.count })
        for (a, set) in sets.enumerated() {
            for shingle in set { index.append((shingle, Int32(a))) }
        }
        index.sort { ($0.shingle, $0.article) < ($1.shingle, $1.article) }
        /// The run of `shingle` in the index.
        func postings(_ shingle: UInt64) -> Range<Int> {
            var lo = 0, hi = index.count
            while lo < hi { let mid = (lo + hi) / 2; if index[mid].shingle < shingle { lo = mid + 1 } else { hi = mid } }
            var end = lo
            while end < index.count, index[end].shingle == shingle { end += 1 }
            return lo..<end
        }
        var found: [Pair] = []
        for (a, set) in sets.enumerated() where set.count >= Self.minShared {
            let needed = max(Self.minShared, Int((Self.threshold * Double(set.count)).rounded(.up)))
            let prefixLength = set.count - needed + 1
            let runs = set.map { postings($0) }
            let rarestFirst = set.indices.sorted { (runs[$0].count, set[$0]) < (runs[$1].count, set[$1]) }
            var candidates = Set<Int>()
            for i in rarestFirst.prefix(prefixLength) {
                for entry in index[runs[i]] {
                    let b = Int(entry.article)
                    // Each pair is checked once, from its shorter article (ties: the lower index).
                    if b != a, sets[b].count > set.count || (sets[b].count == set.count && b > a) { candidates.insert(b) }
                }
            }
            for b in candidates.sorted() {
                let shared = Self.intersectionCount(set, sets[b])
                guard shared >= Self.minShared else { continue }
                let similarity = Double(shared) / Double(min(set.count, sets[b].count))
                guard similarity >= Self.threshold else { continue }
                let (first, second) = (min(a, b), max(a, b))
                let other = Set(sets[second])
                found.append(Pair(first: first, second: second, similarity: similarity,
                                  jaccard: Double(shared) / Double(set.count + sets[b].count - shared), shared: shared,
                                  passages: Self.runs(of: Self.shingleSequence(articles[first]), in: other)))
            }
        }
        pairs = found.sorted { ($1.similarity, $0.first, $0.second) < ($0.similarity, $1.first, $1.second) }
        // Groups: the connected articles (union-find), numbered as their first pair comes.
        var parent: [Int: Int] = [:]
        for pair in pairs { parent[pair.first] = pair.first; parent[pair.second] = pair.second }
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x]! != x { parent[x] = parent[parent[x]!]!; x = parent[x]! }
            return x
        }
        for pair in pairs { parent[root(pair.first)] = root(pair.second) }
        var numbers: [Int: Int] = [:]
        for i in pairs.indices {
            let r = root(pairs[i].first)
            if numbers[r] == nil { numbers[r] = numbers.count + 1 }
            pairs[i].group = numbers[r]!
        }
    }

    /// The shingles of an article's body in text order (boilerplate lines left out).
    static func shingleSequence(_ article: Article) -> [UInt64] {
        let boilerplate = article.annotations.boilerplate.sorted()
        let start = min(max(0, article.bodyStart), article.scalars.count)
        let words = TextTokenizer.tokens(Array(article.scalars[start...]))
            .filter { token in !boilerplate.covers(Span(token.span.start + start, token.span.end + start)) }
            .map { hash($0.word) }
        guard words.count >= shingleLength else { return [] }
        return (0...(words.count - shingleLength)).map { i in
            var h = FNV.basis
            for w in words[i..<(i + shingleLength)] { h = FNV.step(h, w); h ^= h >> 29 }
            return h
        }
    }

    /// FNV-1a of a word's UTF-8 bytes.
    static func hash(_ word: String) -> UInt64 { FNV.hash(bytes: word.utf8) }

    /// Elements common to two sorted arrays without duplicates.
    static func intersectionCount(_ a: [UInt64], _ b: [UInt64]) -> Int {
        var i = 0, j = 0, n = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { n += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return n
    }

    /// Maximal runs of consecutive shingles of `sequence` that are in `other`.
    static func runs(of sequence: [UInt64], in other: Set<UInt64>) -> Int {
        var runs = 0, inRun = false
        for shingle in sequence {
            let shared = other.contains(shingle)
            if shared, !inRun { runs += 1 }
            inRun = shared
        }
        return runs
    }
}
