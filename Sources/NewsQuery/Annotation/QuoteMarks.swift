/// One stretch of text between quotation marks, found in a single pass over the scalars.
struct QuoteSegment: Sendable {
    /// Offset of the opening mark.
    var open: Int
    /// Content inside the marks, whitespace-trimmed.
    var contentStart: Int
    var contentEnd: Int
    /// End offset of the closing mark, or nil when the paragraph ended first.
    var closeEnd: Int?
    /// Continues an unclosed quotation of the previous paragraph.
    var continuesPrevious: Bool
    /// Single-quote (‘…’ or '…') quotation.
    var single: Bool
}

/// Finds quotations delimited by “ ”, „ “, „ ”, « », » « (German, Danish), ‹ ›, › ‹, 「 」, 『 』,
/// straight ", NYT-style '' … '', and single-quote quotations ‘…’ / '…' / ‚…‘ (only where an opening
/// mark is clearly followed by a matching closing one on the same line, so apostrophes never open quotes).
struct QuoteMarkFinder {
    private static func isOpenContext(_ sc: [Unicode.Scalar], _ i: Int, from: Int) -> Bool {
        if i <= from { return true }
        let p = sc[i - 1]
        if ScalarClass.isSpace(p) { return true }
        switch p {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", ":", "\u{201C}", "\u{2018}", "\"": return true
        default: return false
        }
    }
    private static func isCloseContext(_ sc: [Unicode.Scalar], _ i: Int) -> Bool {
        if i >= sc.count { return true }
        let s = sc[i]
        if ScalarClass.isSpace(s) { return true }
        return !ScalarClass.isAlnum(s)
    }
    private static func isTerminal(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case ".", "!", "?", "\u{2026}", "\u{201D}", "\"", "'", "\u{2019}", "\u{00BB}", ":": return true
        default: return false
        }
    }

    /// Length of a double opening/closing mark at `i` (0 if none) and whether it can only open / only close.
    private static func doubleMark(_ sc: [Unicode.Scalar], _ i: Int) -> (len: Int, fixed: Int) {
        // fixed: 1 = opening only, 2 = closing only, 0 = decided by context
        switch sc[i] {
        case "\u{201C}", "\u{201E}", "\u{00AB}", "\u{2039}", "\u{300C}", "\u{300E}": return (1, 1)
        case "\u{201D}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}": return (1, 2)
        case "\"": return (1, 0)
        case "'": if i + 1 < sc.count && sc[i + 1] == "'" { return (2, 0) }
        case "`": if i + 1 < sc.count && sc[i + 1] == "`" { return (2, 1) }
        default: break
        }
        return (0, 0)
    }

    func find(_ sc: [Unicode.Scalar], from: Int) -> [QuoteSegment] {
        var out: [QuoteSegment] = []
        let n = sc.count
        var openAt = -1            // offset of the pending double opening mark
        var contentStart = 0
        var continuing = false     // the pending quotation continues one of the previous paragraph
        var nextOpensContinuation = false
        var openMark: Unicode.Scalar = " "  // the mark that opened the pending quotation
        var i = max(0, from)

        func emit(_ end: Int, closeEnd: Int?) {
            var a = contentStart, b = end
            while a < b, ScalarClass.isSpace(sc[a]) { a += 1 }
            while b > a, ScalarClass.isSpace(sc[b - 1]) { b -= 1 }
            if a < b {
                out.append(QuoteSegment(open: openAt, contentStart: a, contentEnd: b, closeEnd: closeEnd,
                                        continuesPrevious: continuing, single: false))
            }
            openAt = -1
            continuing = false
        }

        while i < n {
            let s = sc[i]
            // Most scalars are neither a line break nor a mark that can open or close a quotation here:
            // skip them at once (the tests below would find nothing to do for them).
            switch s.value {
            case 0x0A, 0x22, 0x27, 0x60, 0xAB, 0xBB, 0x2018, 0x201A, 0x201C, 0x201D, 0x201E, 0x2039, 0x203A, 0x300C...0x300F: break
            default: i += 1; continue
            }
            if s == "\n" {
                if openAt >= 0 {
                    // paragraph end or a hard-wrapped line?
                    var p = i + 1, newlines = 1
                    while p < n, ScalarClass.isSpace(sc[p]) { if sc[p] == "\n" { newlines += 1 }; p += 1 }
                    var q = i - 1
                    while q > openAt, ScalarClass.isSpace(sc[q]) { q -= 1 }
                    let nextOpens = p < n && Self.doubleMark(sc, p).len > 0 && Self.doubleMark(sc, p).fixed != 2
                    if newlines >= 2 || nextOpens || Self.isTerminal(sc[q]) || p >= n {
                        emit(i, closeEnd: nil)
                        nextOpensContinuation = nextOpens
                    }
                } else {
                    nextOpensContinuation = false
                }
                i += 1
                continue
            }
            var (len, fixed) = Self.doubleMark(sc, i)
            // a typo'd closing mark: “…?“ he asked (an opening mark right after the words of an open quotation)
            if fixed == 1, sc[i] == "\u{201C}", openAt >= 0, i > 0, !ScalarClass.isSpace(sc[i - 1]), Self.isCloseContext(sc, i + 1),
               i + 1 >= n || ScalarClass.isSpace(sc[i + 1]) || sc[i + 1] == "," || sc[i + 1] == "." { fixed = 2 }
            // a typo'd opening mark: ”Words … (a closing mark opening a line or following a space, glued to a letter)
            if fixed == 2, sc[i] == "\u{201D}", openAt < 0, i + 1 < n, ScalarClass.isLetter(sc[i + 1]),
               i == 0 || sc[i - 1] == "\n" || (ScalarClass.isSpace(sc[i - 1]) && (i < 2 || !ScalarClass.isAlnum(sc[i - 2]))) { fixed = 1 }
            // reversed guillemets (German, Danish: »Wort«, ›Wort‹): a closing guillemet glued to the
            // letter after it opens, and its mirror image closes what it opened
            if fixed == 2, openAt < 0, sc[i] == "\u{00BB}" || sc[i] == "\u{203A}", i + 1 < n,
               ScalarClass.isAlnum(sc[i + 1]), Self.isOpenContext(sc, i, from: from) { fixed = 1 }
            if fixed == 1, openAt >= 0, (openMark == "\u{00BB}" && sc[i] == "\u{00AB}") || (openMark == "\u{203A}" && sc[i] == "\u{2039}") { fixed = 2 }
            if len > 0 {
                let openCtx = Self.isOpenContext(sc, i, from: from)
                let closeCtx = Self.isCloseContext(sc, i + len)
                if openAt < 0 {
                    // an opening mark: fixed opener, or context says so
                    if fixed == 1 || (fixed == 0 && openCtx && !closeCtx) || (fixed == 0 && openCtx && i + len < n && !ScalarClass.isSpace(sc[i + len])) {
                        openAt = i
                        openMark = sc[i]
                        contentStart = i + len
                        continuing = nextOpensContinuation
                        nextOpensContinuation = false
                    }
                } else {
                    let looksOpening = fixed == 1 || (fixed == 0 && openCtx && !closeCtx)
                    if looksOpening {
                        // the pending quotation was never closed: end it here and open anew
                        emit(i, closeEnd: nil)
                        openAt = i
                        openMark = sc[i]
                        contentStart = i + len
                    } else {
                        emit(i, closeEnd: i + len)
                    }
                }
                i += len
                continue
            }
            // single-quote quotations, only outside double quotations
            // (‚…‘ is German's single pair: ‚ opens, ‘ or ’ closes)
            if openAt < 0, s == "\u{2018}" || s == "'" || s == "\u{201A}", Self.isOpenContext(sc, i, from: from),
               i + 1 < n, ScalarClass.isLetter(sc[i + 1]) || (s != "'" && ScalarClass.isDigit(sc[i + 1])) {
                var j = i + 2
                var found = -1
                let limit = min(n, i + 300)
                while j < limit, sc[j] != "\n" {
                    let c = sc[j]
                    if (c == "\u{2019}" || c == "'" && s == "'" || c == "\u{2018}" && s == "\u{201A}"), !ScalarClass.isSpace(sc[j - 1]), Self.isCloseContext(sc, j + 1) {
                        found = j; break
                    }
                    if c == "\"" || c == "\u{201C}" || c == "\u{201D}" { break }
                    j += 1
                }
                if found > 0 {
                    var a = i + 1, b = found
                    while b > a, ScalarClass.isSpace(sc[b - 1]) { b -= 1 }
                    while a < b, ScalarClass.isSpace(sc[a]) { a += 1 }
                    if a < b {
                        out.append(QuoteSegment(open: i, contentStart: a, contentEnd: b, closeEnd: found + 1,
                                                continuesPrevious: false, single: true))
                    }
                    i = found + 1
                    continue
                }
            }
            i += 1
        }
        if openAt >= 0 { emit(n, closeEnd: nil) }
        return out
    }
}
