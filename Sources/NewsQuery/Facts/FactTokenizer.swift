/// Splits an article body into the tokens `NumberExtractor` reads, in one pass: words (letters and
/// digits, with inner apostrophes), numbers (digits with thousands commas or a decimal point:
/// `1,200`, `2.5`), currency and percent symbols, and single punctuation marks. Offsets are
/// Unicode-scalar offsets into the article text.
struct FactTokenizer {
    struct Token: Hashable, Sendable {
        enum Kind: Hashable, Sendable { case word, number, symbol, punct }
        var kind: Kind
        var start: Int
        var end: Int
        /// The token's text, lower-cased (the text as written is in the article).
        var lower: String
        /// True when a letter begins the word with a capital.
        var capitalized: Bool
        /// The value of a number token.
        var number: Double?
    }

    static let symbols: Set<Unicode.Scalar> = ["$", "€", "£", "¥", "₽", "₩", "%"]

    static func tokens(_ scalars: [Unicode.Scalar], from start: Int, to end: Int? = nil) -> [Token] {
        let end = min(end ?? scalars.count, scalars.count)
        var out: [Token] = []
        out.reserveCapacity((end - start) / 5)
        var i = max(0, start)
        // ASCII first: Unicode property lookups only for other scalars.
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 128 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
            return s.properties.isAlphabetic
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 128 { return v == 32 || (v >= 9 && v <= 13) }
            return s.properties.isWhitespace
        }
        // Lower-case text of a token: ASCII through a byte buffer (no Unicode tables), else `lowercased()`.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        func make(_ kind: Token.Kind, _ a: Int, _ b: Int, number: Double? = nil) -> Token {
            bytes.removeAll(keepingCapacity: true)
            var ascii = true
            for s in scalars[a..<b] {
                let v = s.value
                if v >= 128 { ascii = false; break }
                bytes.append(v >= 65 && v <= 90 ? UInt8(v + 32) : UInt8(v))
            }
            let lower: String
            if ascii {
                lower = String(decoding: bytes, as: UTF8.self)
            } else {
                lower = String(scalars: scalars[a..<b]).lowercased()
            }
            let first = scalars[a].value
            let capitalized = kind == .word && (first < 128 ? (first >= 65 && first <= 90) : scalars[a].properties.isUppercase)
            return Token(kind: kind, start: a, end: b, lower: lower, capitalized: capitalized, number: number)
        }
        while i < end {
            let s = scalars[i]
            if isSpace(s) { i += 1; continue }
            if isDigit(s) {
                var j = i
                var digits = ""
                var letters = false
                while j < end {
                    let c = scalars[j]
                    if isDigit(c) { digits.unicodeScalars.append(c); j += 1; continue }
                    // 1,200 (a group of exactly three digits) and 2.5
                    if (c == "," || c == "."), j + 1 < end, isDigit(scalars[j + 1]) {
                        if c == "," {
                            var k = j + 1
                            while k < end, isDigit(scalars[k]) { k += 1 }
                            guard k - j - 1 == 3 else { break }
                        } else if digits.contains(".") { break }
                        if c == "." { digits.append(".") }
                        j += 1
                        continue
                    }
                    if isLetter(c) { letters = true }
                    break
                }
                if letters {
                    // 2nd, 10th, 5km: digits then letters are a word; split a trailing unit off.
                    var k = j
                    while k < end, isLetter(scalars[k]) { k += 1 }
                    out.append(make(.number, i, j, number: Double(digits)))
                    out.append(make(.word, j, k))
                    i = k
                    continue
                }
                out.append(make(.number, i, j, number: Double(digits)))
                i = j
            } else if isLetter(s) {
                var j = i + 1
                while j < end {
                    let c = scalars[j]
                    if isLetter(c) || isDigit(c) { j += 1; continue }
                    if (c == "'" || c == "’"), j + 1 < end, isLetter(scalars[j + 1]) { j += 1; continue }
                    break
                }
                out.append(make(.word, i, j))
                i = j
            } else if symbols.contains(s) {
                out.append(make(.symbol, i, i + 1))
                i += 1
            } else {
                out.append(make(.punct, i, i + 1))
                i += 1
            }
        }
        return out
    }
}
