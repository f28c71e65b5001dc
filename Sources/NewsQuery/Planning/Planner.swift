/// `BoundQuery` → `LogicalPlan`. Text searches become lookups in the store's inverted index (when it
/// covers every quotation): each search word is expanded, from the index's vocabulary, into the
/// words it matches (its inflections, or the words a prefix begins), with row estimates from the
/// index's document frequencies; `near` uses the index's word positions; `and` becomes an
/// intersection, `or` a union, `not` a difference. A `text ~ …` conjunct of a quotation condition is
/// answered from the index too. Without the index, text terms become filters over a scan.
///
/// A named result used as a row source is planned inline, under a `Named` node.
struct Planner {
    struct Options: Hashable, Sendable {
        /// Answer text terms from the inverted index (off: filter a scan instead).
        var useIndex = true
    }

    let store: ArticleStore
    var options = Options()

    static let quoteColumns = QuoteRows.columns
    static let articleColumns = ["id", "title", "source", "country", "language", "translated_from", "date", "quotes",
                                 "agencies", "byline", "translated"]
    /// Facts of the same kind (`FactComparison`): the least similarity of their contexts.
    static let similarityThreshold = 0.5

    func plan(_ query: BoundQuery) -> LogicalPlan {
        var plan = rows(query)
        let grouping: Grouping
        var defaultOrder: [SortKey]
        switch query.shape {
        case .list where query.factView != nil:
            let columns: [String]
            switch query.factView! {
            case .compare:
                plan = .compareFacts(threshold: Planner.similarityThreshold, plan)
                columns = FactRows.compareColumns
            case .disagreements(let tolerance):
                plan = .disagreements(tolerance: tolerance, threshold: Planner.similarityThreshold, plan)
                columns = FactRows.disagreementColumns
            }
            if !query.order.isEmpty {
                plan = .sort(query.order.map { SortKey(column: $0.column, descending: $0.descending, emptyLast: true) }, plan)
            }
            if let limit = query.limit { plan = .limit(limit, plan) }
            return .project(columns, plan)
        case .list:
            plan = ordered(plan, query)
            if let limit = query.limit { plan = .limit(limit, plan) }
            switch query.relation {
            case .quotes: return .project(Planner.quoteColumns, plan)
            case .articles: return .project(Planner.articleColumns, plan)
            case .numbers: return .project(FactRows.columns, plan)
            case .entities: return .project(EntityRows.entityColumns, plan)
            case .mentions: return .project(EntityRows.mentionColumns, plan)
            case .sentences: return .project(SentenceRows.columns, plan)
            case .duplicates: return .project(SentenceRows.duplicateColumns, plan)
            }
        case .speakers:
            grouping = .speaker
            defaultOrder = [SortKey(column: "count", descending: true), SortKey(column: "speaker", descending: false, emptyLast: true)]
        case .sources:
            grouping = .source
            defaultOrder = [SortKey(column: "source", descending: false, emptyLast: true)]
        case .counts(let fields):
            grouping = .count(fields)
            defaultOrder = [SortKey(column: "count", descending: true)]
                + fields.map { SortKey(column: $0.column, descending: false, emptyLast: true) }
        case .distinct(let fields):
            grouping = .count(fields)
            defaultOrder = fields.map { SortKey(column: $0.column, descending: false, emptyLast: true) }
        case .mentioners:
            grouping = .article
            defaultOrder = [SortKey(column: "mentions", descending: true), SortKey(column: "article", descending: false)]
        }
        plan = countedFromIndex(grouping, plan) ?? .aggregate(grouping, plan)
        if !query.order.isEmpty {
            defaultOrder = query.order.map { SortKey(column: $0.column, descending: $0.descending, emptyLast: true) }
        }
        plan = .sort(defaultOrder, plan)
        if let limit = query.limit { plan = .limit(limit, plan) }
        if case .distinct(let fields) = query.shape { return .project(fields.map(\.column), plan) }
        return .project(grouping.columns, plan)
    }

    /// Every quotation counted by speaker is read from the store's speaker index rather than grouped
    /// row by row: the same rows, in the same first-seen order.
    private func countedFromIndex(_ grouping: Grouping, _ rows: LogicalPlan) -> LogicalPlan? {
        guard options.useIndex, case .count(let fields) = grouping, fields == [.speaker],
              case .filter(.compare(.repeat, .equal, value: "no"), .scan(.quotes, _)) = rows else { return nil }
        return .speakerCounts(estimate: store.quoteCountsBySpeaker.count)
    }

    /// The rows a query filters: its input, its text search and its condition (no grouping).
    private func rows(_ query: BoundQuery) -> LogicalPlan {
        switch query.input {
        case .all:
            switch query.relation {
            case .quotes:
                return quotations(search: query.search, filter: query.filter)
            case .articles:
                let scan = LogicalPlan.scan(.articles, estimate: store.articles.count)
                return query.filter.map { .filter($0, scan) } ?? scan
            case .numbers:
                let scan = LogicalPlan.scan(.numbers, estimate: store.facts.count)
                return query.filter.map { .filter($0, scan) } ?? scan
            case .entities:
                let scan = LogicalPlan.scan(.entities, estimate: store.entities.entities.count)
                return query.filter.map { .filter($0, scan) } ?? scan
            case .mentions:
                let scan = LogicalPlan.scan(.mentions, estimate: store.entityMentions.count)
                return query.filter.map { .filter($0, scan) } ?? scan
            case .sentences:
                return searched(.sentenceIndex, search: nil, filter: query.filter)
            case .duplicates:
                let pairs = LogicalPlan.nearDuplicates(NearDuplicateLookup(
                    shingle: NearDuplicates.shingleLength, threshold: NearDuplicates.threshold, minShared: NearDuplicates.minShared,
                    articles: store.articles.count, estimate: store.duplicates.pairs.count))
                return query.filter.map { .filter($0, pairs) } ?? pairs
            }
        case .named(let name, let inner):
            var plan = LogicalPlan.named(name, namedRows(inner))
            var conditions = query.search.map { [Planner.predicate($0)] } ?? []
            conditions += Planner.conjuncts(query.filter)
            if !conditions.isEmpty { plan = .filter(conditions.count == 1 ? conditions[0] : .and(conditions), plan) }
            return plan
        }
    }

    /// What a name stands for as a row source: the rows its query lists (in its order, up to its
    /// limit), or for a grouping, the rows it groups.
    private func namedRows(_ query: BoundQuery) -> LogicalPlan {
        var plan = rows(query)
        if query.shape == .list {
            plan = ordered(plan, query)
            if let limit = query.limit { plan = .limit(limit, plan) }
        }
        return plan
    }

    private func ordered(_ plan: LogicalPlan, _ query: BoundQuery) -> LogicalPlan {
        guard !query.order.isEmpty else { return plan }
        return .sort(query.order.map { SortKey(column: $0.column, descending: $0.descending, emptyLast: true, field: $0.field) }, plan)
    }

    // MARK: - Text search over an index (quotations, sentences)

    /// The rows (of the index's relation) matching a search and a condition: index lookups for the
    /// search and for `text ~` conjuncts, intersected, then a filter with the rest of the condition.
    private func searched(_ index: IndexLookup.Index, search: TextSearch?, filter: Predicate?) -> LogicalPlan {
        var lookups: [LogicalPlan] = []
        var rest: [Predicate] = []
        if let search { lookups.append(plan(search, in: index)) }
        for conjunct in Planner.conjuncts(filter) {
            if available(index), case .matches(.text, let search) = conjunct {
                lookups.append(plan(search, in: index))
            } else {
                rest.append(conjunct)
            }
        }
        var plan: LogicalPlan
        switch lookups.count {
        case 0: plan = scan(index)
        case 1: plan = lookups[0]
        default: plan = .intersect(lookups)
        }
        if !rest.isEmpty {
            // One filter over the scan, not a filter over a filter (no index: the search is a filter too).
            if case .filter(let searched, let input) = plan {
                plan = .filter(.and(Planner.conjuncts(searched) + rest), input)
            } else {
                plan = .filter(rest.count == 1 ? rest[0] : .and(rest), plan)
            }
        }
        return plan
    }

    private func quotations(search: TextSearch?, filter: Predicate?) -> LogicalPlan {
        searched(.quoteIndex, search: search, filter: filter)
    }

    /// The index itself, and whether it covers every row of its relation (else text terms are filters).
    private func inverted(_ index: IndexLookup.Index) -> InvertedIndex {
        switch index {
        case .quoteIndex: store.quoteIndex
        case .sentenceIndex: store.sentenceIndex
        }
    }

    private func rowCount(_ index: IndexLookup.Index) -> Int {
        switch index {
        case .quoteIndex: store.quoteIDs.count
        case .sentenceIndex: store.sentences.count
        }
    }

    private func available(_ index: IndexLookup.Index) -> Bool {
        options.useIndex && inverted(index).documentCount == rowCount(index)
    }

    private func scan(_ index: IndexLookup.Index) -> LogicalPlan { .scan(index.relation, estimate: rowCount(index)) }

    private var scanQuotes: LogicalPlan { scan(.quoteIndex) }

    /// The index words each search word matches: its inflections or, for a prefix, the words it begins.
    func expand(_ word: SearchWord, in index: IndexLookup.Index = .quoteIndex) -> [String] {
        let words = inverted(index)
        switch word.match {
        case .prefix:
            return words.words(withPrefix: word.word)
        case .exact:
            return words.documentFrequency(word.word) > 0 ? [word.word] : []
        case .inflected:
            let base = Inflection.base(of: word.word)
            return words.words(withPrefix: Inflection.prefix(ofBase: base)).filter {
                $0 == word.word || Inflection.base(of: $0) == base
            }
        }
    }

    func slots(_ words: [SearchWord], in index: IndexLookup.Index = .quoteIndex) -> PhraseSlots {
        let slots = words.map { expand($0, in: index) }
        let literal = zip(words, slots).allSatisfy { word, slot in word.match != .prefix && slot.allSatisfy { $0 == word.word } }
        return PhraseSlots(label: words.map(\.printed).joined(separator: " "), slots: slots, isLiteral: literal)
    }

    private func estimate(_ phrase: PhraseSlots, in index: IndexLookup.Index) -> Int {
        let words = inverted(index), rows = rowCount(index)
        return phrase.slots.map { slot in min(rows, slot.reduce(0) { $0 + words.documentFrequency($1) }) }.min() ?? 0
    }

    private func lookup(_ words: [SearchWord], in index: IndexLookup.Index) -> LogicalPlan {
        let phrase = slots(words, in: index)
        return .indexLookup(IndexLookup(index: index, phrase: phrase, estimate: estimate(phrase, in: index)))
    }

    /// A text search as set operations over index lookups (or a filtered scan without the index).
    private func plan(_ search: TextSearch, in index: IndexLookup.Index) -> LogicalPlan {
        guard available(index) else { return .filter(Planner.predicate(search), scan(index)) }
        switch search {
        case .phrase(let words):
            return lookup(words, in: index)
        case .near(let a, let b, let distance):
            let left = slots(a, in: index), right = slots(b, in: index)
            return .indexNear(NearLookup(index: index, left: left, right: right, distance: distance,
                                         estimate: min(estimate(left, in: index), estimate(right, in: index))))
        case .or(let items):
            return .union(items.map { plan($0, in: index) })
        case .not(let inner):
            return .except(scan(index), plan(inner, in: index))
        case .and(let items):
            var positives: [LogicalPlan] = []
            var negatives: [LogicalPlan] = []
            for item in items {
                if case .not(let inner) = item { negatives.append(plan(inner, in: index)) } else { positives.append(plan(item, in: index)) }
            }
            let base: LogicalPlan = positives.isEmpty ? scan(index) : positives.count == 1 ? positives[0] : .intersect(positives)
            guard !negatives.isEmpty else { return base }
            return .except(base, negatives.count == 1 ? negatives[0] : .union(negatives))
        }
    }

    /// A text search as a condition on the quotation's text (`text ~ …`).
    static func predicate(_ search: TextSearch) -> Predicate { .matches(.text, search) }

    static func conjuncts(_ predicate: Predicate?) -> [Predicate] {
        switch predicate {
        case nil: []
        case .and(let items)?: items.flatMap { conjuncts($0) }
        case let other?: [other]
        }
    }
}
