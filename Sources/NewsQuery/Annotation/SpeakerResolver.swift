/// Turns a speaker mention (token range) into a canonical speaker name and country, using an index of
/// the names seen in the article (for surnames, "Mr. X", roles and pronouns).
struct SpeakerResolver {
    struct Person {
        var token: Int
        var name: String
        var country: String?
        var gender: String?

        /// The name has two words or more (space-separated), read on its bytes.
        var hasTwoWords: Bool {
            var words = 0
            var inWord = false
            for b in name.utf8 {
                if b == 32 { inWord = false } else if !inWord { inWord = true; words += 1; if words == 2 { return true } }
            }
            return false
        }

        /// The key a surname alone links by: the last word in lower case, without a possessive.
        var surnameKey: String { SpeakerResolver.stripPossessive(String(SpeakerResolver.lastWord(name) ?? "")).lowercased() }
    }

    let g: Gazetteer
    let sc: [Unicode.Scalar]
    let tokens: [AToken]
    let texts: [String]
    let lowers: [String]
    /// Full (multiword) person names in text order.
    private(set) var persons: [Person] = []
    /// Last word (lower case) → indices into `persons`.
    private var byLastWord: [String: [Int]] = [:]
    /// First word (lower case) of multiword names → indices into `persons` (family-name-first names: "Mr. Kim").
    private var byFirstWord: [String: [Int]] = [:]
    /// Role word ("spokesman") → indices into `persons`.
    private var byRole: [String: [Int]] = [:]
    /// Canonical name → country, from modifiers seen anywhere in the article.
    private var countryOf: [String: String] = [:]

    /// `sentences`: the article's sentences as token ranges.
    init(gazetteer: Gazetteer, scalars: [Unicode.Scalar], tokens: Tokens, sentences: [Range<Int>]) {
        g = gazetteer; sc = scalars; self.tokens = tokens.tokens; texts = tokens.texts; lowers = tokens.lowers
        // one flag per token (and one past the end): does a sentence start there?
        var sentenceStarts = [Bool](repeating: false, count: tokens.count + 1)
        for r in sentences { sentenceStarts[r.lowerBound] = true }
        buildIndex(sentenceStarts: sentenceStarts)
    }

    func text(_ a: Int, _ b: Int) -> String {
        String(scalars: sc[a..<b])
    }

    func tokenText(_ r: Range<Int>) -> String { r.isEmpty ? "" : text(tokens[r.lowerBound].start, tokens[r.upperBound - 1].end) }

    /// A token that can belong to a proper name.
    @inline(__always) func isNameWord(_ i: Int) -> Bool {
        tokens[i].kind == .word && tokens[i].isCapitalized   // fields read in place: no token copy
    }

    /// Longest place (country, demonym, body) starting at token `i` within `limit`: (end, place).
    func placeAt(_ i: Int, limit: Int) -> (Int, Gazetteer.Place)? {
        var best: (Int, Gazetteer.Place)?
        var key = ""
        var j = i
        while j < limit, j - i < g.maxPhraseWords {
            let t = tokens[j]
            guard t.kind == .word else { break }
            if j > i && tokens[j - 1].end != t.start && !ScalarClass.isSpace(sc[tokens[j - 1].end]) { break }
            key = j == i ? stripPossessive(texts[j]) : key + " " + stripPossessive(texts[j])
            if let p = g.places[key] { best = (j + 1, p) }
            if j == i, !g.phraseStarts.contains(lowers[j]) { break }
            j += 1
        }
        return best
    }

    /// Longest title starting at token `i`: end index.
    func titleAt(_ i: Int, limit: Int) -> Int? {
        var best: Int?
        var key = ""
        var j = i
        while j < limit, j - i < g.maxPhraseWords {
            let t = tokens[j]
            if t.kind == .punct && tokens[j].isMark(".") && j > i { j += 1; if best == j - 1 { best = j }; continue }
            guard t.kind == .word else { break }
            key = key.isEmpty ? lowers[j] : key + " " + lowers[j]
            if g.titles.contains(key) { best = j + 1 }
            if j == i, !g.phraseStarts.contains(lowers[j]) { break }
            j += 1
        }
        if let b = best, b < limit, tokens[b].isMark(".") { return b + 1 }
        return best
    }

    func stripPossessive(_ s: String) -> String { Self.stripPossessive(s) }

    static func stripPossessive(_ s: String) -> String {
        if s.hasUTF8Suffix("'s") || s.hasUTF8Suffix("\u{2019}s") { return String(s.unicodeScalars.dropLast(2)) }
        // plural possessive kept on the word by the tokenizer: "Sanders'"
        if s.hasUTF8Suffix("s'") || s.hasUTF8Suffix("s\u{2019}") { return String(s.unicodeScalars.dropLast(1)) }
        return s
    }

    /// Splits a run of capitalised tokens into leading titles/places and the name proper.
    /// Returns (name token range, country found among the modifiers, gender from a title, had a title).
    func analyseRun(_ run: Range<Int>) -> (name: Range<Int>, country: String?, gender: String?, titled: Bool) {
        var i = run.lowerBound
        var country: String?
        var gender: String?
        var titled = false
        while i < run.upperBound {
            if let e = titleAt(i, limit: run.upperBound), e < run.upperBound || e == run.upperBound {
                let w = lowers[i]
                if w == "mr" { gender = "m" } else if w == "mrs" || w == "ms" || w == "miss" { gender = "f" }
                titled = true
                i = e; continue
            }
            if let (e, p) = placeAt(i, limit: run.upperBound), e < run.upperBound {
                country = country ?? p.code
                i = e; continue
            }
            break
        }
        return (i..<run.upperBound, country, gender, titled)
    }

    /// Scans the article once for name runs: full names, their countries (from modifiers) and roles.
    private mutating func buildIndex(sentenceStarts: [Bool]) {
        let tokens = self.tokens, texts = self.texts, lowers = self.lowers  // local constants: read in place
        var i = 0
        let n = tokens.count
        while i < n {
            guard isNameWord(i) else { i += 1; continue }
            var j = i
            // A period after a short word stays in the run ("J. R. Hollis", "Mr. Kim") unless it ends the
            // sentence ("… in the Rust Belt. He said" is not one name).
            while j < n, isNameWord(j) || (tokens[j].isMark(".") && j > i && tokens[j - 1].end == tokens[j].start
                                            && tokens[j - 1].end - tokens[j - 1].start <= 4 && !sentenceStarts[j + 1]) {
                if j > i, tokens[j].newlinesBefore > 0 { break }
                j += 1
            }
            var a = i
            // a sentence-initial function word is not part of a name
            if sentenceStarts[a], g.functionWords[lowers[a]] != nil { a += 1 }
            // a single capitalised word matters only after a title ("Mr. Kim" is two tokens with its period)
            if j - a == 1 { i = max(j, i + 1); continue }
            if a < j {
                let (nameR, c, gender, titled) = analyseRun(a..<j)
                var country = c
                if country == nil {
                    // modifiers before the run: "Kremlin spokesman Dmitry Peskov"
                    var k = a - 1
                    var steps = 0
                    while k >= 0, steps < 4, tokens[k].kind == .word {
                        // place spellings are capitalised: skip the lookups for lower-case words
                        if tokens[k].isCapitalized {
                            if let p = g.places[stripPossessive(texts[k])] { country = p.code; break }
                            if k > 0, tokens[k - 1].isCapitalized, let p = g.places[texts[k - 1] + " " + texts[k]] { country = p.code; break }
                        }
                        k -= 1; steps += 1
                    }
                }
                let words = nameR.filter { tokens[$0].kind == .word }
                if words.count >= 2 || (titled && words.count == 1) {
                    let name = stripPossessive(tokenText(nameR))
                    let last = stripPossessive(lowers[nameR.upperBound - 1])
                    if words.count >= 2 || byLastWord[last] == nil {
                        // A name right after "the" is not a person's ("the Rust Belt", "the Daily Star").
                        let afterThe = nameR.lowerBound > 0 && lowers[nameR.lowerBound - 1] == "the"
                        let isPlaceName = afterThe || g.places[name] != nil || words.contains { g.nonPersonWords.contains(stripPossessive(lowers[$0])) }
                        if !isPlaceName {
                            persons.append(Person(token: nameR.lowerBound, name: name, country: country, gender: gender))
                            byLastWord[last, default: []].append(persons.count - 1)
                            if words.count >= 2 { byFirstWord[lowers[words[0]], default: []].append(persons.count - 1) }
                            if let c = country, countryOf[name] == nil { countryOf[name] = c }
                            // role words right before the name (lower case): "spokesman Dmitry Peskov"
                            if a > 0, tokens[a - 1].kind == .word, !tokens[a - 1].isCapitalized, g.titles.contains(lowers[a - 1]) {
                                byRole[lowers[a - 1], default: []].append(persons.count - 1)
                            }
                            var t = a
                            while t < nameR.lowerBound {
                                if tokens[t].kind == .word, g.titles.contains(lowers[t]) { byRole[lowers[t], default: []].append(persons.count - 1) }
                                t += 1
                            }
                        }
                    }
                }
            }
            i = max(j, i + 1)
        }
    }

    /// The person a single surname refers to: the nearest full name before `at` ending with it, else the first after.
    func linkSurname(_ word: String, at: Int) -> Person? {
        // the nearest multiword name before `at`, else the first after; last words first, then first words
        var best: Int?
        func consider(_ list: [Int]?) {
            for idx in list ?? [] where persons[idx].hasTwoWords {
                let token = persons[idx].token
                if token <= at { if best == nil || persons[best!].token < token { best = idx } } else if best == nil { best = idx }
            }
        }
        consider(byLastWord[word])
        consider(byFirstWord[word])
        return best.map { persons[$0] }
    }

    func nearestPerson(before at: Int, gender: String?) -> Person? {
        // binary search for the last person with token < at
        var lo = 0, hi = persons.count
        while lo < hi { let m = (lo + hi) / 2; if persons[m].token < at { lo = m + 1 } else { hi = m } }
        var k = lo - 1
        var steps = 0
        while k >= 0, steps < 12 {
            let p = persons[k]
            if gender == nil || p.gender == nil || p.gender == gender {
                if let full = linkSurname(p.surnameKey, at: p.token) {
                    return Person(token: p.token, name: full.name, country: full.country ?? countryOf[full.name], gender: p.gender)
                }
                return p
            }
            k -= 1; steps += 1
        }
        return nil
    }

    /// The last space-separated word of `name` (as `name.split(separator: " ").last`), without splitting.
    static func lastWord(_ name: String) -> Substring? {
        let u = name.utf8
        var end = u.endIndex
        while end > u.startIndex, u[u.index(before: end)] == 32 { end = u.index(before: end) }
        guard end > u.startIndex else { return nil }
        var start = end
        while start > u.startIndex, u[u.index(before: start)] != 32 { start = u.index(before: start) }
        return name[start..<end]
    }

    /// Whether `name` is a person name of the article index.
    func isPerson(_ name: String) -> Bool {
        guard let last = Self.lastWord(name)?.lowercased(), let list = byLastWord[last] else { return false }
        return list.contains { persons[$0].name == name }
    }

    /// `recent`: the last person quoted before this mention (name, country, token), preferred for he/she
    /// when it is close.
    func resolve(_ r: Range<Int>, recent: (name: String, country: String?, token: Int)? = nil) -> (speaker: String?, country: String?) {
        guard !r.isEmpty else { return (nil, nil) }
        var a = r.lowerBound
        var b = r.upperBound
        if b - a == 1, let pr = g.pronouns[lowers[a]] {
            switch pr.mode {
            case "yes":
                let near = nearestPerson(before: a, gender: pr.gender == "m" || pr.gender == "f" ? pr.gender : nil)
                if let rc = recent, a - rc.token < 250, near == nil || near!.token <= rc.token || a - rc.token < 60 {
                    return (rc.name, rc.country)
                }
                if let p = near {
                    return (p.name, p.country ?? countryOf[p.name])
                }
                return (nil, nil)
            case "relative":
                // "Smith, who said ..." → the noun phrase before the comma
                if a >= 2, tokens[a - 1].isMark(",") {
                    var s = a - 2
                    while s > 0, isNameWord(s - 1) || (tokens[s - 1].kind == .word && g.titles.contains(lowers[s - 1])) { s -= 1 }
                    if isNameWord(a - 2) { return resolve(s..<(a - 1)) }
                }
                return (nil, nil)
            default:
                // "they" → the nearest group noun before it ("analysts say … they speculate")
                if pr.gender == "p", lowers[a] == "they", let d = groupAntecedent(before: a) { return (d, nil) }
                return (nil, nil)
            }
        }
        while a < b, let c = g.functionWords[lowers[a]], c == "det" { a += 1 }
        guard a < b else { return (nil, nil) }
        // country found anywhere in the mention
        var country: String?
        var body: Gazetteer.Place?
        var k = a
        while k < b {
            if let (e, p) = placeAt(k, limit: b) {
                if country == nil || p.isBody { country = p.code }
                if p.isBody && body == nil { body = p }
                k = e
            } else { k += 1 }
        }
        // a lower-case group of people at a named organisation speaks for it: "analysts at the Acme Institute"
        if !isNameWord(a) {
            var h = a
            while h < b, tokens[h].kind == .word, !tokens[h].isCapitalized, g.functionWords[lowers[h]] == nil { h += 1 }
            if h > a, h + 1 < b, lowers[h] == "at", g.speakerGroupNouns.contains(lowers[h - 1]) {
                var o = h + 1
                while o < b, g.functionWords[lowers[o]] == "det" { o += 1 }
                if o < b, isNameWord(o) {
                    var e = o
                    while e < b, isNameWord(e) || (tokens[e].isMark(".") && e > o && isNameWord(e - 1)) { e += 1 }
                    let r = resolve(o..<e)
                    if r.speaker != nil { return r }
                }
            }
        }
        // the head noun phrase ends before a preposition or an apposition ("The Defense Ministry in Seoul")
        var h = a + 1
        while h < b {
            if tokens[h].isMark(",") || tokens[h].isMark("(") { break }
            if let c = g.functionWords[lowers[h]], c == "prep", lowers[h] != "of" { break }
            h += 1
        }
        b = h
        // the whole mention is a place / body, possibly + government, administration, officials
        if let (e, p) = placeAt(a, limit: b) {
            let rest = e..<b
            if rest.isEmpty || (rest.count == 1 && ["government", "administration", "officials", "authorities", "regime"].contains(lowers[e])) {
                if !p.isDemonym || !rest.isEmpty { return (p.name, p.code) }
            }
        }
        // last run of capitalised words
        var e = b
        while e > a, tokens[e - 1].kind != .word || lowers[e - 1] == "’s" { e -= 1 }
        let headCapitalized = e > a && isNameWord(e - 1)
        if headCapitalized {
            var s = e - 1
            while s > a, isNameWord(s - 1) || (tokens[s - 1].isMark(".") && s - 1 > a && isNameWord(s - 2)) { s -= 1 }
            let (nameR, c2, _, _) = analyseRun(s..<e)
            if !nameR.isEmpty {
                if let (pe, p) = placeAt(nameR.lowerBound, limit: e), pe == e { return (p.name, p.code) }
                let words = nameR.filter { tokens[$0].kind == .word }
                let name = stripPossessive(tokenText(nameR))
                if words.count == 1 {
                    if let full = linkSurname(stripPossessive(lowers[nameR.lowerBound]), at: nameR.lowerBound) {
                        return (full.name, country ?? c2 ?? full.country ?? countryOf[full.name])
                    }
                }
                return (name, country ?? c2 ?? countryOf[name])
            }
            // only titles: "President" → role link
            if let role = byRole[lowers[e - 1]]?.last(where: { persons[$0].token < r.lowerBound }) {
                let p = persons[role]
                return (p.name, country ?? p.country ?? countryOf[p.name])
            }
            return (nil, country)
        }
        // lower-case head: a body's agency ("the KCNA news agency"), a role ("the spokesman") or a group ("South Korean media")
        if let body { return (body.name, body.code) }
        if e > a, g.titles.contains(lowers[e - 1]), let roles = byRole[lowers[e - 1]] {
            // "the Russian president": the last person with that role, of that country when one is named
            let before = roles.filter { persons[$0].token < r.lowerBound }
            let sameCountry = country.map { c in before.filter { (persons[$0].country ?? countryOf[persons[$0].name]) == c } } ?? []
            if let idx = sameCountry.last ?? before.last {
                let p = persons[idx]
                return (p.name, country ?? p.country ?? countryOf[p.name])
            }
        }
        let anyCapital = (a..<b).contains { isNameWord($0) }
        if anyCapital { return (stripPossessive(tokenText(a..<b)), country) }
        // a definite description ("the state agency") → the nearest earlier named phrase with the same head
        // noun ("the KCNA news agency")
        if e > a, r.lowerBound < a, ["the", "this", "that"].contains(lowers[r.lowerBound]),
           let ante = namedAntecedent(head: lowers[e - 1], before: r.lowerBound) {
            let res = resolve(ante)
            if res.speaker != nil { return res }
        }
        // an unnamed group or description speaks as itself: "analysts", "the official media"
        // (a participle after the noun is not part of it: "images released" → "images")
        while e - 1 > a, lowers[e - 1].hasUTF8Suffix("ed"), !g.speakerGroupNouns.contains(lowers[e - 1]) { e -= 1 }
        // (not an adverb, a participle, a pronoun or a negated auxiliary read as a noun: "egregiously",
        // "interviewed", "aides haven't")
        if e > a, tokens[e - 1].kind == .word, g.functionWords[lowers[e - 1]] == nil, g.pronouns[lowers[e - 1]] == nil,
           !lowers[e - 1].hasUTF8Suffix("ly") || g.lyNouns.contains(lowers[e - 1]),
           !lowers[e - 1].hasUTF8Suffix("ed") || g.speakerGroupNouns.contains(lowers[e - 1]),
           !lowers[e - 1].hasUTF8Suffix("n't"), !lowers[e - 1].hasUTF8Suffix("n\u{2019}t") {
            return (stripPossessive(tokenText(a..<e)), country)
        }
        return (nil, country)
    }

    /// The nearest earlier phrase (within a few hundred tokens) whose head noun is `head` and that holds a
    /// capitalised name right before it: "the KCNA news agency" for "the agency".
    func namedAntecedent(head: String, before at: Int) -> Range<Int>? {
        var k = at - 1
        while k > 0, at - k < 600 {
            if tokens[k].kind == .word, lowers[k] == head, !tokens[k].isCapitalized {
                var s = k
                var sawName = false
                while s > 0, k - s < 4, tokens[s - 1].kind == .word, g.functionWords[lowers[s - 1]] == nil {
                    s -= 1
                    if isNameWord(s) { sawName = true }
                }
                if sawName { return s..<(k + 1) }
            }
            k -= 1
        }
        return nil
    }

    /// The nearest group noun before token `at` ("analysts", "Western intelligence agencies"), with its
    /// modifiers, as a description.
    func groupAntecedent(before at: Int) -> String? {
        var k = at - 1
        while k >= 0, at - k < 150 {
            if tokens[k].kind == .word, g.speakerGroupNouns.contains(lowers[k]), g.pronouns[lowers[k]] == nil {
                var s = k
                // modifiers within the same line: "Western intelligence agencies"
                while s > 0, k - s < 3, tokens[s].newlinesBefore == 0, tokens[s - 1].kind == .word,
                      g.functionWords[lowers[s - 1]] == nil, g.reportingVerbs[lowers[s - 1]] == nil { s -= 1 }
                return stripPossessive(tokenText(s..<(k + 1)))
            }
            k -= 1
        }
        return nil
    }
}
