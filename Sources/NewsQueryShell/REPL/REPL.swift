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

    /// Starts the interactive shell for the CLI: libedit when stdin is a terminal (history file
    /// from `HistoryFile.path`), plain `readLine()` otherwise. Returns the exit status.
    public static func start(
        session: Session,
        vocabulary: CompletionVocabulary = .standard(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int32 {
        if isatty(STDIN_FILENO) != 0,
            let editor = LibEditLineReader(historyPath: HistoryFile.path(environment: environment), vocabulary: vocabulary)
        {
            var reader = editor
            return run(session: session, reader: &reader, vocabulary: vocabulary)
        }
        var reader = PlainLineReader()
        return run(session: session, reader: &reader, vocabulary: vocabulary)
    }

    /// Runs the loop over `reader` until it ends; statements go to `session.execute(_, origin: "<repl>")`.
    /// Returns the exit status (0). `vocabulary` is what the reader completes from; the loop
    /// itself does not need it but keeps it for `.help`-style listings.
    @discardableResult
    public static func run<Reader: LineReader>(
        session: Session,
        reader: inout Reader,
        vocabulary: CompletionVocabulary = .standard(),
        out: (String) -> Void = REPL.writeStandardOutput,
        err: (String) -> Void = REPL.writeStandardError
    ) -> Int32 {
        run(reader: &reader, out: out, err: err) { text in
            session.execute(text, origin: "<repl>")
        }
    }

    /// The loop with the statement runner injected (for tests and other front ends).
    @discardableResult
    static func run<Reader: LineReader>(
        reader: inout Reader,
        out: (String) -> Void,
        err: (String) -> Void,
        execute: (String) -> Session.Outcome
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
                    switch name {
                    case ".history":
                        out(historyListing(reader.historyEntries()))
                        continue
                    default:
                        if report(execute(trimmed), out: out, err: err) { return 0 }
                        continue
                    }
                }
            }

            var piece = line
            let continued = endsWithContinuation(&piece)
            pending.append(piece)
            let text = pending.joined(separator: "\n")
            if continued || !StatementCompleteness.isComplete(text) { continue }
            pending.removeAll()
            reader.addHistory(text)
            if report(execute(text), out: out, err: err) { return 0 }
        }
    }

    /// Prints an outcome; true when it asks to quit.
    private static func report(_ outcome: Session.Outcome, out: (String) -> Void, err: (String) -> Void) -> Bool {
        Interrupt.requested = 0
        if !outcome.output.isEmpty {
            out(outcome.output.hasSuffix("\n") ? outcome.output : outcome.output + "\n")
        }
        if let notes = outcome.notes, !notes.isEmpty {
            err(notes.hasSuffix("\n") ? notes : notes + "\n")
        }
        if let error = outcome.error, !error.isEmpty {
            err(error.hasSuffix("\n") ? error : error + "\n")
        }
        return outcome.quit
    }

    /// Removes a trailing `\` (and whitespace after it); true when there was one.
    static func endsWithContinuation(_ line: inout String) -> Bool {
        var trimmed = Substring(line)
        while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
        guard trimmed.hasSuffix("\\"), !trimmed.hasSuffix("\\\\") else { return false }
        trimmed.removeLast()
        line = String(trimmed)
        return true
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

/// Whether a statement's text is finished: no open string and no unclosed parenthesis or bracket.
/// A local stand-in until the query language publishes `StatementSplitter.isComplete`.
enum StatementCompleteness {
    static func isComplete(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        var escaped = false
        for character in text {
            if let open = quote {
                if escaped { escaped = false }
                else if character == "\\" { escaped = true }
                else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "(", "[", "{": depth += 1
            case ")", "]", "}": depth -= 1
            default: break
            }
        }
        return quote == nil && depth <= 0
    }
}
