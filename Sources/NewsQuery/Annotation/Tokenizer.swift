/// A token of the article body. Offsets are Unicode-scalar offsets into the document text. A token is plain
/// values only (its text is in `Tokens`), so reading one out of the array copies a few words and counts no
/// references: the rules read tokens millions of times.
struct AToken: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct, quote }
    var start: Int
    var end: Int
    var kind: Kind
    /// First scalar is an upper-case letter.
    var isCapitalized: Bool
    /// The token's first scalar.
    var first: Unicode.Scalar
    /// Newlines between the previous token and this one.
    var newlinesBefore: Int

    /// The token is the one scalar `s` (a punctuation mark, usually).
    @inline(__always) func isMark(_ s: Unicode.Scalar) -> Bool { end - start == 1 && first == s }
}

/// The tokens of an article with their texts, in parallel arrays (`texts[t]` is the text of `tokens[t]`).
struct Tokens: Sendable {
    var tokens: [AToken] = []
    /// Each token's text as written.
    var texts: [String] = []
    /// Each token's text in lower case (words only; other tokens as written).
    var lowers: [String] = []
    var count: Int { tokens.count }
}

enum ScalarClass {
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        if isCommonPunctuation(s) { return false }
        return s.properties.isAlphabetic
    }
    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    @inline(__always) static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return isDigit(s) || isLetter(s) }
        if isCommonPunctuation(s) { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0xFEFF, 0x200B, 0x2009, 0x202F, 0x2002, 0x2003: return true
        default: return s.value >= 128 && !isCommonPunctuation(s) && s.properties.isWhitespace
        }
    }
    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        if isCommonPunctuation(s) { return false }
        return s.properties.isUppercase
    }
    /// Dashes, curly quotation marks, bullets and the ellipsis (U+2010–U+2027) and « »: frequent in news
    /// and none of them a letter, digit, mark or space, so their Unicode properties need not be looked up.
    @inline(__always) static func isCommonPunctuation(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x2010 && s.value <= 0x2027) || s.value == 0xAB || s.value == 0xBB
    }
    @inline(__always) static func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
    static func isQuoteMark(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2018}", "\u{2019}", "'", "`": return true
        default: return false
        }
    }
}

/// Splits `scalars[from...]` into tokens: words (letters and digits, with inner apostrophes, hyphens and
/// the periods of dotted abbreviations such as U.S.), numbers and single punctuation marks.
/// The string of each ASCII scalar, and of its lower case.
private let asciiText: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
private let asciiLower: [String] = asciiText.map { $0.lowercased() }

func tokenize(_ scalars: [Unicode.Scalar], from: Int) -> Tokens {
    // Read through a buffer pointer: no bounds checks or reference counting per scalar.
    scalars.withUnsafeBufferPointer { tokenize($0, from: from) }
}

private func tokenize(_ sc: UnsafeBufferPointer<Unicode.Scalar>, from: Int) -> Tokens {
    var out = Tokens()
    out.tokens.reserveCapacity(sc.count / 5)
    out.texts.reserveCapacity(sc.count / 5)
    out.lowers.reserveCapacity(sc.count / 5)
    var i = max(0, from)
    let n = sc.count
    var newlines = 0
    func append(_ a: Int, _ b: Int, _ kind: AToken.Kind, _ newlines: Int) {
        // One ASCII scalar (punctuation, "a", "I", a digit): prebuilt strings.
        if b - a == 1, sc[a].value < 128 {
            let v = Int(sc[a].value)
            out.tokens.append(AToken(start: a, end: b, kind: kind, isCapitalized: v >= 65 && v <= 90, first: sc[a], newlinesBefore: newlines))
            out.texts.append(asciiText[v])
            out.lowers.append(kind == .word ? asciiLower[v] : asciiText[v])
            return
        }
        var ascii = true
        var hasUpper = false
        for k in a..<b {
            let v = sc[k].value
            if v >= 128 { ascii = false; break }
            if v >= 65 && v <= 90 { hasUpper = true }
        }
        let text: String
        let lower: String
        if ascii {
            text = String(unsafeUninitializedCapacity: b - a) { buf in
                for k in a..<b { buf[k - a] = UInt8(truncatingIfNeeded: sc[k].value) }
                return b - a
            }
            if kind == .word && hasUpper {
                lower = String(unsafeUninitializedCapacity: b - a) { buf in
                    for k in a..<b {
                        let v = UInt8(truncatingIfNeeded: sc[k].value)
                        buf[k - a] = v >= 65 && v <= 90 ? v + 32 : v
                    }
                    return b - a
                }
            } else {
                lower = text
            }
        } else {
            text = String(scalars: sc[a..<b])
            lower = kind == .word ? text.lowercased() : text
        }
        out.tokens.append(AToken(start: a, end: b, kind: kind, isCapitalized: ScalarClass.isUpper(sc[a]), first: sc[a], newlinesBefore: newlines))
        out.texts.append(text)
        out.lowers.append(lower)
    }
    while i < n {
        let s = sc[i]
        if ScalarClass.isSpace(s) {
            if s == "\n" { newlines += 1 }
            i += 1; continue
        }
        if ScalarClass.isAlnum(s) {
            var j = i + 1
            var hasDot = false
            var allDigits = ScalarClass.isDigit(s)
            while j < n {
                let c = sc[j]
                if ScalarClass.isAlnum(c) {
                    if !ScalarClass.isDigit(c) { allDigits = false }
                    j += 1; continue
                }
                // inner apostrophe, hyphen, period (U.S., e.g.), digits separators
                if j + 1 < n, ScalarClass.isAlnum(sc[j + 1]) {
                    if ScalarClass.isApostrophe(c) || c == "-" || c == "\u{2011}" { j += 1; continue }
                    if c == "." && (ScalarClass.isLetter(sc[j + 1]) && j - i <= 3 && !allDigits || ScalarClass.isDigit(sc[j + 1]) && allDigits) {
                        hasDot = true; j += 1; continue
                    }
                    if c == "," && allDigits && ScalarClass.isDigit(sc[j + 1]) { j += 1; continue }
                }
                break
            }
            // dotted abbreviation keeps its final period: U.S. / D.C.
            if hasDot && !allDigits && j < n && sc[j] == "." && ScalarClass.isLetter(sc[j - 1]) { j += 1 }
            // plural possessive: "Sanders' campaign", "the Clintons’ farm" (an apostrophe after s, then a word)
            if !allDigits, j + 2 < n, ScalarClass.isApostrophe(sc[j]), sc[j - 1] == "s" || sc[j - 1] == "S",
               sc[j + 1] == " ", ScalarClass.isLetter(sc[j + 2]) { j += 1 }
            append(i, j, allDigits ? .number : .word, newlines)
            newlines = 0
            i = j
            continue
        }
        // NYT double-apostrophe quote is one token
        if (s == "'" && i + 1 < n && sc[i + 1] == "'") || (s == "`" && i + 1 < n && sc[i + 1] == "`") {
            append(i, i + 2, .quote, newlines); newlines = 0; i += 2; continue
        }
        // "..." as one token
        if s == "." && i + 2 < n && sc[i + 1] == "." && sc[i + 2] == "." {
            append(i, i + 3, .punct, newlines); newlines = 0; i += 3; continue
        }
        append(i, i + 1, ScalarClass.isQuoteMark(s) ? .quote : .punct, newlines)
        newlines = 0
        i += 1
    }
    return out
}
