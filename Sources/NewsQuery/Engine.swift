/// The public facade of the query pipeline: Source → tokens → AST → bound query → plan → result.
public struct Engine: Sendable {
    public var store: ArticleStore

    public init(store: ArticleStore) { self.store = store }

    /// Parses, plans and runs one statement (a trailing `;` is allowed). `explain STATEMENT` gives the
    /// plan as `.text`, one operator per line; other statements give `.rows`.
    public func run(_ source: Source) -> Result<QueryOutcome, QueryError> {
        let bound: BoundStatement
        switch Engine.compile(source) {
        case .success(let statement): bound = statement
        case .failure(let error): return .failure(error)
        }
        let plan = Planner(store: store).plan(bound.query)
        if bound.explain { return .success(.text(Explain.render(plan))) }
        return .success(.rows(Executor(store: store).run(plan)))
    }

    /// Lexes, parses and binds a statement: everything that can fail, and nothing that needs the store.
    static func compile(_ source: Source) -> Result<BoundStatement, QueryError> {
        let (statement, diagnostics) = Parser.parse(source)
        guard let statement, diagnostics.isEmpty else {
            return .failure(QueryError(source: source, diagnostics: diagnostics))
        }
        let (bound, problems) = Binder.bind(statement)
        guard let bound, problems.isEmpty else { return .failure(QueryError(source: source, diagnostics: problems)) }
        return .success(bound)
    }
}
