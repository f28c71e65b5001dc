/// The named results of a session (`let NAME = QUERY`): a value the caller keeps and passes to
/// `Engine.run(_:environment:)`, which adds to it. There is no global state: two sessions have two
/// environments. A name stands for its query, bound when it was defined (so `let a = a where …`
/// narrows `a`), and is run on the current articles each time it is used.
public struct Environment: Sendable {
    struct Binding: Hashable, Sendable {
        /// As first written (names are case-insensitive; this is how they are listed).
        var name: String
        var query: BoundQuery
        /// The query's canonical text.
        var text: String
    }

    /// Keyed by the lower-cased name.
    private(set) var bindings: [String: Binding] = [:]

    public init() {}

    /// The defined names, sorted.
    public var names: [String] { bindings.values.map(\.name).sorted { $0.lowercased() < $1.lowercased() } }

    /// The query text a name stands for (case-insensitive), or nil.
    public func definition(of name: String) -> String? { bindings[name.lowercased()]?.text }

    public var isEmpty: Bool { bindings.isEmpty }

    /// `.vars`: one row per name, with the query it stands for.
    public var listing: ResultSet {
        ResultSet(columns: ["name", "query"], rows: names.map { name in
            [.text(name), .text(bindings[name.lowercased()]!.text)]
        })
    }

    func binding(named name: String) -> Binding? { bindings[name.lowercased()] }

    mutating func bind(_ name: String, to query: BoundQuery, text: String) {
        bindings[name.lowercased()] = Binding(name: name, query: query, text: text)
    }
}
