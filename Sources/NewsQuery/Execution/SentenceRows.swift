/// The row shapes of `sentences` and `duplicates`.
enum SentenceRows {
    /// `sentence` is the sentence's id, `ARTICLE:START` (as `quote` and `fact` are).
    static let columns = ["sentence", "article", "n", "start", "end", "text", "boilerplate", "repeat", "quotes", "mentions",
                          "words", "source", "source_country", "language", "translated_from", "date"]
    /// What a table on a terminal shows.
    static let tableColumns = ["sentence", "n", "quotes", "text"]
    static let numericColumns: Set<String> = ["n", "start", "end", "quotes", "mentions", "words"]

    static func row(_ n: Int, in store: ArticleStore) -> [Value] {
        let s = store.sentences[n]
        let article = store.articles[s.article]
        func text(_ v: String?) -> Value { v.map(Value.text) ?? .null }
        return [
            .text("\(article.id):\(s.span.start)"), .text(article.id), .int(s.n), .int(s.span.start), .int(s.span.end),
            .text(article.line(of: s.span)), .text(s.isBoilerplate ? "yes" : "no"), .text(s.isRepeat ? "yes" : "no"),
            .int(s.quotes), .int(s.mentions), .int(s.words), text(article.metadata.source), text(article.metadata.country),
            text(article.metadata.language), text(article.metadata.translatedFrom), text(article.metadata.date),
        ]
    }

    static func resultSet(_ numbers: [Int], in store: ArticleStore) -> ResultSet {
        ResultSet(columns: columns, rows: numbers.map { row($0, in: store) }, numericColumns: numericColumns,
                  tableColumns: tableColumns)
    }

    // MARK: - duplicates

    /// One row per pair: the two articles, how similar, what they share, their outlets and titles.
    static let duplicateColumns = ["group", "article", "other", "similarity", "jaccard", "shared", "passages", "source",
                                   "other_source", "title", "other_title"]
    static let duplicateTableColumns = ["group", "article", "other", "similarity", "passages", "source", "other_source"]
    static let duplicateNumericColumns: Set<String> = ["group", "similarity", "jaccard", "shared", "passages"]

    static func duplicateRow(_ n: Int, in store: ArticleStore) -> [Value] {
        let pair = store.duplicates.pairs[n]
        let a = store.articles[pair.first], b = store.articles[pair.second]
        func text(_ v: String?) -> Value { v.map(Value.text) ?? .null }
        return [.int(pair.group), .text(a.id), .text(b.id), .number(rounded(pair.similarity)), .number(rounded(pair.jaccard)), .int(pair.shared),
                .int(pair.passages), text(a.metadata.source), text(b.metadata.source), .text(a.title), .text(b.title)]
    }

    static func duplicateResultSet(_ numbers: [Int], in store: ArticleStore) -> ResultSet {
        ResultSet(columns: duplicateColumns, rows: numbers.map { duplicateRow($0, in: store) },
                  numericColumns: duplicateNumericColumns, tableColumns: duplicateTableColumns)
    }

    /// Two decimals.
    static func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    /// The note for an empty `duplicates` answer.
    static var emptyNote: String {
        "no near-duplicate articles (similarity >= \(NearDuplicates.threshold): shared \(NearDuplicates.shingleLength)-word "
            + "shingles over those of the shorter article, at least \(NearDuplicates.minShared) shared)"
    }
}
