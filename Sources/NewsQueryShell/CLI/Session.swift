import NewsQuery

/// One user's session: the loaded store, the output format, and the meta-commands.
/// The REPL, `-e`, `-f` and piped stdin all feed statements through `execute`.
public final class Session {
    /// What happened to one input.
    public struct Outcome {
        /// Text for stdout (already formatted, ends with a newline when non-empty).
        public var output: String = ""
        /// Rendered error for stderr (with caret and FILE:LINE:COL), nil on success.
        public var error: String?
        /// `.quit` was given.
        public var quit = false
    }

    public var engine: Engine
    public var format: OutputFormat
    /// Colour and terminal-width decisions are the caller's; this says whether output goes to a terminal.
    public var terminal: Bool

    public init(store: ArticleStore, format: OutputFormat = .table, terminal: Bool = false) {
        self.engine = Engine(store: store)
        self.format = format
        self.terminal = terminal
    }

    /// Runs one statement or meta-command. `origin` names where it came from (a script path,
    /// "<repl>", "<command line>"); `line`/`column` place its first character in that origin.
    public func execute(_ text: String, origin: String = "<repl>", line: Int = 1, column: Int = 1) -> Outcome {
        Outcome(error: "not implemented")
    }
}
