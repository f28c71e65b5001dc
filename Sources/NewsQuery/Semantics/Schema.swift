/// What a statement lists rows of, and the fields a `where` condition may name for each.
enum RowSource: String, Hashable, Sendable {
    /// Quotations (`quotes`, `what did`, and `who said`, which groups them by speaker).
    case quotes
    case articles
    /// Outlets (`sources`); conditions apply to their articles.
    case sources
    /// Quantities and dates (`numbers`, `compare numbers`, `disagreements`).
    case numbers
    /// Entities resolved across the corpus (`entities`).
    case entities
    /// Entity mentions (`mentions`, and `who mentioned`, which groups them by article).
    case mentions
    /// Sentences of the articles' bodies (`sentences`), boilerplate lines cut out as their own rows.
    case sentences
    /// Pairs of near-duplicate articles (`duplicates`).
    case duplicates

    /// The store relation whose rows this row source lists or groups.
    var relation: Relation {
        switch self {
        case .quotes: .quotes
        case .articles, .sources: .articles
        case .numbers: .numbers
        case .entities: .entities
        case .mentions: .mentions
        case .sentences: .sentences
        case .duplicates: .duplicates
        }
    }
}

/// A field a condition can test. What it means for each kind of row is the evaluator's business.
enum Field: String, Hashable, Sendable, CaseIterable {
    case speaker
    case speakerCountry = "speaker.country"
    case source
    case sourceCountry = "source.country"
    case article
    case kind
    case language
    case translatedFrom = "translated_from"
    case date
    case title
    case text
    case cue
    /// A quotation's offsets (Unicode scalars from the start of the file).
    case start, end
    /// An article's number of quotations.
    case quotes
    /// A fact's number as written, its unit, its value in the base unit, its dimension and what it measures.
    case value, unit, normalized, dimension, measure
    /// An entity's canonical name (of a mention: the entity mentioned), its type, country, aliases and
    /// roles, and its numbers of mentions and of articles.
    case entity, type, country, aliases, roles, mentions, articles
    /// A quotation's speaker entity's type and roles; the class of its cue (speech, belief, data, according).
    case speakerType = "speaker.type"
    case speakerRole = "speaker.role"
    case cueClass = "cue_class"
    /// An article's provenance detected from its text: agencies and outlets named as sources (a list),
    /// the byline, and `yes`/`no` for a translation (a translation credit line or `translated_from`).
    case sourceAgencies = "source.agencies"
    case sourceByline = "source.byline"
    case sourceTranslated = "source.translated"
    /// The dateline opening the body: its place as written with its region (`MANCHESTER, N.H.`), and the
    /// place's country code where the gazetteers know it.
    case sourceDateline = "source.dateline"
    case sourceDatelineCountry = "source.dateline_country"
    /// The sentence a fact or an entity mention occurs in (on one line), for `~` searches that tie a
    /// value or a place to what the sentence says happened (`sentence ~ left near/4 Pyongyang`).
    case sentence
    /// The clause of its sentence a fact or an entity mention occurs in (see `Clause`): a search on it
    /// ties a value or a place to the event its own clause reports.
    case clause
    /// A sentence's position in its article (1 for the first), its number of words.
    case n, words
    /// Yes/no: a sentence (or a mention) lies in a boilerplate line (navigation, credits, captions, ads,
    /// bios); a sentence lies in a passage repeating an earlier one of its article.
    case boilerplate
    case `repeat`
    /// A near-duplicate pair's similarity (shared shingles over those of the shorter article), its
    /// Jaccard similarity, its number of shared shingles and of shared passages.
    case similarity, jaccard, shared, passages
    /// The group of near-duplicate pairs (articles connected by pairs: a story and its copies).
    case group

    /// The canonical name, as `explain` prints it.
    var name: String { rawValue }

    /// The column a grouping by this field produces (`speaker.country` → `speaker_country`).
    var column: String { rawValue.replacingOccurrences(of: ".", with: "_") }

    /// What values the field holds, and so which literals and operators it accepts.
    enum ValueType: String, Hashable, Sendable {
        /// Free text (case-insensitive equality, `~` searches).
        case text
        /// A code such as a country or a language (ISO codes, compared case-insensitively).
        case code
        /// One of the quotation kinds.
        case kind
        case number
        /// ISO dates, compared by the literal's precision (year, month or day).
        case date
        /// `yes` or `no` (also `true`/`false`); the field alone is a condition (`where boilerplate`).
        case bool

        /// `<`, `<=`, `>`, `>=` apply.
        var isOrdered: Bool { self == .number || self == .date }
    }

    var type: ValueType {
        switch self {
        case .speaker, .source, .article, .title, .text, .cue, .unit, .dimension, .measure: .text
        case .entity, .type, .aliases, .roles, .speakerType, .speakerRole, .cueClass: .text
        case .sourceAgencies, .sourceByline, .sourceTranslated, .sourceDateline, .sentence, .clause: .text
        case .speakerCountry, .sourceCountry, .language, .translatedFrom, .country, .sourceDatelineCountry: .code
        case .kind: .kind
        case .date: .date
        case .start, .end, .quotes, .value, .normalized, .mentions, .articles: .number
        case .n, .words, .similarity, .jaccard, .shared, .passages, .group: .number
        case .boilerplate, .repeat: .bool
        }
    }
}

/// The queryable fields of each row source, with their accepted spellings.
public enum Schema {
    /// Field names (canonical and aliases) per row source, in help order.
    static let fields: [RowSource: [(name: String, field: Field)]] = [
        .quotes: [
            ("speaker", .speaker), ("speaker.country", .speakerCountry), ("speaker.type", .speakerType),
            ("speaker.role", .speakerRole), ("source", .source),
            ("source.country", .sourceCountry), ("article", .article), ("kind", .kind), ("language", .language),
            ("source.language", .language), ("translated_from", .translatedFrom), ("date", .date), ("text", .text),
            ("cue", .cue), ("cue_class", .cueClass), ("start", .start), ("end", .end), ("sentence", .sentence),
            ("repeat", .repeat),
        ],
        .articles: [
            ("article", .article), ("id", .article), ("source", .source), ("source.country", .sourceCountry),
            ("country", .sourceCountry), ("language", .language), ("source.language", .language),
            ("translated_from", .translatedFrom), ("date", .date), ("title", .title), ("quotes", .quotes),
            ("source.agencies", .sourceAgencies), ("agencies", .sourceAgencies), ("source.byline", .sourceByline),
            ("byline", .sourceByline), ("source.translated", .sourceTranslated), ("translated", .sourceTranslated),
            ("source.dateline", .sourceDateline), ("dateline", .sourceDateline),
            ("source.dateline_country", .sourceDatelineCountry), ("dateline_country", .sourceDatelineCountry),
        ],
        .sources: [("source", .source), ("source.country", .sourceCountry), ("country", .sourceCountry)],
        .entities: [
            ("entity", .entity), ("name", .entity), ("type", .type), ("country", .country), ("aliases", .aliases),
            ("roles", .roles), ("mentions", .mentions), ("articles", .articles),
        ],
        .mentions: [
            ("entity", .entity), ("type", .type), ("article", .article), ("start", .start), ("end", .end), ("text", .text),
            ("source", .source), ("source.country", .sourceCountry), ("sentence", .sentence), ("clause", .clause),
            ("boilerplate", .boilerplate),
        ],
        .sentences: [
            ("article", .article), ("n", .n), ("index", .n), ("text", .text), ("start", .start), ("end", .end),
            ("boilerplate", .boilerplate), ("repeat", .repeat), ("quotes", .quotes), ("mentions", .mentions), ("words", .words),
            ("source", .source), ("source.country", .sourceCountry), ("language", .language), ("source.language", .language),
            ("translated_from", .translatedFrom), ("date", .date), ("source.agencies", .sourceAgencies),
            ("source.byline", .sourceByline), ("source.translated", .sourceTranslated),
        ],
        .duplicates: [
            ("article", .article), ("source", .source), ("source.country", .sourceCountry), ("similarity", .similarity),
            ("jaccard", .jaccard), ("shared", .shared), ("passages", .passages), ("group", .group),
        ],
        .numbers: [
            ("kind", .kind), ("value", .value), ("unit", .unit), ("normalized", .normalized), ("dimension", .dimension),
            ("measure", .measure), ("text", .text), ("date", .date), ("article", .article), ("source", .source),
            ("source.country", .sourceCountry), ("start", .start), ("end", .end), ("sentence", .sentence),
            ("clause", .clause), ("boilerplate", .boilerplate),
        ],
    ]

    /// The field `name` denotes for `rowSource` (case-insensitive), or nil.
    static func field(named name: String, in rowSource: RowSource) -> Field? {
        let lowered = name.lowercased()
        return fields[rowSource]?.first { $0.name == lowered }?.field
    }

    /// Accepted field names for a row source.
    static func fieldNames(for rowSource: RowSource) -> [String] { fields[rowSource]?.map(\.name) ?? [] }

    /// The names of the fields of a row source that have an order (numbers and dates).
    static func orderedFieldNames(for rowSource: RowSource) -> [String] {
        fields[rowSource]?.filter { $0.field.type.isOrdered }.map(\.name) ?? []
    }

    /// The values `kind` can take.
    static let kindValues = QuoteKind.allCases.map(\.rawValue)
    /// The values `kind` can take for `numbers`.
    static let factKindValues = Fact.Kind.allCases.map(\.rawValue)
    /// The values `kind` takes for a row source.
    static func kindValues(for rowSource: RowSource) -> [String] { rowSource == .numbers ? factKindValues : kindValues }

    /// Field names that `who said` and `quotes` conditions accept (for completion).
    public static let quoteFieldNames: [String] = fieldNames(for: .quotes)
    /// Field names that `articles` conditions accept (for completion).
    public static let articleFieldNames: [String] = fieldNames(for: .articles)
    /// Field names that `sources` conditions accept (for completion).
    public static let sourceFieldNames: [String] = fieldNames(for: .sources)
    /// Field names that `numbers`, `compare numbers` and `disagreements` conditions accept (for completion).
    public static let numberFieldNames: [String] = fieldNames(for: .numbers)
    /// Field names that `entities` conditions accept (for completion).
    public static let entityFieldNames: [String] = fieldNames(for: .entities)
    /// Field names that `mentions` and `who mentioned` conditions accept (for completion).
    public static let mentionFieldNames: [String] = fieldNames(for: .mentions)
    /// Field names that `sentences` conditions accept (for completion).
    public static let sentenceFieldNames: [String] = fieldNames(for: .sentences)
    /// Field names that `duplicates` conditions accept (for completion).
    public static let duplicateFieldNames: [String] = fieldNames(for: .duplicates)
    /// Every field name any statement accepts, sorted and without duplicates (for completion).
    public static let allFieldNames: [String] = Array(Set(quoteFieldNames + articleFieldNames + sourceFieldNames + numberFieldNames
        + entityFieldNames + mentionFieldNames + sentenceFieldNames + duplicateFieldNames)).sorted()

    /// Yes/no fields, which may stand alone as a condition (`sentences where boilerplate`).
    static let booleanFieldNames: Set<String> = Set(fields.values.joined().filter { $0.field.type == .bool }.map(\.name))

    /// `yes`, `no`, `true`, `false` (any case) as `yes` or `no`; nil for anything else.
    static func booleanValue(_ text: String) -> String? {
        switch text.lowercased() {
        case "yes", "true": "yes"
        case "no", "false": "no"
        default: nil
        }
    }
}
