/// Normalisation of names for matching: case, diacritics, apostrophes, hyphens and common
/// transliteration variants (Dmitry/Dmitri, Sergey/Sergei, Vostotchny/Vostochny).
enum NameKey {
    /// Lower case, diacritics folded, typographic apostrophes unified, whitespace collapsed.
    static func plain(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 128 && $0 != 9 && $0 != 10 && $0 != 13 }) {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            for b in s.utf8 {
                if b == 32 { if !out.isEmpty && out.last != 32 { out.append(32) }; continue }
                out.append(b >= 65 && b <= 90 ? b + 32 : (b == 96 ? 39 : b))
            }
            while out.last == 32 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for ch in s.lowercased().unicodeScalars {
            if ch.properties.isWhitespace {
                if !lastSpace { out.append(" "); lastSpace = true }
                continue
            }
            lastSpace = false
            if ch == "\u{2019}" || ch == "\u{2018}" || ch == "`" { out.append("'"); continue }
            if ch.value >= 0x300 && ch.value <= 0x36F { continue }
            if ch.value >= 0xC0 && ch.value < 0x250 {
                // fold Latin letters with diacritics
                let decomposed = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
                if let base = decomposed.first { out.append(base) } else { out.append(ch) }
                continue
            }
            out.append(ch)
        }
        while let last = out.last, last == " " { out.removeLast() }
        return String(out)
    }

    /// A key for one name word (or a given name written as several parts): letters and digits only, lower
    /// case, with transliteration variants collapsed (tch→ch, yo→e, iy→i, ph→f, w→v, x→ks, ou→u, y→i,
    /// initial ye→e, doubled letters single).
    static func word(_ s: String) -> String {
        var a: [UInt8] = []
        a.reserveCapacity(s.utf8.count)
        var ascii = true
        for b in s.utf8 {
            if b >= 128 { ascii = false; break }
            if b >= 65 && b <= 90 { a.append(b + 32) } else if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { a.append(b) }
        }
        if !ascii {
            a.removeAll(keepingCapacity: true)
            for ch in plain(s).unicodeScalars {
                if ch.value < 128 {
                    let b = UInt8(ch.value)
                    if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { a.append(b) }
                } else if ch.properties.isAlphabetic {
                    a.append(contentsOf: Array(String(ch).utf8))
                }
            }
        }
        let y: UInt8 = 121, e: UInt8 = 101, i: UInt8 = 105, o: UInt8 = 111, u: UInt8 = 117
        var out: [UInt8] = []
        out.reserveCapacity(a.count + 2)
        var k = 0
        if a.count > 2, a[0] == y, a[1] == e { out.append(e); k = 2 }
        else if a.count > 2, a[0] == y, a[1] == u { out.append(i); out.append(u); k = 2 }
        func push(_ b: UInt8) { if out.last != b { out.append(b) } }
        while k < a.count {
            let c = a[k]
            let n1: UInt8 = k + 1 < a.count ? a[k + 1] : 0
            let n2: UInt8 = k + 2 < a.count ? a[k + 2] : 0
            if c == 116, n1 == 99, n2 == 104 { push(99); push(104); k += 3; continue }       // tch → ch
            if c == y, n1 == o { push(e); k += 2; continue }                                  // yo → e
            if c == i, n1 == y || n1 == 106 { push(i); k += 2; continue }                     // iy, ij → i
            if c == 112, n1 == 104 { push(102); k += 2; continue }                            // ph → f
            if c == o, n1 == u { push(u); k += 2; continue }                                  // ou → u
            if c == 119 { push(118); k += 1; continue }                                       // w → v
            if c == 120 { push(107); push(115); k += 1; continue }                            // x → ks
            if c == y { push(i); k += 1; continue }                                           // y → i
            push(c); k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    /// Whether two given-name keys are spelling variants: equal, or one vowel edit apart inside the word
    /// (not at its end, where many languages mark gender: Daniel / Daniela), both at least 5 letters.
    static func variants(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a), y = Array(b)
        guard min(x.count, y.count) >= 5, abs(x.count - y.count) <= 1 else { return false }
        guard x.first == y.first, x.last == y.last else { return false }
        // one edit: substitution vowel→vowel, or insertion/deletion of a vowel
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count {
            guard vowels.contains(x[i]), vowels.contains(y[i]) else { return false }
            return x[(i + 1)...] == y[(i + 1)...]
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        guard vowels.contains(long[i]) else { return false }
        return long[(i + 1)...] == short[i...]
    }

    /// Damerau-Levenshtein distance (optimal string alignment), bounded: returns `limit + 1` when larger.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var d = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    /// A key for an organisation, place or event name: plain words, leading "the" and possessive dropped.
    static func phrase(_ s: String) -> String {
        var words = plain(s).split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        if var last = words.last, last.hasSuffix("'s") { last.removeLast(2); words[words.count - 1] = last }
        return words.map { word($0) }.joined(separator: " ")
    }
}
