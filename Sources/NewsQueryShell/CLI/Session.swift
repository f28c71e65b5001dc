import Foundation
import NewsQuery

/// One user's session: the loaded store, the output format, and the meta-commands.
/// The REPL, `-e`, `-f` and piped stdin all feed statements through `execute`.
public final class Session {
    /// What happened to one input.
    public struct Outcome {
        /// Text for stdout (already formatted, ends with a newline when non-empty).
        public var output: String = ""
        /// Notes for stderr that are not failures (files skipped while loading, with their locations).
        public var notes: String?
        /// Rendered error for stderr (with caret and FILE:LINE:COL), nil on success.
        public var error: String?
        /// `.quit` was given.
        public var quit = false

        public init(output: String = "", notes: String? = nil, error: String? = nil, quit: Bool = false) {
            self.output = output; self.notes = notes; self.error = error; self.quit = quit
        }
    }

    public var engine: Engine
    /// The named results (`let NAME = QUERY`) defined so far; `.vars` lists them.
    public var environment = Environment()
    public var format: OutputFormat
    /// Table width (the terminal's), or nil for no limit. `terminalWidth`, when set, wins.
    public var width: Int?
    /// Reads the terminal's width again before each statement (it may have been resized).
    public var terminalWidth: (() -> Int)?
    /// `.timer on`: a footer with the row count and the elapsed time after each result.
    public var timer = false
    /// Rows shown before a result is cut with "… N more rows" (the REPL sets it; nil: all).
    /// Results sent to a file by `.output` are never cut.
    public var maxRows: Int?
    /// Stdout is a terminal: csv and tsv are shown with control characters escaped too
    /// (table and markdown always escape them; json escapes them by its own rules).
    public var terminalOutput = false
    /// Bold table headers and dim rules and footers (stdout is a terminal and NO_COLOR is unset).
    public var color = false
    /// Polled between documents of a `.load` (and after a statement runs): true stops it.
    public var shouldCancel: () -> Bool = { false }
    /// Queries run on a thread of their own, so that Ctrl-C (`shouldCancel`) returns to the prompt
    /// at once even while the engine is busy (the REPL sets it).
    public var abandonsCancelledQueries = false
    /// Bumped by every load, so caches of the store's contents (completion) know to refresh.
    public private(set) var generation = 0

    /// The folder of the annotation cache (`StoreCache`); nil: every load annotates (`--no-cache`).
    public var cacheDirectory: URL?
    /// What the cache did for the last load (`.cache` shows it).
    public private(set) var lastCacheReport: CacheReport?
    /// The paths loaded so far: the cache file is named by them.
    private var loadedPaths: [String] = []
    /// Told where a load is, for a progress line on a terminal (the command line sets it).
    public var progress: ((LoadProgress) -> Void)?

    /// Where `.output FILE` sends results, until `.output` changes or the session ends.
    private var outputFile: AtomicOutputFile?

    public var store: ArticleStore { engine.store }

    /// The largest article loaded and the longest and deepest statement run (`--max-article-bytes`,
    /// `--max-query-bytes`, `--max-query-depth`).
    public var limits: Limits {
        get { engine.limits }
        set { engine.limits = newValue }
    }

    public init(store: ArticleStore, format: OutputFormat = .table, width: Int? = nil, limits: Limits = .standard) {
        self.engine = Engine(store: store, limits: limits)
        self.format = format
        self.width = width
    }

    /// Runs one statement or meta-command. `origin` names where it came from (a script path,
    /// "<repl>", "<command line>"); `line`/`column` place its first character in that origin.
    public func execute(_ text: String, origin: String = "<repl>", line: Int = 1, column: Int = 1) -> Outcome {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return Outcome() }
        if trimmed.hasPrefix(".") {
            return MetaCommand.run(trimmed, in: self, origin: origin, line: line, column: column)
        }
        let started = DispatchTime.now()
        let source = Source(text, name: origin, firstLine: line, firstColumn: column)
        var environment = self.environment
        guard let result = runOnOwnThread(source, environment: &environment), !shouldCancel()
        else {
            return Outcome(error: "query cancelled (Ctrl-C)")
        }
        // A `let` that was cancelled defines nothing. The result a `let` replaces may be a condition
        // nested as deep as the limits allow, whose release recurses as deep: it is let go on a
        // thread with the stack for it.
        let replaced = Holder(self.environment)
        self.environment = environment
        if trimmed.prefix(3).lowercased() == "let" { onOwnThread { replaced.value = nil } }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        switch result {
        case .success(.rows(let rows)):
            return present(rows, elapsed: elapsed)
        case .success(.text(let text)):
            let body = TerminalSafe.escape(text, keepLayout: true) + (text.hasSuffix("\n") ? "" : "\n")
            let footer = timer ? Self.dim("(\(Self.duration(elapsed)))", color && outputFile == nil) + "\n" : ""
            // `let NAME = …` answers with a confirmation, which is for the terminal, not the results.
            let firstWord = trimmed.prefix { !$0.isWhitespace }.lowercased()
            if firstWord == "let" { return Outcome(output: body + footer) }
            return deliver(body, footer: footer)
        case .failure(let error):
            return Outcome(error: DiagnosticRenderer.render(error))
        }
    }

    /// Runs a statement on a thread of its own, whose stack is sized for the deepest statement the
    /// limits allow (`Limits.stackBytes`). With `abandonsCancelledQueries`, this thread watches
    /// `shouldCancel` meanwhile and gives nil when it says yes: the engine has no way to stop a
    /// running query yet, so a cancelled one is left to finish on its thread and its result is
    /// thrown away (the store is a value: nothing it holds can change under it).
    private func runOnOwnThread(_ source: Source, environment: inout Environment) -> Result<QueryOutcome, QueryError>? {
        let box = ResultBox(environment: environment)
        let engine = self.engine
        let thread = Thread {
            // Ctrl-C is for the thread that reads the terminal.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            var environment = box.environment
            box.result = engine.run(source, environment: &environment)
            box.environment = environment
            box.done.signal()
        }
        thread.stackSize = engine.limits.stackBytes
        thread.start()
        if abandonsCancelledQueries {
            while box.done.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
                if shouldCancel() { return nil }
            }
        } else {
            box.done.wait()
        }
        environment = box.environment
        return box.result
    }

    /// Runs `body` on a thread with the stack the limits call for, and waits for it.
    private func onOwnThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { body(); done.signal() }
        thread.stackSize = engine.limits.stackBytes
        thread.start()
        done.wait()
    }

    /// Formats rows for where they go: cut after `maxRows` on the terminal, a footer with the
    /// count and time when the timer is on, control characters escaped on a terminal, colour.
    private func present(_ result: ResultSet, elapsed: Double) -> Outcome {
        let toFile = outputFile != nil
        var shown = result
        let total = result.rows.count
        var hidden = 0
        if !toFile, let maxRows, total > maxRows {
            hidden = total - maxRows
            shown.rows = Array(result.rows.prefix(maxRows))
        }
        var body = ResultFormatter(format: format, width: terminalWidth?() ?? width,
                                   countBars: terminalOutput && !toFile).format(shown)
        let rowCount = "\(total) \(total == 1 ? "row" : "rows")"
        var footer: [String] = []
        if hidden > 0 { footer.append("… \(hidden) more \(hidden == 1 ? "row" : "rows") (.maxrows N or --max-rows N shows more)") }
        if format == .table, hidden > 0 || timer {
            // The table's own "(N rows)" line counts the rows shown: replace it with the total.
            var lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            if let last = lines.last, last.hasPrefix("("), last.hasSuffix(")") { lines.removeLast() }
            body = lines.joined(separator: "\n") + "\n"
            footer.append("(" + rowCount + (timer ? ", " + Self.duration(elapsed) : "") + ")")
        } else if timer {
            footer.append("(" + rowCount + ", " + Self.duration(elapsed) + ")")
        }
        let colored = color && !toFile
        if !toFile {
            if terminalOutput, format == .csv || format == .tsv { body = TerminalSafe.escape(body, keepLayout: true) }
            if colored, format == .table { body = Self.colorTable(body) }
        }
        let footerText = footer.map { Self.dim($0, colored) + "\n" }.joined()
        if colored, format == .table, footer.isEmpty { body = Self.colorFooter(body) }
        var outcome = deliver(body, footer: footerText)
        // Remarks on the answer (why it may be empty) are for the user, not for the rows.
        if !result.notes.isEmpty {
            let notes = result.notes.map { "note: " + $0 }.joined(separator: "\n")
            outcome.notes = outcome.notes.map { $0 + "\n" + notes } ?? notes
        }
        return outcome
    }

    /// `.vars`: the named results, in the current format (never cut, never to a file).
    func listNames() -> Outcome {
        guard !environment.isEmpty else { return Outcome(output: "no named results yet; `let NAME = QUERY` defines one\n") }
        var body = ResultFormatter(format: format, width: terminalWidth?() ?? width).format(environment.listing)
        if terminalOutput { body = TerminalSafe.escape(body, keepLayout: true) }
        if color, format == .table { body = Self.colorFooter(Self.colorTable(body)) }
        return Outcome(output: body)
    }

    /// Results go to the `.output` file when there is one, the footer always to the terminal.
    private func deliver(_ body: String, footer: String) -> Outcome {
        guard let outputFile else { return Outcome(output: body + footer) }
        do {
            try outputFile.write(body)
        } catch {
            return Outcome(output: footer, error: "cannot write \(TerminalSafe.escape(outputFile.path)): \(error.localizedDescription)")
        }
        return Outcome(output: footer)
    }

    // MARK: - .output

    /// `.output FILE` (nil: back to the terminal). The file being written is finished first.
    func redirectOutput(to path: String?, at: (origin: String, line: Int, column: Int)) -> Outcome {
        var notes: [String] = []
        if let finished = outputFile?.path {
            if let problem = finishOutput() { return Outcome(error: problem) }
            notes.append("wrote \(TerminalSafe.escape(finished))")
        }
        if let path {
            do {
                outputFile = try AtomicOutputFile(path: path)
                notes.append("results go to \(TerminalSafe.escape(path)) (written when .output changes or newsq ends)")
            } catch {
                return Outcome(notes: notes.isEmpty ? nil : notes.joined(separator: "\n"),
                               error: "\(at.origin):\(at.line):\(at.column): error: cannot write \(TerminalSafe.escape(path)): \(error.localizedDescription)")
            }
        }
        return Outcome(notes: notes.isEmpty ? nil : notes.joined(separator: "\n"))
    }

    /// Finishes the `.output` file, if any (renames it into place); the problem met, if one.
    /// Called when `.output` changes and when the session ends.
    @discardableResult
    public func finishOutput() -> String? {
        guard let file = outputFile else { return nil }
        outputFile = nil
        do {
            try file.commit()
            return nil
        } catch {
            return "newsq: cannot write \(TerminalSafe.escape(file.path)): \(error.localizedDescription)"
        }
    }

    /// The file `.output` sends results to, if any.
    public var outputPath: String? { outputFile?.path }

    // MARK: - Loading

    /// Loads more articles (files or folders) into the store; returns the problems met, rendered.
    @discardableResult
    public func load(_ paths: [String]) -> (loaded: Int, notes: String?) {
        let result = load(paths, shouldCancel: { false })
        return (result.loaded, result.notes)
    }

    /// Loads more articles, annotating them one by one and asking `shouldCancel` between them:
    /// when it says yes, nothing is added (the store stays as it was) and `cancelled` is true.
    /// (The loader asks it between files too.)
    public func load(_ paths: [String], shouldCancel: () -> Bool) -> (loaded: Int, notes: String?, cancelled: Bool) {
        progress?(.reading)
        defer { progress?(.done) }
        let result = CorpusLoader(maxArticleBytes: limits.maxArticleBytes).load(paths: paths, shouldCancel: shouldCancel)
        var issues = result.issues
        func notes() -> String? { issues.isEmpty ? nil : issues.map(\.description).joined(separator: "\n") }
        if result.cancelled || shouldCancel() { return (0, notes(), true) }
        func annotate(_ documents: [Document]) -> [ArticleAnnotations]? {
            Self.annotate(documents, shouldCancel: shouldCancel, progress: progress)?.map(\.annotatorOutput)
        }
        var store: ArticleStore
        if let directory = cacheDirectory {
            // The store already loaded and the new articles (which win, by id) make one corpus,
            // cached under the paths loaded so far.
            var byID: [String: Document] = [:]
            for article in engine.store.articles {
                byID[article.id] = Document(id: article.id, text: article.text, origin: article.origin, bodyStart: article.bodyStart,
                                            title: article.title, metadata: article.metadata)
            }
            for document in result.documents { byID[document.id] = document }
            let corpusPaths = loadedPaths + paths.filter { !loadedPaths.contains($0) }
            let cache = StoreCache(file: StoreCache.file(for: corpusPaths, in: directory))
            progress?(.cache)
            guard let (cached, report) = cache.store(for: Array(byID.values), annotate: { documents in
                guard let annotations = annotate(documents) else { return nil }
                self.progress?(.indexing)
                return annotations
            }) else { return (0, notes(), true) }
            issues += report.problems
            lastCacheReport = report
            loadedPaths = corpusPaths
            store = cached
        } else {
            guard let annotations = annotate(result.documents) else { return (0, notes(), true) }
            progress?(.indexing)
            store = engine.store
            store.add(zip(result.documents, annotations).map { Article(document: $0, annotations: $1) })
        }
        engine = Engine(store: store, limits: limits)
        generation += 1
        return (result.documents.count, notes(), false)
    }

    /// Annotates documents on every core, in batches, asking `shouldCancel` between batches and
    /// telling `progress` how far it is; nil when cancelled. The articles come back in the documents' order.
    static func annotate(_ documents: [Document], shouldCancel: () -> Bool, progress: ((LoadProgress) -> Void)? = nil) -> [Article]? {
        let annotator = Annotator()
        let batchSize = 64
        var articles: [Article] = []
        articles.reserveCapacity(documents.count)
        var start = 0
        while start < documents.count {
            if shouldCancel() { return nil }
            progress?(.annotating(done: start, of: documents.count))
            let batch = Array(documents[start..<min(start + batchSize, documents.count)])
            let slots = ArticleSlots(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                slots.set(i, Article(document: batch[i], annotations: annotator.annotate(batch[i])))
            }
            articles += slots.articles
            start += batchSize
        }
        return articles
    }

    /// A one-paragraph summary of what is loaded (for the banner and `.load`).
    public var summary: String {
        let articles = store.articles.count
        let outlets = Set(store.articles.compactMap(\.metadata.source)).count
        let quotes = store.quoteIDs.count
        return "\(articles) \(articles == 1 ? "article" : "articles"), \(outlets) known \(outlets == 1 ? "outlet" : "outlets"), \(quotes) \(quotes == 1 ? "quotation" : "quotations")"
    }

    // MARK: - Presentation helpers

    /// "12.3 ms" under a second, "1.234 s" from there.
    static func duration(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.3f s", seconds)
    }

    static let bold = "\u{1B}[1m", faint = "\u{1B}[2m", reset = "\u{1B}[0m"

    static func dim(_ text: String, _ on: Bool) -> String { on ? faint + text + reset : text }

    /// A table with its header bold and its rule and row-count line dim (the data is already
    /// escaped by the formatter, so these are the only escape sequences in it).
    static func colorTable(_ table: String) -> String {
        var lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count >= 2 {
            lines[0] = bold + lines[0] + reset
            lines[1] = faint + lines[1] + reset
        }
        return lines.joined(separator: "\n")
    }

    /// Dims a table's own "(N rows)" line.
    static func colorFooter(_ table: String) -> String {
        var lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let last = lines.last == "" ? lines.count - 2 : lines.count - 1
        if last >= 2, lines[last].hasPrefix("("), lines[last].hasSuffix(")") { lines[last] = faint + lines[last] + reset }
        return lines.joined(separator: "\n")
    }
}

/// A results file written atomically: everything goes to a temporary file in the same folder,
/// which is renamed over `path` by `commit`, so a reader never sees half a file.
final class AtomicOutputFile {
    let path: String
    private let temporary: String
    private var handle: FileHandle?

    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw POSIXError(.EISDIR)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes it 0600; a results file gets the usual mode (0666 less the umask).
        let mask = umask(0)
        umask(mask)
        _ = fchmod(fd, 0o666 & ~mask)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    deinit {
        if handle != nil {
            try? handle?.close()
            unlink(temporary)
        }
    }

    func write(_ text: String) throws {
        guard let handle else { throw POSIXError(.EBADF) }
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Flushes, closes and renames the file into place.
    func commit() throws {
        guard let handle else { return }
        self.handle = nil
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

/// A value handed to another thread to be let go there.
private final class Holder<Value>: @unchecked Sendable {
    var value: Value?
    init(_ value: Value) { self.value = value }
}

/// A query's result handed from its thread to the one waiting for it (the semaphore orders them).
private final class ResultBox: @unchecked Sendable {
    var result: Result<QueryOutcome, QueryError>?
    var environment: Environment
    let done = DispatchSemaphore(value: 0)
    init(environment: Environment) { self.environment = environment }
}

/// Result slots filled by concurrent workers, each writing only its own index.
private final class ArticleSlots: @unchecked Sendable {
    private var slots: [Article?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ article: Article) { lock.lock(); slots[index] = article; lock.unlock() }
    var articles: [Article] { slots.map { $0! } }
}
