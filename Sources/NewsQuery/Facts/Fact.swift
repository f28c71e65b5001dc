/// A numeric or dated fact found in an article body: a quantity with its unit ("683 miles") or a
/// date ("Sunday September 10"). Spans are Unicode-scalar offsets into `Article.text`.
public struct Fact: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable { case quantity, date }

    public var kind: Kind
    /// The surface text's span ("683 miles", "Tuesday morning").
    public var span: Span
    /// The number as written, in `unit` (nil for a date, or a vague magnitude such as "thousands").
    public var value: Double?
    /// The unit as written, canonical ("mi", "km/h", "h", "year", "USD", "count", "%"); "date" for dates.
    public var unit: String
    public var dimension: Dimension
    /// The value in the dimension's base unit (683 mi → 1099.2 km); nil when there is no value.
    public var normalized: Double?
    /// The base unit of `normalized` ("km", "km/h", "h", "USD" …).
    public var normalizedUnit: String
    /// For dates: the ISO date, month or year it resolves to (`2023-09-12`, `2023-07`, `2019`, a range
    /// `2023-09-10/2023-09-13`); nil when it cannot be resolved.
    public var date: String?
    /// For dates: how the date was resolved, or why it was not.
    public var evidence: String?
    /// What is measured: the dimension's name, then the content words of the clause around the number.
    public var measure: String
    /// The content words of `measure` (lower case), for grouping facts of the same kind.
    public var measureWords: [String]
    /// The sentence the fact is in.
    public var sentence: Span
    /// A hedge or bound written before the number ("about", "only", "more than").
    public var qualifier: String?

    /// The parts of a date as written, before resolution.
    public var mention: DateMention? {
        get { dateParts?.value }
        set { dateParts = newValue.map(Boxed.init) }
    }
    /// `mention`, held by reference: a date's parts are some 150 bytes, and most facts (quantities)
    /// have none; stored inline they made every fact of the store that much larger.
    private var dateParts: Boxed<DateMention>?
    /// The fact lies in a boilerplate line (an ad's "30-day trial", a bio's year): kept, but left out of
    /// `numbers`, `compare` and `disagreements` unless a condition names `boilerplate`.
    public var isBoilerplate = false

    public init(kind: Kind, span: Span, value: Double?, unit: String, dimension: Dimension, normalized: Double?,
                normalizedUnit: String, date: String?, evidence: String?, measure: String, measureWords: [String],
                sentence: Span, qualifier: String?, mention: DateMention?, isBoilerplate: Bool = false) {
        self.kind = kind; self.span = span; self.value = value; self.unit = unit; self.dimension = dimension
        self.normalized = normalized; self.normalizedUnit = normalizedUnit; self.date = date; self.evidence = evidence
        self.measure = measure; self.measureWords = measureWords; self.sentence = sentence; self.qualifier = qualifier
        self.dateParts = mention.map(Boxed.init)
        self.isBoilerplate = isBoilerplate
    }
}

/// An immutable value held by reference, compared and hashed by the value.
final class Boxed<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
    static func == (a: Boxed, b: Boxed) -> Bool { a === b || a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// What a quantity measures, and so which values are comparable.
public enum Dimension: String, Hashable, Sendable, CaseIterable {
    case length, speed, duration, age, money, mass, percentage, count, ordinal, date
    /// A time of day (`10 a.m.`, `14:30`): normalised to hours since midnight.
    case time

    /// The word that begins a fact's `measure` (`measure ~ distance`).
    public var label: String {
        switch self {
        case .length: "distance"
        default: rawValue
        }
    }

    /// Whether two sources giving different values for this dimension is a disagreement worth listing.
    var isComparable: Bool { self != .ordinal }
}

/// A date as written: whichever parts the text gives.
public struct DateMention: Hashable, Sendable {
    public var year: Int?
    public var month: Int?
    public var day: Int?
    /// The last day of a range ("September 10-13").
    public var dayEnd: Int?
    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int?
    /// `this`/`last`/`next` before week, month or year: the week's offset.
    public var week: Int?
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    public var dayOffset: Int?
    /// "four years ago": an amount of a calendar unit before the article's date.
    public var ago: (amount: Double, unit: String)? {
        get { agoAmount.map { ($0, agoUnit ?? "year") } }
        set { agoAmount = newValue?.amount; agoUnit = newValue?.unit }
    }
    var agoAmount: Double?
    var agoUnit: String?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }

    /// A full date with year, month and day (an anchor for the rest of the article).
    var isComplete: Bool { year != nil && month != nil && day != nil }
    /// A date that needs only a year to be resolved (month and maybe day, no weekday-only).
    var needsYear: Bool { year == nil && month != nil }
}
