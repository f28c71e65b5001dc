/// AST → `BoundStatement`: resolves field names against the row source's schema and names against
/// the session's `Environment`, splits search text into index words (with prefixes), and checks
/// every value against its field's type (numbers, dates, kinds) and every operator against the
/// field (`<` only on numbers and dates, `~` only on text). Every problem is reported at its range,
/// and all of them are reported, not just the first. The binder does not look at the store.
struct Binder {
    private(set) var diagnostics: [Diagnostic] = []
    let environment: Environment

    init(environment: Environment = Environment()) { self.environment = environment }

    /// The bound statement, or every problem found (each at its range).
    static func bind(_ statement: Statement, environment: Environment = Environment()) -> (statement: BoundStatement?, diagnostics: [Diagnostic]) {
        var binder = Binder(environment: environment)
        let action: BoundStatement.Action?
        switch statement.kind {
        case .query(let query, let explain):
            action = binder.bind(query).map { .run($0, explain: explain != nil) }
        case .binding(let name, let query):
            action = binder.bind(query).map { .bind(name: name.name, query: $0, text: query.description) }
        case .showArticle(let id):
            action = .showArticle(id: id.text, range: id.range)
        case .context(let article, let start):
            action = .context(article: article.text, articleRange: article.range, offset: Int(start.text) ?? 0, offsetRange: start.range)
        }
        guard let action, binder.diagnostics.isEmpty else { return (nil, binder.diagnostics) }
        return (BoundStatement(action: action), [])
    }

    // MARK: - Queries

    mutating func bind(_ query: Query) -> BoundQuery? {
        guard var bound = bind(query.source) else {
            // Still check the condition's fields when the row source is known by its syntax.
            return nil
        }
        if let condition = query.filter {
            let filter = bind(condition, in: bound.rowSource)
            bound.filter = bound.filter.map { .and(Planner.conjuncts($0) + Planner.conjuncts(filter)) } ?? filter
        }
        // `who said` counts what was said or written (speech, "according to"); attributions of belief
        // and of data ("a poll shows") count once a condition names `cue_class`.
        if bound.shape == .speakers, !Binder.refers(to: .cueClass, bound.filter) {
            let spoken = Predicate.oneOf(.cueClass, [CueClass.speech.rawValue, CueClass.according.rawValue])
            bound.filter = bound.filter.map { .and(Planner.conjuncts($0) + [spoken]) } ?? spoken
        }
        // Boilerplate (navigation, credits, captions, ads, bios) is not the article: `sentences`, `mentions`
        // and the facts (`numbers`, `compare`, `disagreements`) leave it out unless the condition names
        // `boilerplate` or the rows are grouped by it.
        if [.sentences, .mentions, .numbers].contains(bound.rowSource), bound.input == .all, !Binder.refers(to: .boilerplate, bound.filter),
           !bound.shape.groups(by: .boilerplate) {
            let body = Predicate.compare(.boilerplate, .equal, value: "no")
            bound.filter = bound.filter.map { .and(Planner.conjuncts($0) + [body]) } ?? body
            bound.hidesBoilerplate = true
        }
        // A passage an article prints twice (a repeated headline and lede) is read once: quotations in the
        // repeat are left out unless the condition names `repeat` or the rows are grouped by it.
        if bound.rowSource == .quotes, bound.input == .all, !Binder.refers(to: .repeat, bound.filter), !bound.shape.groups(by: .repeat) {
            let once = Predicate.compare(.repeat, .equal, value: "no")
            bound.filter = bound.filter.map { .and(Planner.conjuncts($0) + [once]) } ?? once
        }
        if !query.order.isEmpty { bound.order = query.order.compactMap { bind($0, for: bound) } }
        if let limit = query.limit { bound.limit = limit.count }
        return bound
    }

    /// Whether the predicate has a condition on `field`.
    static func refers(to field: Field, _ predicate: Predicate?) -> Bool {
        switch predicate {
        case nil: false
        case .compare(let f, _, _)?, .oneOf(let f, _)?, .matches(let f, _)?: f == field
        case .and(let items)?, .or(let items)?: items.contains { refers(to: field, $0) }
        case .not(let inner)?: refers(to: field, inner)
        }
    }

    mutating func bind(_ source: RowSourceSyntax) -> BoundQuery? {
        switch source {
        case .whoSaid(let text, _):
            return BoundQuery(shape: .speakers, rowSource: .quotes, search: bind(text))
        case .whatDid(let speaker, _):
            if TextTokenizer.words(speaker.text).isEmpty {
                diagnostics.append(Diagnostic("\(speaker.printed) is not a speaker's name", at: speaker.range,
                                              hint: "for example: what did Peskov say"))
            }
            return BoundQuery(shape: .list, rowSource: .quotes, filter: .compare(.speaker, .equal, value: speaker.text))
        case .quotes: return BoundQuery(shape: .list, rowSource: .quotes)
        case .articles: return BoundQuery(shape: .list, rowSource: .articles)
        case .sources: return BoundQuery(shape: .sources, rowSource: .sources)
        case .entities: return BoundQuery(shape: .list, rowSource: .entities)
        case .mentions: return BoundQuery(shape: .list, rowSource: .mentions)
        case .whoMentioned(let name, _):
            if TextTokenizer.words(name.text).isEmpty {
                diagnostics.append(Diagnostic("\(name.printed) is not a name", at: name.range, hint: "for example: who mentioned Shoigu"))
            }
            return BoundQuery(shape: .mentioners, rowSource: .mentions, filter: .compare(.entity, .equal, value: name.text),
                              mentioned: name.text, mentionedRange: name.range)
        case .numbers: return BoundQuery(shape: .list, rowSource: .numbers)
        case .sentences: return BoundQuery(shape: .list, rowSource: .sentences)
        case .duplicates: return BoundQuery(shape: .list, rowSource: .duplicates)
        case .compareNumbers: return BoundQuery(shape: .list, rowSource: .numbers, factView: .compare)
        case .disagreements:
            return BoundQuery(shape: .list, rowSource: .numbers, factView: .disagreements(tolerance: Binder.defaultTolerance))
        case .name(let id):
            guard let binding = environment.binding(named: id.name) else {
                let names = environment.names
                let close = Suggestion.closest(to: id.name, among: Keyword.statementKeywords + names)
                var hint = close.map { "did you mean `\($0)`? " } ?? ""
                hint += names.isEmpty ? Parser.statementsHint + "; `let NAME = QUERY` defines a name"
                                      : "names: " + names.joined(separator: ", ")
                diagnostics.append(Diagnostic("unknown statement or name `\(id.name)`", at: id.range, hint: hint))
                return nil
            }
            let q = binding.query
            let grouped = q.shape != .list
            // Grouped results keep their order and limit unless the statement gives its own.
            var named = BoundQuery(shape: q.shape, rowSource: q.rowSource, input: .named(binding.name, q),
                                   order: grouped ? q.order : [], limit: grouped ? q.limit : nil)
            // `compare` and `disagreements` keep their layout: the name's facts, laid out again.
            if let view = q.factView {
                var facts = q
                facts.factView = nil
                facts.order = []
                facts.limit = nil
                named = BoundQuery(shape: .list, rowSource: .numbers, input: .named(binding.name, facts), order: q.order,
                                   limit: q.limit, factView: view)
            }
            return named
        case .count(let inner, let fields, _), .distinct(let fields, let inner, _):
            guard var q = bind(inner) else { return nil }
            var keys: [Field] = []
            for name in fields {
                if let field = Schema.field(named: name.name, in: q.rowSource) {
                    keys.append(field)
                } else {
                    unknownField(name, in: q.rowSource)
                }
            }
            if case .distinct = source { q.shape = .distinct(keys) } else { q.shape = .counts(keys) }
            q.factView = nil
            q.order = []
            q.limit = nil
            return q
        }
    }

    /// `order by` keys name fields of listed rows, or columns of grouped rows.
    mutating func bind(_ item: SortItem, for query: BoundQuery) -> OrderKey? {
        let name = item.field.name
        let columns: [String]
        switch query.shape {
        case .list where query.factView != nil:
            columns = query.factView == .compare ? FactRows.compareColumns : FactRows.disagreementColumns
        case .list:
            if let field = Schema.field(named: name, in: query.rowSource)
                ?? Schema.field(named: name.replacingOccurrences(of: "_", with: "."), in: query.rowSource) {
                return OrderKey(column: field.column, field: field, descending: item.descending)
            }
            let names = Schema.fieldNames(for: query.rowSource)
            diagnostics.append(Diagnostic(
                "cannot order \(query.rowSource.rawValue) by `\(name)`", at: item.field.range,
                hint: Suggestion.didYouMean(name, among: names) + "fields: " + names.joined(separator: ", ")))
            return nil
        case .speakers: columns = Grouping.speaker.columns
        case .sources: columns = Grouping.source.columns
        case .counts(let fields): columns = Grouping.count(fields).columns
        case .distinct(let fields): columns = fields.map(\.column)
        case .mentioners: columns = Grouping.article.columns
        }
        let lowered = name.lowercased()
        var column = lowered.replacingOccurrences(of: ".", with: "_")
        if query.shape == .sources, column == "source_country" { column = "country" }
        if !columns.contains(column), let field = Schema.field(named: lowered, in: query.rowSource), columns.contains(field.column) {
            column = field.column
        }
        guard columns.contains(column) else {
            diagnostics.append(Diagnostic(
                "cannot order by `\(name)`: it is not a column of this result", at: item.field.range,
                hint: Suggestion.didYouMean(name, among: columns) + "columns: " + columns.joined(separator: ", ")))
            return nil
        }
        return OrderKey(column: column, field: nil, descending: item.descending)
    }

    // MARK: - Text search

    mutating func bind(_ text: TextExpr) -> TextSearch {
        switch text {
        case .term(let term): return .phrase(words(of: term))
        case .near(let a, let b, let distance, _):
            func side(_ e: TextExpr) -> [SearchWord] {
                guard case .term(let term) = e else {
                    diagnostics.append(Diagnostic("`near` takes a word or a quoted phrase on each side", at: e.range,
                                                  hint: "for example: \"arms\" near/5 \"deal\""))
                    return []
                }
                return words(of: term)
            }
            return .near(side(a), side(b), distance: distance)
        case .and(let items, _): return .and(items.map { bind($0) })
        case .or(let items, _): return .or(items.map { bind($0) })
        case .not(let inner, _): return .not(bind(inner))
        }
    }

    /// The words of a term; a word directly followed by `*` is a prefix.
    mutating func words(of term: TextTerm) -> [SearchWord] {
        let scalars = Array(term.text.unicodeScalars)
        let tokens = TextTokenizer.tokens(scalars)
        let starEnds = Set(tokens.map(\.span.end))
        for (i, s) in scalars.enumerated() where s == "*" && !starEnds.contains(i) {
            diagnostics.append(Diagnostic("a wildcard `*` must directly follow the start of a word", at: term.range,
                                          hint: "for example: pric* (a leading or lone `*` is not allowed)"))
            return []
        }
        let words = tokens.map { token in
            SearchWord(token.word, token.span.end < scalars.count && scalars[token.span.end] == "*" ? .prefix
                                   : term.exact ? .exact : .inflected)
        }
        if words.isEmpty {
            diagnostics.append(Diagnostic("\(quoteString(term.text)) has no words to search for", at: term.range))
        }
        return words
    }

    // MARK: - Conditions

    mutating func bind(_ condition: Condition, in rowSource: RowSource) -> Predicate {
        switch condition {
        case .and(let items, _): return .and(items.map { bind($0, in: rowSource) })
        case .or(let items, _): return .or(items.map { bind($0, in: rowSource) })
        case .not(let inner, _): return .not(bind(inner, in: rowSource))
        case .comparison(let comparison): return bind(comparison, in: rowSource)
        }
    }

    mutating func bind(_ comparison: Comparison, in rowSource: RowSource) -> Predicate {
        let placeholder = Predicate.and([])
        guard let field = Schema.field(named: comparison.field.name, in: rowSource) else {
            unknownField(comparison.field, in: rowSource)
            if case .text(let text) = comparison.operand { _ = bind(text) }
            return placeholder
        }
        let op = comparison.op
        switch comparison.operand {
        case .flag:
            guard field.type == .bool else {
                diagnostics.append(Diagnostic(
                    "`\(comparison.field.name)` is not a yes/no field: it needs a comparison", at: comparison.field.range,
                    hint: "for example: \(comparison.field.name) = VALUE"))
                return placeholder
            }
            return .compare(field, .equal, value: "yes")
        case .text(let text):
            let search = bind(text)
            if field.type == .bool {
                diagnostics.append(Diagnostic(
                    "`~` searches text; `\(comparison.field.name)` is yes or no", at: comparison.field.range,
                    hint: "for example: `\(comparison.field.name)` alone, `not \(comparison.field.name)` or \(comparison.field.name) = no"))
            } else if field.type == .number || field.type == .date {
                diagnostics.append(Diagnostic(
                    "`~` searches text; `\(comparison.field.name)` is a \(field.type.rawValue)", at: comparison.field.range,
                    hint: "compare it with =, !=, <, <=, >, >= or in"))
            }
            return .matches(field, search)
        case .list(let values):
            let checked = values.map { check($0, for: field, name: comparison.field.name, in: rowSource) }
            let predicate = Predicate.oneOf(field, checked)
            return op == .notIn ? .not(predicate) : predicate
        case .value(let value):
            if op.isOrdering, !field.type.isOrdered {
                let ordered = Schema.orderedFieldNames(for: rowSource)
                diagnostics.append(Diagnostic(
                    "`\(op.rawValue)` compares numbers and dates; `\(comparison.field.name)` is \(field.type == .kind ? "a kind" : field.type == .bool ? "yes or no" : "text")",
                    at: comparison.field.range,
                    hint: (ordered.isEmpty ? "" : "fields with an order here: " + ordered.joined(separator: ", ") + "; ")
                        + "for text use =, !=, in or ~"))
                return placeholder
            }
            return .compare(field, op, value: check(value, for: field, name: comparison.field.name, in: rowSource))
        }
    }

    /// The value, checked against the field's type (reported when it does not fit).
    mutating func check(_ value: Literal, for field: Field, name: String, in rowSource: RowSource = .quotes) -> String {
        let text = value.text
        // Entity types and cue classes are closed sets: a value outside them is a typo.
        let closed: [String]? = switch field {
        case .type, .speakerType: EntityType.allCases.map(\.rawValue)
        case .cueClass: CueClass.allCases.map(\.rawValue)
        default: nil
        }
        if let closed, !closed.contains(text.lowercased()) {
            diagnostics.append(Diagnostic(
                "unknown \(field == .cueClass ? "cue class" : "entity type") `\(text)`", at: value.range,
                hint: Suggestion.didYouMean(text, among: closed) + "values: " + closed.joined(separator: ", ")))
            return text
        }
        switch field.type {
        case .number:
            if Double(text) == nil {
                diagnostics.append(Diagnostic("expected a number for `\(name)`, found \(value.printed)", at: value.range,
                                              hint: "for example: \(name) >= 1000"))
            }
        case .bool:
            guard let yesNo = Schema.booleanValue(text) else {
                diagnostics.append(Diagnostic("expected yes or no for `\(name)`, found \(value.printed)", at: value.range,
                                              hint: "for example: \(name) = yes, or `\(name)` alone, or `not \(name)`"))
                return text
            }
            return yesNo
        case .date:
            if !Binder.isDate(text) {
                diagnostics.append(Diagnostic("expected a date for `\(name)`, found \(value.printed)", at: value.range,
                                              hint: "dates are YYYY-MM-DD, YYYY-MM or YYYY: date >= 2023-09-11"))
            }
        case .kind:
            let kinds = Schema.kindValues(for: rowSource)
            if !kinds.contains(text.lowercased()) {
                diagnostics.append(Diagnostic(
                    "unknown \(rowSource == .numbers ? "fact" : "quotation") kind `\(text)`", at: value.range,
                    hint: Suggestion.didYouMean(text, among: kinds) + "kinds: " + kinds.joined(separator: ", ")))
            }
        case .text, .code:
            if !value.quoted, text.hasSuffix("*") {
                diagnostics.append(Diagnostic("a wildcard `*` only works in text searches", at: value.range,
                                              hint: "for example: \(name) ~ \(text) (or quote the value to compare it as it is)"))
            }
        }
        return text
    }

    /// `disagreements`: values further apart than this (relative to the larger) differ.
    static let defaultTolerance = 0.05

    /// `2023`, `2023-09` or `2023-09-11`, with a month 01–12 and a day 01–31.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        for (i, part) in parts.enumerated() {
            guard part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber), let n = Int(part) else { return false }
            if i > 0, part.count != 2 { return false }
            if i == 1, !(1...12).contains(n) { return false }
            if i == 2, !(1...31).contains(n) { return false }
        }
        return true
    }

    private mutating func unknownField(_ name: Identifier, in rowSource: RowSource) {
        let names = Schema.fieldNames(for: rowSource)
        diagnostics.append(Diagnostic(
            "unknown field `\(name.name)` for \(rowSource.rawValue)", at: name.range,
            hint: Suggestion.didYouMean(name.name, among: names) + "fields: " + names.joined(separator: ", ")))
    }
}
