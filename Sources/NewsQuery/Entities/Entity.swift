/// What an entity is.
public enum EntityType: String, Sendable, Hashable, CaseIterable, Codable {
    case person, organization, location, country, facility, event, other
}

/// One mention of an entity: the article's index (in the array the table was built from) and the span of
/// the name proper (titles and honorifics excluded), Unicode-scalar offsets into `Article.text`.
public struct EntityMention: Hashable, Sendable, Comparable {
    public var article: Int
    public var span: Span
    public init(article: Int, span: Span) { self.article = article; self.span = span }
    public static func < (a: EntityMention, b: EntityMention) -> Bool { (a.article, a.span) < (b.article, b.span) }
}

/// A referent resolved across the corpus.
public struct Entity: Hashable, Sendable, Identifiable {
    /// Index in `EntityTable.entities`; ids follow the order of first mention (article order, then text order).
    public var id: Int
    /// The most frequent complete form ("Dmitry Peskov"), or the gazetteer's canonical name ("KCNA").
    public var name: String
    public var type: EntityType
    /// Every surface form seen, with honorifics where written ("Mr. Kim"), plus the canonical name.
    public var aliases: [String]
    /// Roles as given in the text ("Kremlin spokesman", "spokesman for the US National Security Council").
    public var roles: [String]
    /// ISO 3166-1 alpha-2 code, from role and modifier words, government bodies or the place gazetteers.
    public var country: String?
    public var mentions: [EntityMention]
    /// Indices of the articles mentioning it, ascending.
    public var articles: [Int]

    /// Whether the entity is mentioned in the article (a binary search of `articles`: a name such as
    /// "Trump" is in most articles of a large corpus, and this is asked for every speaker found).
    func appears(in article: Int) -> Bool {
        var lo = 0, hi = articles.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if articles[mid] < article { lo = mid + 1 } else { hi = mid }
        }
        return lo < articles.count && articles[lo] == article
    }
}

/// Every entity of a corpus, with lookups by alias, by speaker name and by mention.
public struct EntityTable: Sendable {
    public var entities: [Entity]
    /// Plain alias key → entity ids (several when an alias is ambiguous).
    var aliasIndex: [String: [Int]] = [:]
    /// Per article: plain alias key → entity id (the entity that form refers to in that article).
    var articleAliases: [[String: Int]] = []
    /// Per article: mentions sorted by start, with their entity.
    var articleMentions: [[(span: Span, entity: Int)]] = []
    /// Per article: the length of its longest mention, so that the mentions overlapping a span are a
    /// binary search away (a megabyte article has a hundred thousand of them). Empty: not known.
    var longestMention: [Int] = []
    /// Person key ("family|given") → entity ids.
    var personKeys: [String: [Int]] = [:]
    /// Family key → (given key, entity id), for spelling variants of a speaker's name.
    var personFamilies: [String: [(given: String, id: Int)]] = [:]
    /// Family-name-first surnames (for reading speaker names).
    var familyFirst: [String: String] = [:]
    /// Titles, roles and honorifics (lower case, single words), stripped from a speaker string that is not found.
    var titleWords: Set<String> = []
    /// Country names and demonyms (plain, words joined by one space) → code, for "South Korean Defense Ministry".
    var countryWords: [String: String] = [:]

    public init(entities: [Entity] = []) {
        self.entities = entities
        for e in entities {
            for a in e.aliases {
                let k = NameKey.plain(a)
                if aliasIndex[k]?.last != e.id { aliasIndex[k, default: []].append(e.id) }
            }
        }
    }

    /// Builds the table from annotated articles (indices in `articles` are the mention article indices).
    public static func build(articles: [Article], gazetteer: Gazetteer = .bundled, lexicon: EntityLexicon = .bundled) -> EntityTable {
        EntityResolver(gazetteer: gazetteer, lexicon: lexicon).resolve(articles: articles)
    }

    public func entity(id: Int) -> Entity? { id >= 0 && id < entities.count ? entities[id] : nil }

    /// The entity one of whose aliases is `name` (case-insensitive); the most mentioned when several are.
    public func entity(named name: String) -> Entity? {
        guard let ids = aliasIndex[NameKey.plain(name)], !ids.isEmpty else { return nil }
        return ids.map { entities[$0] }.max { ($0.mentions.count, -$0.id) < ($1.mentions.count, -$1.id) }
    }

    /// Every entity with the alias `name` (case-insensitive).
    public func entities(named name: String) -> [Entity] {
        (aliasIndex[NameKey.plain(name)] ?? []).map { entities[$0] }
    }

    /// The entity a quotation's speaker string refers to in article `article`: the form as used in that
    /// article, else an unambiguous alias or spelling variant across the corpus.
    public func entityID(forSpeaker name: String, in article: Int) -> Int? {
        let key = NameKey.plain(name)
        guard !key.isEmpty else { return nil }
        if article >= 0, article < articleAliases.count, let id = articleAliases[article][key] { return id }
        if let ids = aliasIndex[key] {
            if ids.count == 1 { return ids[0] }
            if article >= 0, let local = ids.first(where: { entities[$0].appears(in: article) }) { return local }
            return ids.max { entities[$0].mentions.count < entities[$1].mentions.count }
        }
        // titles and honorifics before a name: "Kremlin spokesman Dmitry Peskov", "Mr. Kirby"
        var words = key.split(separator: " ")
        if words.count >= 2, let t = words.lastIndex(where: { titleWords.contains($0.trimmingCharacters(in: ["."])) }), t < words.count - 1 {
            let rest = words[(t + 1)...].joined(separator: " ")
            if let id = entityID(forSpeaker: rest, in: article) { return id }
        }
        // a country modifier before a name: "South Korean Defense Ministry" → the Defense Ministry of KR
        words = key.split(separator: " ")
        if words.count >= 2 {
            for n in stride(from: min(3, words.count - 1), through: 1, by: -1) {
                guard let code = countryWords[words[..<n].joined(separator: " ")] else { continue }
                let rest = words[n...].joined(separator: " ")
                let ids = (aliasIndex[rest] ?? []).filter { entities[$0].country == code || entities[$0].country == nil }
                if let local = ids.first(where: { entities[$0].appears(in: article) }) { return local }
                if ids.count == 1 { return ids[0] }
            }
        }
        // spelling variants of a full person name
        if let pk = EntityResolver.personKey(words: name.split(separator: " ").map(String.init), familyFirst: familyFirst) {
            if let ids = personKeys[pk], ids.count == 1 { return ids[0] }
            let parts = pk.split(separator: "|", omittingEmptySubsequences: false)
            let given = String(parts[1])
            let ids = Set((personFamilies[String(parts[0])] ?? []).filter { NameKey.variants($0.given, given) }.map(\.id))
            if ids.count == 1 { return ids.first }
        }
        return nil
    }

    /// The entity of the mention overlapping `span` in article `article` (a quotation's `speakerMention`).
    public func entityID(forMention span: Span, in article: Int) -> Int? {
        guard article >= 0, article < articleMentions.count else { return nil }
        var best: (overlap: Int, id: Int)?
        let mentions = articleMentions[article]
        var candidates = mentions.indices
        if article < longestMention.count {
            // Sorted by start: only those starting from span.start - longest up to span.end can overlap.
            func firstStarting(atOrAfter offset: Int) -> Int {
                var lo = 0, hi = mentions.count
                while lo < hi { let mid = (lo + hi) / 2; if mentions[mid].span.start < offset { lo = mid + 1 } else { hi = mid } }
                return lo
            }
            let from = firstStarting(atOrAfter: span.start - longestMention[article])
            candidates = from..<max(from, firstStarting(atOrAfter: span.end))
        }
        for m in mentions[candidates] where m.span.overlaps(span) {
            let overlap = min(m.span.end, span.end) - max(m.span.start, span.start)
            if best == nil || overlap > best!.overlap || (overlap == best!.overlap && m.span.end > span.end - 1) { best = (overlap, m.entity) }
        }
        return best?.id
    }

    /// The speaker entity of a quotation: by its mention span first, then by its speaker name.
    public func entityID(for quotation: Quotation, in article: Int) -> Int? {
        if let s = quotation.speaker, let id = entityID(forSpeaker: s, in: article) { return id }
        if let m = quotation.speakerMention { return entityID(forMention: m, in: article) }
        return nil
    }

    /// The entity a quotation's speaker string refers to (see `entityID(forSpeaker:in:)`).
    public func entity(forSpeaker name: String, in article: Int) -> Entity? {
        entityID(forSpeaker: name, in: article).map { entities[$0] }
    }

    /// Every entity mention of an article in text order: (span of the name, entity id).
    public func mentions(in article: Int) -> [(span: Span, entity: Int)] {
        article >= 0 && article < articleMentions.count ? articleMentions[article] : []
    }

    /// Entities mentioned in an article, by id.
    public func entities(in article: Int) -> [Int] {
        guard article >= 0, article < articleMentions.count else { return [] }
        return Array(Set(articleMentions[article].map(\.entity))).sorted()
    }
}
