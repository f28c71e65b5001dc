import CLibEdit
import NewsQuery

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading one line produced.
public enum LineReadResult: Equatable, Sendable {
    /// A line, without its newline. A recalled multi-line history entry arrives as one line
    /// holding newlines.
    case line(String)
    /// Ctrl-C: the line being edited was thrown away.
    case interrupted
    /// Ctrl-D on an empty line, or end of input.
    case eof
}

/// A source of input lines for the REPL: libedit on a terminal, `readLine()` otherwise, or a
/// script in tests.
public protocol LineReader {
    mutating func readLine(prompt: String) -> LineReadResult
    /// Records one whole statement in the history (and saves the history file, if any).
    mutating func addHistory(_ entry: String)
    /// The history, oldest first.
    func historyEntries() -> [String]
}

extension LineReader {
    public mutating func addHistory(_ entry: String) {}
    public func historyEntries() -> [String] { [] }
}

// MARK: - Plain

/// Reads lines with Swift's `readLine()`: for stdin that is not a terminal. Prints no prompt
/// unless asked to; keeps an in-memory history so `.history` still works.
public struct PlainLineReader: LineReader {
    public var showsPrompt: Bool
    private var history: [String] = []

    public init(showsPrompt: Bool = false) { self.showsPrompt = showsPrompt }

    public mutating func readLine(prompt: String) -> LineReadResult {
        if showsPrompt {
            fputs(prompt, cel_stdout())
            fflush(cel_stdout())
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .eof }
        return .line(line)
    }

    public mutating func addHistory(_ entry: String) {
        if history.last != entry { history.append(entry) }
        if history.count > HistoryFile.sizeLimit { history.removeFirst(history.count - HistoryFile.sizeLimit) }
    }

    public func historyEntries() -> [String] { history }
}

// MARK: - Ctrl-C

/// SIGINT handling for the interactive shell. The handler (installed without `SA_RESTART`) only
/// sets a flag and writes to a self-pipe. While a line is edited SIGINT stays blocked except inside the `pselect` that waits
/// for a key, so a Ctrl-C can never slip in between "check the flag" and "block in read": the wait
/// fails with EINTR, `el_gets` returns NULL, and the REPL throws the line away instead of dying.
/// While a statement runs, the flag is a cooperative cancel request.
public enum Interrupt {
    /// Set by the SIGINT handler; cleared by whoever consumes it.
    nonisolated(unsafe) public static var requested: sig_atomic_t = 0
    /// Self-pipe: the handler writes a byte so a key wait wakes up whichever thread took the signal.
    nonisolated(unsafe) static var wakeRead: Int32 = -1
    nonisolated(unsafe) static var wakeWrite: Int32 = -1

    /// Installs the handler; returns the previous disposition for `restore`.
    static func install() -> sigaction {
        if wakeRead < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                }
                wakeRead = ends[0]
                wakeWrite = ends[1]
            }
        }
        let handler: @convention(c) (Int32) -> Void = { _ in
            let saved = errno
            Interrupt.requested = 1
            if Interrupt.wakeWrite >= 0 {
                var byte: UInt8 = 1
                _ = write(Interrupt.wakeWrite, &byte, 1)
            }
            errno = saved
        }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // deliberately no SA_RESTART
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        // A blocked mask survives exec: make sure Ctrl-C reaches us even if our parent blocked it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        return previous
    }

    static func restore(_ previous: sigaction) {
        var previous = previous
        sigaction(SIGINT, &previous, nil)
    }

    /// Empties the self-pipe.
    static func drainWakeups() {
        guard wakeRead >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeRead, &buffer, buffer.count) > 0 {}
    }
}

// MARK: - Window size

/// SIGWINCH: the terminal was resized. libedit installs no handlers of its own here (EL_SIGNAL 0),
/// so the flag tells the reader to let libedit measure the terminal again before the next line
/// (tables re-read the width before each statement by themselves).
enum WindowSize {
    nonisolated(unsafe) static var changed: sig_atomic_t = 0

    static func install() -> sigaction {
        let handler: @convention(c) (Int32) -> Void = { _ in WindowSize.changed = 1 }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART  // a resize must not fail a read or write elsewhere
        var previous = sigaction()
        sigaction(SIGWINCH, &action, &previous)
        return previous
    }

    static func restore(_ previous: sigaction) {
        var previous = previous
        sigaction(SIGWINCH, &previous, nil)
    }
}

// MARK: - libedit

/// Line editing on a terminal through libedit's native API: emacs keys (or whatever ~/.editrc
/// or $EDITRC says), Ctrl-R search, history, and Tab completion from a `CompletionVocabulary`.
public final class LibEditLineReader: LineReader {
    /// libedit's `EditLine *`.
    private let editLine: OpaquePointer
    private let history: LineHistory
    /// Asked at each Tab: the vocabulary follows the store as `.load` adds articles.
    private let vocabulary: () -> CompletionVocabulary
    /// The prompt libedit shows, in a C buffer that outlives the call that set it.
    private var promptBuffer: UnsafeMutablePointer<CChar>
    private var previousSIGINT: sigaction
    private var previousSIGWINCH: sigaction
    /// The signal mask to wait for keys under: the caller's, with SIGINT let through.
    private var waitMask = sigset_t()
    /// Multibyte decoding state for `readCharacter`.
    private var decoding = mbstate_t()

    /// Returns nil when libedit cannot start (e.g. no terminal).
    /// - Parameter historyPath: the history file (see `HistoryFile.path`), nil for none.
    public convenience init?(programName: String = "newsq", historyPath: String?, vocabulary: CompletionVocabulary) {
        self.init(programName: programName, historyPath: historyPath, vocabularyProvider: { vocabulary })
    }

    /// - Parameter vocabularyProvider: asked for the words to complete from at each Tab.
    public init?(programName: String = "newsq", historyPath: String?, vocabularyProvider: @escaping () -> CompletionVocabulary) {
        setlocale(LC_CTYPE, "")
        guard let history = LineHistory(path: historyPath) else { return nil }
        guard let editLine = el_init(programName, cel_stdin(), cel_stdout(), cel_stderr()) else { return nil }
        self.editLine = editLine
        self.history = history
        self.vocabulary = vocabularyProvider
        self.promptBuffer = strdup("")
        self.previousSIGINT = Interrupt.install()
        self.previousSIGWINCH = WindowSize.install()

        history.load()
        _ = cel_set_signal(editLine, 0)
        _ = cel_set_editor(editLine, "emacs")
        _ = cel_set_hist(editLine, history.handle)
        _ = cel_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = cel_set_prompt(editLine) { editLine in
            guard let editLine, let reader = LibEditLineReader.from(editLine) else { return nil }
            return reader.promptBuffer
        }
        _ = cel_set_getcfn(editLine) { editLine, character in
            guard let editLine, let character, let reader = LibEditLineReader.from(editLine) else {
                errno = EINVAL
                return -1
            }
            return reader.readCharacter(into: character)
        }
        _ = cel_addfn(editLine, "newsq-complete", "Complete the word before the cursor") { editLine, _ in
            guard let editLine, let reader = LibEditLineReader.from(editLine) else { return UInt8(CC_ERROR) }
            return reader.completeAtCursor()
        }
        _ = cel_bind(editLine, "^I", "newsq-complete")
        // ~/.editrc or $EDITRC, e.g. `bind -v` for vi keys.
        _ = el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        free(promptBuffer)
        Interrupt.restore(previousSIGINT)
        WindowSize.restore(previousSIGWINCH)
    }

    private static func from(_ editLine: OpaquePointer) -> LibEditLineReader? {
        guard let data = cel_get_clientdata(editLine) else { return nil }
        return Unmanaged<LibEditLineReader>.fromOpaque(data).takeUnretainedValue()
    }

    public func readLine(prompt: String) -> LineReadResult {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
        Interrupt.requested = 0
        Interrupt.drainWakeups()
        if WindowSize.changed != 0 {
            WindowSize.changed = 0
            el_resize(editLine)
        }

        // Block SIGINT while libedit works; `readCharacter` lets it through only while waiting.
        var blockSIGINT = sigset_t(), callerMask = sigset_t()
        sigemptyset(&blockSIGINT)
        sigaddset(&blockSIGINT, SIGINT)
        pthread_sigmask(SIG_BLOCK, &blockSIGINT, &callerMask)
        waitMask = callerMask
        sigdelset(&waitMask, SIGINT)
        defer { pthread_sigmask(SIG_SETMASK, &callerMask, nil) }

        var count: Int32 = 0
        errno = 0
        guard let text = el_gets(editLine, &count) else {
            if count == -1 && (errno == EINTR || Interrupt.requested != 0) {
                Interrupt.requested = 0
                el_reset(editLine)
                write("^C\n")
                return .interrupted
            }
            write("\n")
            return .eof
        }
        if Interrupt.requested != 0 {
            // The signal arrived while libedit was finishing a line: treat it as Ctrl-C.
            Interrupt.requested = 0
            write("^C\n")
            return .interrupted
        }
        var line = String(cString: text)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    private static let incompleteSequence: size_t = .max - 1  // (size_t)-2
    private static let invalidSequence: size_t = .max  // (size_t)-1

    /// libedit's character reader (EL_GETCFN): waits for input with SIGINT unblocked, reads it
    /// byte by byte and decodes it with the locale's multibyte rules. 1 = a character, 0 = end
    /// of input, -1 = error (EINTR after Ctrl-C).
    fileprivate func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        while true {
            if Interrupt.requested != 0 {
                Interrupt.drainWakeups()
                decoding = mbstate_t()
                errno = EINTR
                return -1
            }
            let ready = cel_wait_readable(STDIN_FILENO, Interrupt.wakeRead, &waitMask)
            if ready < 0 {
                if errno == EINTR { continue }  // the flag check above decides
                return -1
            }
            if ready & 1 == 0 {  // only a wake-up: the flag check above decides
                Interrupt.drainWakeups()
                continue
            }
            var byte: CChar = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 0 { return 0 }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return -1
            }
            var wide: wchar_t = 0
            let decoded = mbrtowc(&wide, &byte, 1, &decoding)
            switch decoded {
            case Self.incompleteSequence:
                continue  // more bytes to come
            case Self.invalidSequence:
                decoding = mbstate_t()
                character.pointee = 0xFFFD  // not valid in this locale's encoding
                return 1
            default:
                character.pointee = wide
                return 1
            }
        }
    }

    public func addHistory(_ entry: String) { history.enter(entry) }

    public func historyEntries() -> [String] { history.entries }

    private func write(_ text: String) {
        fputs(text, cel_stdout())
        fflush(cel_stdout())
    }

    /// Tab: replace the word with the single candidate or the candidates' common prefix; when
    /// several remain, list them under the line and redraw the prompt and line.
    private func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let buffer = info.buffer else { return UInt8(CC_ERROR) }
        // The line buffer is not NUL-terminated: slice it by byte offsets.
        let length = info.lastchar.map { $0 - buffer } ?? 0
        let cursorBytes = info.cursor.map { $0 - buffer } ?? length
        let bytes = UnsafeRawBufferPointer(start: buffer, count: max(0, length))
        let line = String(decoding: bytes, as: UTF8.self)
        let beforeCursor = String(decoding: bytes.prefix(max(0, cursorBytes)), as: UTF8.self)
        let cursor = beforeCursor.unicodeScalars.count

        let result = complete(line: line, cursor: cursor, vocabulary: vocabulary())
        let edit = CompletionEdit(line: line, cursor: cursor, replaceFrom: result.replaceFrom, candidates: result.candidates)
        if edit.deleteCount > 0 { el_deletestr(editLine, Int32(edit.deleteCount)) }
        if !edit.insert.isEmpty, el_insertstr(editLine, edit.insert) != 0 { return UInt8(CC_ERROR) }
        if edit.listing.isEmpty {
            return UInt8(result.candidates.isEmpty ? CC_REFRESH_BEEP : CC_REFRESH)
        }
        // Candidates come from article text and file names: never echo a control character raw.
        let rows = completionColumns(edit.listing.map { TerminalSafe.escape($0) }, width: terminalWidth())
        write("\r\n" + rows.joined(separator: "\r\n") + "\r\n")
        return UInt8(CC_REDISPLAY)
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
