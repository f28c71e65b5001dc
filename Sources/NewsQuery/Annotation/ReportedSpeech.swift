/// Finds reported statements (direct, mixed, indirect) and their speakers in one article.
struct ReportedSpeechExtractor {
    let g: Gazetteer
    let sc: [Unicode.Scalar]
    let tokens: [AToken]
    let sentences: [Range<Int>]
    /// Options (exposed for experiments).
    var includeBeliefs = false
    var minUnattributedWords = 8

    private var sentenceOf: [Int32] = []
    /// Reporting cue starting at each token (computed once).
    private var cueCache: [Cue?] = []
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
    func cue(at t: Int) -> Cue? { cueCache.isEmpty ? computeCue(at: t) : cueCache[t] }

    private func computeCue(at t: Int) -> Cue? {
        let tok = tokens[t]
        guard tok.kind == .word, g.cueWords.contains(tok.lower) else { return nil }
        if t + 1 < tokens.count, tokens[t + 1].kind == .word, g.multiwordCueStarts.contains(tok.lower),
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
                if c == "prep" && ["of", "for", "in", "at", "from"].contains(tk.lower) && k < end && k > floor && tokens[k - 1].kind == .word && fclass(k - 1) == nil
                    && (tk.lower == "of" || tk.lower == "for" || tokens[k + 1].isCapitalized) { k -= 1; count += 1; continue }
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
        var viaAccording = false
    }

    func span(_ r: Range<Int>) -> Span { Span(tokens[r.lowerBound].start, tokens[r.upperBound - 1].end) }

    /// Index of the first token starting at or after scalar offset `o`.
    func tokenIndex(atOrAfter o: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let m = (lo + hi) / 2; if tokens[m].start < o { lo = m + 1 } else { hi = m } }
        return lo
    }

    mutating func extract(quotes: [QuoteSegment]) -> [Found] {
        cueCache = []
        var cache = [Cue?](); cache.reserveCapacity(tokens.count)
        for t in 0..<tokens.count { cache.append(tokens[t].kind == .word ? computeCue(at: t) : nil) }
        cueCache = cache
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
            // gold convention: a comma or full stop closing the quoted words is not part of them
            var ce = q.contentEnd
            if ce - q.contentStart > 1, [",", ".", ";", ":"].contains(sc[ce - 1]), sc[ce - 2] != ".",
               !(sc[ce - 1] == "." && ce - 3 >= q.contentStart && sc[ce - 3] == ".") {
                ce -= 1
                while ce > q.contentStart + 1, ScalarClass.isSpace(sc[ce - 1]) { ce -= 1 }
            }
            var f = Found(content: Span(q.contentStart, ce), kind: .direct, words: words)
            var how = 0
            // after the closing mark: "…," X said / "…," said X
            // a quotation ending with a full stop followed by a capitalised word: a new sentence begins
            let endsSentence = sc[q.contentEnd - 1] == "." && afterTok < tokens.count && tokens[afterTok].isCapitalized
                && (cue(at: afterTok).map { $0.verb.verbClass == .according } ?? true)
            if q.closeEnd != nil, afterTok < tokens.count, tokens[afterTok].newlinesBefore == 0, !endsSentence {
                var j = afterTok
                var dash = -1
                if j < tokens.count, tokens[j].kind == .punct, [",", "\u{2014}", "\u{2013}", "\u{2015}", "-"].contains(tokens[j].text) {
                    if tokens[j].text != "," { dash = j }
                    j += 1
                }
                let sEnd = j < tokens.count ? max(sentence(j).upperBound, j) : j
                if j < tokens.count, tokens[j].newlinesBefore == 0 {
                    if let c = cue(at: j), c.verb.verbClass != .belief, c.verb.verbClass != .according {
                        if let np = npRight(from: c.end, limit: min(sEnd, c.end + 10)) {
                            f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 1
                            usedCue.insert(c.start)
                        }
                    } else {
                        var k = j
                        let kLimit = min(tokens.count, j + 40)
                        while k < kLimit, tokens[k].newlinesBefore == 0 || k == j {
                            let tk = tokens[k]
                            if k > j, let c = cue(at: k), c.verb.verbClass != .belief {
                                let endNP = skipAuxLeft(k - 1, floor: j)
                                if endNP >= j, endNP - j < 9, !(j...endNP).contains(where: { tokens[$0].kind == .punct && !(tokens[$0].text == "." && tokens[$0 - 1].end == tokens[$0].start) && tokens[$0].text != "-" }),
                                   tokens[j].kind == .word, looksLikeMention(j..<(endNP + 1)) {
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = j..<(endNP + 1); how = 1
                                    usedCue.insert(c.start)
                                } else if endNP >= j, let np = subjectLeft(endingAt: endNP, floor: j), np.lowerBound > j + 1, np.lowerBound - j <= 8,
                                          isPunct(np.lowerBound - 1, ","), !(j..<np.lowerBound).contains(where: { cue(at: $0) != nil }) {
                                    // "…" for criminal behavior, she said.
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 1
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
                            if tk.kind == .quote || isPunct(k, ".") && !(k > j && tokens[k - 1].end == tk.start && tokens[k - 1].text.unicodeScalars.count <= 4)
                                && !(k + 1 < tokens.count && (isPunct(k + 1, ")") || isPunct(k + 1, ","))) { break }
                            if isPunct(k, ";") || isPunct(k, ":") { break }
                            if k - j > 10 && !(apposition(from: j, to: k)) { break }
                            if k - j > 24 && !isPunct(j + 1, ",") && !(j + 2 < k && isPunct(j + 2, ",")) && !(j + 3 < k && isPunct(j + 3, ",")) { break }
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
                if cueFound == nil, sep == "," {
                    var z = k
                    while z >= max(floor, k - 8), tokens[z].kind == .word || tokens[z].text == "." {
                        if let c = cue(at: z), c.verb.verbClass == .according, let np = npRight(from: c.end, limit: k + 1), np.upperBound == k + 1 {
                            f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 2
                            usedCue.insert(c.start)
                            break
                        }
                        z -= 1
                    }
                }
                if how == 2 {
                } else if let c = cueFound {
                    let endNP = skipAuxLeft(c.start - 1, floor: floor)
                    var subj: Range<Int>?
                    if endNP >= floor {
                        if let cc = fclass(endNP), cc == "conj" {
                            subj = nil
                        } else if c.verb.form == "gerund" {
                            subj = isPunct(endNP, ",") ? sentenceSubject(sentence(c.start), before: endNP) : nil
                        } else {
                            subj = subjectBefore(c.start, floor: floor)
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
        // a statement whose content holds another statement's cue gives way to the inner one
        // ("According to Interfax, Peskov said that ...")
        // otherwise a cue inside another statement's content is embedded in it and gives way
        if indirect.count > 1 {
            let according = indirect.filter(\.viaAccording)
            let others = indirect.filter { !$0.viaAccording }
            var keptAccording = according.filter { f in !others.contains { o in o.cue.map { f.content.contains($0) } ?? false } }
            let keptOthers = others.filter { f in
                !others.contains { o in o.cue != f.cue && f.cue.map { o.content.contains($0) } ?? false }
            }
            keptAccording.removeAll { f in keptOthers.contains { o in f.cue.map { o.content.contains($0) } ?? false } }
            indirect = keptOthers + keptAccording
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
        // implausible speaker mentions are dropped (an indirect statement without a speaker goes with them)
        for i in direct.indices { if let m = direct[i]?.mention { direct[i]!.mention = cleanMention(m) } }
        for i in indirect.indices { if let m = indirect[i].mention { indirect[i].mention = cleanMention(m) } }
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
            if tk.kind == .word && (tk.isCapitalized || fclass(k) == nil && k > a && g.reportingVerbs[tk.lower] == nil && !tk.lower.hasSuffix("ly")) { k += 1; continue }
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

    /// The subject before a cue starting at `cueStart`, skipping auxiliaries and adverbs, and an apposition
    /// or participle clause between commas ("Peskov, the Kremlin spokesman, said"; "X, citing sources, reported").
    func subjectBefore(_ cueStart: Int, floor: Int) -> Range<Int>? {
        var e = skipAuxLeft(cueStart - 1, floor: floor)
        guard e >= floor else { return nil }
        // a time phrase between subject and verb: "Sanders on Tuesday said", "X last week said"
        if fclass(e) == "time" {
            var z = e
            while z > floor, fclass(z) == "time" { z -= 1 }
            if z >= floor, ["on", "last", "this", "earlier", "later"].contains(tokens[z].lower) { z -= 1 }
            if z >= floor, z < e { e = skipAuxLeft(z, floor: floor) }
            guard e >= floor else { return nil }
        }
        // a parenthesis after the name: "Rep. Stephen Lynch (D-Mass.) said"
        if isPunct(e, ")") {
            var z = e - 1
            while z > floor, !isPunct(z, "("), e - z < 10 { z -= 1 }
            if z > floor, isPunct(z, "(") { return subjectLeft(endingAt: z - 1, floor: floor) }
            return nil
        }
        if !isPunct(e, ",") { return subjectLeft(endingAt: e, floor: floor) }
        // walk left over appositive segments between commas (at most three):
        // "Peskov, the Kremlin spokesman, said" / "Johnnie Wilson, of Springfield, Va., said"
        var right = e
        var firstInner: Range<Int>?
        for _ in 0..<4 {
            var k = right - 1
            while k > floor, !isPunct(k, ","), right - k < 20 { k -= 1 }
            let segStart = isPunct(k, ",") ? k + 1 : k
            guard segStart < right else { return nil }
            let seg = segStart..<right
            if firstInner == nil { firstInner = seg }
            let head = tokens[segStart]
            let appositive = k > floor && isPunct(k, ",") && (
                fclass(segStart) == "prep" || fclass(segStart) == "det" || fclass(segStart) == "sub"
                || (head.kind == .word && !head.isCapitalized)
                || (seg.count <= 3 && seg.allSatisfy { tokens[$0].isCapitalized || tokens[$0].text == "." || tokens[$0].text == "-" } && seg.contains { tokens[$0].text == "." || tokens[$0].text.contains("-") })
                || head.kind == .number)
            if appositive { right = k; continue }
            guard let outer = subjectLeft(endingAt: right - 1, floor: segStart) else { return nil }
            // "Another resident, Svetlana, said": a lower-case head before a bare name → the name
            if let inner = firstInner, inner != seg, !tokens[outer.upperBound - 1].isCapitalized, isNameLike(inner), inner.count <= 4 { return inner }
            return outer
        }
        return nil
    }

    /// Whether `r` can be the subject of cue `c`: not ending in an adverb or a bare modifier; for a base
    /// form ("say") a plural or pronoun subject (so that nouns such as "a big question" are not read as verbs).
    func plausibleSubject(_ r: Range<Int>, _ c: Cue) -> Bool {
        let last = tokens[r.upperBound - 1]
        if last.kind != .word { return last.text == "." }
        if !last.isCapitalized && last.lower.hasSuffix("ly") { return false }
        if let cl = fclass(r.upperBound - 1), cl == "det" || cl == "prep" || cl == "conj" || cl == "time" { return false }
        if r.count == 1, fclass(r.lowerBound) == "pron" { return true }
        if c.verb.form == "base" {
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

    /// Trims a speaker mention to its plausible noun phrase: cut before an -ing form or a verb after a
    /// plural name ("Trump making" → "Trump"), drop leading numbers/time words/prepositions and trailing
    /// function words, punctuation and participles. Nil when nothing is left.
    func cleanMention(_ r: Range<Int>) -> Range<Int>? {
        var a = r.lowerBound
        var b = r.upperBound
        if b - a == 1, tokens[a].kind == .word, g.pronouns[tokens[a].lower] != nil { return r }
        while a < b, tokens[a].kind == .number || ["time", "prep", "conj", "adv", "aux"].contains(fclass(a) ?? "") { a += 1 }
        var t = a + 1
        while t < b {
            let tk = tokens[t]
            if tk.kind == .word, !tk.isCapitalized, tk.lower.hasSuffix("ing"), tk.lower.count > 4, fclass(t - 1) == nil, tokens[t - 1].kind == .word,
               !tk.lower.contains("-") { b = t; break }
            if tk.kind == .word, !tk.isCapitalized, fclass(t) == nil, fclass(t - 1) == nil, tokens[t - 1].isCapitalized, tokens[t - 1].lower.hasSuffix("s"),
               !tokens[t - 1].lower.hasSuffix("'s"), !tokens[t - 1].lower.hasSuffix("’s"), g.places[tokens[t - 1].text] == nil { b = t; break }
            t += 1
        }
        while b > a {
            let last = tokens[b - 1]
            if last.kind == .punct {
                if last.text == ".", b - 1 > a, tokens[b - 2].isCapitalized, tokens[b - 2].end == last.start { break }
                b -= 1; continue
            }
            if last.kind != .word { b -= 1; continue }
            if last.isCapitalized { break }
            if let c = fclass(b - 1) {
                if c == "pron" || (c == "sub" && b - a == 1) { break }
                b -= 1; continue
            }
            if b - 2 >= a, fclass(b - 2) == "det" { break }
            if last.lower.hasSuffix("ing") || last.lower.contains("-") && !last.lower.hasSuffix("s") || g.reportingVerbs[last.lower] != nil { b -= 1; continue }
            break
        }
        guard a < b, (a..<b).contains(where: { tokens[$0].kind == .word && fclass($0) != "det" }) else { return nil }
        return a..<b
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
        if ((a + 1)..<k).contains(where: { fclass($0) != nil }) { return nil }
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
            return Found(content: span(contentR), kind: .indirect, cue: cueSpan, mention: np, words: contentR.count, viaAccording: true)
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
                subject = prevSubject ?? sentenceSubject(s, before: leftEnd); coordinated = true
            } else if c.verb.form != "gerund" {
                subject = subjectBefore(c.start, floor: floor)
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
        let adverbialFirst = p < sEnd && (tokens[p].lower == "that" || fclass(p) == "prep" || fclass(p) == "time" || isPunct(p, ","))
        while adverbialFirst, k < min(sEnd, p + 8) {
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
                // a prepositional phrase before the clause: "said after the convention he would ...",
                // "said in a statement, the company ..."
                if q < sEnd, fclass(q) == "prep" {
                    var z = q + 1
                    while z < min(sEnd, q + 8), tokens[z].kind == .word || tokens[z].kind == .number {
                        if z > q + 1, let cl = fclass(z), cl == "pron", ["he", "she", "they", "it", "we", "i"].contains(tokens[z].lower) { break }
                        if z > q + 1, tokens[z].lower == "that" { break }
                        z += 1
                    }
                    if z < sEnd, z < q + 8 {
                        if tokens[z].lower == "that" { q = z + 1 }
                        else if isPunct(z, ",") && z + 1 < sEnd && tokens[z + 1].kind == .word { q = z + 1 }
                        else if tokens[z].kind == .word, fclass(z) == "pron" { q = z }
                    }
                }
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
            // a new clause: "; ..." or ", and when ..." / ", but she ..."
            if isPunct(m, ";") { end = m; break }
            if isPunct(m, ","), m + 2 < sEnd, ["and", "but"].contains(tokens[m + 1].lower),
               let cl = fclass(m + 2), cl == "sub" || cl == "pron" || cl == "adv" { end = m; break }
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
