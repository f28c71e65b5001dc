/// The row shapes of `numbers`, `compare numbers` and `disagreements`.
enum FactRows {
    /// `fact` is the fact's id, `ARTICLE:START`.
    static let columns = ["fact", "article", "kind", "text", "value", "unit", "normalized", "normalized_unit", "dimension",
                          "measure", "date", "compared", "evidence", "source", "source_country", "start", "end", "sentence", "clause"]
    /// What a table on a terminal shows of `numbers`.
    static let tableColumns = ["fact", "text", "compared", "measure"]

    /// `compare numbers`: one row per fact, facts of the same kind together under one `group`.
    /// `compared` is what is compared, as text: the normalised value and unit, or the date.
    static let compareColumns = ["group", "measure", "article", "source", "text", "value", "unit", "normalized",
                                 "normalized_unit", "date", "compared", "sentence"]
    static let compareTableColumns = ["group", "article", "text", "compared", "sentence"]

    /// `disagreements`: two rows per disagreement, one for each side, with its evidence sentence.
    static let disagreementColumns = ["disagreement", "measure", "article", "source", "text", "normalized", "normalized_unit",
                                      "date", "compared", "difference", "sentence"]
    static let disagreementTableColumns = ["disagreement", "article", "text", "compared", "difference", "sentence"]

    static let numericColumns: Set<String> = ["value", "normalized", "start", "end", "group", "disagreement"]

    /// The columns a terminal table shows for a result with these columns (nil: all).
    static func tableColumns(for columns: [String]) -> [String]? {
        switch columns {
        case Self.columns: tableColumns
        case compareColumns: compareTableColumns
        case disagreementColumns: disagreementTableColumns
        default: nil
        }
    }

    /// What is compared, as text: `1099.2 km`, `2023-09-12`, or the text when there is no value.
    static func compared(_ f: Fact) -> Value {
        if f.kind == .date { return f.date.map(Value.text) ?? .null }
        guard let n = f.normalized else { return .null }
        return .text(number(n).plainText + " " + f.normalizedUnit)
    }

    static func number(_ d: Double?) -> Value {
        guard let d else { return .null }
        return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .number(d)
    }

    /// The sentence of a fact, on one line.
    static func sentence(_ fact: Fact, in article: Article) -> String {
        article.line(of: fact.sentence)
    }

    /// The clause of its sentence a fact is in (`Clause`), on one line.
    static func clause(_ fact: Fact, in article: Article) -> String {
        article.line(of: Clause.span(around: fact.span, in: fact.sentence, of: article))
    }

    static func row(_ n: Int, in store: ArticleStore) -> [Value] {
        let entry = store.facts.entries[n]
        let article = store.articles[entry.article]
        let f = entry.fact
        func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
        return [
            .text("\(article.id):\(f.span.start)"), .text(article.id), .text(f.kind.rawValue), .text(article.text(of: f.span)),
            number(f.value), .text(f.unit), number(f.normalized), .text(f.normalizedUnit), .text(f.dimension.rawValue),
            .text(f.measure), text(f.date), compared(f), text(f.evidence), text(article.metadata.source), text(article.metadata.country),
            .int(f.span.start), .int(f.span.end), .text(sentence(f, in: article)), .text(clause(f, in: article)),
        ]
    }

    static func resultSet(_ numbers: [Int], in store: ArticleStore) -> ResultSet {
        ResultSet(columns: columns, rows: numbers.map { row($0, in: store) }, numericColumns: numericColumns,
                  tableColumns: tableColumns)
    }

    /// What a group of facts measures: the dimension and the words all its facts share (else the
    /// first fact's measure).
    static func groupMeasure(_ group: [Int], in store: ArticleStore) -> String {
        let facts = group.map { store.facts.entries[$0].fact }
        guard let first = facts.first else { return "" }
        guard facts.count > 1 else { return first.measure }
        let shared = facts.dropFirst().reduce(Set(first.measureWords)) { $0.intersection($1.measureWords) }
        guard !shared.isEmpty else { return first.measure }
        return ([first.dimension.label] + first.measureWords.filter { shared.contains($0) }).joined(separator: " ")
    }

    /// `compare numbers`: the facts grouped by `FactComparison`, one row per fact.
    static func compare(_ numbers: [Int], in store: ArticleStore, threshold: Double) -> [[Value]] {
        let comparison = FactComparison(table: store.facts, threshold: threshold)
        var rows: [[Value]] = []
        for (g, group) in comparison.groups(numbers).enumerated() {
            let measure = groupMeasure(group, in: store)
            for n in group {
                let entry = store.facts.entries[n]
                let article = store.articles[entry.article]
                let f = entry.fact
                rows.append([.int(g + 1), .text(measure), .text(article.id), article.metadata.source.map(Value.text) ?? .null,
                             .text(article.text(of: f.span)), number(f.value), .text(f.unit), number(f.normalized),
                             .text(f.normalizedUnit), f.date.map(Value.text) ?? .null, compared(f), .text(sentence(f, in: article))])
            }
        }
        return rows
    }

    /// `disagreements`: two rows per disagreement.
    static func disagreements(_ numbers: [Int], in store: ArticleStore, tolerance: Double, threshold: Double) -> [[Value]] {
        let comparison = FactComparison(table: store.facts, threshold: threshold, tolerance: tolerance)
        var rows: [[Value]] = []
        for (d, pair) in comparison.disagreements(numbers).enumerated() {
            let measure = groupMeasure([pair.first, pair.second], in: store)
            let difference: Value = pair.difference.map { .text(String(Int(($0 * 1000).rounded()) / 10) + "." + String(Int(($0 * 1000).rounded()) % 10) + "%") }
                ?? .text("dates differ")
            for n in [pair.first, pair.second] {
                let entry = store.facts.entries[n]
                let article = store.articles[entry.article]
                let f = entry.fact
                rows.append([.int(d + 1), .text(measure), .text(article.id), article.metadata.source.map(Value.text) ?? .null,
                             .text(article.text(of: f.span)), number(f.normalized), .text(f.normalizedUnit),
                             f.date.map(Value.text) ?? .null, compared(f), difference, .text(sentence(f, in: article))])
            }
        }
        return rows
    }
}
