/// A position in a piece of query text, counted in Unicode scalars from the start.
public struct SourceRange: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = max(start, end) }
    public static func at(_ offset: Int) -> SourceRange { SourceRange(offset, offset + 1) }
    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange { SourceRange(min(start, other.start), max(end, other.end)) }
}

/// Query or script text with the name it is reported under ("<command line>", "<repl>", a file path)
/// and the line its first character stands on in that file (scripts hand statements over one by one).
public struct Source: Sendable {
    public let name: String
    public let text: String
    public let scalars: [Unicode.Scalar]
    /// Line and column (1-based) of `text`'s first scalar in the named file.
    public let firstLine: Int
    public let firstColumn: Int

    public init(_ text: String, name: String = "<query>", firstLine: Int = 1, firstColumn: Int = 1) {
        self.text = text
        self.name = name
        self.scalars = Array(text.unicodeScalars)
        self.firstLine = firstLine
        self.firstColumn = firstColumn
    }

    /// 1-based line and column of a scalar offset, in the coordinates of the named file.
    public func lineColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 0, column = 0
        for scalar in scalars.prefix(max(0, offset)) {
            if scalar == "\n" { line += 1; column = 0 } else { column += 1 }
        }
        return (firstLine + line, line == 0 ? firstColumn + column : column + 1)
    }

    /// The text of the (local) line holding `offset` and the column of `offset` in it (0-based).
    func lineText(around offset: Int) -> (text: String, column: Int) {
        let clamped = min(max(0, offset), scalars.count)
        var lineStart = clamped
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = clamped
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        return (String(scalars: scalars[lineStart..<lineEnd]), clamped - lineStart)
    }
}
