/// The public facade of the query pipeline: Source → tokens → AST → bound query → plan → result.
/// The engine is a value and keeps no session state: named results (`let`) live in an
/// `Environment` the caller owns and passes to `run(_:environment:)`.
public struct Engine: Sendable {
    public var store: ArticleStore
    /// The longest and deepest statement accepted (`maxQueryBytes`, `maxQueryDepth`).
    public var limits: Limits

    public init(store: ArticleStore, limits: Limits = .standard) {
        self.store = store
        self.limits = limits
    }

    /// Runs one statement without named results (a `let` is run and then forgotten).
    public func run(_ source: Source) -> Result<QueryOutcome, QueryError> {
        var environment = Environment()
        return run(source, environment: &environment)
    }

    /// Parses, plans and runs one statement (a trailing `;` is allowed). Queries give `.rows`
    /// (with `notes` when an empty answer has a likely explanation); `explain`, `let`, `show article`
    /// and `context` give `.text`. `let NAME = QUERY` adds NAME to `environment`; names already in it
    /// can be used as row sources.
    public func run(_ source: Source, environment: inout Environment) -> Result<QueryOutcome, QueryError> {
        let bound: BoundStatement
        switch Engine.compile(source, environment: environment, limits: limits) {
        case .success(let statement): bound = statement
        case .failure(let error): return .failure(error)
        }
        switch bound.action {
        case .run(let query, let explain):
            if let problem = Engine.unknownEntity(query, in: store, source) { return .failure(problem) }
            let plan = Planner(store: store).plan(query)
            if explain { return .success(.text(Explain.render(plan))) }
            var result = Executor(store: store).run(plan)
            if result.rows.isEmpty {
                result.notes = NeighbourHints(store: store).notes(for: query)
                if query.relation == .duplicates, query.shape == .list { result.notes.append(SentenceRows.emptyNote) }
                if let note = Engine.boilerplateNote(query, in: store) { result.notes.append(note) }
            }
            return .success(.rows(result))
        case .bind(let name, let query, let text):
            if let problem = Engine.unknownEntity(query, in: store, source) { return .failure(problem) }
            environment.bind(name, to: query, text: text)
            let count = Executor(store: store).run(Planner(store: store).plan(query)).rows.count
            return .success(.text("let \(name): \(count) \(Engine.unit(of: query, count))"))
        case .showArticle(let id, let range):
            let text = ArticleText(store: store)
            switch text.article(id) {
            case .found(let index): return .success(.text(text.show(index)))
            case let problem: return .failure(Engine.articleError(problem, id, range, source))
            }
        case .context(let id, let idRange, let offset, let offsetRange):
            let text = ArticleText(store: store)
            guard case .found(let index) = text.article(id) else {
                return .failure(Engine.articleError(text.article(id), id, idRange, source))
            }
            guard let quote = text.quotation(in: index, at: offset) else {
                // A sentence id (the `sentence` column of `sentences`) shows the sentence in its place.
                if let sentence = text.sentence(in: index, at: offset) { return .success(.text(text.context(sentence: sentence))) }
                let starts = store.articles[index].annotations.quotations.map { String($0.content.start) }
                return .failure(QueryError(source: source, diagnostics: [Diagnostic(
                    "no quotation of \(store.articles[index].id) starts at or covers offset \(offset)", at: offsetRange,
                    hint: starts.isEmpty ? "the article has no quotations" : "quotations start at: " + starts.joined(separator: ", "))]))
            }
            return .success(.text(text.context(index, quote: quote)))
        }
    }

    /// Lexes, parses and binds a statement: everything that can fail, and nothing that needs the store.
    static func compile(_ source: Source, environment: Environment = Environment(), limits: Limits = .standard) -> Result<BoundStatement, QueryError> {
        if let tooLong = tooLong(source, limits: limits) { return .failure(QueryError(source: source, diagnostics: [tooLong])) }
        let (statement, diagnostics) = Parser.parse(source, maxDepth: limits.maxQueryDepth)
        guard let statement, diagnostics.isEmpty else {
            return .failure(QueryError(source: source, diagnostics: diagnostics))
        }
        let (bound, problems) = Binder.bind(statement, environment: environment)
        guard let bound, problems.isEmpty else { return .failure(QueryError(source: source, diagnostics: problems)) }
        return .success(bound)
    }

    /// A statement longer than `limits.maxQueryBytes`: an error at the first character past the limit.
    static func tooLong(_ source: Source, limits: Limits) -> Diagnostic? {
        let bytes = source.text.utf8.count
        guard bytes > limits.maxQueryBytes else { return nil }
        var offset = 0, used = 0
        for scalar in source.scalars {
            used += UTF8.width(scalar)
            if used > limits.maxQueryBytes { break }
            offset += 1
        }
        return Diagnostic("statement is too long (\(Limits.grouped(bytes)) bytes; at most \(Limits.size(limits.maxQueryBytes)))",
                          at: SourceRange(offset, source.scalars.count),
                          hint: "\(Limits.option(.queryBytes)) N raises the limit")
    }

    /// `who mentioned NAME` where no entity has the alias NAME: an error with the closest names.
    static func unknownEntity(_ query: BoundQuery, in store: ArticleStore, _ source: Source) -> QueryError? {
        guard let name = query.mentioned, let range = query.mentionedRange,
              store.entities.entities(named: name).isEmpty else { return nil }
        var names: [String] = []
        var seen = Set<String>()
        for entity in store.entities.entities {
            for alias in [entity.name] + entity.aliases where seen.insert(alias.lowercased()).inserted { names.append(alias) }
        }
        var hint = Suggestion.didYouMean(name, among: names)
        if hint.isEmpty {
            let lowered = name.lowercased()
            let containing = store.entities.entities.filter { e in ([e.name] + e.aliases).contains { $0.lowercased().contains(lowered) } }
            if !containing.isEmpty { hint = "did you mean " + containing.prefix(5).map { "`\($0.name)`" }.joined(separator: " or ") + "? " }
        }
        hint += "`entities` lists every entity and its aliases"
        return QueryError(source: source, diagnostics: [Diagnostic("no entity is called \(quoteString(name))", at: range, hint: hint)])
    }

    /// For an empty answer that left boilerplate out: how many rows it holds, and how to see them.
    static func boilerplateNote(_ query: BoundQuery, in store: ArticleStore) -> String? {
        guard query.hidesBoilerplate else { return nil }
        var all = query
        all.filter = .and(Planner.conjuncts(query.filter).filter { $0 != .compare(.boilerplate, .equal, value: "no") })
        all.limit = nil
        all.order = []
        all.shape = .list
        let n = Executor(store: store).run(Planner(store: store).plan(all)).rows.count
        guard n > 0 else { return nil }
        let rows: String
        switch query.relation {
        case .sentences: rows = n == 1 ? "sentence" : "sentences"
        case .numbers: rows = n == 1 ? "number or date" : "numbers and dates"
        default: rows = n == 1 ? "mention" : "mentions"
        }
        return "boilerplate is left out: \(n) \(rows) in boilerplate lines \(n == 1 ? "matches" : "match") (`where boilerplate`, or `and boilerplate` after a condition, shows \(n == 1 ? "it" : "them"))"
    }

    private static func unit(of query: BoundQuery, _ count: Int) -> String {
        let one = count == 1
        switch query.shape {
        case .list:
            switch query.relation {
            case .quotes: return one ? "quotation" : "quotations"
            case .articles: return one ? "article" : "articles"
            case .numbers: return one ? "fact (number or date)" : "facts (numbers and dates)"
            case .entities: return one ? "entity" : "entities"
            case .mentions: return one ? "mention" : "mentions"
            case .sentences: return one ? "sentence" : "sentences"
            case .duplicates: return one ? "pair of near-duplicate articles" : "pairs of near-duplicate articles"
            }
        case .speakers: return one ? "speaker" : "speakers"
        case .sources: return one ? "outlet" : "outlets"
        case .counts, .distinct: return one ? "group" : "groups"
        case .mentioners: return one ? "article" : "articles"
        }
    }

    private static func articleError(_ lookup: ArticleText.Lookup, _ id: String, _ range: SourceRange, _ source: Source) -> QueryError {
        let diagnostic: Diagnostic
        switch lookup {
        case .ambiguous(let ids) where id.isEmpty:
            diagnostic = Diagnostic("expected an article id", at: range, hint: "ids: " + ids.joined(separator: ", "))
        case .ambiguous(let ids):
            diagnostic = Diagnostic("`\(id)` begins several article ids", at: range, hint: "which one? " + ids.joined(separator: ", "))
        default:
            var hint = "`articles` lists them"
            if case .missing(let suggestion?) = lookup { hint = "did you mean `\(suggestion)`? " + hint }
            diagnostic = Diagnostic("no article `\(id)`", at: range, hint: hint)
        }
        return QueryError(source: source, diagnostics: [diagnostic])
    }
}
