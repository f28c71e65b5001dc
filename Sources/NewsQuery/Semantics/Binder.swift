/// AST → `BoundStatement`: resolves field names against the row source's schema, splits search text
/// into index words and checks values with a closed set (`kind`). Every problem is reported at its
/// range, and all of them are reported, not just the first. The binder does not look at the store.
struct Binder {
    private(set) var diagnostics: [Diagnostic] = []

    /// The bound statement, or every problem found (each at its range).
    static func bind(_ statement: Statement) -> (statement: BoundStatement?, diagnostics: [Diagnostic]) {
        var binder = Binder()
        let query = binder.bind(statement.query)
        guard binder.diagnostics.isEmpty else { return (nil, binder.diagnostics) }
        return (BoundStatement(query: query, explain: statement.explain != nil), [])
    }

    mutating func bind(_ query: Query) -> BoundQuery {
        let shape: BoundQuery.Shape
        let rowSource: RowSource
        var search: TextSearch?
        switch query.source {
        case .whoSaid(let text, _):
            shape = .speakers; rowSource = .quotes
            search = bind(text)
        case .quotes: shape = .quotes; rowSource = .quotes
        case .articles: shape = .articles; rowSource = .articles
        case .sources: shape = .sources; rowSource = .sources
        }
        let filter = query.filter.map { bind($0, in: rowSource) }
        return BoundQuery(shape: shape, rowSource: rowSource, search: search, filter: filter, limit: query.limit?.count)
    }

    mutating func bind(_ text: TextExpr) -> TextSearch {
        switch text {
        case .term(let term):
            let words = TextTokenizer.words(term.text)
            if words.isEmpty {
                diagnostics.append(Diagnostic("\(quoteString(term.text)) has no words to search for", at: term.range))
            }
            return .phrase(words)
        case .and(let items, _): return .and(items.map { bind($0) })
        case .or(let items, _): return .or(items.map { bind($0) })
        case .not(let inner, _): return .not(bind(inner))
        }
    }

    mutating func bind(_ condition: Condition, in rowSource: RowSource) -> Predicate {
        switch condition {
        case .and(let items, _): return .and(items.map { bind($0, in: rowSource) })
        case .or(let items, _): return .or(items.map { bind($0, in: rowSource) })
        case .not(let inner, _): return .not(bind(inner, in: rowSource))
        case .comparison(let comparison):
            let value = comparison.value.text
            let words = TextTokenizer.words(value)
            guard let field = Schema.field(named: comparison.field.name, in: rowSource) else {
                let names = Schema.fieldNames(for: rowSource)
                diagnostics.append(Diagnostic(
                    "unknown field `\(comparison.field.name)` for \(rowSource.rawValue)", at: comparison.field.range,
                    hint: Suggestion.didYouMean(comparison.field.name, among: names) + "fields: " + names.joined(separator: ", ")))
                return .compare(.text, comparison.op, value: value, words: words)
            }
            if field == .kind, comparison.op != .contains, !Schema.kindValues.contains(value.lowercased()) {
                diagnostics.append(Diagnostic(
                    "unknown quotation kind `\(value)`", at: comparison.value.range,
                    hint: Suggestion.didYouMean(value, among: Schema.kindValues) + "kinds: " + Schema.kindValues.joined(separator: ", ")))
            }
            if comparison.op == .contains, words.isEmpty {
                diagnostics.append(Diagnostic("\(quoteString(value)) has no words to match", at: comparison.value.range))
            }
            return .compare(field, comparison.op, value: value, words: words)
        }
    }
}
