/// A plan tree as text, root first, one operator per line, children indented two spaces. Leaves name
/// the index or relation they read and the planner's row estimate.
enum Explain {
    static func render(_ plan: LogicalPlan) -> String {
        var lines: [String] = []
        render(plan, depth: 0, into: &lines)
        return lines.joined(separator: "\n")
    }

    private static func render(_ plan: LogicalPlan, depth: Int, into lines: inout [String]) {
        let indent = String(repeating: "  ", count: depth)
        func line(_ text: String) { lines.append(indent + text) }
        switch plan {
        case .scan(let relation, let estimate):
            line("Scan \(relation.rawValue) (est. \(rows(estimate)))")
        case .indexLookup(let lookup):
            line("IndexLookup \(lookup.index.rawValue) \(quoteString(lookup.words.joined(separator: " "))) (est. \(rows(lookup.estimate)))")
        case .intersect(let inputs):
            line("Intersect")
            for input in inputs { render(input, depth: depth + 1, into: &lines) }
        case .union(let inputs):
            line("Union")
            for input in inputs { render(input, depth: depth + 1, into: &lines) }
        case .except(let left, let right):
            line("Except")
            render(left, depth: depth + 1, into: &lines)
            render(right, depth: depth + 1, into: &lines)
        case .filter(let predicate, let input):
            line("Filter \(describe(predicate, nested: false))")
            render(input, depth: depth + 1, into: &lines)
        case .aggregate(let grouping, let input):
            line("Aggregate by \(grouping.rawValue)")
            render(input, depth: depth + 1, into: &lines)
        case .sort(let keys, let input):
            let text = keys.map { "\($0.column) \($0.descending ? "desc" : "asc")\($0.emptyLast ? " (empty last)" : "")" }
            line("Sort " + text.joined(separator: ", "))
            render(input, depth: depth + 1, into: &lines)
        case .limit(let count, let input):
            line("Limit \(count)")
            render(input, depth: depth + 1, into: &lines)
        case .project(let columns, let input):
            line("Project " + columns.joined(separator: ", "))
            render(input, depth: depth + 1, into: &lines)
        }
    }

    private static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

    /// `source = 'US' and not (kind = 'direct' or speaker.country = 'RU')`
    static func describe(_ predicate: Predicate, nested: Bool) -> String {
        let text: String
        switch predicate {
        case .compare(let field, let op, let value, _):
            return "\(field.name) \(op.rawValue) '\(value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''"))'"
        case .not(let inner):
            return "not " + describe(inner, nested: true)
        case .and(let items): text = items.map { describe($0, nested: true) }.joined(separator: " and ")
        case .or(let items): text = items.map { describe($0, nested: true) }.joined(separator: " or ")
        }
        return nested ? "(\(text))" : text
    }
}
