import NewsQuery

/// Runs a script: statements separated by `;` or new lines, `#` comments, meta-commands on lines of
/// their own. The first error stops the script; it is reported as `FILE:LINE:COL: error: …`.
struct ScriptRunner {
    let session: Session
    let print: (String) -> Void
    let printError: (String) -> Void

    /// Runs every statement; returns false when one failed (or `.quit` was met: true, stopped).
    func run(_ text: String, name: String) -> Bool {
        for piece in Self.pieces(of: text, name: name) {
            let outcome = session.execute(piece.text, origin: name, line: piece.firstLine, column: piece.firstColumn)
            if !outcome.output.isEmpty { print(outcome.output) }
            // Notes name files, and a file name can hold control characters.
            if let notes = outcome.notes { printError(TerminalSafe.escape(notes, keepLayout: true) + "\n") }
            if let error = outcome.error {
                printError(error + "\n")
                return false
            }
            if outcome.quit { return true }
        }
        return true
    }

    /// The script cut into statements and meta-command lines, each placed at its line and column.
    static func pieces(of text: String, name: String) -> [Source] {
        var pieces: [Source] = []
        var pending: [Substring] = []
        var pendingFirstLine = 1
        func flush() {
            guard !pending.isEmpty else { return }
            let chunk = Source(pending.joined(separator: "\n"), name: name, firstLine: pendingFirstLine)
            pieces += StatementSplitter.split(chunk)
            pending = []
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("."), StatementSplitter.isComplete(pending.joined(separator: "\n")) {
                flush()
                let column = line.count - trimmed.count + 1
                pieces.append(Source(String(trimmed), name: name, firstLine: index + 1, firstColumn: column))
                continue
            }
            if pending.isEmpty { pendingFirstLine = index + 1 }
            pending.append(line)
        }
        flush()
        return pieces
    }
}
