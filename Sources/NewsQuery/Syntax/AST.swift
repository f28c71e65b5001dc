/// The syntax tree of one statement. Every node carries the `SourceRange` it was parsed from, so
/// later stages (the binder) report errors at the exact place. `and`/`or` are n-ary, so a long chain
/// of them stays flat and only parentheses and `not` nest (the parser bounds that depth).
struct Statement: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// `[explain] query`; `explain` holds the range of the keyword when the plan is asked for.
        case query(Query, explain: SourceRange?)
        /// `let NAME = query`
        case binding(name: Identifier, query: Query)
        /// `show article ID`
        case showArticle(Literal)
        /// `context ARTICLE START`
        case context(article: Literal, start: Literal)
    }

    var kind: Kind
    var range: SourceRange

    /// The query of a query or `let` statement.
    var query: Query? {
        switch kind {
        case .query(let q, _), .binding(_, let q): q
        case .showArticle, .context: nil
        }
    }
}

/// `row_source [where_clause] [order_clause] [limit_clause]`
struct Query: Hashable, Sendable {
    var source: RowSourceSyntax
    var filter: Condition?
    var order: [SortItem] = []
    var limit: LimitClause?
    var range: SourceRange
}

/// What a query lists.
indirect enum RowSourceSyntax: Hashable, Sendable {
    /// `who said TEXT`
    case whoSaid(TextExpr, range: SourceRange)
    /// `what did SPEAKER say`
    case whatDid(Literal, range: SourceRange)
    case quotes(range: SourceRange)
    case articles(range: SourceRange)
    case sources(range: SourceRange)
    /// `entities`: people, organisations, places… resolved across the corpus.
    case entities(range: SourceRange)
    /// `mentions`: every mention of an entity.
    case mentions(range: SourceRange)
    /// `who mentioned NAME`: the articles mentioning an entity, with counts.
    case whoMentioned(Literal, range: SourceRange)
    /// `numbers`: quantities and dates found in the articles.
    case numbers(range: SourceRange)
    /// `sentences`: the sentences of the articles' bodies.
    case sentences(range: SourceRange)
    /// `duplicates`: pairs of near-duplicate articles.
    case duplicates(range: SourceRange)
    /// `compare numbers`: facts of the same kind side by side, per article.
    case compareNumbers(range: SourceRange)
    /// `disagreements`: facts of the same kind on which articles differ.
    case disagreements(range: SourceRange)
    /// A named result (`let NAME = …`).
    case name(Identifier)
    /// `count ROWS by FIELD, …`
    case count(RowSourceSyntax, by: [Identifier], range: SourceRange)
    /// `distinct FIELD, … from ROWS`
    case distinct([Identifier], from: RowSourceSyntax, range: SourceRange)

    var range: SourceRange {
        switch self {
        case .whoSaid(_, let r), .whatDid(_, let r), .quotes(let r), .articles(let r), .sources(let r), .count(_, _, let r),
             .entities(let r), .mentions(let r), .whoMentioned(_, let r),
             .numbers(let r), .compareNumbers(let r), .disagreements(let r), .sentences(let r), .duplicates(let r),
             .distinct(_, _, let r): r
        case .name(let id): id.range
        }
    }
}

/// `limit N`
struct LimitClause: Hashable, Sendable {
    var count: Int
    var range: SourceRange
}

/// One key of `order by`: a field or column, ascending unless `desc`.
struct SortItem: Hashable, Sendable {
    var field: Identifier
    var descending: Bool
    var range: SourceRange
}

/// A text search: words, phrases and prefixes combined with `near/N`, `and`, `or`, `not` and parentheses.
indirect enum TextExpr: Hashable, Sendable {
    case term(TextTerm)
    /// `A near/N B`: both within N words of each other, in either order.
    case near(TextExpr, TextExpr, distance: Int, range: SourceRange)
    case and([TextExpr], range: SourceRange)
    case or([TextExpr], range: SourceRange)
    case not(TextExpr, range: SourceRange)

    var range: SourceRange {
        switch self {
        case .term(let t): t.range
        case .near(_, _, _, let r), .and(_, let r), .or(_, let r), .not(_, let r): r
        }
    }
}

/// One search term: a quoted string (a phrase when it has several words) or a bare word; a word
/// ending in `*` is a prefix; `exact` (written `=price`) turns inflection off.
struct TextTerm: Hashable, Sendable {
    var text: String
    var quoted: Bool
    var exact: Bool = false
    var range: SourceRange
}

/// A `where` condition.
indirect enum Condition: Hashable, Sendable {
    case comparison(Comparison)
    case and([Condition], range: SourceRange)
    case or([Condition], range: SourceRange)
    case not(Condition, range: SourceRange)

    var range: SourceRange {
        switch self {
        case .comparison(let c): c.range
        case .and(_, let r), .or(_, let r), .not(_, let r): r
        }
    }
}

/// `field op value`, `field [not] in (v, …)`, `field ~ TEXT`, or a yes/no field alone.
struct Comparison: Hashable, Sendable {
    enum Operand: Hashable, Sendable {
        case value(Literal)
        case list([Literal])
        case text(TextExpr)
        /// A yes/no field alone (`where boilerplate`): the field is yes.
        case flag
    }

    var field: Identifier
    var op: ComparisonOperator
    var operand: Operand
    var range: SourceRange
}

enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    /// The field's words match a text search (whole words, inflections, prefixes, `near`).
    case contains = "~"
    case `in` = "in"
    case notIn = "not in"

    /// `<`, `<=`, `>`, `>=`: only numbers and dates have an order.
    var isOrdering: Bool { self == .less || self == .lessEqual || self == .greater || self == .greaterEqual }
}

/// A field name as written (`speaker.country`).
struct Identifier: Hashable, Sendable {
    var name: String
    var range: SourceRange
}

/// A value as written: a quoted string, a bare word or a number. Its type is decided by the field
/// it is compared with (the binder checks it).
struct Literal: Hashable, Sendable {
    var text: String
    var quoted: Bool
    var range: SourceRange

    var printed: String { quoted ? quoteString(text) : text }
}

// MARK: - Canonical printing (tests, round trips, `.vars`)

extension Statement: CustomStringConvertible {
    var description: String {
        switch kind {
        case .query(let q, let explain): (explain != nil ? "explain " : "") + q.description
        case .binding(let name, let q): "let \(name.name) = \(q.description)"
        case .showArticle(let id): "show article \(id.printed)"
        case .context(let article, let start): "context \(article.printed) \(start.printed)"
        }
    }
}

extension Query: CustomStringConvertible {
    var description: String {
        var out = source.description
        if let filter { out += " where \(filter.printed(nested: false))" }
        if !order.isEmpty {
            out += " order by " + order.map { $0.field.name + ($0.descending ? " desc" : "") }.joined(separator: ", ")
        }
        if let limit { out += " limit \(limit.count)" }
        return out
    }
}

extension RowSourceSyntax: CustomStringConvertible {
    var description: String {
        switch self {
        case .whoSaid(let text, _): "who said \(text.printed(nested: false))"
        case .whatDid(let speaker, _): "what did \(speaker.printed) say"
        case .quotes: "quotes"
        case .articles: "articles"
        case .sources: "sources"
        case .entities: "entities"
        case .mentions: "mentions"
        case .whoMentioned(let name, _): "who mentioned \(name.printed)"
        case .numbers: "numbers"
        case .sentences: "sentences"
        case .duplicates: "duplicates"
        case .compareNumbers: "compare numbers"
        case .disagreements: "disagreements"
        case .name(let id): id.name
        case .count(let inner, let fields, _): "count \(inner) by " + fields.map(\.name).joined(separator: ", ")
        case .distinct(let fields, let inner, _): "distinct " + fields.map(\.name).joined(separator: ", ") + " from \(inner)"
        }
    }
}

extension TextExpr {
    /// Fully parenthesised below the top level, so the tree shape is visible.
    func printed(nested: Bool) -> String {
        let s: String
        switch self {
        case .term(let t): return (t.exact ? "=" : "") + (t.quoted ? quoteString(t.text) : t.text)
        case .near(let a, let b, let n, _): s = "\(a.printed(nested: true)) near/\(n) \(b.printed(nested: true))"
        case .and(let items, _): s = items.map { $0.printed(nested: true) }.joined(separator: " and ")
        case .or(let items, _): s = items.map { $0.printed(nested: true) }.joined(separator: " or ")
        case .not(let inner, _): return "not " + inner.printed(nested: true)
        }
        return nested ? "(\(s))" : s
    }
}

extension Condition {
    func printed(nested: Bool) -> String {
        let s: String
        switch self {
        case .comparison(let c):
            switch c.operand {
            case .value(let v): return "\(c.field.name) \(c.op.rawValue) \(v.printed)"
            case .list(let vs): return "\(c.field.name) \(c.op.rawValue) (\(vs.map(\.printed).joined(separator: ", ")))"
            case .text(let t): return "\(c.field.name) ~ \(t.printed(nested: true))"
            case .flag: return c.field.name
            }
        case .and(let items, _): s = items.map { $0.printed(nested: true) }.joined(separator: " and ")
        case .or(let items, _): s = items.map { $0.printed(nested: true) }.joined(separator: " or ")
        case .not(let inner, _): return "not " + inner.printed(nested: true)
        }
        return nested ? "(\(s))" : s
    }
}

/// `text` in double quotes, with `"` and `\` escaped as the lexer reads them.
func quoteString(_ text: String) -> String {
    var out = "\""
    for c in text {
        if c == "\"" || c == "\\" { out.append("\\") }
        out.append(c)
    }
    return out + "\""
}
