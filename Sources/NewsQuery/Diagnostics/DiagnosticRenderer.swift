/// Renders diagnostics as `NAME:LINE:COL: error: MESSAGE`, the offending line, and a caret line.
public enum DiagnosticRenderer {
    public static func render(_ error: QueryError) -> String {
        error.diagnostics.map { render($0, in: error.source) }.joined(separator: "\n")
    }

    /// The widest piece of a line shown: a longer line (a megabyte on one line) is cut to this
    /// much around the caret, the cuts marked with `…`.
    static let maxLineWidth = 160

    public static func render(_ diagnostic: Diagnostic, in source: Source) -> String {
        let (line, column) = source.lineColumn(of: diagnostic.range.start)
        var (text, localColumn) = source.lineText(around: diagnostic.range.start)
        var width = max(1, min(diagnostic.range.end - diagnostic.range.start, text.unicodeScalars.count - localColumn))
        let scalars = Array(text.unicodeScalars)
        if scalars.count > maxLineWidth {
            let from = max(0, min(localColumn - maxLineWidth / 4, scalars.count - maxLineWidth))
            let to = min(scalars.count, from + maxLineWidth)
            text = (from > 0 ? "…" : "") + String(String.UnicodeScalarView(scalars[from..<to])) + (to < scalars.count ? "…" : "")
            width = max(1, min(width, to - localColumn))
            localColumn += (from > 0 ? 1 : 0) - from
        }
        let caret = String(repeating: " ", count: localColumn) + "^" + String(repeating: "~", count: max(0, width - 1))
        var out = "\(source.name):\(line):\(column): error: \(diagnostic.message)\n"
        out += "  \(TerminalSafe.escape(text))\n"
        out += "  \(caret)"
        if let hint = diagnostic.hint { out += "\n  \(hint)" }
        return out
    }
}
