import CLibEdit
import Foundation
import NewsQuery

/// The interactive read–eval–print loop.
///
/// Reads a statement (continuing over several lines while a string or parenthesis is open or a
/// line ends with `\`), records it as one history entry, runs it through the session and prints
/// the result. Errors are printed and the loop goes on; Ctrl-C throws the current input away;
/// `.quit`, `.exit` or Ctrl-D on an empty line end it.
public enum REPL {
    public static let prompt = "newsq> "
    public static let continuationPrompt = "   ...> "

    /// Rows a result shows in the REPL before it is cut ("… N more rows"); `.maxrows` changes it.
    public static let defaultMaxRows = 200

    /// Starts the interactive shell for the CLI: libedit when stdin is a terminal (history file
    /// from `HistoryFile.path`), plain `readLine()` otherwise. Returns the exit status.
    /// Completion offers the language's words (`vocabulary`, or the standard one) plus the values
    /// in the session's store, refreshed after each load. Ctrl-C while a statement runs asks the
    /// session to stop (`Session.shouldCancel`); long results are cut after `maxRows` rows (nil: never;
    /// `--max-rows` sets it, `.maxrows` changes it), unless the session has a cut of its own already.
    public static func start(
        session: Session,
        maxRows: Int? = defaultMaxRows,
        vocabulary: CompletionVocabulary? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        session.maxRows = session.maxRows ?? maxRows
        let previousCancel = session.shouldCancel
        session.shouldCancel = { Interrupt.requested != 0 }
        session.abandonsCancelledQueries = true
        defer {
            session.shouldCancel = previousCancel
            session.abandonsCancelledQueries = false
            if let problem = session.finishOutput() { writeStandardError(problem + "\n") }
        }
        var cache: (generation: Int, values: [String: [String]])?
        let provider: () -> CompletionVocabulary = {
            var words = vocabulary ?? .standard()
            if cache?.generation != session.generation {
                cache = (session.generation, CompletionVocabulary.fieldValues(of: session.store))
            }
            words.values = cache!.values
            words.resultNames = session.environment.names
            return words
        }
        if isatty(STDIN_FILENO) != 0,
            let editor = LibEditLineReader(historyPath: HistoryFile.path(environment: environment), vocabularyProvider: provider)
        {
            var reader = editor
            return run(session: session, reader: &reader)
        }
        var reader = PlainLineReader()
        return run(session: session, reader: &reader)
    }

    /// Runs the loop over `reader` until it ends; each statement goes to
    /// `session.execute(_, origin: "<repl>", line:, column:)`. Returns the exit status (0).
    /// `vocabulary` is what a libedit reader completes from; the loop itself does not use it.
    @discardableResult
    public static func run<Reader: LineReader>(
        session: Session,
        reader: inout Reader,
        vocabulary: CompletionVocabulary = .standard(),
        out: (String) -> Void = REPL.writeStandardOutput,
        err: (String) -> Void = REPL.writeStandardError
    ) -> Int32 {
        run(reader: &reader, out: out, err: err) { piece in
            session.execute(piece.text, origin: piece.name, line: piece.firstLine, column: piece.firstColumn)
        }
    }

    /// The loop with the statement runner injected (for tests and other front ends). Input is
    /// read until `StatementSplitter.isComplete`, then cut into statements (`a; b` runs both),
    /// each handed over as a `Source` named "<repl>" with its line and column in the input.
    @discardableResult
    static func run<Reader: LineReader>(
        reader: inout Reader,
        out: (String) -> Void,
        err: (String) -> Void,
        execute: (Source) -> Session.Outcome
    ) -> Int32 {
        var pending: [String] = []
        while true {
            let result = reader.readLine(prompt: pending.isEmpty ? prompt : continuationPrompt)
            let line: String
            switch result {
            case .eof:
                return 0
            case .interrupted:
                pending.removeAll()
                continue
            case .line(let text):
                line = text
            }

            if pending.isEmpty {
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix(".") {
                    // Meta-commands are one line each. Leaving is not worth recalling, so Up
                    // in the next session brings back the last real input.
                    let name = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" })
                        .first.map { $0.lowercased() } ?? trimmed
                    if name == ".quit" || name == ".exit" { return 0 }
                    reader.addHistory(trimmed)
                    if name == ".history" {
                        out(TerminalSafe.escape(historyListing(reader.historyEntries()), keepLayout: true))
                        continue
                    }
                    let column = line.unicodeScalars.count - line.unicodeScalars.drop(while: { $0 == " " || $0 == "\t" }).count + 1
                    if report(execute(Source(trimmed, name: origin, firstLine: 1, firstColumn: column)), out: out, err: err) {
                        return 0
                    }
                    continue
                }
            }

            // An empty line ends an unfinished statement as it stands, so an unclosed string or
            // parenthesis is reported (with its caret) instead of waiting for more input.
            let endsUnfinished = !pending.isEmpty && line.allSatisfy { $0 == " " || $0 == "\t" }
            pending.append(line)
            let text = pending.joined(separator: "\n")
            if !endsUnfinished && !StatementSplitter.isComplete(text) { continue }
            pending.removeAll()
            let statements = StatementSplitter.split(Source(text, name: origin))
            if statements.isEmpty { continue }  // only a comment
            reader.addHistory(text)
            for statement in statements {
                let outcome = execute(statement)
                let interrupted = Interrupt.requested != 0
                if report(outcome, out: out, err: err) { return 0 }
                if interrupted { break }  // Ctrl-C stops the rest of the line too
            }
        }
    }

    /// The name errors are reported under.
    static let origin = "<repl>"

    /// Prints an outcome; true when it asks to quit.
    private static func report(_ outcome: Session.Outcome, out: (String) -> Void, err: (String) -> Void) -> Bool {
        if Interrupt.requested != 0 {
            // Ctrl-C while the statement ran: the terminal echoed "^C" with no line break.
            Interrupt.requested = 0
            err("\n")
        }
        if !outcome.output.isEmpty {
            out(outcome.output.hasSuffix("\n") ? outcome.output : outcome.output + "\n")
        }
        if let notes = outcome.notes, !notes.isEmpty {
            // Notes name files, and file names can hold control characters.
            let safe = TerminalSafe.escape(notes, keepLayout: true)
            err(safe.hasSuffix("\n") ? safe : safe + "\n")
        }
        if let error = outcome.error, !error.isEmpty {
            err(error.hasSuffix("\n") ? error : error + "\n")
        }
        return outcome.quit
    }

    /// `.history`: numbered entries, continuation lines indented under their statement.
    static func historyListing(_ entries: [String]) -> String {
        let width = String(entries.count).count
        var text = ""
        for (index, entry) in entries.enumerated() {
            let number = String(index + 1)
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false)
            text += String(repeating: " ", count: width - number.count) + number + "  " + lines[0] + "\n"
            for more in lines.dropFirst() {
                text += String(repeating: " ", count: width + 2) + more + "\n"
            }
        }
        return text
    }

    public static func writeStandardOutput(_ text: String) {
        fputs(text, cel_stdout())
        fflush(cel_stdout())
    }

    public static func writeStandardError(_ text: String) {
        fputs(text, cel_stderr())
        fflush(cel_stderr())
    }
}
