/// The syntax tree of one statement. Every node carries the `SourceRange` it was parsed from, so
/// later stages (the binder) report errors at the exact place. `and`/`or` are n-ary, so a long chain
/// of them stays flat and only parentheses and `not` nest (the parser bounds that depth).
struct Statement: Hashable, Sendable {
    var query: Query
    /// The range of the `explain` keyword when the statement asks for the plan instead of rows.
    var explain: SourceRange?
    var range: SourceRange
}

/// `row_source [where_clause] [limit_clause]`
struct Query: Hashable, Sendable {
    var source: RowSourceSyntax
    var filter: Condition?
    var limit: LimitClause?
    var range: SourceRange
}

/// What a query lists.
enum RowSourceSyntax: Hashable, Sendable {
    /// `who said TEXT`
    case whoSaid(TextExpr, range: SourceRange)
    case quotes(range: SourceRange)
    case articles(range: SourceRange)
    case sources(range: SourceRange)

    var range: SourceRange {
        switch self {
        case .whoSaid(_, let r), .quotes(let r), .articles(let r), .sources(let r): r
        }
    }
}

/// `limit N`
struct LimitClause: Hashable, Sendable {
    var count: Int
    var range: SourceRange
}

/// A text search: words or phrases combined with `and`, `or`, `not` and parentheses.
indirect enum TextExpr: Hashable, Sendable {
    case term(TextTerm)
    case and([TextExpr], range: SourceRange)
    case or([TextExpr], range: SourceRange)
    case not(TextExpr, range: SourceRange)

    var range: SourceRange {
        switch self {
        case .term(let t): t.range
        case .and(_, let r), .or(_, let r), .not(_, let r): r
        }
    }
}

/// One search term: a quoted string (a phrase when it has several words) or a bare word.
struct TextTerm: Hashable, Sendable {
    var text: String
    var quoted: Bool
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

/// `field op value`
struct Comparison: Hashable, Sendable {
    var field: Identifier
    var op: ComparisonOperator
    var value: Literal
    var range: SourceRange { field.range.union(value.range) }
}

enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "="
    case notEqual = "!="
    /// Contains the words of the value, consecutively (whole words, case-insensitive).
    case contains = "~"
}

/// A field name as written (`speaker.country`).
struct Identifier: Hashable, Sendable {
    var name: String
    var range: SourceRange
}

/// A value as written: a quoted string, a bare word or a number; always compared as text.
struct Literal: Hashable, Sendable {
    var text: String
    var quoted: Bool
    var range: SourceRange
}

// MARK: - Canonical printing (tests, round trips)

extension Statement: CustomStringConvertible {
    var description: String { (explain != nil ? "explain " : "") + query.description }
}

extension Query: CustomStringConvertible {
    var description: String {
        var out: String
        switch source {
        case .whoSaid(let text, _): out = "who said \(text.printed(nested: false))"
        case .quotes: out = "quotes"
        case .articles: out = "articles"
        case .sources: out = "sources"
        }
        if let filter { out += " where \(filter.printed(nested: false))" }
        if let limit { out += " limit \(limit.count)" }
        return out
    }
}

extension TextExpr {
    /// Fully parenthesised below the top level, so the tree shape is visible.
    func printed(nested: Bool) -> String {
        let s: String
        switch self {
        case .term(let t): return t.quoted ? quoteString(t.text) : t.text
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
            return "\(c.field.name) \(c.op.rawValue) \(c.value.quoted ? quoteString(c.value.text) : c.value.text)"
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
