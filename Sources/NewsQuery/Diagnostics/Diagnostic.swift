/// An error in a query, located in its source text. Errors are values: stages return them, and they
/// are rendered once, by `DiagnosticRenderer`.
public struct Diagnostic: Error, Hashable, Sendable {
    public var message: String
    public var range: SourceRange
    /// An extra line such as "did you mean `speaker`?" or the valid choices.
    public var hint: String?

    public init(_ message: String, at range: SourceRange, hint: String? = nil) {
        self.message = message
        self.range = range
        self.hint = hint
    }
}

/// One or more diagnostics from one statement (the parser recovers and may report several).
public struct QueryError: Error, Sendable {
    public var source: Source
    public var diagnostics: [Diagnostic]
    public init(source: Source, diagnostics: [Diagnostic]) {
        self.source = source
        self.diagnostics = diagnostics
    }
}
