import ArgumentParser
import Foundation
import NewsQuery

/// `newsq [PATH ...]`: load articles, then answer queries from `-e`, `-f`, piped stdin, or the REPL.
public struct NewsQueryCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newsq",
        abstract: "Ask who said what, where, across news articles.",
        discussion: """
        Loads .txt/.md files (first non-empty line is the title), .jsonl files (one article per line:
        id, title, text, metadata) and folders, with metadata from YAML front matter and corpus.yaml.
        With no PATH the bundled example corpus loads. With neither -e nor -f, statements are read
        from standard input: interactively (a REPL) when it is a terminal, else as a script.

        Example:  newsq -e 'who said "price" where source = US'
        """)

    @Argument(help: "Article files or folders to load (default: the bundled example corpus).")
    var paths: [String] = []

    @Option(name: [.customShort("e"), .long], help: ArgumentHelp("Run a statement and exit (repeatable).", valueName: "statement"))
    var execute: [String] = []

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp("Run a script file and exit (repeatable).", valueName: "script"))
    var file: [String] = []

    @Option(help: ArgumentHelp("Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var format: String = "table"

    @Flag(name: [.customShort("q"), .long], help: "No start-up banner and no load summary.")
    var quiet = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "Folder of the annotation cache (default: $NEWSQ_CACHE_DIR, else $XDG_CACHE_HOME/newsq, else ~/.cache/newsq).",
        valueName: "folder"))
    var cacheDirectory: String?

    @Flag(name: .customLong("no-cache"), help: "Annotate every article, without reading or writing the annotation cache.")
    var noCache = false

    @Option(name: .customLong("max-article-bytes"), help: ArgumentHelp(
        "Largest article file or JSONL line loaded; larger ones are skipped with a warning (default: \(Limits.standard.maxArticleBytes), 16 MiB).",
        valueName: "bytes"))
    var maxArticleBytes: Int = Limits.standard.maxArticleBytes

    @Option(name: .customLong("max-query-bytes"), help: ArgumentHelp(
        "Longest statement run, in bytes (default: \(Limits.standard.maxQueryBytes), 64 KiB).", valueName: "bytes"))
    var maxQueryBytes: Int = Limits.standard.maxQueryBytes

    @Option(name: .customLong("max-query-depth"), help: ArgumentHelp(
        "Deepest nesting of parentheses and `not` in a statement (default: \(Limits.standard.maxQueryDepth), at most \(Limits.deepestQueryDepth)).",
        valueName: "levels"))
    var maxQueryDepth: Int = Limits.standard.maxQueryDepth

    @Option(name: .customLong("max-rows"), help: ArgumentHelp(
        "Rows the REPL shows before cutting a result (default: \(REPL.defaultMaxRows); 0: all; .maxrows changes it).", valueName: "n"))
    var maxRows: Int = REPL.defaultMaxRows

    public init() {}

    public func validate() throws {
        guard OutputFormat(rawValue: format.lowercased()) != nil else {
            throw ValidationError("unknown format '\(format)'; choose one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard maxArticleBytes > 0 else { throw ValidationError("--max-article-bytes takes a positive number of bytes") }
        guard maxQueryBytes > 0 else { throw ValidationError("--max-query-bytes takes a positive number of bytes") }
        guard (1...Limits.deepestQueryDepth).contains(maxQueryDepth) else {
            throw ValidationError("--max-query-depth takes a number of levels from 1 to \(Limits.deepestQueryDepth)")
        }
        guard maxRows >= 0 else { throw ValidationError("--max-rows takes a number of rows (0: all)") }
    }

    /// The limits the options set.
    var limits: Limits {
        Limits(maxArticleBytes: maxArticleBytes, maxQueryDepth: maxQueryDepth, maxQueryBytes: maxQueryBytes)
    }

    public func run() throws {
        let terminalOut = isatty(STDOUT_FILENO) == 1
        let session = Session(store: ArticleStore(), format: OutputFormat(rawValue: format.lowercased())!,
                              width: terminalOut ? Terminal.width() : Terminal.pipeWidth, limits: limits)
        if terminalOut {
            session.terminalOutput = true
            session.terminalWidth = Terminal.width  // re-read before each statement: windows get resized
            session.color = Terminal.colorAllowed(environment: ProcessInfo.processInfo.environment)
        }
        // A `.output FILE` still open is written out however the statements end.
        defer {
            if let problem = session.finishOutput() { Console.error(problem + "\n") }
        }
        if !noCache {
            session.cacheDirectory = cacheDirectory.map { URL(fileURLWithPath: $0) } ?? StoreCache.defaultDirectory()
        }
        if isatty(STDERR_FILENO) == 1, !quiet {
            let line = ProgressLine(write: Console.error, width: Terminal.width)
            session.progress = { line.update($0) }
        }
        let corpus = paths.isEmpty ? [BundledCorpus.path].compactMap { $0 } : paths
        if corpus.isEmpty { Console.error("newsq: the bundled example corpus is missing; give article paths\n") }
        let (_, notes) = session.load(corpus)
        if let notes { Console.error(TerminalSafe.escape(notes, keepLayout: true) + "\n") }

        let runner = ScriptRunner(session: session, print: Console.out, printError: Console.error)
        var ok = true
        if !execute.isEmpty || !file.isEmpty {
            for path in file where ok {
                var issues: [LoadIssue] = []
                guard let text = CorpusLoader.readScript(path, issues: &issues) else {
                    issues.forEach { Console.error(TerminalSafe.escape($0.description) + "\n") }
                    throw ExitCode(2)
                }
                ok = runner.run(text, name: path)
            }
            for statement in execute where ok {
                ok = runner.run(statement, name: "<command line>")
            }
        } else if isatty(STDIN_FILENO) == 1 {
            if !quiet { Console.out(Self.banner(session)) }
            let status = REPL.start(session: session, maxRows: maxRows == 0 ? nil : maxRows)
            if status != 0 { throw ExitCode(status) }
        } else {
            var lines: [String] = []
            while let line = Swift.readLine(strippingNewline: true) { lines.append(line) }
            ok = runner.run(lines.joined(separator: "\n"), name: "<stdin>")
        }
        if !ok { throw ExitCode(1) }
    }
}

extension NewsQueryCommand {
    static func banner(_ session: Session) -> String {
        """
        newsq: \(session.summary) loaded.
        Try:  who said "price"
              quotes where speaker = Peskov limit 5
        .help lists statements and meta-commands; Tab completes; Ctrl-D leaves.

        """
    }
}

/// The example corpus shipped inside the package as a resource, so an installed binary finds it.
enum BundledCorpus {
    static var path: String? {
        Bundle.module.url(forResource: "corpus", withExtension: nil)?.path
    }
}

enum Console {
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}

enum Terminal {
    /// Tables written to a pipe or file are cut at this width, so they stay readable and stable
    /// whatever the environment (use csv, tsv or json for full text).
    static let pipeWidth = 120

    /// The terminal's width in columns (stdout), or 100 when it cannot be told.
    static func width() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 100
    }

    /// Colour on a terminal unless NO_COLOR is set to something (no-color.org) or TERM is dumb.
    static func colorAllowed(environment: [String: String]) -> Bool {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}
