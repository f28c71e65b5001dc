/// The logical plan: what to compute, independent of how the in-memory executor does it (a later
/// backend can translate the same tree into SQL with full-text search). Children come last in each
/// case, so the tree reads top-down like `explain` prints it.
indirect enum LogicalPlan: Hashable, Sendable {
    /// Every row of a relation, in store order.
    case scan(Relation, estimate: Int)
    /// Quotations whose content holds the phrase, from an inverted index.
    case indexLookup(IndexLookup)
    /// Quotations whose content holds two phrases within a distance, from the index's positions.
    case indexNear(NearLookup)
    /// Rows in all inputs (same relation).
    case intersect([LogicalPlan])
    /// Rows in any input (same relation).
    case union([LogicalPlan])
    /// Rows of the first input not in the second.
    case except(LogicalPlan, LogicalPlan)
    case filter(Predicate, LogicalPlan)
    /// Groups rows into one output row per key, with the key's aggregates.
    case aggregate(Grouping, LogicalPlan)
    case sort([SortKey], LogicalPlan)
    case limit(Int, LogicalPlan)
    /// The output columns, in order.
    case project([String], LogicalPlan)
    /// The rows of a named result (`let`): passes its input through; `explain` shows the name.
    case named(String, LogicalPlan)
    /// `compare numbers`: facts grouped with those of the same kind (`FactComparison`, similarity at
    /// least `threshold`), one row per fact.
    case compareFacts(threshold: Double, LogicalPlan)
    /// `disagreements`: pairs of facts of the same kind from different articles whose normalised
    /// values differ by more than `tolerance` (dates: at all), two rows per pair.
    case disagreements(tolerance: Double, threshold: Double, LogicalPlan)
    /// `duplicates`: pairs of articles whose bodies share word shingles (`shingle` words long, boilerplate
    /// left out) making up at least `threshold` of the shorter one's, found from an index of shingles
    /// (not by comparing every pair).
    case nearDuplicates(NearDuplicateLookup)
    /// The quotations (those a repeated passage does not hold) counted by speaker, read from the
    /// store's index of them: one row per speaker, `speaker` and `count`, in first-seen order. What
    /// `Aggregate by speaker with count` over every quotation gives (a scan groups them one by one).
    case speakerCounts(estimate: Int)
}

/// The parameters of `nearDuplicates`.
struct NearDuplicateLookup: Hashable, Sendable {
    /// Words per shingle.
    var shingle: Int
    /// Least shared shingles over the shingles of the shorter article.
    var threshold: Double
    /// Least shared shingles.
    var minShared: Int
    /// Articles compared.
    var articles: Int
    /// Pairs found.
    var estimate: Int
}

/// A base relation of the store.
enum Relation: String, Hashable, Sendable {
    case quotes
    case articles
    /// `ArticleStore.facts`: quantities and dates.
    case numbers
    /// `ArticleStore.entities`: one row per entity.
    case entities
    /// `ArticleStore.entityMentions`: one row per entity mention.
    case mentions
    /// `ArticleStore.sentences`: one row per sentence (boilerplate lines as their own rows).
    case sentences
    /// `ArticleStore.duplicates`: one row per pair of near-duplicate articles.
    case duplicates
}

/// Index words for each word of a search phrase: a word of the text matches a slot when it is one
/// of the slot's words. The planner fills the slots from the index (inflections, prefixes).
struct PhraseSlots: Hashable, Sendable {
    /// The phrase as the statement wrote it (`"oil price"`, `pric*`).
    var label: String
    /// One list of index words per phrase word, each sorted.
    var slots: [[String]]

    /// True when every slot is exactly the phrase's own word (nothing was expanded).
    var isLiteral: Bool
}

/// A phrase looked up in an index; the estimate is the smallest slot's document frequency.
struct IndexLookup: Hashable, Sendable {
    enum Index: String, Hashable, Sendable {
        /// `ArticleStore.quoteIndex`: words of quotation contents.
        case quoteIndex
        /// `ArticleStore.sentenceIndex`: words of the sentences (`ArticleStore.sentences`).
        case sentenceIndex

        /// The relation whose rows the index's documents are.
        var relation: Relation {
            switch self {
            case .quoteIndex: .quotes
            case .sentenceIndex: .sentences
            }
        }
    }
    var index: Index
    var phrase: PhraseSlots
    var estimate: Int
}

/// `A near/N B` answered from the index's word positions.
struct NearLookup: Hashable, Sendable {
    var index: IndexLookup.Index
    var left: PhraseSlots
    var right: PhraseSlots
    var distance: Int
    var estimate: Int
}

/// What `aggregate` groups by, and so which columns it produces.
enum Grouping: Hashable, Sendable {
    /// Quotations by canonical speaker → speaker, speaker_country, count, articles.
    case speaker
    /// Articles by outlet → source, country, articles, quotes.
    case source
    /// Rows by the values of fields → one column per field, then `count`.
    case count([Field])
    /// Entity mentions by article → article, source, source_country, mentions.
    case article

    var columns: [String] {
        switch self {
        case .speaker: ["speaker", "speaker_country", "count", "articles"]
        case .source: ["source", "country", "articles", "quotes"]
        case .count(let fields): fields.map(\.column) + ["count"]
        case .article: EntityRows.mentionerColumns
        }
    }

    /// How `explain` names it.
    var description: String {
        switch self {
        case .speaker: "speaker"
        case .source: "source"
        case .count(let fields): fields.map(\.name).joined(separator: ", ") + " with count"
        case .article: "article with count of mentions"
        }
    }
}

struct SortKey: Hashable, Sendable {
    var column: String
    var descending: Bool
    /// Empty (null) values sort after all others, whatever the direction.
    var emptyLast: Bool = false
    /// Sort listed quotations or articles by this field's value (tables sort by `column`).
    var field: Field? = nil
}

extension LogicalPlan {
    /// The planner's row estimate for this node (upper bounds; filters are not discounted).
    var estimate: Int {
        switch self {
        case .scan(_, let n): n
        case .indexLookup(let lookup): lookup.estimate
        case .indexNear(let near): near.estimate
        case .nearDuplicates(let lookup): lookup.estimate
        case .speakerCounts(let n): n
        case .intersect(let inputs): inputs.map(\.estimate).min() ?? 0
        case .union(let inputs): inputs.map(\.estimate).reduce(0, +)
        case .except(let left, _): left.estimate
        case .filter(_, let input), .aggregate(_, let input), .sort(_, let input), .project(_, let input), .named(_, let input),
             .compareFacts(_, let input), .disagreements(_, _, let input):
            input.estimate
        case .limit(let n, let input): min(n, input.estimate)
        }
    }
}
