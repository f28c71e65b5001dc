/// A typed value in a result row.
public enum Value: Hashable, Sendable {
    case null
    case int(Int)
    case number(Double)
    case text(String)
    case list([Value])

    /// The value as plain text (lists joined with ", "; null as the empty string).
    public var plainText: String {
        switch self {
        case .null: ""
        case .int(let i): String(i)
        case .number(let d): d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .text(let s): s
        case .list(let items): items.map(\.plainText).joined(separator: ", ")
        }
    }

    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The value as a number, when it is one.
    var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .number(let d): d
        default: nil
        }
    }
}

/// The rows a statement produces: named columns and rows of values, in a deterministic order.
public struct ResultSet: Hashable, Sendable {
    public var columns: [String]
    public var rows: [[Value]]
    /// Right-align these columns in tables (numbers).
    public var numericColumns: Set<String>
    /// The columns a table for people shows, when not all of them (quotes carry many offsets that
    /// machine formats need and a terminal has no room for). Nil: all columns.
    public var tableColumns: [String]?
    /// Remarks about the answer that are not rows, for the user (stderr in the shell), e.g. "no outlet
    /// matches RU; 14 quotations have speaker.country = RU" when a filter matched nothing.
    public var notes: [String] = []

    public init(columns: [String], rows: [[Value]] = [], numericColumns: Set<String> = [], tableColumns: [String]? = nil,
                notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns
        self.tableColumns = tableColumns
        self.notes = notes
    }

    /// The same rows with only the named columns (those that exist), in the order given.
    public func projected(to names: [String]) -> ResultSet {
        let keep = names.compactMap { columns.firstIndex(of: $0) }
        return ResultSet(columns: keep.map { columns[$0] }, rows: rows.map { row in keep.map { row[$0] } },
                         numericColumns: numericColumns, notes: notes)
    }
}

/// What running one statement gives.
public enum QueryOutcome: Sendable {
    /// Rows to print in the current output format.
    case rows(ResultSet)
    /// Text to print as it is (an `explain` plan).
    case text(String)
}
