/// One mention of an entity in the store: article index, span of the name, entity id, and the
/// sentence the mention is in (`ArticleStore.entityMentions`, in article order then text order).
public struct MentionRow: Hashable, Sendable {
    public var article: Int
    public var span: Span
    public var entity: Int
    /// The sentence holding the mention (the mention's own span when it lies in no sentence, as in a title).
    public var sentence: Span
    /// The mention lies in a boilerplate line (a caption, a photo credit, an author bio…).
    public var isBoilerplate: Bool = false
}

/// The row shapes of `entities`, `mentions` and `who mentioned`.
enum EntityRows {
    static let entityColumns = ["entity", "type", "country", "aliases", "roles", "mentions", "articles"]
    static let mentionColumns = ["entity", "type", "article", "start", "end", "text", "source", "source_country", "sentence",
                                  "clause"]
    /// What a table on a terminal shows of `mentions` (the sentence and the clause only in machine formats).
    static let mentionTableColumns = Array(mentionColumns.prefix(8))
    /// `who mentioned NAME`: one row per article.
    static let mentionerColumns = ["article", "source", "source_country", "mentions"]
    static let numericColumns: Set<String> = ["mentions", "articles", "start", "end"]

    static func entityRow(_ id: Int, in store: ArticleStore) -> [Value] {
        let e = store.entities.entities[id]
        return [.text(e.name), .text(e.type.rawValue), e.country.map(Value.text) ?? .null,
                .list(e.aliases.map(Value.text)), .list(e.roles.map(Value.text)), .int(store.entityCounts[id].mentions),
                .int(store.entityCounts[id].articles)]
    }

    static func mentionRow(_ n: Int, in store: ArticleStore) -> [Value] {
        let m = store.entityMentions[n]
        let e = store.entities.entities[m.entity]
        let article = store.articles[m.article]
        return [.text(e.name), .text(e.type.rawValue), .text(article.id), .int(m.span.start), .int(m.span.end),
                .text(article.text(of: m.span)), article.metadata.source.map(Value.text) ?? .null,
                article.metadata.country.map(Value.text) ?? .null, .text(article.line(of: m.sentence)),
                .text(article.line(of: Clause.span(around: m.span, in: m.sentence, of: article)))]
    }

    static func entityResultSet(_ ids: [Int], in store: ArticleStore) -> ResultSet {
        ResultSet(columns: entityColumns, rows: ids.map { entityRow($0, in: store) }, numericColumns: ["mentions", "articles"])
    }

    static func mentionResultSet(_ numbers: [Int], in store: ArticleStore) -> ResultSet {
        ResultSet(columns: mentionColumns, rows: numbers.map { mentionRow($0, in: store) }, numericColumns: ["start", "end"],
                  tableColumns: mentionTableColumns)
    }

    /// `who mentioned`: mentions grouped by article → article, source, source_country, mentions.
    static func byArticle(_ numbers: [Int], in store: ArticleStore) -> [[Value]] {
        var order: [Int] = []
        var counts: [Int: Int] = [:]
        for n in numbers {
            let a = store.entityMentions[n].article
            if counts[a] == nil { order.append(a) }
            counts[a, default: 0] += 1
        }
        return order.map { a in
            let article = store.articles[a]
            return [.text(article.id), article.metadata.source.map(Value.text) ?? .null,
                    article.metadata.country.map(Value.text) ?? .null, .int(counts[a]!)]
        }
    }
}
