/// Splits a script into statements and tells the REPL whether what was typed so far is complete.
///
/// Statements end at `;` or at a newline, except inside a string, inside open parentheses, or after
/// a line ending in `\` (the statement continues on the next line). `#` starts a comment that runs to
/// the end of the line. Blank and comment-only pieces are skipped. Each statement comes back as a
/// `Source` with the script's name and the line and column of its first character, so its errors
/// render as `FILE:LINE:COL`.
public enum StatementSplitter {
    public static func split(_ source: Source) -> [Source] {
        let scalars = source.scalars
        var pieces: [Source] = []
        var scan = Scanner()
        var start: Int?           // first non-blank scalar of the current statement
        var end = 0               // one past its last scalar that is not trailing blank or comment

        func finish() {
            if let s = start {
                let (line, column) = source.lineColumn(of: s)
                let text = String(String.UnicodeScalarView(scalars[s..<end]))
                pieces.append(Source(text, name: source.name, firstLine: line, firstColumn: column))
            }
            start = nil
        }

        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let state = scan.state
            scan.feed(scalars, at: &i)
            switch state {
            case .code where scan.state == .comment, .comment:
                continue
            case .code where scan.depth == 0 && (c == ";" || c == "\n") && !scan.continued:
                finish()
                continue
            default:
                break
            }
            if !c.properties.isWhitespace || scan.state != .code {
                if start == nil { start = i - 1 }
                end = i
            }
        }
        finish()
        return pieces
    }

    /// False while a string or a parenthesis is open, or when the text ends with `\` (ignoring
    /// trailing blanks): the REPL then reads another line.
    public static func isComplete(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var scan = Scanner()
        var i = 0
        while i < scalars.count { scan.feed(scalars, at: &i) }
        if scan.state == .string || scan.depth > 0 { return false }
        var last = scalars.count - 1
        while last >= 0, scalars[last].properties.isWhitespace { last -= 1 }
        if scan.state == .comment { return true }
        return !(last >= 0 && scalars[last] == "\\")
    }

    /// Tracks strings, comments, parentheses and line continuations, one scalar at a time.
    private struct Scanner {
        enum State { case code, string, comment }
        var state = State.code
        var quote: Unicode.Scalar = "\""
        var depth = 0
        /// The last newline was escaped with `\`.
        var continued = false

        /// Consumes the scalar at `i` (two for an escape or a `\` line continuation).
        mutating func feed(_ scalars: [Unicode.Scalar], at i: inout Int) {
            let c = scalars[i]
            i += 1
            switch state {
            case .string:
                if c == "\\", i < scalars.count { i += 1 } else if c == quote { state = .code }
            case .comment:
                if c == "\n" { state = .code; i -= 1 }   // the newline ends the statement as code
            case .code:
                continued = false
                switch c {
                case "\"", "'": state = .string; quote = c
                case "#": state = .comment
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case "\\":
                    var j = i
                    if j < scalars.count, scalars[j] == "\r" { j += 1 }
                    if j < scalars.count, scalars[j] == "\n" { i = j + 1; continued = true }
                default: break
                }
            }
        }
    }
}
