/// A name found in one article, before resolution across the corpus.
struct RawMention: Sendable {
    /// The name proper (titles, honorifics, leading "the" and possessive excluded).
    var span: Span
    /// Name words as written (possessive stripped; quote tokens dropped).
    var words: [String]
    /// The name as written in the span.
    var text: String
    /// Other surface forms of this mention: with its honorific ("Mr. Kim"), with a country modifier
    /// ("US National Security Council").
    var extraForms: [String] = []
    var type: EntityType
    /// The type comes from a cue word, a gazetteer, a title or an honorific (not a default).
    var typed: Bool
    /// Gazetteer key ("country:RU", "body:KCNA", "place:Moscow") and canonical name.
    var key: String?
    var canonical: String?
    var country: String?
    /// The country comes from a modifier word of an organisation name ("Russian Defense Ministry").
    var modifierCountry: String?
    var role: String?
    /// Honorific gender ("m", "f") or nil.
    var gender: String?
    var titled = false
    /// Sentence-initial single word: kept only when it links to a known entity.
    var weak = false
    /// The name without a city or region opening it ("Post" for "New York Post").
    var shortForm: String?
    /// A place with lower-case words after it ("Vladivostok economic forum"): the place's canonical name and
    /// the end offset of each word; linked only to a named event or body located there, else dropped.
    var descriptive: (place: String, ends: [Int])?
    /// The place the text locates it in ("the forum in Vladivostok"): canonical place name.
    var locatedIn: String?
    /// Start offset used for ordering.
    var start: Int { span.start }
}

/// Finds mentions of people, organisations, places, countries, facilities and events in one article body:
/// runs of capitalised words (with joiners: hyphens, "of", initials, plural possessives inside
/// organisation names), split into honorifics, titles, gazetteer places and bodies, and names; types from
/// cue words and context; roles from titles before the name and appositions around it.
struct EntityRecognizer {
    let g: Gazetteer
    let lex: EntityLexicon
    /// Lower-case words seen written in lower case anywhere in the corpus (a sentence-initial capitalised
    /// word that is also seen in lower case is an ordinary word).
    let lowerVocabulary: Set<String>

    /// A token with its text: the recognizer's own stream (hyphen compounds of places split).
    struct Token {
        var start: Int
        var end: Int
        var kind: AToken.Kind
        var text: String
        var lower: String
        var newlinesBefore: Int
        var isCapitalized: Bool
    }

    struct Context {
        let sc: [Unicode.Scalar]
        var toks: [Token]
        var initial: [Bool]
        /// The token is on a line in title case ("Ted Cruz Apologizes For Remarks"): every word there is
        /// capitalised whatever it is.
        var titleCase: [Bool] = []
        /// The token is on a line written in capitals ("POSSIBLE SUSPECT ARRESTED"): no names are read there.
        var shouting: [Bool] = []
        /// `isNameToken` for every token, computed once per article.
        var nameFlags: [Bool] = []
        /// Words written after a given name in the article ("sanders" for "Bernie Sanders"): surnames.
        var familyWords: Set<String> = []
    }

    // MARK: tokens

    /// Tokens of the body with hyphen compounds of places split ("Russia-North Korea"), and a flag per token
    /// telling whether it starts a sentence (or a line, a quotation, a clause after a colon).
    /// `sentences`: the annotator's sentence spans when the article is annotated (else they are split here).
    func prepare(scalars sc: [Unicode.Scalar], from: Int, sentences known: [Span] = []) -> Context {
        let raw = tokenize(sc, from: from)
        var startSet = Set<Int>()
        if known.isEmpty {
            for r in SentenceSplitter(gazetteer: g).split(raw) where !r.isEmpty { startSet.insert(raw.tokens[r.lowerBound].start) }
        } else {
            for span in known { startSet.insert(span.start) }
        }
        var toks: [Token] = []
        toks.reserveCapacity(raw.count)
        for (k, r) in raw.tokens.enumerated() {
            let t = Token(start: r.start, end: r.end, kind: r.kind, text: raw.texts[k], lower: raw.lowers[k],
                          newlinesBefore: r.newlinesBefore, isCapitalized: r.isCapitalized)
            if t.kind == .word, t.isCapitalized, t.text.utf8.contains(45) {
                let parts = t.text.split(separator: "-", omittingEmptySubsequences: false)
                if parts.count >= 2, parts.allSatisfy({ $0.first?.isUppercase == true }),
                   isPlaceWord(String(parts[0])) || isPlaceWord(String(parts[parts.count - 1])) {
                    var offset = t.start
                    for (k, p) in parts.enumerated() {
                        let len = p.unicodeScalars.count
                        let s = String(p)
                        toks.append(Token(start: offset, end: offset + len, kind: .word, text: s, lower: s.lowercased(),
                                           newlinesBefore: k == 0 ? t.newlinesBefore : 0, isCapitalized: true))
                        offset += len + 1
                    }
                    continue
                }
            }
            toks.append(t)
        }
        var initial = [Bool](repeating: false, count: toks.count)
        for (i, t) in toks.enumerated() {
            if startSet.contains(t.start) || t.newlinesBefore > 0 || i == 0 { initial[i] = true; continue }
            let p = toks[i - 1]
            if p.kind == .quote || p.text == ":" || p.text == "(" || p.text == "\u{2014}" || p.text == "[" { initial[i] = true }
        }
        var titleCase = [Bool](repeating: false, count: toks.count)
        var shouting = [Bool](repeating: false, count: toks.count)
        var lineStart = 0
        for i in 0...toks.count {
            if i == toks.count || (i > lineStart && toks[i].newlinesBefore > 0) {
                var words = 0, caps = 0, allCaps = 0, longCaps = 0
                for k in lineStart..<i where toks[k].kind == .word {
                    words += 1
                    if toks[k].isCapitalized {
                        caps += 1
                        let n = (toks[k].end - toks[k].start)
                        if n > 1, toks[k].text.unicodeScalars.allSatisfy({ !ScalarClass.isLetter($0) || ScalarClass.isUpper($0) }) {
                            allCaps += 1
                            if n >= 5 { longCaps += 1 }
                        }
                    }
                }
                // (a line of acronyms such as "KCNA / AP / LETA" is not shouting: it needs long words)
                if allCaps * 4 >= words * 3, longCaps >= 2 { for k in lineStart..<i { shouting[k] = true } }
                // precise count (without function words) only for lines that may be in title case
                if caps * 2 >= words && words >= 4 {
                    words = 0; caps = 0
                    for k in lineStart..<i where toks[k].kind == .word && g.functionWords[toks[k].lower] == nil {
                        words += 1
                        if toks[k].isCapitalized { caps += 1 }
                    }
                }
                if words >= 4 && caps * 4 >= words * 3 { for k in lineStart..<i { titleCase[k] = true } }
                lineStart = i
            }
        }
        return Context(sc: sc, toks: toks, initial: initial, titleCase: titleCase, shouting: shouting)
    }

    func isPlaceWord(_ s: String) -> Bool { g.places[s] != nil || lex.places[s] != nil }

    // MARK: helpers

    func text(_ c: Context, _ a: Int, _ b: Int) -> String {
        guard a < b else { return "" }
        var ascii = true
        for k in a..<b where c.sc[k].value >= 128 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: b - a) { buf in
                for k in a..<b { buf[k - a] = UInt8(truncatingIfNeeded: c.sc[k].value) }
                return b - a
            }
        }
        return String(scalars: c.sc[a..<b])
    }

    /// `s` without leading and trailing periods and spaces.
    static func trimPeriods(_ s: String) -> String {
        var u = Substring(s).unicodeScalars
        while let f = u.first, f == "." || f == " " { u.removeFirst() }
        while let l = u.last, l == "." || l == " " { u.removeLast() }
        return String(u)
    }

    static func possessiveLength(_ s: String) -> Int {
        // utf8: "'" = 27, "’" = E2 80 99
        var it = s.utf8.reversed().makeIterator()
        guard let last = it.next() else { return 0 }
        func apostropheBefore(_ first: UInt8?) -> Bool {
            guard let first else { return false }
            if first == 0x27 { return true }
            return first == 0x99 && it.next() == 0x80 && it.next() == 0xE2
        }
        if last == 0x27 || last == 0x99 {
            // plural possessive kept on the word by the tokenizer: "Times’", "Workers'"
            if last == 0x99 { guard it.next() == 0x80, it.next() == 0xE2 else { return 0 } }
            let p = it.next()
            return p == 0x73 || p == 0x53 ? 1 : 0
        }
        guard last == 0x73 || last == 0x53 else { return 0 }
        return apostropheBefore(it.next()) ? 2 : 0
    }

    static func stripPossessive(_ s: String) -> String {
        let n = possessiveLength(s)
        return n == 0 ? s : String(s.unicodeScalars.dropLast(n))
    }

    /// A word that can be part of a name: capitalised (or a particle-prefixed name such as al-Assad), not a
    /// stop word, not a capitalised function word.
    func isNameToken(_ c: Context, _ i: Int) -> Bool {
        guard i >= 0, i < c.toks.count else { return false }
        if !c.nameFlags.isEmpty { return c.nameFlags[i] }
        return computeNameToken(c, i)
    }

    func computeNameToken(_ c: Context, _ i: Int) -> Bool {
        guard c.toks[i].kind == .word else { return false }
        if !c.toks[i].isCapitalized {
            let first = c.sc[c.toks[i].start]
            guard first == "a" || first == "e" || first == "b" || first == "i" else { return false }
        }
        let t = c.toks[i]
        if !t.isCapitalized {
            // al-Assad, el-Sisi, bin-Salman
            guard let f = t.lower.utf8.first, f == 97 || f == 101 || f == 98 || f == 105, t.lower.utf8.contains(45) else { return false }
            if let h = t.lower.firstIndex(of: "-"), ["al", "el", "bin", "ibn", "abu"].contains(String(t.lower[..<h])),
               (t.end - t.start) > h.utf16Offset(in: t.lower) + 1 {
                let after = t.text.unicodeScalars[t.text.unicodeScalars.index(t.text.unicodeScalars.startIndex, offsetBy: h.utf16Offset(in: t.lower) + 1)]
                return ScalarClass.isUpper(after)
            }
            return false
        }
        let lower = Self.stripPossessive(t.lower)
        if lex.stopWords.contains(lower), g.places[t.text] == nil { return false }
        // a lone capital letter ("R" in "(R-Texas)") or a party-state tag ("I-Vt")
        if ((t.end - t.start) == 1 && !(i + 1 < c.toks.count && c.toks[i + 1].text == "." && c.toks[i + 1].start == t.end)) || ((t.end - t.start) > 2 && t.text.unicodeScalars[t.text.unicodeScalars.index(after: t.text.unicodeScalars.startIndex)] == "-") { return false }
        if c.shouting.count > i, c.shouting[i] { return false }
        if Self.isContraction(lower) { return false }
        if g.functionWords[lower] != nil, (t.end - t.start) > 1 || lower == "i" {
            // capitalised function words are not names, except all-capital acronyms (US, IT)
            if !((t.end - t.start) >= 2 && t.text.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) || $0 == "." }) { return false }
        }
        return true
    }

    /// I'm, we're, they've, she'll, he'd, don't.
    static func isContraction(_ lower: String) -> Bool {
        let u = Array(lower.unicodeScalars)
        guard let apo = u.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }), apo > 0 else { return false }
        let tail = String(String.UnicodeScalarView(u[(apo + 1)...]))
        return ["m", "re", "ve", "ll", "d", "t"].contains(tail)
    }

    /// A capital inside a word after at least three lower-case letters: "USTimesPost" (not "McCain", "MacArthur").
    static func isCamelCase(_ w: String) -> Bool {
        var lowerRun = 0
        for u in w.unicodeScalars {
            if ScalarClass.isUpper(u) { if lowerRun >= 3 { return true }; lowerRun = 0 }
            else if ScalarClass.isLetter(u) { lowerRun += 1 } else { lowerRun = 0 }
        }
        return false
    }

    /// A group or affiliation word ("Republican", "Muslims", "Republican-turned").
    func isGroupWord(_ lower: String) -> Bool {
        if lex.groupWords.contains(lower) { return true }
        guard lower.utf8.contains(45) || Self.possessiveLength(lower) > 0 else { return false }
        let w = Self.stripPossessive(lower)
        if lex.groupWords.contains(w) { return true }
        if let h = w.firstIndex(of: "-") { return lex.groupWords.contains(String(w[..<h])) }
        return false
    }

    func cueType(_ lower: String) -> EntityType? { lex.cueWords[Self.stripPossessive(lower)] }

    /// Longest title (gazetteer titles) starting at token i within limit: end index (after an optional period).
    func titleAt(_ c: Context, _ i: Int, limit: Int, lowerCaseRoles: Bool = false) -> Int? {
        var best: Int?
        var key = ""
        var j = i
        while j < limit, j - i < g.maxPhraseWords {
            let t = c.toks[j]
            guard t.kind == .word else { break }
            key = key.isEmpty ? t.lower : key + " " + t.lower
            if g.titles.contains(key) || (lowerCaseRoles && lex.roles.contains(key)) { best = j + 1 }
            if j == i, !g.phraseStarts.contains(t.lower) { break }
            j += 1
        }
        if let b = best, b < limit, c.toks[b].text == ".", c.toks[b].start == c.toks[b - 1].end { return b + 1 }
        return best
    }

    enum Place { case gaz(Gazetteer.Place), lex(EntityLexicon.Place) }

    /// Longest place (entity-places first, then countries/demonyms/bodies) starting at token i within limit.
    func placeAt(_ c: Context, _ i: Int, limit: Int) -> (end: Int, place: Place)? {
        var best: (Int, Place)?
        var key = ""
        var j = i
        let maxWords = max(g.maxPhraseWords, lex.maxPlaceWords)
        while j < limit, j - i < maxWords {
            let t = c.toks[j]
            guard t.kind == .word else { break }
            if j > i, c.toks[j - 1].end != t.start, !ScalarClass.isSpace(c.sc[c.toks[j - 1].end]) { break }
            let w = Self.stripPossessive(t.text)
            key = j == i ? w : key + " " + w
            if let p = lex.places[key] { best = (j + 1, .lex(p)) } else if let p = g.places[key] { best = (j + 1, .gaz(p)) }
            else if key.utf8.count <= 4, key.utf8.contains(46), let p = g.places[key + "."] { best = (j + 1, .gaz(p)) } // "U.S" before a full stop
            if w != t.text {
                // a possessive ends the place, unless a body's name goes on after it ("Korean People's Army")
                guard j + 1 < limit, j - i + 1 < maxWords, c.toks[j + 1].kind == .word, c.toks[j + 1].start == t.end + 1 else { break }
                key = (j == i ? "" : String(key.dropLast(w.count))) + t.text
                j += 1
                continue
            }
            if j == i, !g.phraseStarts.contains(t.lower), !lex.placeStarts.contains(t.text) { break }
            j += 1
        }
        return best
    }

    /// Country code found in tokens a..<b (government bodies first, then places), if any.
    func country(in c: Context, _ a: Int, _ b: Int) -> String? {
        var k = a
        var found: String?
        var bodyFound = false
        while k < b {
            if let (e, p) = placeAt(c, k, limit: b) {
                // "... in Seoul" locates the role; a government body names its country
                let located = k > a && c.toks[k - 1].lower == "in"
                switch p {
                case .gaz(let gp):
                    if located && !gp.isDemonym, let code = Optional(gp.code) { return code }
                    if gp.isBody { found = gp.code; bodyFound = true } else if !bodyFound { found = found ?? gp.code }
                case .lex(let lp):
                    if located, let code = lp.code { return code }
                    if !bodyFound { found = found ?? lp.code }
                }
                k = e
            } else { k += 1 }
        }
        return found
    }

    func isRoleWord(_ lower: String) -> Bool { (g.titles.contains(lower) || lex.roles.contains(lower)) && lex.honorifics[lower] == nil }

    // MARK: recognition

    func recognize(_ article: Article) -> [RawMention] {
        let c = prepare(scalars: article.scalars.array, from: min(max(0, article.bodyStart), article.scalars.count), sentences: article.annotations.sentences)
        return recognize(c)
    }

    func recognize(_ context: Context) -> [RawMention] {
        var c = context
        c.nameFlags = (0..<c.toks.count).map { computeNameToken(c, $0) }
        for k in 1..<max(1, c.toks.count) where c.nameFlags[k] && c.nameFlags[k - 1] && c.toks[k - 1].end + 1 == c.toks[k].start && isGivenName(c.toks[k - 1].text) {
            c.familyWords.insert(Self.stripPossessive(c.toks[k].lower))
        }
        var out: [RawMention] = []
        let toks = c.toks
        let n = toks.count
        var i = 0
        var capitalCounts: [String: Int]? = nil
        while i < n {
            guard isNameToken(c, i) else { i += 1; continue }
            var j = i + 1
            var sawCue = cueType(toks[i].lower) != nil
            while j < n, toks[j].newlinesBefore == 0 {
                let prev = toks[j - 1]
                if prev.kind == .word, Self.possessiveLength(prev.text) > 0 {
                    // after a possessive, continue only into an organisation name ("Korean People's Army"),
                    // not after a group, place or body ("Democrats' Senate", "Russia's Defense Ministry")
                    if isGroupWord(prev.lower) || isPlaceWord(Self.stripPossessive(prev.text)) { break }
                    var k = j
                    while k < n, isNameToken(c, k), toks[k].newlinesBefore == 0 { k += 1 }
                    if k > j, cueType(toks[k - 1].lower) != nil { j = k; sawCue = true; continue }
                    break
                }
                if isNameToken(c, j) { if cueType(toks[j].lower) != nil { sawCue = true }; j += 1; continue }
                let t = toks[j]
                // the period of an honorific, title or initial: "Mr. Kim", "J. Smith"
                if t.text == ".", t.start == prev.end, prev.kind == .word, prev.isCapitalized, (prev.end - prev.start) <= 4,
                   j + 1 < n, toks[j + 1].newlinesBefore == 0, isNameToken(c, j + 1),
                   lex.honorifics[prev.lower] != nil || g.titles.contains(prev.lower) || (prev.end - prev.start) == 1 {
                    j += 1; continue
                }
                // plural possessive inside an organisation name: "Workers' Party"
                if t.kind == .quote, t.start == prev.end, prev.kind == .word, prev.lower.hasSuffix("s"), t.text == "'" || t.text == "\u{2019}" {
                    var k = j + 1
                    while k < n, isNameToken(c, k), toks[k].newlinesBefore == 0 { k += 1 }
                    if k > j + 1, cueType(toks[k - 1].lower) != nil { j = k; sawCue = true; continue }
                    break
                }
                // a title with "of" inside: "Secretary of State John Kerry"
                if t.lower == "of", j + 1 < n, toks[j + 1].newlinesBefore == 0, isNameToken(c, j + 1),
                   let te = (i..<j).lazy.compactMap({ titleAt(c, $0, limit: min(n, j + 4)) }).first(where: { $0 > j + 1 }) {
                    j = te; continue
                }
                // "Department of Munitions Industry", "University of North Korean Studies"
                if t.lower == "of", sawCue, j + 1 < n {
                    var k = j + 1
                    if toks[k].lower == "the", k + 1 < n { k += 1 }
                    if isNameToken(c, k), toks[k].newlinesBefore == 0 { j = k; continue }
                }
                break
            }
            // "Chemist and Druggist": two capitalised words joined by "and", each written nowhere else in the article
            // (a unit, not two names: after "the", or before a further "and the …": "worked for X and Y and the Z")
            if j == i + 1, j + 1 < n, toks[j].lower == "and", isNameToken(c, j + 1),
               (i > 0 && toks[i - 1].lower == "the") || (j + 3 < n && toks[j + 2].lower == "and" && toks[j + 3].lower == "the"), toks[j].newlinesBefore == 0, toks[j + 1].newlinesBefore == 0,
               !(j + 2 < n && (isNameToken(c, j + 2) || toks[j + 2].kind == .quote || toks[j + 2].text == "-")), coordinatedName(c, i, j + 1, counts: &capitalCounts) {
                j += 2
            }
            emitRun(c, i, j, into: &out)
            i = j
        }
        out.sort { $0.span < $1.span }
        return out
    }

    enum Item {
        case honorific(Range<Int>, String)
        case title(Range<Int>)
        case place(Range<Int>, Place)
        case group(Range<Int>)
        case name(Range<Int>)
    }

    func emitRun(_ c: Context, _ runStart: Int, _ runEnd: Int, into out: inout [RawMention]) {
        let toks = c.toks
        let n = toks.count
        var a = runStart
        var initial = c.initial[a]
        // a leading determiner or function word ("The Kremlin", "In Moscow") is not part of the name
        while a < runEnd, g.functionWords[toks[a].lower] != nil, !toks[a].text.unicodeScalars.allSatisfy({ ScalarClass.isUpper($0) || $0 == "." }) || (toks[a].end - toks[a].start) < 2 {
            a += 1; initial = false
        }
        guard a < runEnd else { return }
        // items
        var items: [Item] = []
        var k = a
        while k < runEnd {
            let t = toks[k]
            if t.kind == .word, let gender = lex.honorifics[t.lower] {
                var e = k + 1
                if e < runEnd, toks[e].text == "." { e += 1 }
                if e < runEnd, isNameToken(c, e) { items.append(.honorific(k..<e, gender)); k = e; continue }
            }
            if case .name(let r)? = items.last, r.upperBound == k, ["of", "the"].contains(toks[k - 1].lower) {
                items[items.count - 1] = .name(r.lowerBound..<(k + 1)); k += 1; continue
            }
            let title = titleAt(c, k, limit: runEnd, lowerCaseRoles: k > a)
            let place = placeAt(c, k, limit: runEnd)
            // (a title ending the run names a role, not an entity: "the Russian President.", "Marshal of ...")
            if let te = title, place == nil || place!.end < te { items.append(.title(k..<te)); k = te; continue }
            if let (pe, p) = place {
                items.append(.place(k..<pe, p)); k = pe; continue
            }
            // a group word is a modifier unless it opens an organisation or event name ("Republican Party")
            if t.kind == .word, isGroupWord(t.lower), !(items.last.map { if case .name = $0 { return true } else { return false } } ?? false) {
                var e = k + 1
                var cue = false
                while e < runEnd, c.toks[e].kind != .word || !isGroupWord(c.toks[e].lower) {
                    if cueType(c.toks[e].lower) != nil { cue = true }
                    e += 1
                }
                if !cue { items.append(.group(k..<(k + 1))); k += 1; continue }
            }
            if t.kind != .word {
                // a period or quote inside a run joins the neighbouring name words
                if case .name(let r)? = items.last { items[items.count - 1] = .name(r.lowerBound..<(k + 1)) }
                k += 1; continue
            }
            if case .name(let r)? = items.last, r.upperBound == k { items[items.count - 1] = .name(r.lowerBound..<(k + 1)) } else { items.append(.name(k..<(k + 1))) }
            k += 1
        }

        // a city or region directly before an organisation, facility or event name is part of that name
        // ("New York Post", "Indiana University", "Cambridge University"), and so before any name that is
        // not a person's ("Cambridge Analytica", off title-case lines): it gives the name's country, and the
        // name without it is a short form of the same referent in the article ("the Post")
        var placePrefixed: [Int: (code: String?, rest: Int)] = [:]
        if items.count >= 2 {
            var merged: [Item] = []
            var q = 0
            while q < items.count {
                if q + 1 < items.count, case .place(let r, .lex(let lp)) = items[q], lp.kind != "country",
                   toks[r.lowerBound].start == 0 || c.sc[toks[r.lowerBound].start - 1] != "-",
                   case .name(let r2) = items[q + 1], r2.lowerBound == r.upperBound,
                   Self.possessiveLength(toks[r.upperBound - 1].text) == 0,
                   r2.contains(where: { toks[$0].kind == .word && (cueType(toks[$0].lower).map { $0 != .person } ?? false) })
                    || (!c.titleCase[r2.lowerBound] && !(q > 0 && { if case .title = items[q - 1] { return true }; return false }())
                        && !r.contains(where: { isGivenName(toks[$0].text) })
                        && !(r2.count == 1 && c.familyWords.contains(Self.stripPossessive(toks[r2.lowerBound].lower)))
                        && !r2.contains(where: { toks[$0].kind == .word && (isGivenName(toks[$0].text) || lex.familyFirst[toks[$0].lower] != nil || Self.hasLowerCasePart(toks[$0].text)) })) {
                    merged.append(.name(r.lowerBound..<r2.upperBound))
                    placePrefixed[r.lowerBound] = (lp.code, r2.lowerBound)
                    q += 2; continue
                }
                // a surname that is also a place, after a given name or an honorific: "Michael Jordan", "Mr. Jordan"
                if q + 1 < items.count, case .place(let r2, let p) = items[q + 1], r2.count == 1, q + 2 == items.count || { if case .name = items[q + 2] { return false }; return true }() {
                    let plainPlace: Bool
                    switch p { case .gaz(let gp): plainPlace = !gp.isBody && !gp.isDemonym; case .lex: plainPlace = true }
                    if plainPlace, case .name(let r1) = items[q], r1.upperBound == r2.lowerBound, r1.count <= 2, isGivenName(toks[r1.lowerBound].text),
                       !c.titleCase[r1.lowerBound] {
                        merged.append(.name(r1.lowerBound..<r2.upperBound)); q += 2; continue
                    }
                    if plainPlace, case .honorific(let r1, _) = items[q], r1.upperBound == r2.lowerBound {
                        merged.append(items[q]); merged.append(.name(r2)); q += 2; continue
                    }
                }
                merged.append(items[q]); q += 1
            }
            items = merged
        }

        var roleStart: Int?          // token where the role words begin (modifier or title)
        var roleEnd: Int?            // end of the last title
        var modCountry: String?      // country of a modifier (demonym, country, body)
        var modStart: Int?           // first modifier token (for "US National Security Council")
        var honor: (Range<Int>, String)?
        for (idx, item) in items.enumerated() {
            let isLast = idx == items.count - 1
            switch item {
            case .honorific(let r, let gender):
                honor = (r, gender)
            case .title(let r):
                if roleStart == nil { roleStart = r.lowerBound }
                roleEnd = r.upperBound
            case .group:
                continue
            case .place(let r, let p):
                let span = Span(toks[r.lowerBound].start, toks[r.upperBound - 1].end - Self.possessiveLength(toks[r.upperBound - 1].text))
                let surface = text(c, span.start, span.end)
                var code: String?
                switch p {
                case .lex(let lp):
                    code = lp.code
                    let isCountry = lp.kind == "country"
                    out.append(RawMention(span: span, words: [surface], text: surface, type: isCountry ? .country : .location, typed: true,
                                          key: isCountry ? "country:" + (lp.code ?? lp.name) : "place:" + lp.name, canonical: lp.name, country: lp.code))
                case .gaz(let gp):
                    code = gp.code
                    if gp.isBody {
                        var m = RawMention(span: span, words: [surface], text: surface, type: .organization, typed: true,
                                           key: "body:" + gp.name, canonical: gp.name, country: gp.code)
                        if let ms = modStart, roleEnd == nil { m.extraForms.append(text(c, toks[ms].start, span.end)) }
                        if initial && idx == 0 && r.count == 1 && lowerVocabulary.contains(toks[r.lowerBound].lower) { break }
                        out.append(m)
                    } else if !gp.isDemonym {
                        out.append(RawMention(span: span, words: [surface], text: surface, type: .country, typed: true,
                                              key: "country:" + gp.code, canonical: gp.name, country: gp.code))
                        }
                }
                if isLast, r.upperBound == runEnd, runEnd < n, toks[runEnd].kind == .word, !toks[runEnd].isCapitalized, toks[runEnd].newlinesBefore == 0 {
                    let possessive = Self.possessiveLength(toks[runEnd - 1].text) > 0
                    if possessive, let code, let m = lowerCasePlace(c, runEnd, code: code) {
                        // "Russia's far east": a region of the gazetteer written in lower case after its country
                        out.append(m)
                    } else if !possessive, case .lex(let lp) = p, lp.kind == "city" || lp.kind == "region" {
                        // "the Vladivostok economic forum": kept when it names an event or body located there
                        var k = runEnd
                        var ends: [Int] = []
                        while k < n, k - runEnd < 3, toks[k].kind == .word, !toks[k].isCapitalized, toks[k].newlinesBefore == 0,
                              g.functionWords[toks[k].lower] == nil, Self.possessiveLength(toks[k].text) == 0 {
                            ends.append(toks[k].end); k += 1
                        }
                        if !ends.isEmpty {
                            var m = RawMention(span: Span(span.start, ends.last!), words: [surface] + toks[runEnd..<k].map(\.lower),
                                               text: text(c, span.start, ends.last!), type: .other, typed: false)
                            m.weak = true
                            m.descriptive = (lp.name, ends)
                            out.append(m)
                        }
                    }
                }
                if !isLast {
                    modCountry = code ?? modCountry
                    if modStart == nil { modStart = r.lowerBound }
                    if roleStart == nil { roleStart = r.lowerBound }
                }
            case .name(let r):
                var s = r.lowerBound
                // a title word opening an organisation or event name belongs to it ("General Electric Company")
                if let rs = roleStart, roleEnd == r.lowerBound, honor == nil, modStart == nil,
                   (r.lowerBound..<r.upperBound).contains(where: { toks[$0].kind == .word && cueType(toks[$0].lower) != nil }) {
                    s = rs; roleStart = nil; roleEnd = nil
                }
                // a sentence-initial ordinary word ("Photos", "Related") is not part of the name
                if initial && idx == 0 && honor == nil && placePrefixed[r.lowerBound] == nil && lowerVocabulary.contains(Self.stripPossessive(toks[s].lower)) && !isPlaceWord(toks[s].text) {
                    s += 1
                    while s < r.upperBound, toks[s].kind != .word { s += 1 }
                    if s >= r.upperBound { continue }
                }
                var wordIdx = (s..<r.upperBound).filter { toks[$0].kind == .word }
                if c.titleCase[s] {
                    // a title-case line: ordinary words at either end of the run are not part of the name
                    func ordinary(_ i: Int) -> Bool { lowerVocabulary.contains(Self.stripPossessive(toks[i].lower)) && !isGivenName(toks[i].text) }
                    while let f = wordIdx.first, ordinary(f) { wordIdx.removeFirst() }
                    while let l = wordIdx.last, ordinary(l) { wordIdx.removeLast() }
                    guard let f = wordIdx.first else { continue }
                    s = f
                }
                guard !wordIdx.isEmpty else { continue }
                // "Cheeto Donald Trump": a person's name opening with a given name after stray words
                if wordIdx.count >= 3, !isGivenName(toks[wordIdx[0]].text), honor == nil,
                   !wordIdx.contains(where: { cueType(toks[$0].lower) != nil }),
                   let p = wordIdx.indices.dropFirst().first(where: { isGivenName(toks[wordIdx[$0]].text) }), p <= wordIdx.count - 2,
                   !isFamilyFirstName(wordIdx.map { toks[$0].text }) {
                    wordIdx.removeFirst(p)
                    s = wordIdx[0]
                }
                let chunkEnd = wordIdx.last! + 1
                let lastTok = toks[chunkEnd - 1]
                let end = lastTok.end - Self.possessiveLength(lastTok.text)
                let words = wordIdx.map { Self.stripPossessive(toks[$0].text) }
                var m = RawMention(span: Span(toks[s].start, end), words: words, text: text(c, toks[s].start, end), type: .other, typed: false)
                // type from cue words (the last one wins: "University of North Korean Studies")
                var cue: EntityType?
                for w in wordIdx { if let t = cueType(toks[w].lower) { cue = t } }
                let isAcronym = words.allSatisfy { w in w.unicodeScalars.count >= 2 && w.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) || $0 == "." || ScalarClass.isDigit($0) } }
                if let cue { m.type = cue; m.typed = true }
                else if honor != nil || roleEnd != nil { m.type = .person; m.typed = true }
                else if words.count == 3, words[1] == "and" { m.type = .organization; m.typed = true }
                else if words.count >= 2, isAcronym || words.contains(where: { w in w.unicodeScalars.count >= 2 && w.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) } }) && words.count == 2 { m.type = .organization }
                else if placePrefixed[r.lowerBound] != nil { m.type = .other }
                else if words.count >= 2, words.allSatisfy({ lowerVocabulary.contains($0.lowercased()) }) { m.type = .other }
                else if words.count >= 2, words.count <= 4, isGivenName(words[0]) || isFamilyFirstName(words) || saysNext(c, runEnd) && isLast {
                    m.type = .person; m.typed = true
                }
                else if words.count >= 2 { m.type = .other }
                else if isAcronym { m.type = .organization }
                // a brand written in camel case ("USTimesPost", "LinkedIn"), or a name in a credit line
                // of agencies ("KCNA / AP / Scanpix")
                else if words.count == 1, Self.isCamelCase(words[0]) || (runStart > 0 && toks[runStart - 1].text == "/") || (runEnd < toks.count && toks[runEnd].text == "/") {
                    m.type = .organization
                }
                else { m.type = .other }
                if let h = honor {
                    m.gender = h.1 == "-" ? nil : h.1
                    m.extraForms.append(text(c, toks[h.0.lowerBound].start, end))
                    m.titled = true
                }
                if let re = roleEnd, var rs = roleStart {
                    var before: String?
                    if rs == a, let (r0, c0) = roleBefore(c, a) { before = r0; m.country = c0 }
                    if before != nil { rs = a }
                    let inRun = text(c, toks[rs].start, toks[re - 1].end).trimmedPeriods
                    m.role = before.map { $0 + " " + inRun } ?? inRun
                    m.titled = true
                }
                if (m.type == .person || m.type == .other) && placePrefixed[r.lowerBound] == nil {
                    if m.role == nil, idx == 0 || (idx == 1 && honor != nil) {
                        if let (role, country) = roleBefore(c, (honor?.0.lowerBound) ?? s) {
                            m.role = role; m.titled = true; m.country = country
                            if m.type == .other { m.type = .person; m.typed = true }
                        }
                    }
                    if m.role == nil, isLast, let (role, country) = roleAfter(c, r.upperBound) {
                        m.role = role; m.country = country
                        if m.type == .other { m.type = .person; m.typed = true }
                    }
                    if m.country == nil, isLast, m.type == .person, let code = basedIn(c, after: runEnd) { m.country = code }
                    if let rs = roleStart, let re = roleEnd, m.country == nil { m.country = country(in: c, rs, re) ?? modCountry }
                    if m.country == nil, m.role != nil { m.country = modCountry }
                } else {
                    if let mc = modCountry, roleEnd == nil {
                        m.modifierCountry = mc; m.country = mc
                        if let ms = modStart { m.extraForms.append(text(c, toks[ms].start, end)) }
                    }
                }
                if let pp = placePrefixed[r.lowerBound] {
                    if m.country == nil { m.country = pp.code }
                    // (only a name with a cue word: "Indiana GOP" is not the GOP)
                    if pp.rest > s, pp.rest < chunkEnd, m.typed, !isAcronym, !Self.isAcronymWord(toks[pp.rest].text) { m.shortForm = text(c, toks[pp.rest].start, end) }
                }
                // a lower-case head noun: "the Vostochny cosmodrome", "the Covid-19 pandemic"
                if isLast, m.type == .other || (m.type == .person && !m.typed && words.count == 1) {
                    if let (he, t) = headNoun(c, runEnd) {
                        m.type = t; m.typed = true
                        m.span.end = toks[he - 1].end
                        m.text = text(c, m.span.start, m.span.end)
                        m.words.append(contentsOf: (runEnd..<he).map { toks[$0].text })
                    }
                }
                // a country's possessive before the name: "North Korea's ruling Workers' Party"
                if m.country == nil, items[..<idx].allSatisfy({ if case .group = $0 { return true }; return false }),
                   m.type == .organization || m.type == .facility || m.type == .event,
                   let code = possessorCountry(c, a) { m.country = code }
                // located: "The Defense Ministry in Seoul", "the Vostochny cosmodrome, in the Russian Far East"
                if isLast, m.type == .organization || m.type == .facility || m.type == .event {
                    var k = m.span.end == end ? runEnd : (runEnd..<n).first(where: { toks[$0].start >= m.span.end }) ?? n
                    if k + 1 < n, toks[k].text == ",", toks[k + 1].lower == "in" { k += 1 }
                    if k + 1 < n, toks[k].lower == "in", toks[k + 1].newlinesBefore == 0 {
                        var p0 = k + 1
                        if p0 + 1 < n, toks[p0].lower == "the" { p0 += 1 }
                        if let (_, p) = placeAt(c, p0, limit: min(n, p0 + 4)) {
                            switch p {
                            case .gaz(let gp) where !gp.isDemonym:
                                if m.country == nil { m.country = gp.code }
                                m.locatedIn = gp.isBody ? nil : gp.name
                            case .lex(let lp):
                                if m.country == nil { m.country = lp.code }
                                m.locatedIn = lp.name
                            default: break
                            }
                        }
                    }
                }
                // an honorific alone is not a role
                if let r = m.role, lex.honorifics[Self.trimPeriods(r.lowercased())] != nil { m.role = nil }
                if m.type == .other && initial && idx == 0 && words.count == 1 && honor == nil { m.weak = true }
                if initial && idx == 0 && words.count == 1 && !m.typed && honor == nil { m.weak = true }
                out.append(m)
                honor = nil; roleStart = nil; roleEnd = nil; modCountry = nil; modStart = nil
            }
        }
    }

    static func isAcronymWord(_ w: String) -> Bool {
        w.unicodeScalars.count >= 2 && w.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) || $0 == "." }
    }

    /// "…, based in London" or "… is a reporter based in London" right after a person's name: the country.
    func basedIn(_ c: Context, after k0: Int) -> String? {
        let toks = c.toks
        var k = k0
        guard k + 3 < toks.count, toks[k + 1].newlinesBefore == 0 else { return nil }
        if toks[k].text == "," { k += 1 }
        else if ["is", "was"].contains(toks[k].lower), ["a", "an", "the"].contains(toks[k + 1].lower) {
            k += 2
            while k < toks.count, k - k0 < 12, toks[k].newlinesBefore == 0, toks[k].lower != "based",
                  toks[k].kind == .word || (toks[k].text == "." && k > 0 && toks[k - 1].end == toks[k].start && k + 1 < toks.count && toks[k + 1].start == toks[k].end) { k += 1 }
        } else { return nil }
        guard k + 2 < toks.count, toks[k].lower == "based", toks[k + 1].lower == "in", toks[k + 2].newlinesBefore == 0 else { return nil }
        var p0 = k + 2
        if toks[p0].lower == "the", p0 + 1 < toks.count { p0 += 1 }
        guard let (_, p) = placeAt(c, p0, limit: min(toks.count, p0 + 4)) else { return nil }
        switch p {
        case .gaz(let gp): return gp.isDemonym || gp.isBody ? nil : gp.code
        case .lex(let lp): return lp.code
        }
    }

    /// A hyphenated word with a lower-case part: "City-based", "Moscow-backed".
    static func hasLowerCasePart(_ w: String) -> Bool {
        guard w.utf8.contains(45) else { return false }
        return w.split(separator: "-").dropFirst().contains { $0.first.map { $0.isLowercase } ?? false }
    }

    /// Whether the capitalised words at tokens `x` and `y` ("X and Y") name one thing: neither opens a
    /// sentence, neither is a place, title, honorific, group word, given name or family-first surname, and
    /// neither is written capitalised anywhere else in the article (two people named by surname alone, "Peskov
    /// and Shoigu", have been introduced before).
    func coordinatedName(_ c: Context, _ x: Int, _ y: Int, counts: inout [String: Int]?) -> Bool {
        for k in [x, y] {
            let t = c.toks[k]
            guard !c.initial[k], t.kind == .word, Self.possessiveLength(t.text) == 0, !t.text.utf8.contains(45) else { return false }
            if isPlaceWord(t.text) || isGroupWord(t.lower) || isGivenName(t.text) || lex.familyFirst[t.lower] != nil
                || g.titles.contains(t.lower) || lex.roles.contains(t.lower) || lex.honorifics[t.lower] != nil { return false }
            if g.functionWords[t.lower] != nil || cueType(t.lower) != nil { return false }
        }
        // "the Koch and Giuliani administrations": the determiner goes with a noun after the pair
        if y + 1 < c.toks.count, c.toks[y + 1].kind == .word, !c.toks[y + 1].isCapitalized,
           g.functionWords[c.toks[y + 1].lower] == nil, g.reportingVerbs[c.toks[y + 1].lower] == nil { return false }
        if counts == nil {
            var d: [String: Int] = [:]
            for t in c.toks where t.kind == .word && t.isCapitalized { d[Self.stripPossessive(t.lower), default: 0] += 1 }
            counts = d
        }
        return counts![c.toks[x].lower] == 1 && counts![c.toks[y].lower] == 1
    }

    /// A multiword place of the gazetteer written in lower case at token `start`, of country `code`.
    func lowerCasePlace(_ c: Context, _ start: Int, code: String) -> RawMention? {
        var key = ""
        var best: (Int, EntityLexicon.Place)?
        var j = start
        while j < c.toks.count, j - start < lex.maxPlaceWords, c.toks[j].kind == .word, !c.toks[j].isCapitalized, c.toks[j].newlinesBefore == 0 {
            key = key.isEmpty ? c.toks[j].lower : key + " " + c.toks[j].lower
            if j > start, let p = lex.placesLower[key], p.code == code, p.kind == "region" || p.kind == "city" { best = (j + 1, p) }
            j += 1
        }
        guard let (e, p) = best else { return nil }
        let span = Span(c.toks[start].start, c.toks[e - 1].end)
        let surface = text(c, span.start, span.end)
        return RawMention(span: span, words: [surface], text: surface, type: .location, typed: true,
                          key: "place:" + p.name, canonical: p.name, country: p.code)
    }

    /// The country of a possessive place right before token `start`, over at most two lower-case words:
    /// "Russia's Defense Ministry", "North Korea's ruling Workers' Party", "Moscow's main airport".
    func possessorCountry(_ c: Context, _ start: Int) -> String? {
        var k = start - 1
        var skipped = 0
        while k >= 0, skipped < 2, c.toks[k].kind == .word, !c.toks[k].isCapitalized, g.functionWords[c.toks[k].lower] == nil,
              c.toks[k + 1].newlinesBefore == 0 { k -= 1; skipped += 1 }
        guard k >= 0, c.toks[k].kind == .word, Self.possessiveLength(c.toks[k].text) > 0, c.toks[k + 1].newlinesBefore == 0 else { return nil }
        for s0 in stride(from: k, through: max(0, k - 3), by: -1) {
            guard let (e, p) = placeAt(c, s0, limit: k + 1), e == k + 1 else { continue }
            switch p {
            case .gaz(let gp): return gp.isDemonym ? nil : gp.code
            case .lex(let lp): return lp.code
            }
        }
        return nil
    }

    /// A common given name, or a hyphenated one opening with it (Jean-Pierre, Leif-Eric).
    func isGivenName(_ w: String) -> Bool {
        let l = w.lowercased()
        if lex.givenNames.contains(l) { return true }
        if let h = l.firstIndex(of: "-") { return lex.givenNames.contains(String(l[..<h])) }
        return false
    }

    /// "Kim Jong-un", "Xi Jinping": a family-name-first surname followed by its given name.
    func isFamilyFirstName(_ words: [String]) -> Bool {
        guard words.count >= 2, lex.familyFirst[words[0].lowercased()] != nil else { return false }
        return EntityResolver.personParts(words: words, familyFirst: lex.familyFirst)?.familyFirst == true
    }

    /// A speech verb right after token i ("... Easley said", "..., who said").
    func saysNext(_ c: Context, _ i: Int) -> Bool {
        guard i < c.toks.count else { return false }
        var k = i
        if c.toks[k].text == ",", k + 1 < c.toks.count, c.toks[k + 1].lower == "who" { return true }
        if c.toks[k].kind == .word, g.functionWords[c.toks[k].lower] == "adv", k + 1 < c.toks.count { k += 1 }
        guard let v = g.reportingVerbs[c.toks[k].lower] else { return false }
        return v.verbClass == .speech && (v.form == "past" || v.form == "present3")
    }

    /// Lower-case head noun phrase at token i: (end, type).
    func headNoun(_ c: Context, _ i: Int) -> (Int, EntityType)? {
        guard i < c.toks.count, c.toks[i].kind == .word, !c.toks[i].isCapitalized, c.toks[i].newlinesBefore == 0,
              lex.headNounStarts.contains(c.toks[i].lower) else { return nil }
        var best: (Int, EntityType)?
        var key = ""
        var j = i
        while j < c.toks.count, j - i < 3, c.toks[j].kind == .word, !c.toks[j].isCapitalized {
            key = key.isEmpty ? c.toks[j].lower : key + " " + c.toks[j].lower
            if let t = lex.headNouns[key] { best = (j + 1, t) }
            j += 1
        }
        return best
    }

    /// Role words right before a name ("Kremlin spokesman", "resident"), or a pre-posed apposition
    /// ("the director of the Department of Munitions Industry, Jo Chun Ryong"): (role, country).
    func roleBefore(_ c: Context, _ nameStart: Int) -> (String, String?)? {
        let toks = c.toks
        var k = nameStart - 1
        guard k >= 0, toks[nameStart].newlinesBefore == 0 else { return nil }
        if toks[k].text == "," {
            // "the director of the Department of Munitions Industry, Jo Chun Ryong": back to a determiner
            // (or the start of the clause) followed by a role word, within 14 tokens
            var s = k - 1
            var steps = 0
            while s >= 0, steps < 14, toks[s].kind == .word || toks[s].kind == .quote || toks[s].text == "-", toks[s + 1].newlinesBefore == 0 || s + 1 == k {
                let det = g.functionWords[toks[s].lower] == "det"
                if det || c.initial[s] || (s > 0 && toks[s - 1].text == ",") {
                    var f = s
                    while f < k, g.functionWords[toks[f].lower] == "det" { f += 1 }
                    var roleAt: Int?
                    for q in f..<min(k, f + 3) where toks[q].kind == .word && isRoleWord(toks[q].lower) { roleAt = q; break }
                    if let ra = roleAt, ra + 1 == k || ["of", "at", "for", "in", "with", "from"].contains(toks[ra + 1].lower) {
                        return (text(c, toks[f].start, toks[k - 1].end), country(in: c, f, k))
                    }
                    if c.initial[s] || !det { return nil }
                }
                s -= 1; steps += 1
            }
            return nil
        }
        // modifiers and titles directly before the name
        var start: Int?
        var sawTitle = false
        var steps = 0
        while k >= 0, steps < 6, toks[k].kind == .word, toks[k + 1].newlinesBefore == 0 {
            if let te = titleAt(c, k, limit: nameStart, lowerCaseRoles: true), te == (start ?? nameStart) || te == nameStart {
                start = k; sawTitle = true
            } else if isRoleWord(toks[k].lower) {
                start = k; sawTitle = true
            } else if sawTitle, toks[k].isCapitalized, g.functionWords[toks[k].lower] == nil {
                start = k
            } else if sawTitle, ["deputy", "former", "chief", "senior", "acting", "state", "foreign", "defense", "defence", "interior", "vice"].contains(toks[k].lower) {
                start = k
            } else { break }
            k -= 1; steps += 1
        }
        guard sawTitle, let s = start else { return nil }
        return (text(c, toks[s].start, toks[nameStart - 1].end).trimmedPeriods, country(in: c, s, nameStart))
    }

    /// An apposition after a name: ", spokesman for the US National Security Council," → (role, country).
    func roleAfter(_ c: Context, _ nameEnd: Int) -> (String, String?)? {
        let toks = c.toks
        guard nameEnd + 1 < toks.count, toks[nameEnd].text == ",", toks[nameEnd + 1].newlinesBefore == 0 else { return nil }
        var f = nameEnd + 1
        if let cls = g.functionWords[toks[f].lower], cls != "det" { return nil }
        while f < toks.count, let cls = g.functionWords[toks[f].lower], cls == "det" { f += 1 }
        var roleAt: Int?
        var q = f
        while q < min(toks.count, f + 3), toks[q].kind == .word {
            if isRoleWord(toks[q].lower) { roleAt = q; break }
            q += 1
        }
        guard let ra = roleAt else { return nil }
        var e = ra + 1
        while e < toks.count, e - f < 14, toks[e].newlinesBefore == 0, toks[e].kind == .word || toks[e].text == "-" || (toks[e].kind == .quote && toks[e].start == toks[e - 1].end)
                || (toks[e].text == "." && toks[e - 1].kind == .word && toks[e - 1].end == toks[e].start && toks[e - 1].isCapitalized && (toks[e - 1].end - toks[e - 1].start) <= 4
                    && (lex.honorifics[toks[e - 1].lower] != nil || g.titles.contains(toks[e - 1].lower)) && e + 1 < toks.count && toks[e + 1].isCapitalized) {
            if g.cueWords.contains(toks[e].lower) && !["of", "at", "for", "in"].contains(toks[e].lower) && g.reportingVerbs[toks[e].lower] != nil { return nil }
            e += 1
        }
        guard e < toks.count, [",", ".", ";", ")", "\u{2014}"].contains(toks[e].text) || toks[e].newlinesBefore > 0 else { return nil }
        if ra + 1 < e, !["of", "at", "for", "in", "with", "from", "to"].contains(toks[ra + 1].lower) { return nil }
        return (text(c, toks[f].start, toks[e - 1].end), country(in: c, f, e))
    }
}

extension String {
    /// Without leading and trailing periods and spaces ("Sen." → "Sen").
    var trimmedPeriods: String { EntityRecognizer.trimPeriods(self) }
}
