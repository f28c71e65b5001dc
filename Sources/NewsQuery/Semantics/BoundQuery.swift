/// A statement after binding: names resolved to fields, search text split into index words.
/// Nothing here refers back to tokens; ranges were only needed to report errors.
struct BoundStatement: Hashable, Sendable {
    var query: BoundQuery
    var explain: Bool
}

struct BoundQuery: Hashable, Sendable {
    /// The shape of the result.
    enum Shape: Hashable, Sendable {
        /// `who said`: quotations grouped by speaker.
        case speakers
        case quotes
        case articles
        case sources
    }

    var shape: Shape
    /// The rows the condition is evaluated on.
    var rowSource: RowSource
    /// `who said`'s text search over quotation contents.
    var search: TextSearch?
    var filter: Predicate?
    var limit: Int?
}

/// A text search over quotation contents, in index words (as `TextTokenizer` splits them).
indirect enum TextSearch: Hashable, Sendable {
    /// Consecutive words; a single word is a one-word phrase.
    case phrase([String])
    case and([TextSearch])
    case or([TextSearch])
    case not(TextSearch)
}

/// A condition on rows, with fields resolved.
indirect enum Predicate: Hashable, Sendable {
    /// `field op value`; `words` is the value split into index words (used by `~`).
    case compare(Field, ComparisonOperator, value: String, words: [String])
    case and([Predicate])
    case or([Predicate])
    case not(Predicate)
}
