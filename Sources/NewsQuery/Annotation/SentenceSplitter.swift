/// Splits a token stream into sentences (token index ranges), robust to titles (Mr., Sen.),
/// initials (J. Smith), dotted abbreviations (U.S.), quotes closing a sentence (`."`) and
/// paragraph lines without final punctuation (headlines).
struct SentenceSplitter {
    let gazetteer: Gazetteer

    /// Abbreviations that do not end a sentence when followed by a capitalised word (in addition to titles).
    static let nonFinalAbbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "gen", "gov", "sen", "rep", "rev", "lt", "col", "sgt", "capt", "adm", "prof", "ft", "mt", "p", "a.m", "p.m", "u.s", "approx"]

    /// Whether a line break after token `t` ends the sentence.
    private func lineBreakEnds(_ tokens: [AToken], _ t: Int) -> Bool {
        let next = tokens[t + 1]
        if next.newlinesBefore >= 2 { return true }
        let prev = tokens[t]
        // a hard-wrapped line: ends with a lower-case word, comma or hyphen and the next starts lower-case
        let prevContinues = (prev.kind == .word && !prev.isCapitalized) || prev.text == "," || prev.text == "-"
        let nextContinues = next.kind == .word && !next.isCapitalized
        return !(prevContinues && nextContinues)
    }

    func split(_ tokens: [AToken]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        guard !tokens.isEmpty else { return sentences }
        var start = 0
        var t = 0
        let n = tokens.count
        while t < n {
            let tok = tokens[t]
            var boundaryAfter = -1
            if tok.kind == .punct, tok.text == "." || tok.text == "!" || tok.text == "?" || tok.text == "..." || tok.text == "\u{2026}" {
                // absorb closing quotes and brackets
                var e = t
                while e + 1 < n, tokens[e + 1].newlinesBefore == 0,
                      tokens[e + 1].kind == .quote || tokens[e + 1].text == ")" || tokens[e + 1].text == "]" {
                    if tokens[e + 1].kind == .quote && isOpeningQuote(tokens, e + 1) { break }
                    e += 1
                }
                if e + 1 >= n {
                    boundaryAfter = e
                } else {
                    let next = tokens[e + 1]
                    if next.newlinesBefore > 0 {
                        boundaryAfter = e
                    } else if next.isCapitalized || next.kind == .number || next.kind == .quote || next.text == "(" || next.text == "\u{2014}" {
                        if tok.text == "." && e == t && t > 0 && isAbbreviation(tokens, t - 1) {
                            boundaryAfter = -1
                        } else {
                            boundaryAfter = e
                        }
                    }
                }
            } else if tok.kind == .word, tok.text.hasUTF8Suffix("."), t + 1 < n {
                // dotted abbreviation at the end of a sentence: "... in the U.S. The ..."
                let next = tokens[t + 1]
                if next.newlinesBefore > 0 {
                    boundaryAfter = t
                } else if next.isCapitalized, let cls = gazetteer.functionWords[next.lower], cls == "det" || cls == "pron" || cls == "conj" {
                    boundaryAfter = t
                }
            }
            if boundaryAfter < 0, t + 1 < n, tokens[t + 1].newlinesBefore > 0, lineBreakEnds(tokens, t) {
                boundaryAfter = t
            }
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
    private func isAbbreviation(_ tokens: [AToken], _ i: Int) -> Bool {
        let w = tokens[i]
        guard w.kind == .word, w.end == tokens[i + 1].start else { return false }
        if w.text.unicodeScalars.count == 1 && w.isCapitalized { return true } // initial
        if Self.nonFinalAbbreviations.contains(w.lower) { return true }
        if gazetteer.titles.contains(w.lower) && w.isCapitalized && w.text.unicodeScalars.count <= 5 { return true }
        return false
    }

    /// A quote token that opens (preceded by space or start, followed by a non-space).
    private func isOpeningQuote(_ tokens: [AToken], _ i: Int) -> Bool {
        let q = tokens[i]
        if q.text == "\u{201C}" || q.text == "\u{2018}" || q.text == "\u{201E}" || q.text == "\u{00AB}" { return true }
        if q.text == "\u{201D}" || q.text == "\u{2019}" || q.text == "\u{00BB}" { return false }
        let prevAdjacent = i > 0 && tokens[i - 1].end == q.start
        return !prevAdjacent
    }
}
