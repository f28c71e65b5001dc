/// `BoundQuery` → `LogicalPlan`. Text searches become lookups in the store's inverted index (when it
/// covers every quotation), with row estimates from the index's document frequencies; `and` becomes
/// an intersection, `or` a union, `not` a difference. A `text ~ "…"` conjunct of a quotation
/// condition is answered from the index too. Without the index, text terms become filters over a scan.
struct Planner {
    struct Options: Hashable, Sendable {
        /// Answer text terms from the inverted index (off: filter a scan instead).
        var useIndex = true
    }

    let store: ArticleStore
    var options = Options()

    static let quoteColumns = QuoteRows.columns
    static let articleColumns = ["id", "title", "source", "country", "language", "translated_from", "date", "quotes"]

    private var indexAvailable: Bool {
        options.useIndex && store.quoteIndex.documentCount == store.quoteIDs.count
    }

    func plan(_ query: BoundQuery) -> LogicalPlan {
        var plan: LogicalPlan
        switch query.shape {
        case .speakers:
            plan = quotations(search: query.search, filter: query.filter)
            plan = .aggregate(.speaker, plan)
            plan = .sort([SortKey(column: "count", descending: true), SortKey(column: "speaker", descending: false, emptyLast: true)], plan)
        case .quotes:
            plan = quotations(search: query.search, filter: query.filter)
        case .articles:
            plan = .scan(.articles, estimate: store.articles.count)
            if let filter = query.filter { plan = .filter(filter, plan) }
        case .sources:
            plan = .scan(.articles, estimate: store.articles.count)
            if let filter = query.filter { plan = .filter(filter, plan) }
            plan = .aggregate(.source, plan)
            plan = .sort([SortKey(column: "source", descending: false, emptyLast: true)], plan)
        }
        if let limit = query.limit { plan = .limit(limit, plan) }
        return .project(columns(of: query.shape), plan)
    }

    private func columns(of shape: BoundQuery.Shape) -> [String] {
        switch shape {
        case .speakers: Grouping.speaker.columns
        case .quotes: Planner.quoteColumns
        case .articles: Planner.articleColumns
        case .sources: Grouping.source.columns
        }
    }

    // MARK: - Quotations

    /// The quotations matching a search and a condition: index lookups for the search and for
    /// `text ~` conjuncts, intersected, then a filter with the rest of the condition.
    private func quotations(search: TextSearch?, filter: Predicate?) -> LogicalPlan {
        var lookups: [LogicalPlan] = []
        var rest: [Predicate] = []
        if let search { lookups.append(plan(search)) }
        for conjunct in Planner.conjuncts(filter) {
            if indexAvailable, case .compare(.text, .contains, _, let words) = conjunct, !words.isEmpty {
                lookups.append(lookup(words))
            } else {
                rest.append(conjunct)
            }
        }
        var plan: LogicalPlan
        switch lookups.count {
        case 0: plan = scanQuotes
        case 1: plan = lookups[0]
        default: plan = .intersect(lookups)
        }
        if !rest.isEmpty { plan = .filter(rest.count == 1 ? rest[0] : .and(rest), plan) }
        return plan
    }

    private var scanQuotes: LogicalPlan { .scan(.quotes, estimate: store.quoteIDs.count) }

    private func lookup(_ words: [String]) -> LogicalPlan {
        let estimate = words.map { store.quoteIndex.documentFrequency($0) }.min() ?? 0
        return .indexLookup(IndexLookup(index: .quoteIndex, words: words, estimate: estimate))
    }

    /// A text search as set operations over index lookups (or a filtered scan without the index).
    private func plan(_ search: TextSearch) -> LogicalPlan {
        guard indexAvailable else { return .filter(Planner.predicate(search), scanQuotes) }
        switch search {
        case .phrase(let words):
            return lookup(words)
        case .or(let items):
            return .union(items.map(plan))
        case .not(let inner):
            return .except(scanQuotes, plan(inner))
        case .and(let items):
            var positives: [LogicalPlan] = []
            var negatives: [LogicalPlan] = []
            for item in items {
                if case .not(let inner) = item { negatives.append(plan(inner)) } else { positives.append(plan(item)) }
            }
            let base: LogicalPlan = positives.isEmpty ? scanQuotes : positives.count == 1 ? positives[0] : .intersect(positives)
            guard !negatives.isEmpty else { return base }
            return .except(base, negatives.count == 1 ? negatives[0] : .union(negatives))
        }
    }

    /// A text search as a condition on the quotation's text (`text ~ "…"`).
    static func predicate(_ search: TextSearch) -> Predicate {
        switch search {
        case .phrase(let words): .compare(.text, .contains, value: words.joined(separator: " "), words: words)
        case .and(let items): .and(items.map(predicate))
        case .or(let items): .or(items.map(predicate))
        case .not(let inner): .not(predicate(inner))
        }
    }

    static func conjuncts(_ predicate: Predicate?) -> [Predicate] {
        switch predicate {
        case nil: []
        case .and(let items)?: items.flatMap { conjuncts($0) }
        case let other?: [other]
        }
    }
}
