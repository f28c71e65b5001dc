/// Simple English inflection for search words: two words match when they have the same base.
/// The rule is deliberately small, so that what matches can be written down (grammar/newsq.ebnf
/// and docs/LANGUAGE.md say the same):
///
/// 1. Words of 3 letters or fewer are their own base; so are a few invariant words (`news`, `series`…).
/// 2. Then the plural or third-person ending, if any: `-ies`/`-ied` → `-y` (countries → country);
///    `-es` after `s`, `x`, `z`, `ch`, `sh` (taxes → tax); `-s` unless the word ends in `ss`, `us`, `is`.
///    Then `-ing` or `-ed`, if any (meetings → meeting → meet); after them a doubled final consonant
///    other than `l`, `s`, `z` is undoubled (planned → plan). An ending is only removed when at least
///    3 letters remain.
/// 3. Then a final `-e` is removed when at least 3 letters remain (price, prices, priced, pricing → pric).
///
/// Over-matching is possible (`hoped` and `hopped` share `hop`), and irregular forms (`said`, `men`)
/// are not related to their bases.
enum Inflection {
    static let invariant: Set<String> = ["news", "series", "species", "always", "perhaps", "whereas", "less", "unless"]

    static func base(of word: String) -> String {
        var w = Array(word)
        guard w.count > 3, !invariant.contains(word), w.allSatisfy(\.isLetter) else { return word }
        func ends(_ suffix: String) -> Bool { w.count >= suffix.count && String(w.suffix(suffix.count)) == suffix }
        func strip(_ n: Int, min: Int = 3) -> Bool {
            guard w.count - n >= min else { return false }
            w.removeLast(n)
            return true
        }
        // 1. Plural and third person.
        if (ends("ies") || ends("ied")), w.count - 3 >= 2 {
            w.removeLast(3); w.append("y")
        } else if ends("es"), ["s", "x", "z", "ch", "sh"].contains(where: { String(w.dropLast(2)).hasSuffix($0) }), strip(2) {
        } else if ends("s"), !ends("ss"), !ends("us"), !ends("is"), strip(1) {
        }
        // 2. Participles.
        if ends("ing"), strip(3) {
            undouble(&w)
        } else if ends("ed"), strip(2) {
            undouble(&w)
        }
        // 3. A final e.
        if w.last == "e", w.count - 1 >= 3 { w.removeLast() }
        return String(w)
    }

    /// The prefix every word with this base starts with (the base without a final `y`, which
    /// `-ies` replaces): the index is asked for these words and each is checked with `base(of:)`.
    static func prefix(ofBase base: String) -> String {
        base.count > 1 && base.hasSuffix("y") ? String(base.dropLast()) : base
    }

    private static func undouble(_ w: inout [Character]) {
        guard w.count >= 4, let last = w.last, w[w.count - 2] == last, !"lsz".contains(last),
              !"aeiou".contains(last), last.isLetter else { return }
        w.removeLast()
    }
}
