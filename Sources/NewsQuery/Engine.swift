/// The public facade of the query pipeline: Source → tokens → AST → bound query → plan → result.
public struct Engine: Sendable {
    public var store: ArticleStore

    public init(store: ArticleStore) { self.store = store }

    /// Parses, plans and runs one statement.
    public func run(_ source: Source) -> Result<QueryOutcome, QueryError> {
        .failure(QueryError(source: source, diagnostics: [Diagnostic("not implemented yet", at: .at(0))]))
    }
}
