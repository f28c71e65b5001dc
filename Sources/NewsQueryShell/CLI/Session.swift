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
    public var format: OutputFormat
    /// Table width (the terminal's), or nil for no limit.
    public var width: Int?

    public var store: ArticleStore { engine.store }

    public init(store: ArticleStore, format: OutputFormat = .table, width: Int? = nil) {
        self.engine = Engine(store: store)
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
        switch engine.run(Source(text, name: origin, firstLine: line, firstColumn: column)) {
        case .success(.rows(let rows)):
            return Outcome(output: ResultFormatter(format: format, width: width).format(rows))
        case .success(.text(let text)):
            return Outcome(output: TerminalSafe.escape(text, keepLayout: true) + (text.hasSuffix("\n") ? "" : "\n"))
        case .failure(let error):
            return Outcome(error: DiagnosticRenderer.render(error))
        }
    }

    /// Loads more articles (files or folders) into the store; returns the problems met, rendered.
    @discardableResult
    public func load(_ paths: [String]) -> (loaded: Int, notes: String?) {
        let result = CorpusLoader().load(paths: paths)
        var store = engine.store
        let annotator = Annotator()
        store.add(result.documents.map { Article(document: $0, annotations: annotator.annotate($0)) })
        engine = Engine(store: store)
        let notes = result.issues.map(\.description).joined(separator: "\n")
        return (result.documents.count, notes.isEmpty ? nil : notes)
    }

    /// A one-paragraph summary of what is loaded (for the banner and `.load`).
    public var summary: String {
        let articles = store.articles.count
        let outlets = Set(store.articles.compactMap(\.metadata.source)).count
        let quotes = store.quoteIDs.count
        return "\(articles) \(articles == 1 ? "article" : "articles"), \(outlets) known \(outlets == 1 ? "outlet" : "outlets"), \(quotes) \(quotes == 1 ? "quotation" : "quotations")"
    }
}
