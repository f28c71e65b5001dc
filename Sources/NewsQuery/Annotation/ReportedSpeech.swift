/// Finds reported statements (direct, mixed, indirect) and their speakers in one article.
struct ReportedSpeechExtractor {
    let g: Gazetteer
    let sc: [Unicode.Scalar]
    let tokens: [AToken]
    let texts: [String]
    let lowers: [String]
    let sentences: [Range<Int>]
    /// Options (exposed for experiments).
    var includeBeliefs = false
    /// Direct quotations without a speaker are kept from this many words on (block quotes, transcripts);
    /// shorter ones are mostly scare quotes and titles. Tuned on PolNeAR train.
    var minUnattributedWords = 40
    /// A quotation inside a clause with no reporting cue takes the clause's subject when it is a person.
    var noCueClauseSubjects = true
    /// Attribute an embedded quotation to the first reporting cue of its clause instead of the nearest one
    /// (measured on PolNeAR train: no better; kept for experiments).
    var outermostFirst = false
    /// Quotations attributed to a clause subject without any cue need this many words.
    var minWordsWithoutCue = 3
    /// Indirect statements shorter than this (content tokens) are kept only when they are clauses
    /// ("the talks had ended"), not bare noun phrases ("a common line"); tuned on PolNeAR train.
    var minIndirectWords = 8
    /// Beliefs ("X suspects/expects …") open a statement, even without `includeBeliefs`, when their
    /// subject has a name (not a pronoun or a bare common noun): "The US suspects it will …".
    var namedBeliefs = true
    /// "For X, CLAUSE" (X's view: "For the minister, the plan is a mistake") is X's statement.
    var forAttributions = true
    /// A paragraph without quotation marks repeating (nearly word for word) an attributed quotation of the
    /// article is a pull-quote of that speaker.
    var pullQuoteTwins = true

    private var sentenceOf: [Int32] = []
    /// Reporting cue starting at each token (computed once).
    private var cueIndex: [Int32] = []
    private var cueList: [Cue] = []
    @inline(__always) private func cached(_ t: Int) -> Cue? {
        if cueIndex.isEmpty { return computeCue(at: t) }
        let i = cueIndex[t]
        return i < 0 ? nil : cueList[Int(i)]
    }
    /// Capitalised words seen inside sentences (not only sentence-initially): evidence of proper names.
    /// Collected on first use: most articles never ask.
    private let midSentenceNames = NameMemo()
    final class NameMemo { var names: Set<String>? }
    private var paragraphStart: [Int32] = []
    /// Tokens inside quotation marks (marks included).
    private var inQuote: [Bool] = []
    /// Tokens of short title-case lines (headlines), where verbs are capitalised too.
    private var titleCaseLine: [Bool] = []
    /// Function-word class of each token (looked up once).
    private let fclassCache: ClassMemo

    init(gazetteer: Gazetteer, scalars: [Unicode.Scalar], tokens x: Tokens, sentences: [Range<Int>]) {
        g = gazetteer; sc = scalars; tokens = x.tokens; texts = x.texts; lowers = x.lowers; self.sentences = sentences
        fclassCache = ClassMemo(tokens.count)
        sentenceOf = [Int32](repeating: 0, count: tokens.count)
        paragraphStart = [Int32](repeating: 0, count: tokens.count)
        var ps = 0
        for (k, s) in sentences.enumerated() {
            for t in s { sentenceOf[t] = Int32(k) }
        }
        for t in 0..<tokens.count {
            if t == 0 || tokens[t].newlinesBefore > 0 { ps = t }
            paragraphStart[t] = Int32(ps)
        }
    }

    // MARK: token helpers

    /// Whether the text of token `t` is also written capitalised inside some sentence (after a word).
    func isMidSentenceName(_ t: Int) -> Bool {
        if midSentenceNames.names == nil {
            var names: Set<String> = []
            for s in sentences {
                for t in s where t > s.lowerBound && tokens[t].isCapitalized && tokens[t].kind == .word && tokens[t - 1].kind == .word {
                    names.insert(texts[t])
                }
            }
            midSentenceNames.names = names
        }
        return midSentenceNames.names!.contains(texts[t])
    }

    struct Cue { var start: Int; var end: Int; var verb: Gazetteer.ReportingVerb }

    static let fclassNames: [String?] = [nil, "det", "aux", "adv", "prep", "conj", "sub", "pron", "time"]
    /// Memoised function-word classes (looked up on first use; most tokens are never asked).
    final class ClassMemo { var codes: [UInt8]; init(_ n: Int) { codes = [UInt8](repeating: 254, count: n) } }
    @inline(__always) func fclass(_ t: Int) -> String? {
        let c = fclassCache.codes[t]
        if c == 254 {
            let tk = tokens[t]
            guard tk.kind == .word, let name = g.functionWords[lowers[t]] else { fclassCache.codes[t] = 0; return nil }
            fclassCache.codes[t] = UInt8(Self.fclassNames.firstIndex(of: name) ?? 255)
            return name
        }
        return c == 255 ? g.functionWords[lowers[t]] : Self.fclassNames[Int(c)]
    }

    /// A reporting cue starting at token `t`.
    func cue(at t: Int) -> Cue? {
        guard let c = cached(t) else { return nil }
        if c.verb.verbClass == .belief { return nil }
        return c
    }

    /// A cue that opens an indirect statement: speech, data and according cues, and beliefs when enabled.
    func statementCue(at t: Int) -> Cue? {
        guard let c = cached(t) else { return nil }
        if c.verb.verbClass == .belief && !includeBeliefs || c.verb.quoteOnly { return nil }
        return c
    }

    /// A belief cue that may open a statement when its subject is named (see `namedBeliefs`).
    func namedBeliefCue(at t: Int) -> Cue? {
        guard namedBeliefs, !includeBeliefs, let c = cached(t), c.verb.verbClass == .belief, !c.verb.quoteOnly else { return nil }
        return c
    }

    /// Any cue at `t`, beliefs included (for attributing quotations: "he believes America is ''great''").
    func anyCue(at t: Int) -> Cue? { cached(t) }

    private func computeCue(at t: Int) -> Cue? {
        // field access, not a copy of the token (hot path: every word)
        guard tokens[t].kind == .word else { return nil }
        let lower = lowers[t]
        guard g.mayBeCueWord(lower), g.cueWords.contains(lower) else { return nil }
        let capitalized = tokens[t].isCapitalized
        if t + 1 < tokens.count, tokens[t + 1].kind == .word, g.multiwordCueStarts.contains(lower),
           let v = g.reportingVerbs[lower + " " + lowers[t + 1]] {
            if v.verbClass == .according || !capitalized { return Cue(start: t, end: t + 2, verb: v) }
        }
        guard let v = g.reportingVerbs[lower] else { return nil }
        if capitalized, !titleCaseLine.isEmpty, titleCaseLine[t], t > 0, v.form == "past" || v.form == "present3", tokens[t - 1].isCapitalized,
           v.verbClass != .according {
            // a title-case headline: "Glenn Beck Says Trump Poses A Threat"
            return Cue(start: t, end: t + 1, verb: v)
        }
        if capitalized {
            // inverted attribution opening a sentence: "Said Ellis: ..."
            guard !sentenceOf.isEmpty, sentence(t).lowerBound == t, v.form == "past" || v.form == "present3",
                  t + 1 < tokens.count, tokens[t + 1].isCapitalized else { return nil }
        }
        if v.verbClass == .according { return nil }
        // a noun reading: "the report", "a note", "a series of tweets"
        if t > 0, fclass(t - 1) == "det" || (fclass(t - 1) == "prep" && lowers[t - 1] != "to"), v.form == "base" || v.form == "present3" { return nil }
        return Cue(start: t, end: t + 1, verb: v)
    }

    func sentence(_ t: Int) -> Range<Int> { sentences[Int(sentenceOf[t])] }

    /// Token `t` is the punctuation mark `s` (one scalar): compared on the scalar, not the string.
    @inline(__always) func isPunct(_ t: Int, _ s: Unicode.Scalar) -> Bool {
        tokens[t].kind != .word && tokens[t].isMark(s)
    }

    /// Skips auxiliaries and adverbs leftwards from `t` (inclusive); returns the first index not skipped.
    func skipAuxLeft(_ t: Int, floor: Int) -> Int {
        var k = t
        while k >= floor {
            if let c = fclass(k), c == "aux" || c == "adv" {
                if c == "aux", tokens[k].isCapitalized, k > 0, sentenceOf.isEmpty || sentence(k).lowerBound != k { break }
                k -= 1; continue
            }
            // "has also broadly called", "he quickly said" (not "the family said")
            if k > floor, tokens[k].kind == .word, !tokens[k].isCapitalized, lowers[k].hasUTF8Suffix("ly"), texts[k].utf8.count > 4,
               fclass(k - 1) == "aux" || fclass(k - 1) == "adv" || fclass(k - 1) == "pron" || tokens[k - 1].isCapitalized || isPunct(k - 1, ",")
                || (k == t && tokens[k - 1].kind == .word && fclass(k - 1) == nil && !lowers[k - 1].hasUTF8Suffix("ly") && !g.lyNouns.contains(lowers[k])) { k -= 1; continue }
            break
        }
        return k
    }

    /// Noun-phrase subject ending at token `end` (inclusive), not crossing `floor`.
    func subjectLeft(endingAt end: Int, floor: Int) -> Range<Int>? {
        guard end >= floor, tokens[end].kind == .word || tokens[end].isMark(".") else { return nil }
        if let c = fclass(end), c == "pron" || lowers[end] == "who" || lowers[end] == "which" {
            if lowers[end] == "there" || lowers[end] == "here" { return nil }
            return end..<(end + 1)
        }
        var k = end
        var count = 0
        while k >= floor {
            let tk = tokens[k]
            if tk.kind == .quote { break }
            if tk.kind == .punct {
                if tokens[k].isMark(".") && k > floor && tokens[k - 1].end == tk.start { k -= 1; continue }
                if (tokens[k].isMark("-") || tokens[k].isMark("&")) && k > floor { k -= 1; continue }
                break
            }
            if let c = fclass(k) {
                if c == "det" { k -= 1; count += 1; break }
                if c == "prep" && ["of", "for", "in", "at", "from"].contains(lowers[k]) && k < end && k > floor && tokens[k - 1].kind == .word && fclass(k - 1) == nil
                    && (lowers[k] == "of" || lowers[k] == "for" || tokens[k + 1].isCapitalized) { k -= 1; count += 1; continue }
                if c == "conj" && lowers[k] == "and" && k < end && k > floor && tokens[k - 1].isCapitalized && tokens[k + 1].isCapitalized { k -= 1; count += 1; continue }
                if c == "pron" || c == "sub" || c == "prep" || c == "conj" || c == "aux" || c == "adv" || c == "time" { break }
            }
            // a reporting verb or a lower-case verb-like word ending in -ed/-ing breaks the phrase
            if k < end, !tk.isCapitalized, g.reportingVerbs[lowers[k]] != nil { break }
            k -= 1; count += 1
            if count > 9 { break }
        }
        let start = k + 1
        guard start <= end else { return nil }
        if end - start + 1 > 8 {
            // too long for a subject: keep the last capitalised run
            var s = end
            while s > start, tokens[s - 1].isCapitalized || tokens[s - 1].isMark(".") { s -= 1 }
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
                if tokens[k].isMark(".") && k > t && tokens[k - 1].end == tk.start && texts[k - 1].unicodeScalars.count <= 4 && k + 1 < limit && tokens[k + 1].isCapitalized { k += 1; continue }
                if tokens[k].isMark("-") { k += 1; continue }
                break
            }
            if let c = fclass(k), k > t, c == "prep" || c == "sub" || c == "conj" || c == "aux" || c == "adv" || c == "time" {
                // "of" + a name; "at" + a name after a group noun ("analysts at the Brookings Institution")
                let named = k + 1 < limit && (tokens[k + 1].isCapitalized || fclass(k + 1) == "det" && k + 2 < limit && tokens[k + 2].isCapitalized)
                if !(lowers[k] == "of" && k + 1 < limit && tokens[k + 1].isCapitalized)
                    && !(lowers[k] == "at" && named && g.speakerGroupNouns.contains(lowers[k - 1])) { break }
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
        var cueClass: Gazetteer.VerbClass = .speech
    }

    func span(_ r: Range<Int>) -> Span { Span(tokens[r.lowerBound].start, tokens[r.upperBound - 1].end) }

    /// Index of the first token starting at or after scalar offset `o`.
    func tokenIndex(atOrAfter o: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi { let m = (lo + hi) / 2; if tokens[m].start < o { lo = m + 1 } else { hi = m } }
        return lo
    }

    mutating func extract(quotes: [QuoteSegment]) -> [Found] {
        prepare(quotes: quotes)
        return statements(quotes: quotes)
    }

    /// The per-article tables the rules read: headline lines, the cue starting at each token, and
    /// the tokens inside quotation marks.
    private mutating func prepare(quotes: [QuoteSegment]) {
        let tokens = self.tokens  // a local constant: read in place
        // short lines whose words are nearly all capitalised: headlines
        titleCaseLine = [Bool](repeating: false, count: tokens.count)
        var p0 = 0
        while p0 < tokens.count {
            var p1 = p0 + 1
            while p1 < tokens.count, tokens[p1].newlinesBefore == 0 { p1 += 1 }
            if p1 - p0 <= 30 {
                var words = 0, caps = 0
                for t in p0..<p1 where tokens[t].kind == .word { words += 1; if tokens[t].isCapitalized { caps += 1 } }
                if words >= 4, caps * 10 >= words * 8 { for t in p0..<p1 { titleCaseLine[t] = true } }
            }
            p0 = p1
        }
        cueIndex = []; cueList = []
        var index = [Int32](repeating: -1, count: tokens.count)
        var list: [Cue] = []
        for t in 0..<tokens.count where tokens[t].kind == .word {
            if let c = computeCue(at: t) { index[t] = Int32(list.count); list.append(c) }
        }
        cueIndex = index; cueList = list
        inQuote = [Bool](repeating: false, count: tokens.count)
        for q in quotes {
            var t = tokenIndex(atOrAfter: q.open)
            let e = q.closeEnd ?? q.contentEnd
            while t < tokens.count, tokens[t].start < e { inQuote[t] = true; t += 1 }
        }
    }

    /// Every statement of the article, once `prepare` has run. Not mutating, so the rules and their
    /// closures read `self` in place instead of copying it.
    private func statements(quotes: [QuoteSegment]) -> [Found] {
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
            // a quotation inside a clause ("Trump called the plan ''a disaster''"): the clause's speaker first
            let embedded = openTok > 0 && openTok < tokens.count && tokens[openTok].newlinesBefore == 0 && openTok > sentence(openTok).lowerBound
                && (tokens[openTok - 1].kind == .word || isPunct(openTok - 1, ":") || isPunct(openTok - 1, ","))
            var governing: (cue: Span?, mention: Range<Int>)?
            if embedded, let gv = governingAttribution(openTok: openTok), gv.cue != nil || words >= minWordsWithoutCue { governing = gv }
            let usedBefore = embedded ? usedCue : []
            if q.closeEnd != nil, afterTok < tokens.count, tokens[afterTok].newlinesBefore == 0, !endsSentence {
                var j = afterTok
                var dash = -1
                if j < tokens.count, tokens[j].kind == .punct, [",", "\u{2014}", "\u{2013}", "\u{2015}", "-"].contains(texts[j]) {
                    if !tokens[j].isMark(",") { dash = j }
                    j += 1
                }
                let sEnd = j < tokens.count ? max(sentence(j).upperBound, j) : j
                if j < tokens.count, tokens[j].newlinesBefore == 0 {
                    if let c = cue(at: j), c.verb.verbClass != .belief, c.verb.verbClass != .according {
                        // "…," referring to X / "…," saying … : not an inverted attribution
                        if c.verb.form == "past" || c.verb.form == "present3",
                           let np = npRight(from: c.end, limit: min(sEnd, c.end + 10)) {
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
                                if endNP >= j, endNP - j < 9, !(j...endNP).contains(where: { tokens[$0].kind == .punct && !(tokens[$0].isMark(".") && tokens[$0 - 1].end == tokens[$0].start) && !tokens[$0].isMark("-") }),
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
                                } else if endNP > j + 2, isPunct(endNP, ","), fclass(j) == "det", let nm = nameBeforeComma(endNP, floor: j) {
                                    // a description, then the name between commas: "…" the head of X, Ann Lee, said
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = nm; how = 1
                                    usedCue.insert(c.start)
                                } else if endNP >= j, isPunct(endNP, ",") || isPunct(endNP, ")"), let np = leadingNP(from: j, limit: endNP) {
                                    // apposition or parenthesis between name and verb: X, a tax expert, said / X (D-Wis.) said
                                    f.cue = Span(tokens[c.start].start, tokens[c.end - 1].end); f.mention = np; how = 1
                                    usedCue.insert(c.start)
                                }
                                break
                            }
                            if tk.kind == .quote || isPunct(k, ".") && !(k > j && tokens[k - 1].end == tk.start && texts[k - 1].unicodeScalars.count <= 4)
                                && !(k + 1 < tokens.count && (isPunct(k + 1, ")") || isPunct(k + 1, ","))) { break }
                            if isPunct(k, ";") || isPunct(k, ":") { break }
                            // a long description before its name: "the president of the X Institute in Y, Ann Lee, said"
                            let description = fclass(j) == "det" && k - j <= 16 && (j..<k).allSatisfy { tokens[$0].kind == .word || tokens[$0].isMark("-") }
                            if k - j > 10 && !(apposition(from: j, to: k)) && !description { break }
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
            // a signature line after the quotation: "…"⏎⏎- President Obama
            if how == 0, q.closeEnd != nil, afterTok + 1 < tokens.count, tokens[afterTok].newlinesBefore > 0,
               ["-", "\u{2014}", "\u{2013}", "\u{2015}"].contains(texts[afterTok]), tokens[afterTok + 1].isCapitalized,
               let np = npRight(from: afterTok + 1, limit: tokens.count), isNameLike(np) {
                var e = np.upperBound
                if e < tokens.count, isPunct(e, ".") || isPunct(e, ",") { e += 1 }
                if e >= tokens.count || tokens[e].newlinesBefore > 0 || paragraphStart[e] == paragraphStart[afterTok] {
                    f.cue = Span(tokens[afterTok].start, tokens[afterTok].end); f.mention = np; how = 1
                }
            }
            if embedded, governing == nil, how == 1, !isPunct(openTok - 1, ":"), !isPunct(openTok - 1, ",") {
                // "Fundraising was ''stagnant'' as donors waited, he said": the cue reports the whole clause,
                // which becomes a mixed statement when the indirect reading finds it
                usedCue = usedBefore; how = 4
            }
            if let gv = governing {
                // an embedded quotation keeps its clause's speaker unless "…," X said closes the sentence
                var final = false
                if how == 1, let m = f.mention, let c = f.cue {
                    var e = max(m.upperBound, tokenIndex(atOrAfter: c.end))
                    // the addressee of "told": "…," she told AFP.
                    if e < tokens.count, e > 0, let cc = cue(at: e - 1), cc.verb.takesObject, tokens[e].isCapitalized, tokens[e].kind == .word {
                        while e < tokens.count, tokens[e].kind == .word, tokens[e].isCapitalized, tokens[e].newlinesBefore == 0 { e += 1 }
                    }
                    final = e >= tokens.count || e >= sentence(max(0, e - 1)).upperBound || tokens[e].newlinesBefore > 0
                        || (tokens[e].kind == .punct && !tokens[e].isMark("(")) || fclass(e) == "prep" || fclass(e) == "time" || tokens[e].kind == .number
                    if e < tokens.count, lowers[e] == "that" { final = false }
                }
                if final, how == 1, !isPunct(openTok - 1, ":"), !isPunct(openTok - 1, ",") {
                    usedCue = usedBefore; how = 4
                } else if !final {
                    if how == 1 { usedCue = usedBefore }
                    // "X said: ''…''" is a direct quotation; a fragment inside a clause may become part of a mixed one
                    f.cue = gv.cue; f.mention = gv.mention; how = isPunct(openTok - 1, ":") || isPunct(openTok - 1, ",") ? 2 : 4
                }
            }
            // before the opening mark: X said: "…" / X said, "…" / X told reporters: "…"
            if how == 0, openTok > 0, tokens[openTok].newlinesBefore == 0 || isPunct(openTok - 1, ":") {
                var k = openTok - 1
                let floor = Int(paragraphStart[k])
                var sep = ""
                if tokens[k].kind == .punct, tokens[k].isMark(":") || tokens[k].isMark(",") { sep = texts[k]; k -= 1 }
                if k >= floor, lowers[k] == "that" { k -= 1 }
                var cueFound: Cue?
                var probe = k
                while probe >= floor, probe >= k - (sep.isEmpty ? 2 : 6) {
                    if let c = cue(at: probe), c.verb.verbClass != .belief, c.verb.verbClass != .according {
                        if (probe == k || c.verb.takesObject || !sep.isEmpty) && !isNounModifier(c, before: openTok, floor: sentence(openTok).lowerBound) { cueFound = c }
                        break
                    }
                    if tokens[probe].kind != .word { break }
                    probe -= 1
                }
                if cueFound == nil, sep == "," {
                    var z = k
                    while z >= max(floor, k - 8), tokens[z].kind == .word || tokens[z].isMark(".") {
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
        // titles in quotation marks ("Shark Tank") are not links in a chain of quotations
        let titleLike = quotes.indices.map { i in direct[i].map { isTitleLike($0.content) } ?? false }
        for i in 0..<quotes.count where attributedBy[i] == 0 && i > 0 && !titleLike[i] {
            let q = quotes[i]
            var p = i - 1
            while p > 0, titleLike[p] { p -= 1 }
            guard let prev = direct[p], attributedBy[p] != 0, !titleLike[p] else { continue }
            let openTok = tokenIndex(atOrAfter: q.open)
            // a short fragment inside someone else's sentence is a scare quote, not a continuation
            if openTok > 0, openTok < tokens.count, tokens[openTok].newlinesBefore == 0, tokens[openTok - 1].kind == .word,
               (direct[i]?.words ?? 0) < 8 { continue }
            let prevEnd = quotes[p].closeEnd ?? quotes[p].contentEnd
            let prevTok = tokenIndex(atOrAfter: prevEnd)
            let sameParagraph = paragraphStart[min(openTok, tokens.count - 1)] == paragraphStart[min(prevTok, tokens.count - 1)]
            let paragraphOpening = openTok < tokens.count && (openTok == 0 || tokens[openTok].newlinesBefore > 0)
            var inherit = false
            if q.continuesPrevious { inherit = true }
            else if sameParagraph && openTok - prevTok <= 80 && !q.single {
                var from = prevTok
                if let m = prev.mention { from = max(from, m.upperBound) }
                if let c = prev.cue { from = max(from, tokenIndex(atOrAfter: c.end)) }
                // cues in the sentence of the previous attribution belong to it ("…," Trump said, mocking …)
                let attributionSentence = sentenceOf[max(0, min(from, tokens.count) - 1)]
                inherit = !cueBetween(from, openTok, paragraph: openTok, skippingSentence: attributionSentence)
                    && !cueAfterClose(q)
            }
            else if paragraphOpening && openTok - prevTok <= 80 && !q.single {
                // the quote must have no cue of its own after it, and no other reported statement may come between
                var from = prevTok
                if let m = prev.mention { from = max(from, m.upperBound) }
                if let c = prev.cue { from = max(from, tokenIndex(atOrAfter: c.end)) }
                let attributionSentence = sentenceOf[max(0, min(from, tokens.count) - 1)]
                var k = from
                var between = false
                while k < openTok {
                    if sentenceOf[k] != attributionSentence, !inQuote[k], cue(at: k) != nil { between = true; break }
                    k += 1
                }
                inherit = !between && !cueAfterClose(q)
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
            if forAttributions, let f = forStatement(s) { indirect.append(f) }
            while t < s.upperBound {
                guard let c = statementCue(at: t) ?? namedBeliefCue(at: t), !usedCue.contains(t) else { t += 1; continue }
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
            // (Answered by sorted look-ups, not by comparing every pair: a megabyte of text can hold
            // tens of thousands of statements.)
            let according = indirect.filter(\.viaAccording)
            let others = indirect.filter { !$0.viaAccording }
            let otherCues = CueSet(others.compactMap(\.cue))
            var keptAccording = according.filter { f in !otherCues.anyInside(f.content) }
            let otherContents = ContentCover(others.map { ($0.content, $0.cue) })
            let keptOthers = others.filter { f in
                guard let cue = f.cue else { return true }
                return !otherContents.covers(cue, exceptCue: cue)
            }
            let keptContents = ContentCover(keptOthers.map { ($0.content, $0.cue) })
            keptAccording.removeAll { f in f.cue.map { keptContents.covers($0, exceptCue: nil) } ?? false }
            indirect = keptOthers + keptAccording
        }
        // a quotation standing alone right after a sentence that attributes something to a speaker
        // ("Trump said the plan would fail. ''It's a disaster.''") takes that speaker
        var attributionInSentence: [Int32: (cue: Span?, mention: Range<Int>)] = [:]
        for f in indirect { if let c = f.cue, let m = f.mention { let t = tokenIndex(atOrAfter: c.start); if t < tokens.count { attributionInSentence[sentenceOf[t]] = (c, m) } } }
        for (i, f) in direct.enumerated() where attributedBy[i] != 0 && attributedBy[i] != 3 {
            if let c = f?.cue, let m = f?.mention { let t = tokenIndex(atOrAfter: c.start); if t < tokens.count, attributionInSentence[sentenceOf[t]] == nil { attributionInSentence[sentenceOf[t]] = (c, m) } }
        }
        for i in quotes.indices where attributedBy[i] == 0 {
            let q = quotes[i]
            let openTok = tokenIndex(atOrAfter: q.open)
            guard openTok < tokens.count, openTok > 0 else { continue }
            let sIdx = Int(sentenceOf[openTok])
            guard sentences[sIdx].lowerBound == openTok, sIdx > 0, !cueAfterClose(q) else { continue }
            let paragraphOpening = tokens[openTok].newlinesBefore > 0
            guard !paragraphOpening || tokens[openTok].newlinesBefore <= 2 else { continue }
            if let (c, m) = attributionInSentence[Int32(sIdx - 1)], m.upperBound <= openTok {
                direct[i]!.cue = c; direct[i]!.mention = m
                attributedBy[i] = 5
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
            var inside = 0
            var whole: Int?
            while k < quotes.count, quotes[k].contentStart < f.content.end {
                if quotes[k].contentEnd <= f.content.end + 2 && (attributedBy[k] == 0 || attributedBy[k] == 4 || attributedBy[k] == 3 && !quotes[k].continuesPrevious) {
                    dropDirect.insert(k)
                    f.kind = .mixed
                    inside += 1
                    // the quotation is the whole content: from its opening mark to its closing one (and a final stop)
                    if quotes[k].open == f.content.start, let close = quotes[k].closeEnd,
                       (close..<max(close, f.content.end)).allSatisfy({ ScalarClass.isSpace(sc[$0]) || [".", ",", ";", ":"].contains(sc[$0]) }) {
                        whole = k
                    }
                }
                k += 1
            }
            // "announced that “…”": every reported word is quoted, so this is a direct quotation
            if inside == 1, let k = whole, let d = direct[k] {
                f.kind = .direct
                f.content = d.content
                f.words = d.words
            }
            // a quotation opening just before the content ("said “…") is the direct reading; keep it
            indirect[ii] = f
        }
        // a pull-quote repeated without attribution takes the speaker of its attributed twin
        if direct.indices.contains(where: { attributedBy[$0] == 0 && (direct[$0]?.words ?? 0) >= 4 }) {
            var keyed: [Int: Int] = [:]
            var keys = [Int](repeating: 0, count: direct.count)
            for (i, f) in direct.enumerated() {
                guard let f, f.words >= 4 else { continue }
                keys[i] = Self.textKey(sc, f.content)
                if attributedBy[i] != 0, f.mention != nil, keyed[keys[i]] == nil { keyed[keys[i]] = i }
            }
            for i in direct.indices where attributedBy[i] == 0 && keys[i] != 0 {
                guard let j = keyed[keys[i]], let twin = direct[j] else { continue }
                direct[i]!.cue = twin.cue; direct[i]!.mention = twin.mention; direct[i]!.mentionSpan = twin.mentionSpan
                attributedBy[i] = 6
            }
        }
        // implausible speaker mentions are dropped (an indirect statement without a speaker goes with them)
        for i in direct.indices { if let m = direct[i]?.mention { direct[i]!.mention = cleanMention(m) } }
        for i in indirect.indices { if let m = indirect[i].mention { indirect[i].mention = cleanMention(m) } }
        for (i, f) in direct.enumerated() {
            guard let f, !dropDirect.contains(i) else { continue }
            if isTitleLike(f.content) {
                // headlines are in title case: keep their quotations
                let t = tokenIndex(atOrAfter: f.content.start)
                if !(t < tokens.count && paragraphStart[t] == 0) { continue }
            }
            if attributedBy[i] == 0 && f.words < minUnattributedWords { continue }
            found.append(f)
        }
        // an indirect clause overlapping a kept direct quotation is dropped (the direct reading wins)
        let keptDirect = found.map(\.content).sorted()
        for f in indirect {
            if keptDirect.contains(where: { $0.overlaps(f.content) }) { continue }
            // an indirect statement needs a speaker and a clause of some length
            if f.mention == nil || (f.kind == .indirect && f.words < minIndirectWords && !isClause(f.content)) { continue }
            found.append(f)
        }
        for i in found.indices {
            if found[i].mentionSpan == nil, let m = found[i].mention { found[i].mentionSpan = span(m) }
            if let c = found[i].cue {
                let t = tokenIndex(atOrAfter: c.start)
                if t < tokens.count, tokens[t].start == c.start, let cc = anyCue(at: t) { found[i].cueClass = cc.verb.verbClass }
            }
        }
        if pullQuoteTwins { found += pullQuotes(found) }
        // a joint statement of two governments named by their capitals or countries ("Paris and Berlin
        // confirmed …") is each one's statement
        var joint: [Found] = []
        for i in found.indices {
            guard let m = found[i].mention, m.count >= 3, let and = m.first(where: { lowers[$0] == "and" }),
                  and > m.lowerBound, and + 1 < m.upperBound else { continue }
            let left = m.lowerBound..<and, right = (and + 1)..<m.upperBound
            func place(_ r: Range<Int>) -> Bool {
                guard isNameLike(r) else { return false }
                let key = r.map { texts[$0] }.joined(separator: " ")
                return g.places[key].map { !$0.isDemonym } ?? false
            }
            guard place(left), place(right) else { continue }
            var second = found[i]
            found[i].mention = left; found[i].mentionSpan = span(left)
            second.mention = right; second.mentionSpan = span(right)
            joint.append(second)
        }
        found += joint
        found.sort { $0.content < $1.content }
        return found
    }

    /// Tokens j..<k form "Name, apposition," or "Name (...)" so far (commas/parentheses balanced enough).
    func apposition(from j: Int, to k: Int) -> Bool {
        var commas = 0
        var t = j
        while t < k { if isPunct(t, ",") || isPunct(t, "(") || isPunct(t, ")") { commas += 1 }; t += 1 }
        return commas >= 1 && commas <= 4
    }

    /// A past participle modifying a noun rather than a finite reporting verb: after a determiner ("a swiftly
    /// called meeting") or, for naming verbs, right after a lower-case noun and before the quotation ("a box
    /// labeled ''…''").
    func isNounModifier(_ c: Cue, before openTok: Int, floor: Int) -> Bool {
        guard c.verb.form == "past", c.start > floor else { return false }
        var d = c.start - 1
        while d > floor, tokens[d].kind == .word, !tokens[d].isCapitalized, lowers[d].hasUTF8Suffix("ly"), fclass(d) == nil || fclass(d) == "adv" { d -= 1 }
        // an article or possessive ("a called meeting"), not a quantifier that can be the subject ("many called it …")
        if fclass(d) == "det", ["the", "a", "an", "his", "her", "its", "their", "our", "my", "this", "these", "those"].contains(lowers[d]) { return true }
        return ["call", "name", "title", "dub", "label", "entitle"].contains(c.verb.lemma) && d == c.start - 1 && c.end == openTok
            && tokens[d].kind == .word && !tokens[d].isCapitalized && fclass(d) == nil
    }

    /// A short name between commas ending right before the comma at `comma`: ", Ann Lee," → Ann Lee.
    func nameBeforeComma(_ comma: Int, floor: Int) -> Range<Int>? {
        var z = comma - 1
        while z > floor, comma - z <= 4, tokens[z].kind == .word && tokens[z].isCapitalized && fclass(z) == nil
                || (tokens[z].isMark(".") && tokens[z - 1].end == tokens[z].start) || tokens[z].isMark("-") { z -= 1 }
        guard z > floor, isPunct(z, ","), z + 1 < comma, tokens[z + 1].kind == .word, isPersonLike((z + 1)..<comma) else { return nil }
        return (z + 1)..<comma
    }

    /// A name-like noun phrase at `from`, ending before a comma or parenthesis (before `limit`).
    func leadingNP(from j: Int, limit: Int) -> Range<Int>? {
        var k = j
        while k < limit, tokens[k].kind == .word || (tokens[k].isMark(".") && k > j && tokens[k - 1].end == tokens[k].start) || tokens[k].isMark("-") {
            if let c = fclass(k), c == "prep" || c == "sub" || c == "aux", k > j, !(lowers[k] == "of" && k + 1 < limit && tokens[k + 1].isCapitalized) { return nil }
            k += 1
        }
        guard k > j, k <= limit, isPunct(k, ",") || isPunct(k, "("), k - j <= 7 else { return nil }
        guard (j..<k).contains(where: { tokens[$0].isCapitalized }) || fclass(j) == "det" else { return nil }
        return j..<k
    }

    /// The subject at the start of sentence `s` (after an introductory phrase ending with a comma).
    func sentenceSubject(_ s: Range<Int>, before limit: Int) -> Range<Int>? {
        var a = afterDateline(s)
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
            if tk.kind == .word && (tk.isCapitalized || fclass(k) == nil && k > a && g.reportingVerbs[lowers[k]] == nil && !lowers[k].hasUTF8Suffix("ly")) { k += 1; continue }
            if tokens[k].isMark(".") && tokens[k - 1].end == tk.start && k > a { k += 1; continue }
            break
        }
        guard k > a, tokens[k - 1].kind == .word || tokens[k - 1].isMark(".") else { return nil }
        return a..<k
    }

    func isNameLike(_ r: Range<Int>) -> Bool {
        r.allSatisfy { tokens[$0].isCapitalized || tokens[$0].isMark(".") || tokens[$0].isMark("-") || lowers[$0].hasUTF8Suffix("'s") }
    }

    /// A cue in the sentence that the closing mark of `q` ends or continues, right after it.
    func cueAfterClose(_ q: QuoteSegment) -> Bool {
        let closeTok = tokenIndex(atOrAfter: q.closeEnd ?? q.contentEnd)
        guard closeTok > 0, closeTok < tokens.count else { return false }
        let sIdx = sentenceOf[closeTok - 1]
        var k = closeTok
        while k < min(tokens.count, closeTok + 10), sentenceOf[k] == sIdx {
            if !inQuote[k], cue(at: k) != nil { return true }
            k += 1
        }
        return false
    }

    func cueBetween(_ a: Int, _ b: Int, paragraph p: Int, skippingSentence skip: Int32 = -1) -> Bool {
        let ps = paragraphStart[min(p, tokens.count - 1)]
        var k = a
        while k < min(b, tokens.count), paragraphStart[k] == ps {
            if sentenceOf[k] == skip || inQuote[k] { k += 1; continue }
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
            if z >= floor, ["on", "last", "this", "earlier", "later"].contains(lowers[z]) { z -= 1 }
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
            guard right > floor else { return nil }
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
                || (seg.count <= 3 && seg.allSatisfy { tokens[$0].isCapitalized || tokens[$0].isMark(".") || tokens[$0].isMark("-") }
                    && (texts[seg.upperBound - 1].hasUTF8Suffix(".") || seg.contains { texts[$0].contains("-") }))
                || head.kind == .number
                || (seg.count <= 3 && g.places[seg.map { texts[$0] }.joined(separator: " ")] != nil)
                // "in Columbus, Ohio,": a state after a place name
                || (seg.count <= 2 && seg.allSatisfy { tokens[$0].isCapitalized } && k - 1 > floor && tokens[k - 1].isCapitalized
                    && fclass(k - 1) != "time" && ((floor + 1)..<(k - 1)).contains { $0 >= k - 4 && ["in", "at", "from", "of"].contains(lowers[$0]) }))
            if appositive { right = k; continue }
            var segEnd = right - 1
            if isPunct(segEnd, ")") {
                // "Gov. John Kasich (R-OH), said"
                var z = segEnd - 1
                while z > segStart, !isPunct(z, "("), segEnd - z < 10 { z -= 1 }
                if z > segStart, isPunct(z, "(") { segEnd = z - 1 }
            }
            guard let outer = subjectLeft(endingAt: segEnd, floor: segStart) else { return nil }
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
        if last.kind != .word { return tokens[r.upperBound - 1].isMark(".") }
        if !last.isCapitalized && lowers[r.upperBound - 1].hasUTF8Suffix("ly") { return false }
        if let cl = fclass(r.upperBound - 1), cl == "det" || cl == "prep" || cl == "conj" || cl == "time" { return false }
        if r.count == 1, fclass(r.lowerBound) == "pron" { return true }
        if c.verb.form == "base" {
            if !(lowers[r.upperBound - 1].hasUTF8Suffix("s") || ["people", "police", "media", "staff", "public", "they", "we", "i", "you"].contains(lowers[r.upperBound - 1])) { return false }
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
            if c == "conj" && !(lowers[t] == "and" && tokens[t - 1].isCapitalized && t + 1 < r.upperBound && tokens[t + 1].isCapitalized) { return false }
            if c == "prep" && !["of", "for", "in", "at", "from", "with", "on"].contains(lowers[t]) { return false }
        }
        return true
    }

    /// Trims a speaker mention to its plausible noun phrase: cut before an -ing form or a verb after a
    /// plural name ("Trump making" → "Trump"), drop leading numbers/time words/prepositions and trailing
    /// function words, punctuation and participles. Nil when nothing is left.
    func cleanMention(_ r: Range<Int>) -> Range<Int>? {
        var a = r.lowerBound
        var b = r.upperBound
        if b - a == 1, tokens[a].kind == .word, g.pronouns[lowers[a]] != nil { return r }
        while a < b, tokens[a].kind == .number || ["time", "prep", "conj", "adv", "aux"].contains(fclass(a) ?? "") { a += 1 }
        var t = a + 1
        while t < b {
            let tk = tokens[t]
            if tk.kind == .word, !tk.isCapitalized, lowers[t].hasUTF8Suffix("ing"), lowers[t].count > 4, fclass(t - 1) == nil, tokens[t - 1].kind == .word,
               !lowers[t].contains("-") { b = t; break }
            if tk.kind == .word, !tk.isCapitalized, fclass(t) == nil, fclass(t - 1) == nil, tokens[t - 1].isCapitalized, lowers[t - 1].hasUTF8Suffix("s"),
               !lowers[t - 1].hasUTF8Suffix("'s"), !lowers[t - 1].hasUTF8Suffix("’s"), g.places[texts[t - 1]] == nil { b = t; break }
            t += 1
        }
        while b > a {
            let last = tokens[b - 1]
            if last.kind == .punct {
                if tokens[b - 1].isMark("."), b - 1 > a, tokens[b - 2].isCapitalized, tokens[b - 2].end == last.start { break }
                b -= 1; continue
            }
            if last.kind != .word { b -= 1; continue }
            if last.isCapitalized { break }
            if let c = fclass(b - 1) {
                if c == "pron" || (c == "sub" && b - a == 1) { break }
                b -= 1; continue
            }
            if b - 2 >= a, fclass(b - 2) == "det" { break }
            if lowers[b - 1].hasUTF8Suffix("ing") || lowers[b - 1].contains("-") && !lowers[b - 1].hasUTF8Suffix("s") || g.reportingVerbs[lowers[b - 1]] != nil { b -= 1; continue }
            break
        }
        guard a < b, (a..<b).contains(where: { tokens[$0].kind == .word && fclass($0) != "det" }) else { return nil }
        return a..<b
    }

    func isOpeningMark(_ t: Int) -> Bool {
        let x = texts[t]
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
        if k - a == 1, !isMidSentenceName(a) { return nil }
        if ((a + 1)..<k).contains(where: { fclass($0) != nil }) { return nil }
        var e = s.upperBound
        while e > k + 1, tokens[e - 1].kind == .punct, [".", "!", "?"].contains(texts[e - 1]) { e -= 1 }
        guard e - (k + 1) >= 2 else { return nil }
        return Found(content: span((k + 1)..<e), kind: .indirect, cue: Span(tokens[k].start, tokens[k].end), mention: a..<k, words: e - k - 1)
    }

    /// An indirect statement around the cue `c` in sentence `s`.
    func indirectStatement(cue c: Cue, sentence s: Range<Int>, prevSubject: inout Range<Int>?) -> Found? {
        let cueSpan = Span(tokens[c.start].start, tokens[c.end - 1].end)
        var sEnd = s.upperBound
        // trailing sentence punctuation is not content
        while sEnd > s.lowerBound, tokens[sEnd - 1].kind == .punct, [".", "!", "?", ";", ":", ","].contains(texts[sEnd - 1]) { sEnd -= 1 }
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

        // "X quoted Y as saying CLAUSE": Y speaks
        if c.verb.lemma == "quote", c.verb.form == "past" || c.verb.form == "present3", let np = npRight(from: c.end, limit: sEnd),
           np.upperBound + 1 < sEnd, lowers[np.upperBound] == "as", let c2 = cue(at: np.upperBound + 1), c2.verb.form == "gerund" {
            var cs = c2.end
            if cs < sEnd, lowers[cs] == "that" { cs += 1 }
            let contentR = cs..<sEnd
            let words = contentR.filter { tokens[$0].kind == .word }.count
            guard words >= 3 else { return nil }
            return Found(content: span(contentR), kind: .indirect, cue: cueSpan, mention: np, words: words)
        }
        // a participle naming something: "a class called ''Perception''", "a film titled …"
        if c.verb.form == "past", ["call", "name", "title", "dub", "label", "entitle"].contains(c.verb.lemma), c.start > s.lowerBound,
           tokens[c.start - 1].kind == .word, !tokens[c.start - 1].isCapitalized, fclass(c.start - 1) == nil { return nil }
        // passive "was said", "is expected", "was not asked" → not attributed here
        var pv = c.start - 1
        while pv > s.lowerBound, fclass(pv) == "adv" { pv -= 1 }
        if pv >= s.lowerBound, c.start > s.lowerBound, let a = fclass(pv), a == "aux",
           ["is", "was", "were", "are", "been", "be", "being"].contains(lowers[pv]) { return nil }

        let floor = s.lowerBound
        // a cue inside an introductory clause ("Despite what he wrote in the speech, Cross said …") does not
        // reach past the clause's comma
        if c.start > floor, let fc = fclass(floor), fc == "sub" || fc == "prep" || lowers[floor] == "despite" {
            var k = c.end
            while k < min(sEnd, c.end + 12), !isPunct(k, ",") { k += 1 }
            if k < min(sEnd, c.end + 12), !(floor..<c.start).contains(where: { isPunct($0, ",") }) {
                var z = c.end
                var hasThat = false
                while z < k { if lowers[z] == "that" { hasThat = true }; z += 1 }
                if !hasThat { return nil }
            }
        }
        // --- subject
        var subject: Range<Int>?
        let leftEnd = skipAuxLeft(c.start - 1, floor: floor)
        var coordinated = false
        if leftEnd >= floor {
            if (lowers[leftEnd] == "and" || lowers[leftEnd] == "but") || (tokens[leftEnd].isMark(",") && c.verb.form == "gerund") {
                subject = prevSubject ?? clauseSubject(clause(of: s, containing: leftEnd), before: leftEnd) ?? sentenceSubject(s, before: leftEnd); coordinated = true
            } else if c.verb.form != "gerund" {
                subject = subjectBefore(c.start, floor: floor)
            }
        }
        // --- content to the right
        var p = c.end
        if c.verb.takesObject, p < sEnd, lowers[p] != "that" {
            // addressee: a pronoun, a name, or a short noun phrase
            if let cl = fclass(p), cl == "pron" || lowers[p] == "him" || lowers[p] == "them" || lowers[p] == "us" || lowers[p] == "me" {
                p += 1
            } else if tokens[p].isCapitalized, fclass(p) != "time" {
                while p < sEnd, tokens[p].isCapitalized || (tokens[p].isMark(".") && tokens[p - 1].end == tokens[p].start) { p += 1 }
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
        let adverbialFirst = p < sEnd && (lowers[p] == "that" || fclass(p) == "prep" || fclass(p) == "time" || isPunct(p, ","))
        while adverbialFirst, k < min(sEnd, p + 14) {
            let tk = tokens[k]
            // past a few words only after a comma-delimited adverbial: "assured Monday, before the vote, that"
            if lowers[k] == "that" && tk.kind == .word && (k < p + 8 || isPunct(k - 1, ",")) { contentStart = k + 1; break }
            if tk.kind == .quote || (tk.kind == .punct && !tokens[k].isMark(",")) { break }
            if let cl = fclass(k), cl == "sub" || cl == "pron" { break }
            k += 1
        }
        var reverse = false
        var parentheticalFrom = -1
        // a parenthetical attribution: "In return, they argue, the deal could …" / "The plan, she said, would fail"
        if contentStart < 0, p == c.end, p + 1 < sEnd, isPunct(p, ","), tokens[p + 1].kind == .word, let sj = subject,
           sj.lowerBound > floor, isPunct(sj.lowerBound - 1, ","), c.verb.verbClass == .speech || c.verb.verbClass == .belief,
           c.verb.form == "past" || c.verb.form == "present3" || c.verb.form == "base",
           !(floor..<(sj.lowerBound - 1)).contains(where: { tokens[$0].kind == .quote || cue(at: $0) != nil }) {
            let intro = fclass(afterDateline(s)).map { ["prep", "sub", "adv", "conj", "time"].contains($0) } ?? false
            contentStart = p + 1
            if !intro { parentheticalFrom = afterDateline(s) }
        }
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
                        if z > q + 1, let cl = fclass(z), cl == "pron", ["he", "she", "they", "it", "we", "i"].contains(lowers[z]) { break }
                        if z > q + 1, lowers[z] == "that" { break }
                        z += 1
                    }
                    if z < sEnd, z < q + 8 {
                        if lowers[z] == "that" { q = z + 1 }
                        else if isPunct(z, ",") && z + 1 < sEnd && tokens[z + 1].kind == .word { q = z + 1 }
                        else if tokens[z].kind == .word, fclass(z) == "pron" { q = z }
                    }
                }
                if q < sEnd {
                    let cl = fclass(q)
                    if cl == "prep" || cl == "conj" || tokens[q].kind == .punct || cl == "aux" && lowers[q] != "there" {
                        contentStart = -1
                    } else if c.verb.verbClass == .data && lowers[q] != "that" && cl != "det" && cl != "pron" {
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
        if c.verb.verbClass == .belief, !includeBeliefs {
            // only a speaker with a name (or a place adjective): "The US suspects", "Western intelligence agencies
            // expect"; not "he believes", "many economists think"
            guard !(subj.count == 1 && fclass(subj.lowerBound) == "pron"),
                  subj.contains(where: { tokens[$0].isCapitalized && fclass($0) == nil }) else { return nil }
        }
        if tokens[contentStart].kind == .quote, !isOpeningMark(contentStart) { return nil }
        // content ends before a coordinated reporting verb ("..., and warned Y it would ...")
        var end = sEnd
        var m = contentStart + 1
        while m < sEnd {
            // a new clause: "; ..." or ", and when ..." / ", but she ..."
            if isPunct(m, ";") { end = m; break }
            if isPunct(m, ","), m + 2 < sEnd, ["and", "but"].contains(lowers[m + 1]),
               let cl = fclass(m + 2), cl == "sub" || cl == "pron" || cl == "adv" { end = m; break }
            // "…, but the Sanders campaign rejected …": a coordinated clause with its own reporting verb and subject
            if isPunct(m, ",") || isPunct(m, "-") || isPunct(m, "\u{2014}") || isPunct(m, "\u{2013}"), m + 2 < sEnd,
               ["and", "but", "while"].contains(lowers[m + 1]) {
                var z = m + 2
                while z < min(sEnd, m + 9), !(cue(at: z) != nil && z > m + 2) { z += 1 }
                if z < min(sEnd, m + 9), let np = nounPhrase(from: m + 2, limit: z), skipAuxLeft(z - 1, floor: m + 2) == np.upperBound - 1 { end = m; break }
            }
            if let c2 = cue(at: m), c2.verb.verbClass != .according {
                let l = skipAuxLeft(m - 1, floor: contentStart)
                if l > contentStart, lowers[l] == "and" || lowers[l] == "but" || (isPunct(l, ",") && c2.verb.form == "gerund") {
                    var e = l
                    if e > contentStart, isPunct(e - 1, ",") { e -= 1 }
                    // only when the coordinated verb has no subject of its own
                    if c2.verb.form == "past" || c2.verb.form == "present3" || c2.verb.form == "gerund" { end = e; break }
                }
            }
            m += 1
        }
        while end > contentStart, tokens[end - 1].kind == .punct, [",", ";", ":", "\u{2014}"].contains(texts[end - 1]) { end -= 1 }
        let contentR = (parentheticalFrom >= 0 ? parentheticalFrom : contentStart)..<end
        let wordsCount = contentR.filter { tokens[$0].kind == .word }.count
        guard wordsCount >= 3 else { return nil }
        // a belief takes a clause: "thinks (that) the plan will fail", not "felt blindsided", "knew instantly"
        if c.verb.verbClass == .belief {
            let first = contentStart
            let thatClause = first > 0 && lowers[first - 1] == "that"
            guard thatClause || fclass(first) == "det" || fclass(first) == "pron" || (tokens[first].isCapitalized && fclass(first) == nil) else { return nil }
            guard lowers[first] != "it" || thatClause || (first + 1 < sEnd && fclass(first + 1) == "aux") else { return nil }
        }
        prevSubject = subj
        return Found(content: span(contentR), kind: .indirect, cue: cueSpan, mention: subj, words: wordsCount)
    }

    /// "For X, CLAUSE" / "For X, a professor at Y, CLAUSE" opening a sentence, with a copular clause
    /// ("it is not surprising that …", "the vote was a warning"): X's view, reported as X's statement.
    func forStatement(_ s: Range<Int>) -> Found? {
        let a = afterDateline(s)
        guard a + 3 < s.upperBound, tokens[a].kind == .word, lowers[a] == "for", tokens[a + 1].kind == .word,
              tokens[a + 1].isCapitalized, fclass(a + 1) == nil else { return nil }
        var sEnd = s.upperBound
        while sEnd > a, tokens[sEnd - 1].kind == .punct, [".", "!", "?", ";", ":", ","].contains(texts[sEnd - 1]) { sEnd -= 1 }
        var k = a + 1
        while k < sEnd, k - a <= 5, tokens[k].kind == .word && tokens[k].isCapitalized && fclass(k) == nil
                || (tokens[k].isMark(".") && tokens[k - 1].end == tokens[k].start) || (tokens[k].isMark("-") && k + 1 < sEnd && tokens[k + 1].start == tokens[k].end) { k += 1 }
        guard k < sEnd, isPunct(k, ","), k - a <= 5 else { return nil }
        let mention = (a + 1)..<k
        var c = k + 1
        // an apposition after the name: ", a professor at Ewha University,"
        if c < sEnd, fclass(c) == "det", !tokens[c].isCapitalized {
            var z = c + 1
            while z < min(sEnd, c + 16), !isPunct(z, ","), tokens[z].kind != .quote, cue(at: z) == nil { z += 1 }
            if z < min(sEnd, c + 16), isPunct(z, ",") { c = z + 1 }
        }
        guard sEnd - c >= 4, c < sEnd, tokens[c].kind == .word || tokens[c].kind == .quote else { return nil }
        // a copular clause: a form of "be" within its first words, before any comma
        var z = c
        var copula = false
        while z < min(sEnd, c + 7), !isPunct(z, ",") {
            if ["is", "are", "was", "were", "remains", "remained"].contains(lowers[z]) { copula = true; break }
            z += 1
        }
        guard copula else { return nil }
        let contentR = c..<sEnd
        return Found(content: span(contentR), kind: .indirect, cue: Span(tokens[a].start, tokens[a].end), mention: mention,
                     words: contentR.filter { tokens[$0].kind == .word }.count)
    }

    /// Pull-quotes: one-sentence paragraphs without quotation marks or cues that repeat, nearly word for word,
    /// an attributed direct quotation found elsewhere in the article; they take its speaker.
    func pullQuotes(_ found: [Found]) -> [Found] {
        func words(_ r: Range<Int>) -> [String] { r.compactMap { tokens[$0].kind == .word ? lowers[$0] : nil } }
        let twins: [(Found, [String])] = found.compactMap { f in
            guard f.kind == .direct, f.mention != nil, f.words >= 8 else { return nil }
            let a = tokenIndex(atOrAfter: f.content.start)
            var b = a
            while b < tokens.count, tokens[b].start < f.content.end { b += 1 }
            return (f, words(a..<b))
        }
        guard !twins.isEmpty else { return [] }
        var out: [Found] = []
        for s in sentences {
            let a = s.lowerBound
            guard a == 0 || tokens[a].newlinesBefore > 0, s.upperBound >= tokens.count || tokens[s.upperBound].newlinesBefore > 0 else { continue }
            guard !s.contains(where: { tokens[$0].kind == .quote || inQuote[$0] || cue(at: $0) != nil }) else { continue }
            var e = s.upperBound
            while e > a, tokens[e - 1].kind == .punct { e -= 1 }
            // cheap tests first: the word count, a twin of about that length, no overlap with a statement
            var wordCount = 0
            for t in a..<e where tokens[t].kind == .word { wordCount += 1 }
            guard wordCount >= 8, twins.contains(where: { abs($0.1.count - wordCount) <= 2 }) else { continue }
            let span = self.span(a..<e)
            guard !found.contains(where: { $0.content.overlaps(span) }) else { continue }
            let w = words(a..<e)
            for (f, tw) in twins where abs(tw.count - w.count) <= 2 {
                var counts: [String: Int] = [:]
                for x in tw { counts[x, default: 0] += 1 }
                var common = 0
                for x in w { if let n = counts[x], n > 0 { counts[x] = n - 1; common += 1 } }
                if common * 10 >= max(w.count, tw.count) * 9 {
                    var p = f
                    p.content = span
                    p.words = w.count
                    out.append(p)
                    break
                }
            }
        }
        return out
    }

    /// A hash of the letters and digits of `span` (case-folded for ASCII): equal texts modulo punctuation and spacing.
    static func textKey(_ sc: [Unicode.Scalar], _ span: Span) -> Int {
        var h = FNV.basis
        for k in span.start..<span.end {
            let u = sc[k]
            guard ScalarClass.isAlnum(u) else { continue }
            var v = u.value
            if v >= 65 && v <= 90 { v += 32 }
            h = FNV.step(h, UInt64(v))
        }
        return Int(truncatingIfNeeded: h) | 1
    }

    /// A short quotation in title case without final punctuation names a work, show or group
    /// ("This Week", "Gang of Eight", "The Apprentice"): not a statement.
    func isTitleLike(_ span: Span) -> Bool {
        var t = tokenIndex(atOrAfter: span.start)
        var words = 0
        var capitals = 0
        while t < tokens.count, tokens[t].start < span.end {
            let tk = tokens[t]
            if tk.kind == .word {
                words += 1
                if tk.isCapitalized || ScalarClass.isDigit(sc[tk.start]) { capitals += 1 }
                else if fclass(t) == nil || !["det", "prep", "conj"].contains(fclass(t)!) { return false }
            } else if tk.kind == .punct, [".", "!", "?"].contains(texts[t]) {
                return false
            }
            t += 1
            if words > 14 { return false }
        }
        return words >= 1 && capitals >= 1
    }

    /// First token after a dateline opening the sentence ("WASHINGTON —", "PHILADELPHIA, July 25 (UPI) —").
    func afterDateline(_ s: Range<Int>) -> Int {
        let a = s.lowerBound
        guard a < s.upperBound, tokens[a].kind == .word, texts[a].unicodeScalars.count >= 3,
              texts[a].unicodeScalars.allSatisfy({ !ScalarClass.isLetter($0) || ScalarClass.isUpper($0) }) else { return a }
        var k = a + 1
        while k < min(s.upperBound, a + 12) {
            if ["\u{2014}", "\u{2013}", "-", "--"].contains(texts[k]) && tokens[k].kind == .punct { return k + 1 }
            k += 1
        }
        return a
    }

    /// A short content that is a clause ("the talks had ended", "he would win"), not a bare noun phrase
    /// ("a common line", "the name Donald Trump").
    func isClause(_ span: Span) -> Bool {
        var t = tokenIndex(atOrAfter: span.start)
        let first = t
        if first > 0, first < tokens.count, lowers[first - 1] == "that" { return true }
        while t < tokens.count, tokens[t].start < span.end {
            let tk = tokens[t]
            if tk.kind == .word {
                if fclass(t) == "aux" { return true }
                if t > first, !tk.isCapitalized, fclass(t) == nil, lowers[t].hasUTF8Suffix("ed") || anyCue(at: t) != nil { return true }
                if t > first, !tk.isCapitalized, fclass(t) == nil, lowers[t].hasUTF8Suffix("s"), !lowers[t].hasUTF8Suffix("ss"), fclass(t - 1) == nil || fclass(t - 1) == "pron" { return true }
            }
            t += 1
        }
        return false
    }

    /// The clause of sentence `s` that contains token `t`: after the last "; …", ", and/but/while SUBJECT …" or
    /// ", though/although/whereas …" before `t`.
    func clause(of s: Range<Int>, containing t: Int) -> Range<Int> {
        var b = t - 1
        while b > max(s.lowerBound, t - 50) {
            if !inQuote[b] {
                if isPunct(b, ";") { return (b + 1)..<s.upperBound }
                if isPunct(b, ","), b + 2 < t {
                    let w = lowers[b + 1]
                    if ["and", "but", "while"].contains(w), tokens[b + 2].isCapitalized || fclass(b + 2) == "pron" || fclass(b + 2) == "det" { return (b + 2)..<s.upperBound }
                    if ["though", "although", "whereas"].contains(w) { return (b + 2)..<s.upperBound }
                }
            }
            b -= 1
        }
        return s
    }

    // MARK: clause subjects (for quotations introduced by a clause)

    /// A pronoun resolved to a person (he, she) or a capitalised run that is not a place or an organisation.
    func isPersonLike(_ r: Range<Int>) -> Bool {
        if r.count == 1, let p = g.pronouns[lowers[r.lowerBound]] { return p.mode == "yes" || ["i", "we", "they"].contains(lowers[r.lowerBound]) }
        guard r.allSatisfy({ tokens[$0].isCapitalized || tokens[$0].isMark(".") || tokens[$0].isMark("-") }) else { return false }
        return !r.contains { g.nonPersonWords.contains(lowers[$0]) || g.places[texts[$0]] != nil }
    }

    /// The noun phrase starting at `a`: a pronoun, a run of capitalised words (titles, initials,
    /// "of" + name), or a determiner phrase up to its head noun ("the company", "Trump's campaign
    /// manager Kellyanne Conway"). Stops before the verb.
    func nounPhrase(from a: Int, limit: Int) -> Range<Int>? {
        guard a < limit, tokens[a].kind == .word else { return nil }
        if fclass(a) == "pron" || g.pronouns[lowers[a]] != nil {
            return lowers[a] == "there" || lowers[a] == "here" ? nil : a..<(a + 1)
        }
        var k = a
        var sawCap = false
        var lowerRun = 0
        while k < limit, k - a < 12 {
            let tk = tokens[k]
            if tk.kind == .punct {
                if tokens[k].isMark("."), k > a, tokens[k - 1].end == tk.start, tokens[k - 1].isCapitalized, texts[k - 1].unicodeScalars.count <= 4 { k += 1; continue }
                if tokens[k].isMark("-"), k > a, k + 1 < limit, tokens[k + 1].start == tk.end { k += 1; continue }
                break
            }
            if tk.kind != .word { break }
            if let c = fclass(k) {
                if k == a && (c == "det") { k += 1; continue }
                if lowers[k] == "of" && k > a && k + 1 < limit && tokens[k + 1].isCapitalized && tokens[k - 1].kind == .word { k += 1; continue }
                if tk.isCapitalized && k > a && c != "pron" { k += 1; sawCap = true; continue }
                break
            }
            if tk.isCapitalized { sawCap = true; lowerRun = 0; k += 1; continue }
            if anyCue(at: k) != nil || g.reportingVerbs[lowers[k]] != nil { break }
            if lowers[k].hasUTF8Suffix("ly") || lowers[k].hasUTF8Suffix("ed") && !g.titles.contains(lowers[k]) { break }
            let prevPossessive = k > a && (lowers[k - 1].hasUTF8Suffix("'s") || lowers[k - 1].hasUTF8Suffix("\u{2019}s") || lowers[k - 1].hasUTF8Suffix("s'") || lowers[k - 1].hasUTF8Suffix("s\u{2019}"))
            if sawCap && !prevPossessive && !g.titles.contains(lowers[k]) && !g.nonPersonWords.contains(lowers[k]) { break }
            // a lower-case word followed by a determiner or pronoun is the verb: "The mayor gave the council"
            if lowerRun > 0 || sawCap, k + 1 < limit, let nc = fclass(k + 1), nc == "det" || nc == "pron" { break }
            lowerRun += 1
            if lowerRun > 4 { break }
            k += 1
        }
        while k > a, tokens[k - 1].kind != .word || fclass(k - 1) == "det" || lowers[k - 1] == "of" {
            if tokens[k - 1].isMark("."), k - 1 > a, tokens[k - 2].end == tokens[k - 1].start { break }
            k -= 1
        }
        guard k > a, (a..<k).contains(where: { tokens[$0].kind == .word && fclass($0) != "det" }) else { return nil }
        return a..<k
    }

    /// The subject of the clause that starts sentence `s`, before token `limit`: introductory phrases
    /// ("On Tuesday,", "After the debate ended,", "But", "As") are skipped. The subject must be followed
    /// by a verb-like word (a lower-case word, an auxiliary or an adverb).
    func clauseSubject(_ s: Range<Int>, before limit: Int) -> Range<Int>? {
        var a = afterDateline(s)
        var steps = 0
        while a < limit, steps < 6 {
            steps += 1
            let tk = tokens[a]
            if inQuote[a] {
                while a < limit, inQuote[a] { a += 1 }
                continue
            }
            if tk.kind != .word {
                if tokens[a].isMark("(") || tokens[a].isMark("[") { return nil }
                a += 1; continue
            }
            if lowers[a] == "as" { a += 1; continue }
            // a participle clause opening the sentence: "Asked about the vote, he said", "Smiling, she added"
            if a == s.lowerBound, tk.isCapitalized, fclass(a) == nil, lowers[a].hasUTF8Suffix("ed") || lowers[a].hasUTF8Suffix("ing"), !isMidSentenceName(a) {
                var k = a + 1
                while k < limit, k - a < 30, !isPunct(k, ",") { k += 1 }
                if k < limit, isPunct(k, ",") {
                    var z = min(limit - 1, a + 45)
                    while z > k {
                        if isPunct(z, ","), !inQuote[z], let np = subjectWithVerb(at: z + 1, limit: limit) { return np }
                        z -= 1
                    }
                    a = k + 1; continue
                }
            }
            if let c = fclass(a), c == "conj" || (c == "adv" && !(a + 1 < limit && isPunct(a + 1, ","))) { a += 1; continue }
            if let c = fclass(a), c == "prep" || c == "sub" || c == "time" || c == "adv" {
                // "in a news conference last week he used …": a personal pronoun after the phrase, before any comma
                var z = a + 1
                while z < min(limit - 1, a + 15), !isPunct(z, ","), !inQuote[z] {
                    if let pr = g.pronouns[lowers[z]], pr.mode == "yes" || ["they", "we", "i"].contains(lowers[z]),
                       ["he", "she", "they", "we", "i"].contains(lowers[z]), tokens[z + 1].kind == .word, !tokens[z + 1].isCapitalized {
                        return z..<(z + 1)
                    }
                    z += 1
                }
                var k = a + 1
                while k < limit, k - a < 30, !isPunct(k, ",") { k += 1 }
                guard k < limit, isPunct(k, ",") else { return nil }
                // a subordinate clause may hold commas itself ("When Robby Mook, Clinton's campaign manager, was
                // asked …, he laughed"): the main clause starts after the last comma followed by subject + verb
                if c == "sub" {
                    var z = min(limit - 1, a + 45)
                    while z > k {
                        if isPunct(z, ","), !inQuote[z], let np = subjectWithVerb(at: z + 1, limit: limit) { return np }
                        z -= 1
                    }
                }
                a = k + 1; continue
            }
            if tk.kind == .word, !tk.isCapitalized, lowers[a].hasUTF8Suffix("ly"), a + 1 < limit, isPunct(a + 1, ",") { a += 2; continue }
            break
        }
        // a short introductory phrase without a verb before a comma: "Here in Columbia,", "Minutes later,"
        var c = a + 1
        while c < min(limit, a + 7), !isPunct(c, ",") { c += 1 }
        if c < limit, isPunct(c, ","), c + 1 < limit, !(a..<c).contains(where: { fclass($0) == "aux" || anyCue(at: $0) != nil || inQuote[$0] }),
           tokens[c + 1].kind == .word, let inner = clauseSubject(Range(uncheckedBounds: (c + 1, s.upperBound)), before: limit) {
            if nounPhrase(from: a, limit: limit).map({ $0.upperBound != c || (c == a + 1 && !isMidSentenceName(a) && fclass(a) != "pron") }) ?? true { return inner }
        }
        return subjectWithVerb(at: a, limit: limit)
    }

    /// A noun phrase at `a` followed by a verb-like word (possibly after an apposition or a parenthesis).
    func subjectWithVerb(at a: Int, limit: Int) -> Range<Int>? {
        guard a < limit, let np = nounPhrase(from: a, limit: limit) else { return nil }
        if np.count == 1, g.pronouns[lowers[a]]?.mode == "relative" { return nil }
        // a verb must follow the subject (possibly after an apposition between commas or a parenthesis)
        var v = np.upperBound
        if v < limit, isPunct(v, ",") || isPunct(v, "(") {
            var k = v + 1
            var depth = isPunct(v, "(") ? 1 : 0
            while k < limit, k - v < 30 {
                if isPunct(k, "(") { depth += 1 }
                if isPunct(k, ")") { depth -= 1; if depth == 0 && isPunct(v, "(") { break } }
                if isPunct(k, ","), depth == 0 { break }
                k += 1
            }
            guard k < limit else { return nil }
            v = k + 1
            if v < limit, isPunct(v, ",") { v += 1 }
        }
        guard v < limit, tokens[v].kind == .word, !tokens[v].isCapitalized || anyCue(at: v) != nil else { return nil }
        if let c = fclass(v), c != "aux" && c != "adv" { return nil }
        return np
    }

    /// The speaker of a quotation opening at token `openTok` inside a sentence: the subject of the nearest
    /// reporting cue before it in the sentence ("Trump said he would make Mexico ''pay''"; "he said,
    /// adding: ''…''"), or, after a colon or comma, the subject of the introducing clause ("He gave the
    /// Texan a back-handed compliment: ''…''").
    func governingAttribution(openTok: Int) -> (cue: Span?, mention: Range<Int>)? {
        let s = sentence(openTok)
        guard openTok > s.lowerBound else { return nil }
        if isPunct(openTok - 1, ":"), openTok >= 2, tokens[openTok - 2].isCapitalized, tokens[openTok - 2].kind == .word {
            // "… - HuffPollster: ''…''": a name run opening the clause right before the colon
            var a = openTok - 2
            while a > s.lowerBound, openTok - 2 - a < 4, tokens[a - 1].kind == .word, tokens[a - 1].isCapitalized || tokens[a - 1].isMark(".") { a -= 1 }
            if a == s.lowerBound || ["-", "\u{2014}", "\u{2013}", "(", ";"].contains(texts[a - 1]) {
                return (Span(tokens[openTok - 1].start, tokens[openTok - 1].end), a..<(openTok - 1))
            }
            // "… doesn't surprise Republican pollster Daron Shaw: ''…''": a person's name (with a role) ends the clause
            var r = a
            while r > s.lowerBound, openTok - 2 - r < 6, tokens[r - 1].kind == .word, !tokens[r - 1].isCapitalized, g.titles.contains(lowers[r - 1]) || g.nonPersonWords.contains(lowers[r - 1]) {
                r -= 1
                while r > s.lowerBound, tokens[r - 1].kind == .word, tokens[r - 1].isCapitalized, fclass(r - 1) == nil { r -= 1 }
            }
            if openTok - 1 - a >= 2, isPersonLike(a..<(openTok - 1)), r > s.lowerBound, fclass(r - 1) != "prep", tokens[r - 1].kind == .word,
               !(a..<(openTok - 1)).contains(where: { g.places[texts[$0]] != nil }) {
                return (Span(tokens[openTok - 1].start, tokens[openTok - 1].end), r..<(openTok - 1))
            }
        }
        var floor = max(s.lowerBound, openTok - 50)
        // a new coordinated clause with its own subject starts a new search: "…, and Trump vowed to ''…''"
        var clause = s
        var b = openTok - 1
        while b > floor {
            if !inQuote[b], isPunct(b, ";") || (isPunct(b, ",") && b + 2 < openTok && ["and", "but", "while"].contains(lowers[b + 1])
                && (tokens[b + 2].isCapitalized || fclass(b + 2) == "pron" || fclass(b + 2) == "det")) {
                floor = b + 1
                clause = (isPunct(b, ";") ? b + 1 : b + 2)..<s.upperBound
                break
            }
            if !inQuote[b], isPunct(b, ","), b + 2 < openTok, ["though", "although", "whereas"].contains(lowers[b + 1]) { floor = b + 1; clause = (b + 2)..<s.upperBound; break }
            b -= 1
        }
        // the outermost cue first: "X said that Y is ''…''" is X's statement
        var k = outermostFirst ? floor : openTok - 1
        while outermostFirst ? k < openTok : k >= floor {
            defer { k += outermostFirst ? 1 : -1 }
            if !inQuote[k], let c = anyCue(at: k), c.end <= openTok {
                let cueSpan = Span(tokens[c.start].start, tokens[c.end - 1].end)
                if c.verb.verbClass == .according {
                    if let np = npRight(from: c.end, limit: openTok) { return (cueSpan, np) }
                    continue
                }
                if c.verb.form == "participle" { continue }
                if isNounModifier(c, before: openTok, floor: s.lowerBound) { continue }
                // a cue inside an introductory prepositional phrase ("With leaders worried about …, the president
                // chose a new message: ''…''") does not govern the main clause after its comma
                let intro = afterDateline(s)
                if fclass(intro) == "prep", c.start > intro, !(intro..<c.start).contains(where: { isPunct($0, ",") }),
                   let comma = (c.end..<openTok).first(where: { isPunct($0, ",") && !inQuote[$0] }), openTok - comma > 3 { continue }
                // passive: "was asked", "is expected"
                if c.start > s.lowerBound, ["is", "was", "were", "are", "been", "be"].contains(lowers[c.start - 1]) {
                    // "was asked by host Bill Maher, ''…''": the agent speaks
                    if c.end + 1 < openTok, lowers[c.end] == "by", let np = npRight(from: c.end + 1, limit: openTok), np.upperBound < openTok {
                        return (cueSpan, np)
                    }
                    continue
                }
                let before = skipAuxLeft(c.start - 1, floor: s.lowerBound)
                let toInfinitive = before >= s.lowerBound && lowers[before] == "to"
                if toInfinitive {
                    // "went on to say", "was prompted to say": the subject of the governing verb
                    var v = before - 1
                    if v >= s.lowerBound, ["on", "up", "out"].contains(lowers[v]) { v -= 1 }
                    var n = 0
                    while v > s.lowerBound, n < 2, tokens[v].kind == .word, !tokens[v].isCapitalized, fclass(v) == nil, tokens[v - 1].kind == .word, !tokens[v - 1].isCapitalized, fclass(v - 1) == nil || fclass(v - 1) == "aux" || fclass(v - 1) == "adv" { v -= 1; n += 1 }
                    if v > s.lowerBound, tokens[v].kind == .word, !tokens[v].isCapitalized, fclass(v) == nil,
                       let subj = subjectBefore(v, floor: s.lowerBound), subj.upperBound <= v {
                        return (cueSpan, subj)
                    }
                }
                if c.verb.form == "gerund", before > s.lowerBound, isPunct(before, ","), let np = subjectLeft(endingAt: before - 1, floor: s.lowerBound),
                   np.lowerBound == s.lowerBound || isPunct(np.lowerBound - 1, ","), isNameLike(np) || np.count == 1 && fclass(np.lowerBound) == "pron" {
                    return (cueSpan, np)
                }
                // "I laughed and said, ''…''": the pronoun subject of the verb coordinated with the cue
                if before - 2 >= s.lowerBound, lowers[before] == "and", tokens[before - 1].kind == .word, !tokens[before - 1].isCapitalized,
                   fclass(before - 1) == nil, let pr = g.pronouns[lowers[before - 2]], pr.mode == "yes" || ["i", "we", "they"].contains(lowers[before - 2]),
                   lowers[before - 2] != "it" {
                    return (cueSpan, (before - 2)..<(before - 1))
                }
                if c.verb.form == "gerund" || toInfinitive || (before >= s.lowerBound && ["and", "but", "then"].contains(lowers[before])) || (before >= s.lowerBound && lowers[before] == "by") {
                    // the subject of the main verb: the clause subject ("Carson shared a syllabus for a class
                    // called ''Perception'', writing ''…''"), else an earlier finite cue's subject
                    if c.verb.form == "gerund", before >= s.lowerBound, isPunct(before, ","), let subj = clauseSubject(clause, before: c.start) {
                        return (cueSpan, subj)
                    }
                    var z = before - 1
                    while z >= s.lowerBound {
                        if !inQuote[z], let c2 = anyCue(at: z), c2.verb.form == "past" || c2.verb.form == "present3", c2.verb.verbClass != .according,
                           !isNounModifier(c2, before: openTok, floor: s.lowerBound) {
                            if let subj = subjectBefore(c2.start, floor: s.lowerBound) { return (cueSpan, subj) }
                            if let np = npRight(from: c2.end, limit: c.start), np.upperBound < c.start { return (cueSpan, np) }
                            break
                        }
                        z -= 1
                    }
                    if let subj = clauseSubject(clause, before: c.start) { return (cueSpan, subj) }
                    if outermostFirst { continue }
                    return nil
                }
                if let subj = subjectBefore(c.start, floor: s.lowerBound), subj.upperBound <= c.start {
                    return (cueSpan, subj)
                }
                // inverted: said Smith: "…" / says the report, "…"
                if let np = npRight(from: c.end, limit: openTok), np.upperBound < openTok, isPunct(np.upperBound, ":") || isPunct(np.upperBound, ",") {
                    return (cueSpan, np)
                }
                if let subj = clauseSubject(clause, before: c.start) { return (cueSpan, subj) }
                if outermostFirst { continue }
                return nil
            }
        }
        // no cue: the clause introducing a colon or comma
        if isPunct(openTok - 1, ":") || isPunct(openTok - 1, ",") {
            if let subj = clauseSubject(s, before: openTok - 1) {
                return (Span(tokens[openTok - 1].start, tokens[openTok - 1].end), subj)
            }
            // "Republican pollster Daron Shaw: ''…''": a name right before the colon
            if isPunct(openTok - 1, ":"), openTok >= 2, tokens[openTok - 2].isCapitalized, tokens[openTok - 2].kind == .word {
                var a = openTok - 2
                while a > s.lowerBound, openTok - 2 - a < 5, tokens[a - 1].kind == .word, tokens[a - 1].isCapitalized || (fclass(a - 1) == nil && !lowers[a - 1].hasUTF8Suffix("ly")) { a -= 1 }
                if (a..<(openTok - 1)).contains(where: { tokens[$0].isCapitalized }), fclass(a) == nil || fclass(a) == "det" {
                    return (Span(tokens[openTok - 1].start, tokens[openTok - 1].end), a..<(openTok - 1))
                }
            }
        } else if noCueClauseSubjects, let subj = clauseSubject(s, before: openTok), isPersonLike(subj) {
            return (nil, subj)
        }
        return nil
    }
}

/// Cue spans sorted by start, for "does any cue lie inside this span?" in O(log n).
struct CueSet {
    private let starts: [Int]
    /// The smallest end among the cues from each index on.
    private let minEndFrom: [Int]

    init(_ cues: [Span]) {
        let sorted = cues.sorted()
        starts = sorted.map(\.start)
        var ends = sorted.map(\.end)
        if ends.count > 1 { for i in stride(from: ends.count - 2, through: 0, by: -1) { ends[i] = min(ends[i], ends[i + 1]) } }
        minEndFrom = ends
    }

    /// Some cue `c` has `span.contains(c)`.
    func anyInside(_ span: Span) -> Bool {
        var lo = 0, hi = starts.count
        while lo < hi { let mid = (lo + hi) / 2; if starts[mid] < span.start { lo = mid + 1 } else { hi = mid } }
        return lo < starts.count && minEndFrom[lo] <= span.end
    }
}

/// Content spans (each with its statement's cue) sorted by start, for "does the content of a
/// statement with another cue contain this span?" in O(log n): for each prefix, the two furthest
/// ends whose cues differ.
struct ContentCover {
    private let starts: [Int]
    private let best: [(end: Int, cue: Span?)]
    private let second: [(end: Int, cue: Span?)?]

    init(_ contents: [(content: Span, cue: Span?)]) {
        let sorted = contents.sorted { $0.content.start < $1.content.start }
        starts = sorted.map(\.content.start)
        var best: [(end: Int, cue: Span?)] = [], second: [(end: Int, cue: Span?)?] = []
        var b: (end: Int, cue: Span?)? = nil, s: (end: Int, cue: Span?)? = nil
        for item in sorted {
            let entry = (end: item.content.end, cue: item.cue)
            if let current = b, current.end >= entry.end {
                if current.cue != entry.cue, (s?.end ?? Int.min) < entry.end { s = entry }
            } else {
                if let current = b, current.cue != entry.cue { s = current }
                b = entry
            }
            best.append(b!)
            second.append(s)
        }
        self.best = best
        self.second = second
    }

    /// Some content starting at or before `span` and ending at or after it, whose cue is not
    /// `exceptCue` (nil: any cue).
    func covers(_ span: Span, exceptCue: Span?) -> Bool {
        var lo = 0, hi = starts.count
        while lo < hi { let mid = (lo + hi) / 2; if starts[mid] <= span.start { lo = mid + 1 } else { hi = mid } }
        guard lo > 0 else { return false }
        let top = best[lo - 1]
        if exceptCue == nil || top.cue != exceptCue { return top.end >= span.end }
        guard let runnerUp = second[lo - 1] else { return false }
        return runnerUp.end >= span.end
    }
}
