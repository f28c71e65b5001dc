/// A plan tree as text, root first, one operator per line, children indented two spaces. Leaves name
/// the index or relation they read and the planner's row estimate; an index lookup whose words were
/// expanded (inflections, prefixes) lists, in braces, the index words each phrase word stands for.
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
            line("IndexLookup \(lookup.index.rawValue) \(quoteString(lookup.phrase.label))\(expansion(lookup.phrase)) (est. \(rows(lookup.estimate)))")
        case .indexNear(let near):
            let words = near.left.isLiteral && near.right.isLiteral ? ""
                : expansion(near.left, always: true) + " /" + expansion(near.right, always: true)
            line("IndexNear \(near.index.rawValue) \(quoteString(near.left.label)) near/\(near.distance) \(quoteString(near.right.label))\(words) (est. \(rows(near.estimate)))")
        case .nearDuplicates(let lookup):
            line("NearDuplicates \(lookup.shingle)-word shingles, shared/shorter >= \(lookup.threshold), shared >= \(lookup.minShared) "
                + "(candidates from the shingle index; \(lookup.articles) articles, est. \(rows(lookup.estimate)))")
        case .speakerCounts(let estimate):
            line("IndexCount quotes by speaker (the speaker index, without repeats; est. \(rows(estimate)))")
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
            line("Aggregate by \(grouping.description)")
            render(input, depth: depth + 1, into: &lines)
        case .sort(let keys, let input):
            let text = keys.map { "\($0.column) \($0.descending ? "desc" : "asc")\($0.emptyLast ? " (empty last)" : "")" }
            line("Sort " + text.joined(separator: ", "))
            render(input, depth: depth + 1, into: &lines)
        case .limit(let count, let input):
            line("Limit \(count)")
            render(input, depth: depth + 1, into: &lines)
        case .project(let columns, let input):
            // The quotation row has many columns: name its shape instead of listing them all.
            let shape = columns == QuoteRows.columns ? "quote row (\(columns.count) columns)"
                : columns == FactRows.columns ? "fact row (\(columns.count) columns)"
                : columns == SentenceRows.columns ? "sentence row (\(columns.count) columns)" : columns.joined(separator: ", ")
            line("Project " + shape)
            render(input, depth: depth + 1, into: &lines)
        case .named(let name, let input):
            line("Named \(name)")
            render(input, depth: depth + 1, into: &lines)
        case .compareFacts(let threshold, let input):
            line("CompareFacts same dimension, similarity >= \(threshold)")
            render(input, depth: depth + 1, into: &lines)
        case .disagreements(let tolerance, let threshold, let input):
            line("Disagreements same dimension, similarity >= \(threshold), values differ > \(Int((tolerance * 100).rounded()))% (dates: at all)")
            render(input, depth: depth + 1, into: &lines)
        }
    }

    private static func rows(_ n: Int) -> String { n == 1 ? "1 row" : "\(n) rows" }

    /// ` {oil} {price, prices}`: the index words of each phrase word ("" when nothing was expanded).
    private static func expansion(_ phrase: PhraseSlots, always: Bool = false) -> String {
        guard always || !phrase.isLiteral else { return "" }
        return phrase.slots.map { slot in
            let shown = slot.prefix(8).joined(separator: ", ")
            return " {" + shown + (slot.count > 8 ? ", … \(slot.count - 8) more" : "") + "}"
        }.joined()
    }

    /// `source = 'US' and not (kind = 'direct' or speaker.country = 'RU')`
    static func describe(_ predicate: Predicate, nested: Bool) -> String {
        let text: String
        switch predicate {
        case .compare(let field, let op, let value):
            return "\(field.name) \(op.rawValue) \(quoted(value))"
        case .oneOf(let field, let values):
            return "\(field.name) in (\(values.map(quoted).joined(separator: ", ")))"
        case .matches(let field, let search):
            return "\(field.name) ~ \(describe(search, nested: true))"
        case .not(let inner):
            return "not " + describe(inner, nested: true)
        case .and(let items): text = items.map { describe($0, nested: true) }.joined(separator: " and ")
        case .or(let items): text = items.map { describe($0, nested: true) }.joined(separator: " or ")
        }
        return nested ? "(\(text))" : text
    }

    /// `'oil price'`, `'pric*'`, `'arms' near/5 'deal'`, `('a' or not 'b')`
    static func describe(_ search: TextSearch, nested: Bool) -> String {
        let text: String
        switch search {
        case .phrase(let words): return quoted(words.map(\.printed).joined(separator: " "))
        case .near(let a, let b, let n):
            text = "\(quoted(a.map(\.printed).joined(separator: " "))) near/\(n) \(quoted(b.map(\.printed).joined(separator: " ")))"
        case .not(let inner): return "not " + describe(inner, nested: true)
        case .and(let items): text = items.map { describe($0, nested: true) }.joined(separator: " and ")
        case .or(let items): text = items.map { describe($0, nested: true) }.joined(separator: " or ")
        }
        return nested ? "(\(text))" : text
    }

    private static func quoted(_ value: String) -> String {
        "'\(value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''"))'"
    }
}
