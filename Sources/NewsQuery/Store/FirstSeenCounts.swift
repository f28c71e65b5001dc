/// How often each key occurs, keys in the order each is first seen: one dictionary look-up per key
/// added (its group number), then its count by number. What `count … by` and the speaker index keep.
struct FirstSeenCounts<Key: Hashable> {
    private(set) var keys: [Key] = []
    private(set) var counts: [Int] = []
    private var group: [Key: Int] = [:]

    mutating func add(_ key: Key) {
        if let g = group[key] { counts[g] += 1 } else { group[key] = keys.count; keys.append(key); counts.append(1) }
    }
}
