/// A statement after binding: names resolved to fields and to the queries they stand for, search
/// text split into index words, values checked against their fields' types. Nothing here refers
/// back to tokens, except the ranges of the ids that only the store can check (`show`, `context`).
struct BoundStatement: Hashable, Sendable {
    enum Action: Hashable, Sendable {
        /// Run the query (or print its plan).
        case run(BoundQuery, explain: Bool)
        /// `let NAME = QUERY`: `text` is the query's canonical text (for `.vars`).
        case bind(name: String, query: BoundQuery, text: String)
        /// `show article ID`: an id or a unique prefix of one.
        case showArticle(id: String, range: SourceRange)
        /// `context ARTICLE START`
        case context(article: String, articleRange: SourceRange, offset: Int, offsetRange: SourceRange)
    }

    var action: Action

    /// The query a `run` or `bind` statement holds.
    var query: BoundQuery? {
        switch action {
        case .run(let q, _), .bind(_, let q, _): q
        case .showArticle, .context: nil
        }
    }

    var explain: Bool { if case .run(_, true) = action { true } else { false } }
}

/// A query: which rows (quotations or articles), how they are presented, in what order, how many.
///
/// `where` always filters the underlying rows; `who said`, `count … by` and `sources` then group them.
/// A name (`let`) used as a row source stands for its query's rows: see `Input.named`.
struct BoundQuery: Hashable, Sendable {
    /// How the rows are presented.
    enum Shape: Hashable, Sendable {
        /// One row per quotation or article.
        case list
        /// `who said`: quotations grouped by speaker.
        case speakers
        /// `sources`: articles grouped by outlet.
        case sources
        /// `count ROWS by FIELDS`: one row per distinct combination of the fields, with `count`.
        case counts([Field])
        /// `distinct FIELDS from ROWS`: one row per distinct combination of the fields.
        case distinct([Field])
        /// `who mentioned NAME`: entity mentions grouped by article.
        case mentioners

        /// Whether the shape groups rows by the field (`count … by F`, `distinct F from …`).
        func groups(by field: Field) -> Bool {
            switch self {
            case .counts(let fields), .distinct(let fields): fields.contains(field)
            default: false
            }
        }
    }

    /// Where the rows come from.
    indirect enum Input: Hashable, Sendable {
        /// Every row of the relation.
        case all
        /// The rows of a named query: what it lists when it is a list, or the rows it groups.
        case named(String, BoundQuery)
    }

    /// How facts (`numbers`) are laid out after filtering: side by side, or only where they disagree.
    enum FactView: Hashable, Sendable {
        /// `compare numbers`: facts of the same kind grouped, one row per fact.
        case compare
        /// `disagreements`: pairs of facts of the same kind from different articles that differ by more
        /// than `tolerance` (relative; dates must match).
        case disagreements(tolerance: Double)
    }

    var shape: Shape
    /// The field table conditions and group keys are resolved against.
    var rowSource: RowSource
    var input: Input = .all
    /// `who said`'s text search over quotation contents.
    var search: TextSearch?
    var filter: Predicate?
    /// Empty: the shape's default order.
    var order: [OrderKey] = []
    var limit: Int?
    /// Set for `compare numbers` and `disagreements` (the shape is then `.list`).
    var factView: FactView?
    /// `who mentioned NAME`: the name as written and where (the engine checks it against the entities).
    var mentioned: String?
    var mentionedRange: SourceRange?
    /// The binder added `boilerplate = no` (the default of `sentences` and `mentions`), so that an
    /// empty answer can say how many rows boilerplate holds.
    var hidesBoilerplate = false

    var relation: Relation { rowSource.relation }
}

/// An `order by` key, resolved: a field of listed rows, or a column of grouped rows.
struct OrderKey: Hashable, Sendable {
    var column: String
    /// Set when the rows are listed quotations or articles (their fields are sorted on).
    var field: Field?
    var descending: Bool
}

/// A text search, in index words (as `TextTokenizer` splits them).
indirect enum TextSearch: Hashable, Sendable {
    /// Consecutive words; a single word is a one-word phrase.
    case phrase([SearchWord])
    /// Two phrases within `distance` words of each other, in either order.
    case near([SearchWord], [SearchWord], distance: Int)
    case and([TextSearch])
    case or([TextSearch])
    case not(TextSearch)
}

/// One word of a search phrase and how it matches a word of the text.
struct SearchWord: Hashable, Sendable {
    enum Match: Hashable, Sendable {
        /// The word and its inflections (same base, see `Inflection`).
        case inflected
        /// Any word that begins with it (`pric*`).
        case prefix
        /// Only this form (`=price`).
        case exact
    }
    var word: String
    var match: Match

    init(_ word: String, _ match: Match = .inflected) { self.word = word; self.match = match }

    /// As typed: `price`, `pric*`.
    var printed: String {
        switch match {
        case .inflected: word
        case .prefix: word + "*"
        case .exact: "=" + word
        }
    }

    /// Whether a (lower-cased) word of the text matches.
    func matches(_ token: String) -> Bool {
        switch match {
        case .prefix: token.hasPrefix(word)
        case .exact: token == word
        case .inflected: token == word || Inflection.base(of: token) == Inflection.base(of: word)
        }
    }
}

/// A condition on rows, with fields resolved and values checked.
indirect enum Predicate: Hashable, Sendable {
    /// `field op value` for `=`, `!=`, `<`, `<=`, `>`, `>=`.
    case compare(Field, ComparisonOperator, value: String)
    /// `field in (values)` (`not in` is `not` around it).
    case oneOf(Field, [String])
    /// `field ~ TEXT`: the field's words match the search.
    case matches(Field, TextSearch)
    case and([Predicate])
    case or([Predicate])
    case not(Predicate)
}
