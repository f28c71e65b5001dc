/// Renders diagnostics as `NAME:LINE:COL: error: MESSAGE`, the offending line, and a caret line.
public enum DiagnosticRenderer {
    public static func render(_ error: QueryError) -> String {
        error.diagnostics.map { render($0, in: error.source) }.joined(separator: "\n")
    }

    public static func render(_ diagnostic: Diagnostic, in source: Source) -> String {
        let (line, column) = source.lineColumn(of: diagnostic.range.start)
        let (text, localColumn) = source.lineText(around: diagnostic.range.start)
        let width = max(1, min(diagnostic.range.end, localColumn + text.unicodeScalars.count) - diagnostic.range.start)
        let caret = String(repeating: " ", count: localColumn) + "^" + String(repeating: "~", count: max(0, width - 1))
        var out = "\(source.name):\(line):\(column): error: \(diagnostic.message)\n"
        out += "  \(TerminalSafe.escape(text))\n"
        out += "  \(caret)"
        if let hint = diagnostic.hint { out += "\n  \(hint)" }
        return out
    }
}
