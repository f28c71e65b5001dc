/// An annotated article held in the store.
public struct Article: Sendable {
    public let id: String
    public let origin: String
    public let title: String
    public let text: String
    /// The text as Unicode scalars: every offset in an annotation indexes this array.
    public let scalars: CompactScalars
    public let bodyStart: Int
    public let metadata: ArticleMetadata
    /// What the annotator found, with quotation speakers named by their entity across the corpus
    /// (the store does that when it builds its indexes).
    public internal(set) var annotations: ArticleAnnotations
    /// What the annotator found, as it found it: the store resolves speakers from this each time it is
    /// rebuilt, and the cache saves this. (It shares all but the quotations with `annotations`.)
    public let annotatorOutput: ArticleAnnotations

    public init(document: Document, annotations: ArticleAnnotations) {
        self.id = document.id
        self.origin = document.origin
        self.title = document.title
        self.text = document.text
        self.scalars = CompactScalars(document.text)
        self.bodyStart = document.bodyStart
        self.metadata = document.metadata
        self.annotations = annotations
        self.annotatorOutput = annotations
    }

    /// The text of a span (clamped to the article).
    public func text(of span: Span) -> String {
        let lo = min(max(0, span.start), scalars.count), hi = min(max(lo, span.end), scalars.count)
        // the span's bytes copied from the text (found from the scalars' marks), not re-encoded
        if let copied = text.utf8.withContiguousStorageIfAvailable({ utf8 in
            let a = scalars.utf8Offset(lo, in: utf8), b = scalars.utf8Offset(hi, in: utf8)
            return String(decoding: UnsafeBufferPointer(rebasing: utf8[a..<max(a, b)]), as: UTF8.self)
        }) { return copied }
        return String(scalars: scalars[lo..<hi])
    }

    /// The text of a span on one line: line breaks become spaces, ends trimmed (a sentence as listed).
    /// Read on scalars, not characters (every quotation row's `sentence` is built this way): a run of
    /// line breaks between words is one space, as splitting at newlines and joining with spaces gives.
    public func line(of span: Span) -> String {
        let lo = min(max(0, span.start), scalars.count), hi = min(max(lo, span.end), scalars.count)
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(hi - lo)
        var separate = false
        for s in scalars[lo..<hi] {
            switch s.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:   // what `Character.isNewline` holds
                separate = !kept.isEmpty
            default:
                if separate { kept.append(" "); separate = false }
                kept.append(s)
            }
        }
        return String(scalars: kept[...]).trimmingWhitespace()
    }

    /// The sentence that holds the offset (`annotations.sentences`), or nil when it lies in none.
    public func sentence(containing offset: Int) -> Span? {
        let sentences = annotations.sentences
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].start <= offset ? sentences[lo] : nil
    }
}

/// Identifies a quotation in the store: its article's index and its index within that article.
public struct QuoteID: Hashable, Sendable, Comparable {
    public var article: Int
    public var index: Int
    public static func < (a: QuoteID, b: QuoteID) -> Bool { (a.article, a.index) < (b.article, b.index) }
}

/// The in-memory store: annotated articles in a stable order (sorted by id), plus indexes.
/// A value: a test builds one with `ArticleStore(documents: [Document(id: "a", text: "…")])`.
public struct ArticleStore: Sendable {
    public private(set) var articles: [Article]
    /// The quotations a repeated passage does not hold, counted by speaker (nil: no speaker found; an
    /// empty name counts as none), speakers in the order their first quotation comes: the index that
    /// answers `count quotes by speaker`.
    public private(set) var quoteCountsBySpeaker: [(speaker: String?, count: Int)] = []

    static func countsBySpeaker(_ articles: [Article]) -> [(speaker: String?, count: Int)] {
        var counts = FirstSeenCounts<String?>()
        for article in articles {
            for q in article.annotations.quotations where !q.isRepeat { counts.add(q.speaker?.isEmpty == false ? q.speaker : nil) }
        }
        return zip(counts.keys, counts.counts).map { ($0, $1) }
    }

    /// Every quotation of every article, in article order then text order.
    public private(set) var quoteIDs: [QuoteID]
    /// Per article: the number in `quoteIDs` of its first quotation.
    private var quoteStarts: [Int] = []
    /// Per quotation (as `quoteIDs`): its speaker's entity (`EntityTable.entityID(for:in:)` on the
    /// quotation as the store holds it), -1 for none. Found once when the store is built (the cache
    /// keeps them), not for every row that shows a speaker's type or role.
    private(set) var speakerEntities: [Int32] = []
    /// Word index over quotation contents.
    public private(set) var quoteIndex: InvertedIndex
    /// People, organisations and places across all articles, one entity per referent.
    public private(set) var entities = EntityTable()
    /// Quantities and dates of every article, with dates resolved (`numbers`, `compare`, `disagreements`).
    public private(set) var facts = FactTable()
    /// Every entity mention, in article order then text order (`mentions`, `who mentioned`).
    public private(set) var entityMentions: [MentionRow] = []
    /// Every sentence of every article's body, boilerplate lines as their own rows (`sentences`), in
    /// article order then text order.
    public private(set) var sentences: [SentenceRow] = []
    /// Pairs of near-duplicate articles (`duplicates`), found on first use: few sessions ask, and finding
    /// them costs as much as a word index, so loading does not pay for it.
    public var duplicates: NearDuplicates { duplicateCache.value { NearDuplicates(articles: articles) } }
    private var duplicateCache = Computed<NearDuplicates>()
    /// Word index over the sentences (document n is `sentences[n]`).
    public private(set) var sentenceIndex = InvertedIndex()
    /// Per entity (by index in `entities.entities`): its mentions outside boilerplate lines, and the
    /// articles they are in (the `mentions` and `articles` of `entities`).
    public private(set) var entityCounts: [(mentions: Int, articles: Int)] = []

    public init(articles: [Article] = []) {
        self.articles = []
        self.quoteIDs = []
        self.quoteIndex = InvertedIndex()
        add(articles)
    }

    /// Annotates the documents and builds the store.
    public init(documents: [Document], annotator: Annotator = Annotator()) {
        self.init(articles: documents.map { Article(document: $0, annotations: annotator.annotate($0)) })
    }

    /// Adds (or replaces, by id) articles, keeping the store sorted by article id.
    public mutating func add(_ newArticles: [Article]) {
        guard !newArticles.isEmpty else { return }
        var byID: [String: Article] = [:]
        for article in articles { byID[article.id] = article }
        for article in newArticles { byID[article.id] = article }
        articles = byID.values.sorted { $0.id < $1.id }
        rebuildIndexes()
    }

    public func article(_ id: QuoteID) -> Article { articles[id.article] }
    public func quotation(_ id: QuoteID) -> Quotation { articles[id.article].annotations.quotations[id.index] }

    /// The entity of the quotation's speaker, if any.
    func speakerEntity(_ id: QuoteID) -> Int? {
        let n = quoteStarts[id.article] + id.index
        return speakerEntities[n] >= 0 ? Int(speakerEntities[n]) : nil
    }

    /// Every quotation's speaker entity, found on every core.
    private func findSpeakerEntities() -> [Int32] {
        let articles = self.articles, entities = self.entities
        return EntityResolver.parallelMap(EntityResolver.chunks(articles.count)) { range -> [Int32] in
            var found: [Int32] = []
            for a in range {
                for q in articles[a].annotations.quotations { found.append(Int32(entities.entityID(for: q, in: a) ?? -1)) }
            }
            return found
        }.flatMap { $0 }
    }

    /// A store as `StoreCache` saved it: the articles as annotated, the entities, and the parts that cost
    /// most to build (facts, sentences, word indexes). What follows cheaply from these (entity mentions
    /// and counts, speakers named by their entity, quotation ids) is derived by the same code as in a
    /// fresh build, so the two cannot drift apart.
    init(restoring articles: [Article], speakers: [SpeakerResolution], speakerEntities: [Int32], entities: EntityTable, facts: FactTable,
         sentences: [SentenceRow], sentenceIndex: InvertedIndex, quoteIndex: InvertedIndex) {
        self.articles = articles
        for s in speakers {
            self.articles[s.article].annotations.quotations[s.quote].speaker = s.speaker
            self.articles[s.article].annotations.quotations[s.quote].speakerCountry = s.country
        }
        self.quoteIDs = Self.quoteIDs(of: articles)
        self.quoteStarts = Self.quoteStarts(of: articles)
        self.quoteIndex = quoteIndex
        self.facts = facts
        self.sentences = sentences
        self.sentenceIndex = sentenceIndex
        self.entities = entities
        deriveFromEntities(resolvingSpeakers: false)
        self.speakerEntities = speakerEntities
    }

    /// A quotation whose speaker the store named by its entity (`resolveSpeakers`): saved by the cache,
    /// which restores them rather than resolving every speaker again.
    struct SpeakerResolution: Hashable {
        var article: Int
        var quote: Int
        var speaker: String?
        var country: String?
    }

    /// Every quotation whose speaker or country differs from what the annotator found.
    var speakerResolutions: [SpeakerResolution] {
        var changed: [SpeakerResolution] = []
        for (a, article) in articles.enumerated() {
            let found = article.annotatorOutput.quotations, resolved = article.annotations.quotations
            for q in resolved.indices where resolved[q].speaker != found[q].speaker || resolved[q].speakerCountry != found[q].speakerCountry {
                changed.append(SpeakerResolution(article: a, quote: q, speaker: resolved[q].speaker, country: resolved[q].speakerCountry))
            }
        }
        return changed
    }

    private static func quoteStarts(of articles: [Article]) -> [Int] {
        var starts: [Int] = []
        var n = 0
        for article in articles { starts.append(n); n += article.annotations.quotations.count }
        return starts
    }

    /// Every quotation of every article, in article order then text order.
    private static func quoteIDs(of articles: [Article]) -> [QuoteID] {
        var ids: [QuoteID] = []
        for (a, article) in articles.enumerated() {
            for q in article.annotations.quotations.indices { ids.append(QuoteID(article: a, index: q)) }
        }
        return ids
    }

    private mutating func rebuildIndexes() {
        entities = EntityTable.build(articles: articles)
        deriveFromEntities()
        var mentionStarts = [[Int]](repeating: [], count: articles.count)
        for m in entityMentions { mentionStarts[m.article].append(m.span.start) }
        // The word index of the quotations, the facts, and the sentences with their word index need
        // nothing of each other: built at once, one per core.
        enum Part {
            case quotes(InvertedIndex)
            case facts(FactTable)
            case sentences([SentenceRow], InvertedIndex)
        }
        let all = articles
        let starts = mentionStarts
        let parts = EntityResolver.parallelMap([0, 1, 2]) { part -> Part in
            switch part {
            case 0:
                var index = InvertedIndex()
                var n = 0
                for article in all {
                    for quote in article.annotations.quotations {
                        index.add(document: n, text: article.text(of: quote.content))
                        n += 1
                    }
                }
                return .quotes(index)
            case 1:
                return .facts(FactTable(articles: all))
            default:
                let rows = all.indices.flatMap { SentenceRow.rows(of: all[$0], index: $0, mentionStarts: starts[$0]) }
                var words = InvertedIndex()
                for (n, row) in rows.enumerated() { words.add(document: n, text: all[row.article].text(of: row.span)) }
                return .sentences(rows, words)
            }
        }
        quoteIDs = Self.quoteIDs(of: articles)
        quoteStarts = Self.quoteStarts(of: articles)
        for part in parts {
            switch part {
            case .quotes(let index): quoteIndex = index
            case .facts(let table): facts = table
            case .sentences(let rows, let index): sentences = rows; sentenceIndex = index
            }
        }
        duplicateCache = Computed()
    }

    /// The entity mentions with their sentences, the entities' counts, and every speaker named by its
    /// entity: what follows from `entities` and the articles.
    private mutating func deriveFromEntities(resolvingSpeakers: Bool = true) {
        entityMentions = articles.indices.flatMap { a in
            let boilerplate = articles[a].annotations.boilerplate.sorted()
            return entities.mentions(in: a).map { m in
                MentionRow(article: a, span: m.span, entity: m.entity,
                           sentence: articles[a].sentence(containing: m.span.start) ?? m.span,
                           isBoilerplate: boilerplate.covers(m.span))
            }
        }
        var counts = [(mentions: Int, articles: Set<Int>)](repeating: (0, []), count: entities.entities.count)
        for m in entityMentions where !m.isBoilerplate && counts.indices.contains(m.entity) {
            counts[m.entity].mentions += 1
            counts[m.entity].articles.insert(m.article)
        }
        entityCounts = counts.map { ($0.mentions, $0.articles.count) }
        if resolvingSpeakers {
            resolveSpeakers()
            speakerEntities = findSpeakerEntities()
        }
        quoteCountsBySpeaker = Self.countsBySpeaker(articles)
    }

    /// Names every quotation's speaker by its entity's canonical name ("Dmitri Peskov" and "Dmitry
    /// Peskov" become one speaker), and gives it the entity's country when the text gave none.
    /// The mention as written stays in `speakerMention`.
    private mutating func resolveSpeakers() {
        for a in articles.indices {
            // from what the annotator found, so resolving again (more articles loaded) gives what a
            // fresh build of the same articles gives
            var quotations = articles[a].annotatorOutput.quotations
            var changed = articles[a].annotations.quotations != quotations
            for q in quotations.indices {
                guard let id = entities.entityID(for: quotations[q], in: a), let entity = entities.entity(id: id),
                      Self.namesHead(entity, of: quotations[q].speaker) else { continue }
                if quotations[q].speaker != entity.name { quotations[q].speaker = entity.name; changed = true }
                if quotations[q].speakerCountry == nil, let country = entity.country {
                    quotations[q].speakerCountry = country; changed = true
                }
            }
            if changed { articles[a].annotations.quotations = quotations }
        }
    }

    /// The entity names the head of the speaker phrase: "Rival Hillary Clinton" is Hillary Clinton,
    /// but "Clinton supporters", "the New York businessman" or "the Obama administration" are not
    /// the entity named inside them, and a person is never renamed after a place ("Chuck Jordan"
    /// is not the country Jordan). Without a speaker there is nothing to rename.
    static func namesHead(_ entity: Entity, of speaker: String?) -> Bool {
        guard let speaker else { return false }
        let names = [entity.name] + entity.aliases
        if entity.type == .country || entity.type == .location {
            return names.contains { $0.caseInsensitiveCompare(speaker) == .orderedSame }
        }
        guard let head = TextTokenizer.words(speaker).last else { return false }
        return names.contains { TextTokenizer.words($0).last == head }
    }
}
