import Foundation

/// Resolves the mentions of every article into entities across the corpus.
///
/// Order of resolution: gazetteer entities (countries, places, bodies) by their canonical name; typed
/// organisations, places, facilities and events by a normalised phrase key; full person names bucketed by
/// family-name key, merged within a bucket when their given names are spelling variants (never when the
/// given names differ: Kim Jong-un / Kim Jong-il, Donald / Melania Trump); then single words (surnames,
/// "Mr. Kirby", given names, acronyms such as KJU, misspellings of a body named in the same article) linked
/// to a full name of the same article (the nearest before it), else to the only candidate of the corpus.
struct EntityResolver {
    let g: Gazetteer
    let lex: EntityLexicon

    init(gazetteer: Gazetteer, lexicon: EntityLexicon) { g = gazetteer; lex = lexicon }

    static let nameSuffixes: Set<String> = ["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]

    /// (family key, given key, middle initials, family name first) of a full person name, or nil for a
    /// single word. A generational suffix belongs to the given key (Donald Trump Jr is not Donald Trump).
    static func personParts(words raw: [String], familyFirst ff: [String: String]) -> (family: String, given: String, initials: String, familyFirst: Bool, firstGiven: String)? {
        var ws = raw.map { EntityRecognizer.stripPossessive($0) }.filter { !$0.isEmpty }
        var suffix = ""
        while ws.count > 2, let last = ws.last, nameSuffixes.contains(last.lowercased()) { suffix += NameKey.word(last); ws.removeLast() }
        guard ws.count >= 2, !nameSuffixes.contains(ws[ws.count - 1].lowercased()) else { return nil } // "Abdullah II"
        var familyFirst = false
        if let conv = ff[ws[0].lowercased()] {
            let rest = ws[1...]
            if conv == "ko" {
                familyFirst = (rest.count == 1 && rest.first!.utf8.contains(45)) || (rest.count >= 2 && rest.count <= 3 && rest.allSatisfy { $0.count <= 5 })
            } else {
                familyFirst = rest.count == 1
            }
        }
        var given = familyFirst ? Array(ws[1...]) : Array(ws[..<(ws.count - 1)])
        let family = familyFirst ? ws[0] : ws[ws.count - 1]
        var initials = ""
        if !familyFirst, given.count > 1 {
            // middle initials are kept apart: "Donald J. Trump" ~ "Donald Trump", "George W." ≠ "George P."
            let full = given.enumerated().filter { $0.offset == 0 || $0.element.unicodeScalars.filter { $0 != "." }.count > 1 }.map(\.element)
            initials = given.enumerated().filter { $0.offset > 0 && $0.element.unicodeScalars.filter { $0 != "." }.count <= 1 }.map { NameKey.word($0.element) }.joined()
            given = full
        }
        let gk = NameKey.word(given.joined()) + suffix
        let fk = NameKey.word(family)
        guard !gk.isEmpty, !fk.isEmpty else { return nil }
        let first = familyFirst ? gk : NameKey.word(given[0]) + (given.count == 1 ? suffix : "")
        return (fk, gk, initials, familyFirst, first)
    }

    static func personKey(words: [String], familyFirst ff: [String: String]) -> String? {
        guard let p = personParts(words: words, familyFirst: ff) else { return nil }
        return p.family + "|" + p.given
    }

    struct Proto {
        var type: EntityType
        var canonical: String?
        var fixedCountry: String?
        var forms: [String: Int] = [:]
        var formOrder: [String] = []
        var extra: [String] = []
        var roles: [String] = []
        var extraSeen: Set<String> = []
        var roleSeen: Set<String> = []
        var countries: [String: Int] = [:]
        var mentions: [EntityMention] = []
        var family: String?
        var givenKeys: Set<String> = []
        /// First given names (keys) seen with the full name: "hillary" for Hillary Rodham Clinton.
        var firstGivens: Set<String> = []
        /// Middle initials seen with the full name ("w" for George W. Bush).
        var middleInitials: Set<String> = []
        var genders: [String: Int] = [:]
        /// Head words of the roles given with the full name ("president", "lady").
        var roleHeads: Set<String> = []
        /// Places the text locates it in ("the forum in Vladivostok"), canonical names.
        var located: Set<String> = []
        var gender: String? { genders.count == 1 ? genders.keys.first : genders.max { $0.value < $1.value }.flatMap { $0.value >= 3 * (genders.values.reduce(0, +) - $0.value) ? $0.key : nil } }

        mutating func add(_ m: RawMention, article: Int) {
            mentions.append(EntityMention(article: article, span: m.span))
            if forms[m.text] == nil { formOrder.append(m.text) }
            forms[m.text, default: 0] += 1
            for f in m.extraForms where extraSeen.insert(f).inserted { extra.append(f) }
            if let r = m.role, roleSeen.insert(r).inserted { roles.append(r) }
            if let c = m.country { countries[c, default: 0] += 1 }
            if let gd = m.gender { genders[gd, default: 0] += 1 }
            if let l = m.locatedIn { located.insert(l) }
            if m.typed, type == .other || (m.type == .person && type != .person && canonical == nil) { type = m.type }
        }
    }

    func resolve(articles: [Article]) -> EntityTable {
        let ff = lex.familyFirst
        // 1. the corpus vocabulary of lower-case words, then every article's mentions; articles are
        // tokenised and recognised in parallel chunks (independent work), merged in order
        let chunks = Self.chunks(articles.count)
        // The vocabulary is read off the plain tokens (splitting a capitalised compound such as
        // "Russia-North" yields capitalised parts only, so lower-case words are the same), and each
        // article is tokenised again when it is recognised: holding every article's prepared tokens
        // until the whole vocabulary is known cost about half the load's peak memory.
        let vocabularies = Self.parallelMap(chunks) { r -> Set<String> in
            var vocabulary = Set<String>()
            for i in r {
                let a = articles[i]
                let raw = tokenize(a.scalars.array, from: min(max(0, a.bodyStart), a.scalars.count))
                for (k, t) in raw.tokens.enumerated() where t.kind == .word && !t.isCapitalized { vocabulary.insert(raw.lowers[k]) }
            }
            return vocabulary
        }
        var vocabulary = vocabularies.first ?? []
        for v in vocabularies.dropFirst() { vocabulary.formUnion(v) }
        let recognizer = EntityRecognizer(g: g, lex: lex, lowerVocabulary: vocabulary)
        let found: [[RawMention]] = Self.parallelMap(chunks) { r in
            r.map { i in
                let a = articles[i]
                return recognizer.recognize(recognizer.prepare(scalars: a.scalars.array, from: min(max(0, a.bodyStart), a.scalars.count),
                                                               sentences: a.annotations.sentences))
            }
        }.flatMap { $0 }

        var protos: [Proto] = []
        var keyIndex: [String: Int] = [:]
        var assigned: [[Int?]] = found.map { [Int?](repeating: nil, count: $0.count) }
        /// per article: phrase key → entity (non-person), for prefixes and single words
        var articlePhrases: [[String: Int]] = Array(repeating: [:], count: found.count)
        /// per article: family key → [(start, entity)], first given key → [(start, entity)]
        var articleFamilies: [[String: [(Int, Int)]]] = Array(repeating: [:], count: found.count)
        var articleGiven: [[String: [(Int, Int)]]] = Array(repeating: [:], count: found.count)
        /// per article: initials of multiword names → entity
        var articleInitials: [[String: Int]] = Array(repeating: [:], count: found.count)
        var globalInitials: [String: Set<Int>] = [:]
        var buckets: [String: [Int]] = [:]

        var phraseCache: [String: String] = [:]
        func phrase(_ text: String) -> String {
            if let p = phraseCache[text] { return p }
            let p = NameKey.phrase(text)
            phraseCache[text] = p
            return p
        }
        func entity(forKey key: String, _ make: () -> Proto) -> Int {
            if let e = keyIndex[key] { return e }
            protos.append(make()); keyIndex[key] = protos.count - 1
            return protos.count - 1
        }
        func assign(_ a: Int, _ i: Int, _ e: Int) {
            assigned[a][i] = e
            let m = found[a][i]
            protos[e].add(m, article: a)
            if protos[e].type == .organization || (m.key == nil && protos[e].type != .person) {
                articlePhrases[a][phrase(m.text)] = e
                for f in m.extraForms { articlePhrases[a][phrase(f)] = e }
                if let sf = m.shortForm { articlePhrases[a][phrase(sf)] = e }
            }
            if m.words.count >= 2, let ini = initials(of: m.words, skipFunctionWords: protos[e].type != .person), ini.count >= 2 {
                articleInitials[a][ini] = e
                globalInitials[ini, default: []].insert(e)
            }
        }

        // 2. gazetteer entities
        for (a, ms) in found.enumerated() {
            for (i, m) in ms.enumerated() {
                guard let key = m.key else { continue }
                let e = entity(forKey: key) { Proto(type: m.type, canonical: m.canonical, fixedCountry: m.country) }
                assign(a, i, e)
            }
        }
        // 3. typed organisations, places, facilities, events; names opening with a city first ("New York
        // Post"), so that their short form in the same article ("the Post") is the same referent
        var articleShort: [[String: Int]] = Array(repeating: [:], count: found.count)
        for pass in 0..<2 {
            for (a, ms) in found.enumerated() {
                for (i, m) in ms.enumerated() where assigned[a][i] == nil && m.typed && m.type != .person && m.type != .other && (m.shortForm != nil || m.modifierCountry != nil) == (pass == 0) {
                    let core = phrase(m.text)
                    if pass == 1, m.modifierCountry == nil, let e = articleShort[a][core], e >= 0 { assign(a, i, e); continue }
                    let key = "n:" + core + "|" + (m.modifierCountry ?? "")
                    let e = entity(forKey: key) { Proto(type: m.type) }
                    assign(a, i, e)
                    if keyIndex["n:" + core] == nil { keyIndex["n:" + core] = e }
                    // ("the U.S. Air Force … the Air Force": the name without its country word too)
                    if let sf = m.shortForm ?? (m.modifierCountry != nil ? m.text : nil) {
                        let k = phrase(sf)
                        // two different names with the same short form in one article: neither takes it
                        if let other = articleShort[a][k], other != e { articleShort[a][k] = -1 } else if articleShort[a][k] == nil { articleShort[a][k] = e }
                    }
                }
            }
        }
        // 4. full person names (and multiword names that are a prefix of an organisation in the article)
        for (a, ms) in found.enumerated() {
            for (i, m) in ms.enumerated() where assigned[a][i] == nil && m.type == .person && m.words.count >= 2 {
                let phrase = phrase(m.text)
                if !m.typed, let org = articlePhrases[a].first(where: { $0.key.hasPrefix(phrase + " ") && protos[$0.value].type == .organization })?.value {
                    assign(a, i, org); continue
                }
                if !m.typed, let e = keyIndex["n:" + phrase] { assign(a, i, e); continue }
                guard let parts = Self.personParts(words: m.words, familyFirst: ff) else { continue }
                var exact: [Int] = []
                var candidates: [Int] = []
                for e in buckets[parts.family] ?? [] {
                    let p = protos[e]
                    // middle initials must agree when both sides have them
                    let initialsAgree = parts.initials.isEmpty || p.middleInitials.isEmpty || p.middleInitials.contains(parts.initials)
                    guard initialsAgree else { continue }
                    if p.givenKeys.contains(parts.given) { exact.append(e) }
                    else if p.givenKeys.contains(where: { NameKey.variants($0, parts.given) }) { candidates.append(e) }
                    // a middle name written or not: "Hillary Rodham Clinton" / "Hillary Clinton"
                    else if !parts.familyFirst, p.firstGivens.contains(parts.given) || p.givenKeys.contains(parts.firstGiven) { candidates.append(e) }
                }
                var match: Int?
                if exact.count == 1 { match = exact[0] }
                else if exact.count > 1 {
                    // "George Bush" with both "George W. Bush" and "George P. Bush" known: only exact initials decide
                    match = exact.first { protos[$0].middleInitials.contains(parts.initials) && !parts.initials.isEmpty }
                        ?? exact.first { protos[$0].middleInitials.isEmpty }
                }
                else if candidates.count == 1 { match = candidates[0] }
                let e: Int
                if let match { e = match } else {
                    protos.append(Proto(type: .person, family: parts.family))
                    e = protos.count - 1
                    buckets[parts.family, default: []].append(e)
                }
                protos[e].givenKeys.insert(parts.given)
                protos[e].firstGivens.insert(parts.firstGiven)
                if !parts.initials.isEmpty { protos[e].middleInitials.insert(parts.initials) }
                if let head = m.role.flatMap(Self.roleHead) { protos[e].roleHeads.insert(head) }
                protos[e].type = .person
                assign(a, i, e)
                articleFamilies[a][parts.family, default: []].append((m.span.start, e))
                let firstGiven = parts.familyFirst ? NameKey.word(m.words[1]) : NameKey.word(m.words[0])
                articleGiven[a][firstGiven, default: []].append((m.span.start, e))
            }
        }
        func nearest(_ list: [(Int, Int)]?, before start: Int, gender: String? = nil) -> Int? {
            guard let list, !list.isEmpty else { return nil }
            var best: Int?
            var after: Int?
            for (s, e) in list {
                if let gender, let eg = protos[e].gender, eg != gender { continue }
                if s <= start { best = e } else if after == nil { after = e }
            }
            return best ?? after
        }

        // link a leftover mention to an entity already known
        func link(_ m: RawMention, article a: Int, ff: [String: String]) -> Int? {
            if m.words.count == 1 {
                let w = m.words[0]
                let key = NameKey.word(w)
                if let list = articleFamilies[a][key], let head = m.role.flatMap(Self.roleHead) {
                    // several people of the article share the surname: the one holding the role
                    let holders = Set(list.map(\.1)).filter { protos[$0].roleHeads.contains(head) }
                    if holders.count == 1, Set(list.map(\.1)).count > 1 { return holders.first }
                }
                if let e = nearest(articleFamilies[a][key], before: m.span.start, gender: m.gender) { return e }
                if m.gender == nil, let e = nearest(articleGiven[a][key], before: m.span.start) { return e }
                let isAcronym = w.unicodeScalars.count >= 2 && w.unicodeScalars.count <= 6 && w.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) }
                if isAcronym {
                    if let e = articleInitials[a][w.lowercased()] { return e }
                    if let s = globalInitials[w.lowercased()], s.count == 1 { return s.first }
                }
                let pw = phrase(w)
                if let e = articlePhrases[a][pw] { return e }
                if let e = keyIndex["n:" + pw] { return e }
                if let list = buckets[key]?.filter({ m.gender == nil || protos[$0].gender == nil || protos[$0].gender == m.gender }), list.count == 1 { return list[0] }
                // several people share the surname: the role decides when only one of them holds it
                // ("President Obama" → Barack Obama, not Michelle Obama)
                if let head = m.role.flatMap(Self.roleHead), let list = buckets[key], list.count > 1 {
                    let holders = list.filter { protos[$0].roleHeads.contains(String(head)) }
                    if holders.count == 1 { return holders[0] }
                }
                if let e = keyIndex["s:" + key] { return e }
                // a misspelt body named elsewhere in the article ("The Krelim said" / "Kremlin spokesman")
                // (same first three letters, at most two edits, both at least six letters)
                let plainW = NameKey.plain(w)
                if plainW.count >= 6, !lowerCaseWord(w) {
                    for (phrase, e) in articlePhrases[a] where protos[e].type == .organization && phrase.count >= 6 && !phrase.contains(" ") {
                        guard let form = protos[e].formOrder.first(where: { !$0.contains(" ") }) else { continue }
                        let pf = NameKey.plain(form)
                        if pf.count >= 6, pf.prefix(3) == plainW.prefix(3), NameKey.distance(pf, plainW, limit: 2) <= 2 { return e }
                    }
                }
                return nil
            }
            let phrase = phrase(m.text)
            if let parts = Self.personParts(words: m.words, familyFirst: ff),
               let e = (buckets[parts.family] ?? []).first(where: { protos[$0].givenKeys.contains(parts.given) }) { return e }
            if let e = articlePhrases[a][phrase] { return e }
            if let e = keyIndex["n:" + phrase] { return e }
            if let org = articlePhrases[a].first(where: { $0.key.hasPrefix(phrase + " ") && protos[$0.value].type == .organization })?.value { return org }
            return nil
        }

        func lowerCaseWord(_ w: String) -> Bool { vocabulary.contains(w.lowercased()) }

        // 5. single words, acronyms and the rest
        for (a, ms) in found.enumerated() {
            for (i, m) in ms.enumerated() where assigned[a][i] == nil && m.descriptive == nil {
                if let e = link(m, article: a, ff: ff) { assign(a, i, e); continue }
                if m.weak { continue }
                let wordKey = m.words.count == 1 ? NameKey.word(m.words[0]) : phrase(m.text)
                let type: EntityType = m.type == .person && m.words.count == 1 ? .person : m.type
                let e = entity(forKey: "s:" + wordKey) { Proto(type: type) }
                if m.words.count == 1, type == .person, protos[e].family == nil { protos[e].family = wordKey }
                assign(a, i, e)
            }
        }

        // 6. a place with a descriptive noun phrase ("the Vladivostok economic forum"): the one named event,
        // body or facility located in that place elsewhere in the corpus whose name ends with the phrase's head
        // noun and holds its other words ("Eastern Economic Forum ... in Vladivostok")
        var locatedIn: [String: [Int]] = [:]
        for (e, p) in protos.enumerated() where !p.located.isEmpty && p.canonical == nil {
            for l in p.located { locatedIn[l, default: []].append(e) }
        }
        if !locatedIn.isEmpty {
            for (a, ms) in found.enumerated() {
                for (i, m) in ms.enumerated() where assigned[a][i] == nil {
                    guard let d = m.descriptive, let cands = locatedIn[d.place] else { continue }
                    // the longest prefix of the lower-case words that fits one entity
                    for len in stride(from: d.ends.count, through: 1, by: -1) {
                        let words = Array(m.words[1...len])
                        let fits = cands.filter { e in
                            protos[e].formOrder.contains { f in
                                let fw = f.split(separator: " ").map { NameKey.plain(String($0)) }
                                return fw.count > words.count && fw.last == words.last && words.allSatisfy { fw.contains($0) }
                            }
                        }
                        guard Set(fits).count == 1 else { continue }
                        var dm = m
                        dm.span = Span(m.span.start, d.ends[len - 1])
                        dm.text = articles[a].text(of: dm.span)
                        dm.words = Array(m.words[0...len])
                        assigned[a][i] = fits[0]
                        protos[fits[0]].add(dm, article: a)
                        break
                    }
                }
            }
        }

        // 7. compound words whose parts are names of the article ("Kim-Putin meeting")
        var extraMentions: [(Int, EntityMention, Int, String)] = []
        for (a, ms) in found.enumerated() {
            for (i, m) in ms.enumerated() where m.words.count == 1 && m.words[0].utf8.contains(45) {
                if let e = assigned[a][i], protos[e].mentions.count > 1 { continue }
                let parts = m.words[0].split(separator: "-").map(String.init)
                guard parts.count >= 2 else { continue }
                let ents = parts.map { nearest(articleFamilies[a][NameKey.word($0)], before: m.span.start) }
                guard ents.allSatisfy({ $0 != nil }) else { continue }
                if let e = assigned[a][i] { protos[e].mentions.removeAll { $0.article == a && $0.span == m.span }; protos[e].forms[m.text, default: 1] -= 1 }
                assigned[a][i] = nil
                var offset = m.span.start
                for (p, e) in zip(parts, ents) {
                    let len = p.unicodeScalars.count
                    extraMentions.append((a, EntityMention(article: a, span: Span(offset, offset + len)), e!, p))
                    offset += len + 1
                }
            }
        }
        for (_, mention, e, text) in extraMentions {
            protos[e].mentions.append(mention)
            if protos[e].forms[text] == nil { protos[e].formOrder.append(text) }
            protos[e].forms[text, default: 0] += 1
        }

        return finish(protos: protos, articleCount: articles.count, ff: ff)
    }

    /// The head word of a role ("Kremlin spokesman" → "spokesman"; "spokesman for the NSC" → "spokesman").
    static func roleHead(_ role: String) -> String? {
        let words = role.lowercased().split(separator: " ")
        if let p = words.firstIndex(where: { ["of", "for", "at", "in", "to", "from", "with"].contains($0) }), p > 0 { return String(words[p - 1]) }
        return words.last.map(String.init)
    }

    /// The longest form that is `name` after a country word of the entity's own country ("Air Force" →
    /// "U.S. Air Force", "Defense Ministry" → "South Korean Defense Ministry"): more words first, then the
    /// more frequent. An acronym ("RNC") is a full name by itself.
    static func fullForm(of name: String, among forms: [String], counts: [String: Int], isOwnCountry: (String) -> Bool) -> String {
        let base = name.split(separator: " ")
        guard !base.isEmpty, !(base.count == 1 && base[0].unicodeScalars.filter({ ScalarClass.isLetter($0) }).allSatisfy { ScalarClass.isUpper($0) }) else { return name }
        var best = name
        var bestKey = (base.count, counts[name] ?? 0)
        for f in forms where f != name {
            let fw = f.split(separator: " ")
            guard fw.count > base.count, fw.suffix(base.count).elementsEqual(base),
                  isOwnCountry(fw.dropLast(base.count).joined(separator: " ")) else { continue }
            let key = (fw.count, counts[f] ?? 0)
            if key > bestKey { best = f; bestKey = key }
        }
        return best
    }

    /// Contiguous index ranges for parallel work (a few per core; one when the input is small).
    static func chunks(_ n: Int) -> [Range<Int>] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let parts = n < 64 ? 1 : min(n, cores * 4)
        guard parts > 1 else { return n == 0 ? [] : [0..<n] }
        let size = (n + parts - 1) / parts
        return stride(from: 0, to: n, by: size).map { $0..<min(n, $0 + size) }
    }

    final class Slots<T>: @unchecked Sendable {
        var items: [T?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
    }

    /// `map` over `inputs` on all cores, results in input order.
    static func parallelMap<I: Sendable, T>(_ inputs: [I], _ body: @Sendable (I) -> T) -> [T] {
        if inputs.count <= 1 { return inputs.map(body) }
        let slots = Slots<T>(inputs.count)
        slots.items.withUnsafeMutableBufferPointer { buf in
            let base = UnsafeMutableBufferPointerBox(buf)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { i in base.buffer[i] = body(inputs[i]) }
        }
        return slots.items.map { $0! }
    }

    struct UnsafeMutableBufferPointerBox<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
        init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
    }

    /// Initials of a multiword name, lower case ("Kim Jong-un" → "kju"; "Korean Central News Agency" → "kcna").
    func initials(of words: [String], skipFunctionWords: Bool) -> String? {
        var out = ""
        // a name holding an acronym ("Indiana GOP") has no initials of its own
        if words.count > 1, words.contains(where: { w in w.unicodeScalars.count >= 2 && w.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) } }) && !words.allSatisfy({ w in w.unicodeScalars.allSatisfy { ScalarClass.isUpper($0) || !ScalarClass.isLetter($0) } }) { return nil }
        for w in words {
            if skipFunctionWords, g.functionWords[w.lowercased()] != nil { continue }
            for part in w.split(separator: "-") {
                guard let f = part.first, f.isLetter else { continue }
                out.append(Character(f.lowercased()))
            }
        }
        return out.count >= 2 ? out : nil
    }

    func finish(protos: [Proto], articleCount: Int, ff: [String: String]) -> EntityTable {
        var live = protos.enumerated().filter { !$0.element.mentions.isEmpty }.map { $0.offset }
        var sorted = live.map { ($0, protos[$0].mentions.min()!) }
        sorted.sort { $0.1 < $1.1 }
        live = sorted.map(\.0)
        var entities: [Entity] = []
        entities.reserveCapacity(live.count)
        for (id, p) in live.enumerated() {
            let pr = protos[p]
            let forms = pr.forms.filter { $0.value > 0 }
            var name: String
            if let c = pr.canonical {
                name = c
                // a body named with its country's name or abbreviation ("US State Department"): that full form
                if pr.type == .organization, let code = pr.fixedCountry {
                    name = Self.fullForm(of: c, among: pr.formOrder.filter { (forms[$0] ?? 0) > 0 } + pr.extra, counts: forms) { prefix in
                        guard let p = g.places[prefix] else { return false }
                        return !p.isBody && !p.isDemonym && p.code == code
                    }
                }
            } else {
                let order = Dictionary(uniqueKeysWithValues: pr.formOrder.enumerated().map { ($1, $0) })
                let full = forms.keys.filter { pr.type != .person || $0.split(separator: " ").count >= 2 }
                let pool = full.isEmpty ? Array(forms.keys) : full
                name = pool.max { a, b in
                    let ka = (forms[a] ?? 0, a.split(separator: " ").count, -(order[a] ?? 0))
                    let kb = (forms[b] ?? 0, b.split(separator: " ").count, -(order[b] ?? 0))
                    return ka < kb
                } ?? pr.formOrder.first ?? ""
                if pr.type != .person, let code = pr.fixedCountry ?? pr.countries.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key {
                    name = Self.fullForm(of: name, among: pr.formOrder.filter { (forms[$0] ?? 0) > 0 } + pr.extra, counts: forms) { prefix in
                        guard let p = g.places[prefix] else { return false }
                        return !p.isBody && p.code == code
                    }
                }
            }
            var aliases: [String] = []
            var seen = Set<String>()
            for f in [name] + pr.formOrder.filter({ (forms[$0] ?? 0) > 0 }) + pr.extra where seen.insert(f).inserted { aliases.append(f) }
            let country = pr.fixedCountry ?? pr.countries.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let mentions = pr.mentions.sorted()
            var arts: [Int] = []
            for m in mentions where arts.last != m.article { arts.append(m.article) }
            entities.append(Entity(id: id, name: name, type: pr.type, aliases: aliases, roles: pr.roles, country: country,
                                   mentions: mentions, articles: Array(Set(arts)).sorted()))
        }
        return Self.table(entities: entities, articleCount: articleCount, gazetteer: g, lexicon: lex)
    }

    /// The table of resolved entities with its look-ups (aliases, person keys, per-article forms and
    /// mentions), which follow from the entities and the gazetteers alone: a cached store keeps only
    /// the entities and assembles the rest here, as a fresh build does.
    static func table(entities: [Entity], articleCount: Int, gazetteer g: Gazetteer, lexicon lex: EntityLexicon) -> EntityTable {
        let ff = lex.familyFirst
        var table = EntityTable(entities: entities)
        table.familyFirst = ff
        for (spelling, place) in g.places where !place.isBody { table.countryWords[NameKey.plain(spelling)] = place.code }
        table.titleWords = Set(g.titles.filter { !$0.contains(" ") }).union(lex.honorifics.keys).union(lex.roles)
        table.articleAliases = Array(repeating: [:], count: articleCount)
        table.articleMentions = Array(repeating: [], count: articleCount)
        for e in entities {
            for m in e.mentions { table.articleMentions[m.article].append((m.span, e.id)) }
            if e.type == .person {
                for a in e.aliases {
                    if let p = Self.personParts(words: a.split(separator: " ").map(String.init), familyFirst: ff) {
                        let k = p.family + "|" + p.given
                        if !(table.personKeys[k]?.contains(e.id) ?? false) {
                            table.personKeys[k, default: []].append(e.id)
                            table.personFamilies[p.family, default: []].append((p.given, e.id))
                        }
                    }
                }
            }
        }
        for a in 0..<articleCount { table.articleMentions[a].sort { $0.span < $1.span } }
        table.longestMention = table.articleMentions.map { $0.map { $0.span.end - $0.span.start }.max() ?? 0 }
        // per-article forms: what each form refers to in that article (surnames included)
        for e in entities {
            var keys = e.aliases.map { NameKey.plain($0) }
            if e.type == .person, let parts = Self.personParts(words: e.name.split(separator: " ").map(String.init), familyFirst: ff) {
                let words = e.name.split(separator: " ")
                keys.append(NameKey.plain(String(parts.familyFirst ? words[0] : words[words.count - 1])))
            }
            for art in e.articles {
                for k in keys where table.articleAliases[art][k] == nil { table.articleAliases[art][k] = e.id }
            }
        }
        return table
    }
}
