/// Which facts of different articles are "the same kind of fact", and which of those disagree.
///
/// Two facts are of the same kind when they have the same dimension (both distances, both dates…)
/// and their contexts are similar: the overlap (Jaccard) of their measure words, plus one when their
/// sentences also report another fact on which the two agree (two distances each given with the
/// same travel time and speed are about the same journey). Similar enough is `threshold` (0.5).
/// `compare` groups facts by this relation (single link); `disagreements` lists pairs of similar facts
/// from different articles whose normalised values differ by more than `tolerance` (relative, 5%
/// by default), or whose dates differ at their common precision.
struct FactComparison {
    let table: FactTable
    var threshold = 0.5
    var tolerance = 0.05

    /// Facts of the same sentence, for the co-reported bonus: (article, sentence start) → entry numbers.
    private let bySentence: [SentenceKey: [Int]]

    struct SentenceKey: Hashable { var article: Int; var start: Int }

    init(table: FactTable, threshold: Double = 0.5, tolerance: Double = 0.05) {
        self.table = table
        self.threshold = threshold
        self.tolerance = tolerance
        var map: [SentenceKey: [Int]] = [:]
        for (n, e) in table.entries.enumerated() { map[SentenceKey(article: e.article, start: e.fact.sentence.start), default: []].append(n) }
        bySentence = map
    }

    /// How alike the contexts of two facts are (0 = unrelated); nil when they cannot be compared.
    func similarity(_ a: Int, _ b: Int) -> Double? {
        let x = table.entries[a], y = table.entries[b]
        guard x.fact.dimension == y.fact.dimension, x.fact.dimension.isComparable else { return nil }
        guard x.fact.kind == .date || (x.fact.normalizedUnit == y.fact.normalizedUnit) else { return nil }
        let wa = Set(x.fact.measureWords), wb = Set(y.fact.measureWords)
        let union = wa.union(wb).count
        var score = union == 0 ? 0 : Double(wa.intersection(wb).count) / Double(union)
        if x.article != y.article, coReportedAgreement(a, b) { score += 1 }
        return score
    }

    /// Whether the two facts' sentences each hold another fact, of one dimension, on which they agree.
    private func coReportedAgreement(_ a: Int, _ b: Int) -> Bool {
        let x = table.entries[a], y = table.entries[b]
        let others = (bySentence[SentenceKey(article: x.article, start: x.fact.sentence.start)] ?? []).filter { $0 != a }
        let theirs = (bySentence[SentenceKey(article: y.article, start: y.fact.sentence.start)] ?? []).filter { $0 != b }
        for o in others {
            let fo = table.entries[o].fact
            guard fo.dimension != x.fact.dimension, fo.dimension != .count, fo.dimension != .ordinal, fo.normalized != nil else { continue }
            for t in theirs {
                let ft = table.entries[t].fact
                if ft.dimension == fo.dimension, ft.normalizedUnit == fo.normalizedUnit, agree(fo, ft) { return true }
            }
        }
        return false
    }

    /// Whether two facts of one dimension give the same value (within the tolerance; dates at their
    /// common precision).
    func agree(_ x: Fact, _ y: Fact) -> Bool {
        if x.kind == .date {
            guard let a = x.date, let b = y.date else { return true }
            return FactComparison.datesAgree(a, b)
        }
        guard let a = x.normalized, let b = y.normalized else { return true }
        let scale = max(abs(a), abs(b))
        return scale == 0 || abs(a - b) / scale <= tolerance
    }

    /// `2019` and `2019-04` agree; ranges agree when they overlap.
    static func datesAgree(_ a: String, _ b: String) -> Bool {
        func bounds(_ s: String) -> (String, String) {
            let parts = s.split(separator: "/").map(String.init)
            return (parts[0], parts.count > 1 ? parts[1] : parts[0])
        }
        let (a1, a2) = bounds(a), (b1, b2) = bounds(b)
        func cmp(_ x: String, _ y: String) -> Int {
            let n = min(x.count, y.count)
            let p = String(x.prefix(n)), q = String(y.prefix(n))
            return p < q ? -1 : p > q ? 1 : 0
        }
        return cmp(a1, b2) <= 0 && cmp(b1, a2) <= 0
    }

    /// Groups of similar facts among `numbers` (entry numbers), each in store order, groups ordered by
    /// their first fact.
    func groups(_ numbers: [Int]) -> [[Int]] {
        var parent = Array(numbers.indices)
        func find(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
        for i in numbers.indices {
            for j in numbers.indices where j > i {
                if let s = similarity(numbers[i], numbers[j]), s >= threshold {
                    let (ri, rj) = (find(i), find(j))
                    if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
                }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in numbers.indices {
            let r = find(i)
            if byRoot[r] == nil { order.append(r) }
            byRoot[r, default: []].append(numbers[i])
        }
        return order.map { byRoot[$0]! }
    }

    /// A disagreement: two similar facts from different articles whose values differ.
    struct Disagreement: Hashable {
        var first: Int
        var second: Int
        /// The relative difference of the normalised values (nil for dates).
        var difference: Double?
    }

    /// Pairs of similar facts of different articles (among `numbers`) that do not agree, in store order.
    func disagreements(_ numbers: [Int]) -> [Disagreement] {
        var out: [Disagreement] = []
        for (i, a) in numbers.enumerated() {
            let x = table.entries[a]
            guard x.fact.kind == .date ? x.fact.date != nil : x.fact.normalized != nil else { continue }
            for b in numbers[(i + 1)...] {
                let y = table.entries[b]
                guard x.article != y.article, let s = similarity(a, b), s >= threshold, !agree(x.fact, y.fact) else { continue }
                var difference: Double?
                if let p = x.fact.normalized, let q = y.fact.normalized { difference = abs(p - q) / max(abs(p), abs(q)) }
                out.append(Disagreement(first: a, second: b, difference: difference))
            }
        }
        return out
    }
}
