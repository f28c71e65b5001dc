/// Finds reported statements (direct, mixed, indirect) and their speakers in one article.
struct ReportedSpeechExtractor {
    let g: Gazetteer
    let sc: [Unicode.Scalar]
    let tokens: [AToken]
    let sentences: [Range<Int>]
    /// Options (exposed for experiments).
    var includeBeliefs = false
    var minUnattributedWords = 5

    private var sentenceOf: [Int32] = []
    /// Capitalised words seen inside sentences (not only sentence-initially): evidence of proper names.
    private var midSentenceNames: Set<String> = []
    private var paragraphStart: [Int32] = []

    init(gazetteer: Gazetteer, scalars: [Unicode.Scalar], tokens: [AToken], sentences: [Range<Int>]) {
        g = gazetteer; sc = scalars; self.tokens = tokens; self.sentences = sentences
        sentenceOf = [Int32](repeating: 0, count: tokens.count)
        paragraphStart = [Int32](repeating: 0, count: tokens.count)
        var ps = 0
        for (k, s) in sentences.enumerated() {
            for t in s {
                sentenceOf[t] = Int32(k)
                if t > s.lowerBound, tokens[t].isCapitalized, tokens[t].kind == .word, tokens[t - 1].kind == .word { midSentenceNames.insert(tokens[t].text) }
            }
        }
        for t in 0..<tokens.count {
            if t == 0 || tokens[t].newlinesBefore > 0 { ps = t }
            paragraphStart[t] = Int32(ps)
        }
    }

    // MARK: token helpers

    struct Cue { var start: Int; var end: Int; var verb: Gazetteer.ReportingVerb }

    func fclass(_ t: Int) -> String? { g.functionWords[tokens[t].lower] }

    /// A reporting cue starting at token `t`.
    func cue(at t: Int) -> Cue? {
        let tok = tokens[t]
        guard tok.kind == .word else { return nil }
        if t + 1 < tokens.count, tokens[t + 1].kind == .word,
           let v = g.reportingVerbs[tok.lower + " " + tokens[t + 1].lower] {
            if v.verbClass == .according || !tok.isCapitalized { return Cue(start: t, end: t + 2, verb: v) }
        }
        guard let v = g.reportingVerbs[tok.lower] else { return nil }
        if tok.isCapitalized {
            // inverted attribution opening a sentence: "Said Ellis: ..."
            guard !sentenceOf.isEmpty, sentence(t).lowerBound == t, v.form == "past" || v.form == "present3",
                  t + 1 < tokens.count, tokens[t + 1].isCapitalized else { return nil }
        }
        if v.verbClass == .according { return nil }
        if v.verbClass == .belief && !includeBeliefs { return nil }
        // a noun reading: "the report", "a note"
        if t > 0, fclass(t - 1) == "det", v.form == "base" || v.form == "present3" { return nil }
        return Cue(start: t, end: t + 1, verb: v)
    }

    func sentence(_ t: Int) -> Range<Int> { sentences[Int(sentenceOf[t])] }

    func isPunct(_ t: Int, _ s: String) -> Bool { tokens[t].kind != .word && tokens[t].text == s }

    /// Skips auxiliaries and adverbs leftwards from `t` (inclusive); returns the first index not skipped.
    func skipAuxLeft(_ t: Int, floor: Int) -> Int {
        var k = t
        while k >= floor, let c = fclass(k), c == "aux" || c == "adv" { k -= 1 }
        return k
    }

    /// Noun-phrase subject ending at token `end` (inclusive), not crossing `floor`.
    func subjectLeft(endingAt end: Int, floor: Int) -> Range<Int>? {
        guard end >= floor, tokens[end].kind == .word || tokens[end].text == "." else { return nil }
        if let c = fclass(end), c == "pron" || tokens[end].lower == "who" || tokens[end].lower == "which" {
            if tokens[end].lower == "there" || tokens[end].lower == "here" { return nil }
            return end..<(end + 1)
        }
        var k = end
        var count = 0
        while k >= floor {
            let tk = tokens[k]
            if tk.kind == .quote { break }
            if tk.kind == .punct {
                if tk.text == "." && k > floor && tokens[k - 1].end == tk.start { k -= 1; continue }
                if (tk.text == "-" || tk.text == "&") && k > floor { k -= 1; continue }
                break
            }
            if let c = fclass(k) {
                if c == "det" { k -= 1; count += 1; break }
                if c == "prep" && (tk.lower == "of" || tk.lower == "for") && k < end && k > floor && tokens[k - 1].kind == .word && fclass(k - 1) == nil { k -= 1; count += 1; continue }
                if c == "conj" && tk.lower == "and" && k < end && k > floor && tokens[k - 1].isCapitalized && tokens[k + 1].isCapitalized { k -= 1; count += 1; continue }
                if c == "pron" || c == "sub" || c == "prep" || c == "conj" || c == "aux" || c == "adv" || c == "time" { break }
            }
            // a reporting verb or a lower-case verb-like word ending in -ed/-ing breaks the phrase
            if k < end, !tk.isCapitalized, g.reportingVerbs[tk.lower] != nil { break }
            k -= 1; count += 1
            if count > 9 { break }
        }
        let start = k + 1
        guard start <= end else { return nil }
        if end - start + 1 > 8 {
            // too long for a subject: keep the last capitalised run
            var s = end
            while s > start, tokens[s - 1].isCapitalized || tokens[s - 1].text == "." { s -= 1 }
            return s..<(end + 1)
        }
        // must contain a noun-like word (not only determiners / numbers)
        guard (start...end).contains(where: { tokens[$0].kind == .word && fclass($0) != "det" }) else { return nil }
        return start..<(end + 1)
    }

    /// Noun phrase after a cue ("said Kremlin spokesman Dmitry Peskov"), up to punctuation or a preposition.
    func npRight(from t: Int, limit: Int) -> Range<Int>? {
        var k = t
        while k < limit {
            let tk = tokens[k]
            if tk.kind == .quote { break }
            if tk.kind == .punct {
                if tk.text == "." && k > t && tokens[k - 1].end == tk.start && tokens[k - 1].text.unicodeScalars.count <= 4 && k + 1 < limit && tokens[k + 1].isCapitalized { k += 1; continue }
                if tk.text == "-" { k += 1; continue }
                break
            }
            if let c = fclass(k), k > t, c == "prep" || c == "sub" || c == "conj" || c == "aux" || c == "adv" || c == "time" {
                if !(tk.lower == "of" && k + 1 < limit && tokens[k + 1].isCapitalized) { break }
            }
            if k > t, !tk.isCapitalized, cue(at: k) != nil { break }
            k += 1
            if k - t > 8 { return nil }
        }
        guard k > t else { return nil }
        if let c = fclass(t), c == "det" && k == t + 1 { return nil }
        return t..<k
    }

    // MARK: extraction

    struct Found {
        var content: Span
        var kind: QuoteKind
        var cue: Span?
        var mention: Range<Int>?
        var mentionSpan: Span?
        var words: Int
    }

    func span(_ r: Range<Int>) -> Span { Span(tokens[r.lowerBound].start, tokens[r.upperBound - 1].end) }

    /// Index of the first token starting at or after scalar offset `o`.
    func tokenIndex(atOrAfter o: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let m = (lo + hi) / 2; if tokens[m].start < o { lo = m + 1 } else { hi = m } }
        return lo
    }

    mutating func extract(quotes: [QuoteSegment]) -> [Found] {
        var found: [Found] = []
        var usedCue = Set<Int>()
        // --- direct quotations
        var direct: [Found?] = []
        var attributedBy: [Int] = []     // how: 0 none, 1 after-close, 2 before-open, 3 inherited
        for q in quotes {
            let inner0 = tokenIndex(atOrAfter: q.contentStart)
            let openTok = tokenIndex(atOrAfter: q.open)
            let afterTok = q.closeEnd.map { tokenIndex(atOrAfter: $0) } ?? tokenIndex(atOrAfter: q.contentEnd)
            var words = 0
            var t = inner0
            while t < tokens.count, tokens[t].start < q.contentEnd { if tokens[t].kind == .word { words += 1 }; t += 1 }
            var f = Found(content: Span(q.contentStart, q.contentEnd), kind: .direct, words: words)
            var how = 0
            // after the closing mark: "…," X said / "…," said X
            // a quotation ending with a full stop followed by a capitalised word: a new sentence begins
            let endsSentence = sc[q.contentEnd - 1] == "." && afterTok < tokens.count && tokens[afterTok].isCapitalized
                && cue(at: afterTok) == nil
            if q.closeEnd != nil, afterTok < tokens.count, tokens[afterTok].newlinesBefore == 0, !endsSentence {
                var j = afterTok
                var dash = -1
                if j < tokens.count, tokens[j].kind == .punct, [",", "\u{2014}", "\u{2013}", "\u{2015}", "-"].contains(tokens[j].text) {
                    if tokens[j].text != "," { dash = j }
                    j += 1
                }
                let sEnd = j < tokens.count ? max(sentence(j).upperBound, j) : j
                if j < tokens.count, tokens[j].newlinesBefore == 0 {
                    if let c = cue(at: j), c.verb.verbClass != .belief {
                        if let np = npRight(from: c.end, limit: min(sEnd, c.end + 10)) {
                            f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 1
                            usedCue.insert(c.start)
                        }
                    } else {
                        var k = j
                        let kLimit = min(tokens.count, j + 24)
                        while k < kLimit, tokens[k].newlinesBefore == 0 || k == j {
                            let tk = tokens[k]
                            if k > j, let c = cue(at: k), c.verb.verbClass != .belief {
                                let endNP = skipAuxLeft(k - 1, floor: j)
                                if endNP >= j, endNP - j < 9, !(j...endNP).contains(where: { tokens[$0].kind == .punct && !(tokens[$0].text == "." && tokens[$0 - 1].end == tokens[$0].start) && tokens[$0].text != "-" }),
                                   tokens[j].kind == .word, looksLikeMention(j..<(endNP + 1)) {
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = j..<(endNP + 1); how = 1
                                    usedCue.insert(c.start)
                                } else if endNP >= j, let np = subjectLeft(endingAt: endNP, floor: j), np.lowerBound == j {
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 1
                                    usedCue.insert(c.start)
                                } else if endNP >= j, isPunct(endNP, ",") || isPunct(endNP, ")"), let np = leadingNP(from: j, limit: endNP) {
                                    // apposition or parenthesis between name and verb: X, a tax expert, said / X (D-Wis.) said
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 1
                                    usedCue.insert(c.start)
                                }
                                break
                            }
                            if tk.kind == .quote || isPunct(k, ".") && !(k > j && tokens[k - 1].end == tk.start && tokens[k - 1].text.unicodeScalars.count <= 4) { break }
                            if isPunct(k, ";") || isPunct(k, ":") { break }
                            if k - j > 10 && !(apposition(from: j, to: k)) { break }
                            k += 1
                        }
                    }
                    // "…" ― Name (a dash and a name closing the line)
                    if how == 0, dash >= 0, let np = npRight(from: j, limit: tokens.count) {
                        var e = np.upperBound
                        if e < tokens.count, isPunct(e, ".") { e += 1 }
                        if e >= tokens.count || tokens[e].newlinesBefore > 0 {
                            f.cue = Span(tokens[dash].start, tokens[dash].end); f.mention = np; how = 1
                        }
                    }
                }
            }
            // before the opening mark: X said: "…" / X said, "…" / X told reporters: "…"
            if how == 0, openTok > 0, tokens[openTok].newlinesBefore == 0 || isPunct(openTok - 1, ":") {
                var k = openTok - 1
                let floor = Int(paragraphStart[k])
                var sep = ""
                if tokens[k].kind == .punct, tokens[k].text == ":" || tokens[k].text == "," { sep = tokens[k].text; k -= 1 }
                if k >= floor, tokens[k].lower == "that" { k -= 1 }
                var cueFound: Cue?
                var probe = k
                while probe >= floor, probe >= k - (sep.isEmpty ? 2 : 6) {
                    if let c = cue(at: probe), c.verb.verbClass != .belief, c.verb.verbClass != .according {
                        if probe == k || c.verb.takesObject || !sep.isEmpty { cueFound = c }
                        break
                    }
                    if tokens[probe].kind != .word { break }
                    probe -= 1
                }
                if let c = cueFound {
                    let endNP = skipAuxLeft(c.start - 1, floor: floor)
                    var subj: Range<Int>?
                    if endNP >= floor {
                        if let cc = fclass(endNP), cc == "conj" {
                            subj = nil
                        } else if c.verb.form == "gerund" {
                            subj = isPunct(endNP, ",") ? sentenceSubject(sentence(c.start), before: endNP) : nil
                        } else {
                            subj = subjectLeft(endingAt: endNP, floor: floor)
                        }
                    }
                    if subj == nil, c.end < openTok, let np = npRight(from: c.end, limit: k + 1), c.verb.form != "gerund" {
                        subj = np  // said Smith: "…"
                    }
                    if let s = subj {
                        f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = s; how = 2
                        usedCue.insert(c.start)
                    }
                } else if sep == ":", k >= floor, k - floor < 5, isNameLike(floor..<(k + 1)) {
                    // headline style: Trump: 'I will win'
                    f.cue = Span(tokens[k + 1].start, tokens[k + 1].end); f.mention = floor..<(k + 1); how = 2
                }
            }
            direct.append(f)
            attributedBy.append(how)
        }
        // interrupted quotes and continuation paragraphs inherit the previous speaker
        for i in 0..<quotes.count where attributedBy[i] == 0 && i > 0 {
            let q = quotes[i]
            guard let prev = direct[i - 1], attributedBy[i - 1] != 0 else { continue }
            let openTok = tokenIndex(atOrAfter: q.open)
            let prevEnd = quotes[i - 1].closeEnd ?? quotes[i - 1].contentEnd
            let prevTok = tokenIndex(atOrAfter: prevEnd)
            let sameParagraph = paragraphStart[min(openTok, tokens.count - 1)] == paragraphStart[min(prevTok, tokens.count - 1)]
            let paragraphOpening = openTok < tokens.count && (openTok == 0 || tokens[openTok].newlinesBefore > 0)
            var inherit = false
            if q.continuesPrevious { inherit = true }
            else if sameParagraph && openTok - prevTok <= 80 && !q.single {
                var from = prevTok
                if let m = prev.mention { from = max(from, m.upperBound) }
                if let c = prev.cue { from = max(from, tokenIndex(atOrAfter: c.end)) }
                inherit = !cueBetween(from, openTok, paragraph: openTok)
                    && !cueBetween(tokenIndex(atOrAfter: q.closeEnd ?? q.contentEnd), tokenIndex(atOrAfter: q.closeEnd ?? q.contentEnd) + 8, paragraph: openTok)
            }
            else if paragraphOpening && openTok - prevTok <= 80 && !q.single {
                // the quote must stand alone in its paragraph without any cue after it
                inherit = !containsCue(from: tokenIndex(atOrAfter: q.closeEnd ?? q.contentEnd), paragraphOf: openTok)
            }
            if inherit {
                direct[i]!.cue = prev.cue; direct[i]!.mention = prev.mention; direct[i]!.mentionSpan = prev.mentionSpan
                attributedBy[i] = 3
            }
        }
        // a multi-paragraph quotation attributed at its end: earlier segments inherit backwards
        if quotes.count > 1 {
            for i in stride(from: quotes.count - 2, through: 0, by: -1) where attributedBy[i] == 0 && quotes[i + 1].continuesPrevious && attributedBy[i + 1] != 0 {
                direct[i]!.cue = direct[i + 1]!.cue; direct[i]!.mention = direct[i + 1]!.mention; attributedBy[i] = 3
            }
        }

        // --- indirect statements, sentence by sentence
        var indirect: [Found] = []
        for s in sentences {
            var prevSubject: Range<Int>?
            var t = s.lowerBound
            if let f = colonStatement(s) { indirect.append(f) }
            while t < s.upperBound {
                guard let c = cue(at: t), !usedCue.contains(t) else { t += 1; continue }
                if let f = indirectStatement(cue: c, sentence: s, prevSubject: &prevSubject) {
                    indirect.append(f)
                }
                t = c.end
            }
        }
        // quotations inside an indirect clause make it mixed
        var dropDirect = Set<Int>()
        var di = 0
        let order = indirect.indices.sorted { indirect[$0].content.start < indirect[$1].content.start }
        for ii in order {
            var f = indirect[ii]
            while di < quotes.count, quotes[di].contentStart < f.content.start { di += 1 }
            var k = di
            while k < quotes.count, quotes[k].contentStart < f.content.end {
                if quotes[k].contentEnd <= f.content.end + 2 && (attributedBy[k] == 0 || attributedBy[k] == 3 && !quotes[k].continuesPrevious) {
                    dropDirect.insert(k)
                    f.kind = .mixed
                }
                k += 1
            }
            // a quotation opening just before the content ("said “…") is the direct reading; keep it
            indirect[ii] = f
        }
        for (i, f) in direct.enumerated() {
            guard let f, !dropDirect.contains(i) else { continue }
            if attributedBy[i] == 0 && f.words < minUnattributedWords { continue }
            found.append(f)
        }
        // an indirect clause overlapping a kept direct quotation is dropped (the direct reading wins)
        let keptDirect = found.map(\.content).sorted()
        for f in indirect {
            if keptDirect.contains(where: { $0.overlaps(f.content) }) { continue }
            found.append(f)
        }
        for i in found.indices { if found[i].mentionSpan == nil, let m = found[i].mention { found[i].mentionSpan = span(m) } }
        found.sort { $0.content < $1.content }
        return found
    }

    /// Tokens j..<k form "Name, apposition," or "Name (...)" so far (commas/parentheses balanced enough).
    func apposition(from j: Int, to k: Int) -> Bool {
        var commas = 0
        var t = j
        while t < k { if isPunct(t, ",") || isPunct(t, "(") || isPunct(t, ")") { commas += 1 }; t += 1 }
        return commas >= 1 && commas <= 2
    }

    /// A name-like noun phrase at `from`, ending before a comma or parenthesis (before `limit`).
    func leadingNP(from j: Int, limit: Int) -> Range<Int>? {
        var k = j
        while k < limit, tokens[k].kind == .word || (tokens[k].text == "." && k > j && tokens[k - 1].end == tokens[k].start) || tokens[k].text == "-" {
            if let c = fclass(k), c == "prep" || c == "sub" || c == "aux", k > j, !(tokens[k].lower == "of" && k + 1 < limit && tokens[k + 1].isCapitalized) { return nil }
            k += 1
        }
        guard k > j, k <= limit, isPunct(k, ",") || isPunct(k, "("), k - j <= 7 else { return nil }
        guard (j..<k).contains(where: { tokens[$0].isCapitalized }) || fclass(j) == "det" else { return nil }
        return j..<k
    }

    /// The subject at the start of sentence `s` (after an introductory phrase ending with a comma).
    func sentenceSubject(_ s: Range<Int>, before limit: Int) -> Range<Int>? {
        var a = s.lowerBound
        if a < limit, let c = fclass(a), c == "prep" || c == "sub" {
            var k = a
            while k < min(limit, a + 12), !isPunct(k, ",") { k += 1 }
            guard k < limit, isPunct(k, ",") else { return nil }
            a = k + 1
        }
        guard a < limit, tokens[a].kind == .word else { return nil }
        if let c = fclass(a), c == "pron" { return a..<(a + 1) }
        var k = a
        if fclass(k) == "det" { k += 1 }
        while k < limit, k - a < 7 {
            let tk = tokens[k]
            if tk.kind == .word && (tk.isCapitalized || fclass(k) == nil && k > a && (fclass(k - 1) == "det" || tokens[k - 1].lower.hasSuffix("’s") || tokens[k - 1].lower.hasSuffix("'s"))) { k += 1; continue }
            if tk.text == "." && tokens[k - 1].end == tk.start && k > a { k += 1; continue }
            break
        }
        guard k > a, tokens[k - 1].kind == .word || tokens[k - 1].text == "." else { return nil }
        return a..<k
    }

    func isNameLike(_ r: Range<Int>) -> Bool {
        r.allSatisfy { tokens[$0].isCapitalized || tokens[$0].text == "." || tokens[$0].text == "-" || tokens[$0].lower.hasSuffix("'s") }
    }

    func cueBetween(_ a: Int, _ b: Int, paragraph p: Int) -> Bool {
        let ps = paragraphStart[min(p, tokens.count - 1)]
        var k = a
        while k < min(b, tokens.count), paragraphStart[k] == ps {
            if !(tokens[k].kind == .quote), cue(at: k) != nil { return true }
            k += 1
        }
        return false
    }

    func containsCue(from t: Int, paragraphOf p: Int) -> Bool {
        let ps = paragraphStart[min(p, tokens.count - 1)]
        var k = t
        while k < tokens.count, paragraphStart[k] == ps, k - t < 60 {
            if cue(at: k) != nil { return true }
            k += 1
        }
        return false
    }

    /// Whether `r` can be the subject of cue `c`: not ending in an adverb or a bare modifier; for a base
    /// form ("say") a plural or pronoun subject (so that nouns such as "a big question" are not read as verbs).
    func plausibleSubject(_ r: Range<Int>, _ c: Cue) -> Bool {
        let last = tokens[r.upperBound - 1]
        if last.kind != .word { return last.text == "." }
        if !last.isCapitalized && last.lower.hasSuffix("ly") { return false }
        if let cl = fclass(r.upperBound - 1), cl == "det" || cl == "prep" || cl == "conj" || cl == "time" { return false }
        if r.count == 1, fclass(r.lowerBound) == "pron" { return true }
        if c.verb.form == "base" && !last.isCapitalized {
            if !(last.lower.hasSuffix("s") || ["people", "police", "media", "staff", "public", "they", "we", "i", "you"].contains(last.lower)) { return false }
        }
        return true
    }

    /// A plausible speaker noun phrase: starts with a determiner, pronoun or capitalised word; no
    /// subordinators, prepositions (except "of"/"for"/"in"/"at" inside) or conjunctions (except "and" between names).
    func looksLikeMention(_ r: Range<Int>) -> Bool {
        let first = r.lowerBound
        if let c = fclass(first), c != "det" && c != "pron" { return false }
        if fclass(first) == nil && !tokens[first].isCapitalized { return false }
        if let c = fclass(r.upperBound - 1), c != "pron" && !(c == "det" && r.count == 1) { return false }
        for t in r where t > first {
            guard let c = fclass(t) else { continue }
            if c == "sub" || c == "aux" || c == "adv" || c == "pron" { return false }
            if c == "conj" && !(tokens[t].lower == "and" && tokens[t - 1].isCapitalized && t + 1 < r.upperBound && tokens[t + 1].isCapitalized) { return false }
            if c == "prep" && !["of", "for", "in", "at", "from", "with"].contains(tokens[t].lower) { return false }
        }
        return true
    }

    func isOpeningMark(_ t: Int) -> Bool {
        let x = tokens[t].text
        if x == "\u{201C}" || x == "\u{2018}" || x == "\u{201E}" || x == "\u{00AB}" { return true }
        if x == "\u{201D}" || x == "\u{2019}" || x == "\u{00BB}" { return false }
        return t == 0 || tokens[t - 1].end != tokens[t].start
    }

    /// A one-line paragraph (headline) "Name: statement".
    func colonStatement(_ s: Range<Int>) -> Found? {
        let a = s.lowerBound
        guard a == 0 || tokens[a].newlinesBefore > 0, s.upperBound >= tokens.count || tokens[s.upperBound].newlinesBefore > 0 else { return nil }
        var k = a
        while k < min(s.upperBound, a + 5), !isPunct(k, ":") { k += 1 }
        guard k < s.upperBound, isPunct(k, ":"), k > a, isNameLike(a..<k), fclass(a) == nil || fclass(a) == "det" else { return nil }
        // a single word must be a name used elsewhere mid-sentence ("Sanders:", not "Correction:")
        if k - a == 1, !midSentenceNames.contains(tokens[a].text) { return nil }
        var e = s.upperBound
        while e > k + 1, tokens[e - 1].kind == .punct, [".", "!", "?"].contains(tokens[e - 1].text) { e -= 1 }
        guard e - (k + 1) >= 2 else { return nil }
        return Found(content: span((k + 1)..<e), kind: .indirect, cue: Span(tokens[k].start, tokens[k].end), mention: a..<k, words: e - k - 1)
    }

    /// An indirect statement around the cue `c` in sentence `s`.
    func indirectStatement(cue c: Cue, sentence s: Range<Int>, prevSubject: inout Range<Int>?) -> Found? {
        let cueSpan = Span(tokens[c.start].start, tokens[c.end - 1].end)
        var sEnd = s.upperBound
        // trailing sentence punctuation is not content
        while sEnd > s.lowerBound, tokens[sEnd - 1].kind == .punct, [".", "!", "?", ";", ":", ","].contains(tokens[sEnd - 1].text) { sEnd -= 1 }
        guard sEnd > s.lowerBound else { return nil }

        if c.verb.verbClass == .according {
            // according to X, CLAUSE  /  CLAUSE, according to X.
            guard let np = npRight(from: c.end, limit: sEnd) else { return nil }
            var contentR: Range<Int>
            if c.start == s.lowerBound || (c.start > s.lowerBound && isPunct(c.start - 1, ",") == false && c.start - s.lowerBound <= 1) {
                var k = np.upperBound
                if k < sEnd, isPunct(k, ",") { k += 1 }
                contentR = k..<sEnd
            } else {
                var k = c.start
                if k > s.lowerBound, isPunct(k - 1, ",") { k -= 1 }
                contentR = s.lowerBound..<k
                if np.upperBound < sEnd - 1, sEnd - np.upperBound > contentR.count { contentR = (np.upperBound + (isPunct(np.upperBound, ",") ? 1 : 0))..<sEnd }
            }
            guard contentR.count >= 3 else { return nil }
            return Found(content: span(contentR), kind: .indirect, cue: cueSpan, mention: np, words: contentR.count)
        }

        // passive "was said", "is expected" → not attributed here
        if c.start > s.lowerBound, let a = fclass(c.start - 1), a == "aux",
           ["is", "was", "were", "are", "been", "be"].contains(tokens[c.start - 1].lower) { return nil }

        let floor = s.lowerBound
        // --- subject
        var subject: Range<Int>?
        let leftEnd = skipAuxLeft(c.start - 1, floor: floor)
        var coordinated = false
        if leftEnd >= floor {
            let lt = tokens[leftEnd]
            if (lt.lower == "and" || lt.lower == "but") || (lt.text == "," && c.verb.form == "gerund") {
                subject = prevSubject ?? (c.verb.form == "gerund" ? sentenceSubject(s, before: leftEnd) : nil); coordinated = true
            } else if c.verb.form != "gerund" {
                subject = subjectLeft(endingAt: leftEnd, floor: floor)
                if subject == nil, lt.text == ",", leftEnd - 1 >= floor {
                    // "X, citing sources, reported" / "Peskov, the Kremlin spokesman, said"
                    var k = leftEnd - 1
                    while k > floor, !isPunct(k, ","), leftEnd - k < 12 { k -= 1 }
                    if k > floor, isPunct(k, ",") {
                        let inner = tokens[k + 1]
                        if inner.lower.hasSuffix("ing") || fclass(k + 1) == "det" || fclass(k + 1) == "sub" || inner.isCapitalized {
                            subject = subjectLeft(endingAt: k - 1, floor: floor)
                        }
                    }
                }
            }
        }
        // --- content to the right
        var p = c.end
        if c.verb.takesObject, p < sEnd, tokens[p].lower != "that" {
            // addressee: a pronoun, a name, or a short noun phrase
            if let cl = fclass(p), cl == "pron" || tokens[p].lower == "him" || tokens[p].lower == "them" || tokens[p].lower == "us" || tokens[p].lower == "me" {
                p += 1
            } else if tokens[p].isCapitalized {
                while p < sEnd, tokens[p].isCapitalized || (tokens[p].text == "." && tokens[p - 1].end == tokens[p].start) { p += 1 }
            } else if tokens[p].kind == .word {
                var k = p
                if fclass(k) == "det" { k += 1 }
                if k < sEnd, tokens[k].kind == .word, fclass(k) == nil { k += 1 }
                p = k
            }
        }
        // "that" within a few words (time adverbials: said on Monday that ...)
        var contentStart = -1
        var k = p
        while k < min(sEnd, p + 8) {
            let tk = tokens[k]
            if tk.lower == "that" && tk.kind == .word { contentStart = k + 1; break }
            if tk.kind == .quote || (tk.kind == .punct && tk.text != ",") { break }
            if let cl = fclass(k), cl == "sub" || cl == "pron" { break }
            k += 1
        }
        var reverse = false
        if contentStart < 0 {
            if p < sEnd {
                var q = p
                // time words right after the verb ("said Monday the ...")
                while q < sEnd, fclass(q) == "time" { q += 1 }
                if q < sEnd, isPunct(q, ":") { q += 1 }
                if q < sEnd, isPunct(q, ",") && q + 1 < sEnd && tokens[q + 1].kind == .quote { q += 1 }
                if q < sEnd {
                    let cl = fclass(q)
                    if cl == "prep" || cl == "conj" || tokens[q].kind == .punct || cl == "aux" && tokens[q].lower != "there" {
                        contentStart = -1
                    } else if c.verb.verbClass == .data && tokens[q].lower != "that" && cl != "det" && cl != "pron" {
                        contentStart = -1
                    } else {
                        contentStart = q
                    }
                }
                if contentStart < 0 { reverse = true }
            } else {
                reverse = true
            }
        }
        // "said X" at the end of the sentence: the clause is the one before
        if reverse || (subject == nil && !coordinated) {
            guard c.verb.verbClass == .speech, c.verb.form == "past" || c.verb.form == "present3" || c.verb.form == "base" else { return nil }
            var mention = subject
            var comma = -1
            if let sj = subject {
                // CLAUSE, X said.
                if sj.lowerBound > floor, isPunct(sj.lowerBound - 1, ",") || isPunct(sj.lowerBound - 1, "\u{2014}") { comma = sj.lowerBound - 1 }
                // rest of sentence after the cue must be short (time adverbial)
                if sEnd - c.end > 5 { return nil }
            } else {
                // CLAUSE, said X.
                guard c.start > floor, isPunct(c.start - 1, ",") else { return nil }
                guard let np = npRight(from: c.end, limit: sEnd), sEnd - np.upperBound <= 5 else { return nil }
                mention = np; comma = c.start - 1
            }
            guard comma > floor, let m = mention, plausibleSubject(m, c) else { return nil }
            var cs = floor
            if tokens[cs].kind == .quote { return nil }
            // after a colon in the sentence, the clause begins there
            var z = comma - 1
            while z > cs { if isPunct(z, ":") { cs = z + 1; break }; z -= 1 }
            let contentR = cs..<comma
            guard contentR.count >= 3 else { return nil }
            prevSubject = m
            return Found(content: span(contentR), kind: .indirect, cue: cueSpan, mention: m, words: contentR.count)
        }
        guard let subj = subject, contentStart >= 0, contentStart < sEnd, plausibleSubject(subj, c) else { return nil }
        if tokens[contentStart].kind == .quote, !isOpeningMark(contentStart) { return nil }
        // content ends before a coordinated reporting verb ("..., and warned Y it would ...")
        var end = sEnd
        var m = contentStart + 1
        while m < sEnd {
            if let c2 = cue(at: m), c2.verb.verbClass != .according {
                let l = skipAuxLeft(m - 1, floor: contentStart)
                if l > contentStart, tokens[l].lower == "and" || tokens[l].lower == "but" || (isPunct(l, ",") && c2.verb.form == "gerund") {
                    var e = l
                    if e > contentStart, isPunct(e - 1, ",") { e -= 1 }
                    // only when the coordinated verb has no subject of its own
                    if c2.verb.form == "past" || c2.verb.form == "present3" || c2.verb.form == "gerund" { end = e; break }
                }
            }
            m += 1
        }
        while end > contentStart, tokens[end - 1].kind == .punct, [",", ";", ":", "\u{2014}"].contains(tokens[end - 1].text) { end -= 1 }
        let contentR = contentStart..<end
        let wordsCount = contentR.filter { tokens[$0].kind == .word }.count
        guard wordsCount >= 3 else { return nil }
        prevSubject = subj
        return Found(content: span(contentR), kind: .indirect, cue: cueSpan, mention: subj, words: wordsCount)
    }
}
