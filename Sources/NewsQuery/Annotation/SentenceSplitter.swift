/// Splits a token stream into sentences (token index ranges), robust to titles (Mr., Sen.),
/// initials (J. Smith), dotted abbreviations (U.S.), quotes closing a sentence (`."`) and
/// paragraph lines without final punctuation (headlines). A run of more than `maxTokens` tokens
/// with no sentence end (a megabyte on one line, a word list) is cut into pieces of that many, so
/// the rules that look across a sentence stay linear in the article's length.
struct SentenceSplitter {
    let gazetteer: Gazetteer

    /// The longest sentence, in tokens: five times the longest in PolNeAR (204).
    static let maxTokens = 1_000

    /// Abbreviations that do not end a sentence when followed by a capitalised word (in addition to titles).
    static let nonFinalAbbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "rev", "lt", "col", "sgt", "capt", "adm", "prof", "ft", "mt", "p", "a.m", "p.m", "u.s", "approx"]

    /// Whether a line break after token `t` ends the sentence.
    private func lineBreakEnds(_ x: Tokens, _ t: Int) -> Bool {
        let tokens = x.tokens
        let next = tokens[t + 1]
        if next.newlinesBefore >= 2 { return true }
        let prev = tokens[t]
        // a hard-wrapped line: ends with a lower-case word, comma or hyphen and the next starts lower-case
        let prevContinues = (prev.kind == .word && !prev.isCapitalized) || tokens[t].isMark(",") || tokens[t].isMark("-")
        let nextContinues = next.kind == .word && !next.isCapitalized
        return !(prevContinues && nextContinues)
    }

    func split(_ x: Tokens) -> [Range<Int>] {
        let tokens = x.tokens, texts = x.texts, lowers = x.lowers
        var sentences: [Range<Int>] = []
        guard !tokens.isEmpty else { return sentences }
        var start = 0
        var t = 0
        let n = tokens.count
        while t < n {
            let tok = tokens[t]
            var boundaryAfter = -1
            if tok.kind == .punct, tokens[t].isMark(".") || tokens[t].isMark("!") || tokens[t].isMark("?") || texts[t] == "..." || tokens[t].isMark("\u{2026}") {
                // absorb closing quotes and brackets
                var e = t
                while e + 1 < n, tokens[e + 1].newlinesBefore == 0,
                      tokens[e + 1].kind == .quote || tokens[e + 1].isMark(")") || tokens[e + 1].isMark("]") {
                    if tokens[e + 1].kind == .quote && isOpeningQuote(x, e + 1) { break }
                    e += 1
                }
                if e + 1 >= n {
                    boundaryAfter = e
                } else {
                    let next = tokens[e + 1]
                    if next.newlinesBefore > 0 {
                        boundaryAfter = e
                    } else if next.isCapitalized || next.kind == .number || next.kind == .quote || tokens[e + 1].isMark("(") || tokens[e + 1].isMark("\u{2014}") {
                        if tokens[t].isMark(".") && e == t && t > 0 && isAbbreviation(x, t - 1) {
                            boundaryAfter = -1
                        } else {
                            boundaryAfter = e
                        }
                    }
                }
            } else if tok.kind == .word, texts[t].hasUTF8Suffix("."), t + 1 < n {
                // dotted abbreviation at the end of a sentence: "... in the U.S. The ..."
                let next = tokens[t + 1]
                if next.newlinesBefore > 0 {
                    boundaryAfter = t
                } else if next.isCapitalized, let cls = gazetteer.functionWords[lowers[t + 1]], cls == "det" || cls == "pron" || cls == "conj" {
                    boundaryAfter = t
                }
            }
            if boundaryAfter < 0, t + 1 < n, tokens[t + 1].newlinesBefore > 0, lineBreakEnds(x, t) {
                boundaryAfter = t
            }
            if boundaryAfter < 0, t + 1 - start >= Self.maxTokens { boundaryAfter = t }
            if boundaryAfter >= 0 {
                sentences.append(start..<(boundaryAfter + 1))
                start = boundaryAfter + 1
                t = boundaryAfter + 1
            } else {
                t += 1
            }
        }
        if start < n { sentences.append(start..<n) }
        return sentences
    }

    /// Token `i` (a word before a period) is an abbreviation or an initial.
    private func isAbbreviation(_ x: Tokens, _ i: Int) -> Bool {
        let tokens = x.tokens, texts = x.texts, lowers = x.lowers
        let w = tokens[i]
        guard w.kind == .word, w.end == tokens[i + 1].start else { return false }
        if texts[i].unicodeScalars.count == 1 && w.isCapitalized { return true } // initial
        if Self.nonFinalAbbreviations.contains(lowers[i]) { return true }
        if gazetteer.titles.contains(lowers[i]) && w.isCapitalized && texts[i].unicodeScalars.count <= 5 { return true }
        return false
    }

    /// A quote token that opens (preceded by space or start, followed by a non-space).
    private func isOpeningQuote(_ x: Tokens, _ i: Int) -> Bool {
        let tokens = x.tokens
        let q = tokens[i]
        if tokens[i].isMark("\u{201C}") || tokens[i].isMark("\u{2018}") || tokens[i].isMark("\u{201E}") || tokens[i].isMark("\u{00AB}") { return true }
        if tokens[i].isMark("\u{201D}") || tokens[i].isMark("\u{2019}") || tokens[i].isMark("\u{00BB}") { return false }
        let prevAdjacent = i > 0 && tokens[i - 1].end == q.start
        return !prevAdjacent
    }
}
