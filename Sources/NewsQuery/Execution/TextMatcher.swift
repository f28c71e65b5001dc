/// Matches a `TextSearch` against the words of one text (the evaluator's side of what the index
/// answers): phrases are consecutive matching words, `near/N` needs the two phrases at most N words
/// apart (1 = next to each other) in either order, without overlapping.
enum TextMatcher {
    static func matches(_ search: TextSearch, _ words: [String]) -> Bool {
        switch search {
        case .phrase(let phrase): !starts(of: phrase, in: words).isEmpty
        case .near(let a, let b, let distance):
            isNear(starts(of: a, in: words), a.count, starts(of: b, in: words), b.count, distance: distance)
        case .and(let items): items.allSatisfy { matches($0, words) }
        case .or(let items): items.contains { matches($0, words) }
        case .not(let inner): !matches(inner, words)
        }
    }

    /// Positions where the phrase begins in `words`, ascending.
    static func starts(of phrase: [SearchWord], in words: [String]) -> [Int] {
        guard !phrase.isEmpty, words.count >= phrase.count else { return [] }
        return (0...(words.count - phrase.count)).filter { start in
            phrase.indices.allSatisfy { phrase[$0].matches(words[start + $0]) }
        }
    }

    /// Positions where a phrase begins, given the positions at which each of its words occurs.
    static func starts(slotPositions: [Set<Int>]) -> [Int] {
        guard let first = slotPositions.first else { return [] }
        return first.filter { start in
            slotPositions.indices.dropFirst().allSatisfy { slotPositions[$0].contains(start + $0) }
        }.sorted()
    }

    /// Some occurrence of A (length `lengthA`) and some of B lie at most `distance` words apart.
    static func isNear(_ a: [Int], _ lengthA: Int, _ b: [Int], _ lengthB: Int, distance: Int) -> Bool {
        guard lengthA > 0, lengthB > 0 else { return false }
        for x in a {
            for y in b {
                let gap = y >= x ? y - (x + lengthA - 1) : x - (y + lengthB - 1)
                if gap >= 1, gap <= distance { return true }
            }
        }
        return false
    }
}
