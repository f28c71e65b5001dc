/// A problem with one input file (or one JSONL record), located by file, line and column.
/// Errors mean the article was not loaded; warnings mean it was, with the problem noted.
public struct LoadIssue: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var path: String
    public var line: Int?
    public var column: Int?
    public var severity: Severity
    public var message: String

    public init(_ path: String, line: Int? = nil, column: Int? = nil, _ severity: Severity = .error, _ message: String) {
        self.path = path; self.line = line; self.column = column; self.severity = severity; self.message = message
    }

    /// `FILE:LINE:COL: error: MESSAGE` (line and column omitted when unknown).
    public var description: String {
        var location = path
        if let line { location += ":\(line)"; if let column { location += ":\(column)" } }
        return "\(location): \(severity.rawValue): \(TerminalSafe.escape(message))"
    }
}

/// What loading a set of paths gives: the documents that loaded, and every problem met on the way.
public struct LoadResult: Sendable {
    public var documents: [Document] = []
    public var issues: [LoadIssue] = []
    /// Loading was stopped before every file was read.
    public var cancelled = false
    public init() {}
    public var errors: [LoadIssue] { issues.filter { $0.severity == .error } }
}
