/// The row shape of `quotes`: one row per quotation, with the keys `attribution_eval.py` reads, then the
/// speaker entity's type and roles (`speaker_type`, `speaker_role`) and the sentence(s) holding the
/// quotation (`sentence`, on one line).
enum QuoteRows {
    /// `quote` is the statement's id, `ARTICLE:START` (what `context` takes).
    static let columns = ["quote", "article", "start", "end", "text", "speaker", "speaker_start", "speaker_end",
                          "speaker_mention", "cue", "cue_start", "cue_end", "cue_class", "kind", "source", "source_country",
                          "speaker_country", "language", "speaker_type", "speaker_role", "sentence"]
    static let numericColumns: Set<String> = ["start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end"]
    /// What a table on a terminal shows; every other format gets all the columns.
    static let tableColumns = ["quote", "speaker", "cue", "kind", "text"]

    static func row(_ id: QuoteID, in store: ArticleStore) -> [Value] {
        row(id, of: store.articles[id.article], in: store)
    }

    /// The article is borrowed, not copied (an `Article` holds some twenty references).
    private static func row(_ id: QuoteID, of article: borrowing Article, in store: ArticleStore) -> [Value] {
        let quote = article.annotations.quotations[id.index]
        func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
        func text(_ span: Span?) -> Value { span.map { .text(article.text(of: $0)) } ?? .null }
        func int(_ i: Int?) -> Value { i.map(Value.int) ?? .null }
        let entity = store.speakerEntity(id).flatMap { store.entities.entity(id: $0) }
        return [
            .text("\(article.id):\(quote.content.start)"), .text(article.id), .int(quote.content.start), .int(quote.content.end),
            .text(article.text(of: quote.content)),
            text(quote.speaker), int(quote.speakerMention?.start), int(quote.speakerMention?.end),
            text(quote.speakerMention),
            text(quote.cue), int(quote.cue?.start), int(quote.cue?.end), .text(quote.cueClass.rawValue),
            .text(quote.kind.rawValue), text(article.metadata.source), text(article.metadata.country),
            text(quote.speakerCountry), text(article.metadata.language),
            text(entity?.type.rawValue), entity.map { Value.list($0.roles.map(Value.text)) } ?? .null,
            .text(article.line(of: article.sentences(holding: quote.content))),
        ]
    }

    static func resultSet(_ ids: [QuoteID], in store: ArticleStore) -> ResultSet {
        ResultSet(columns: columns, rows: ids.map { row($0, in: store) }, numericColumns: numericColumns,
                  tableColumns: tableColumns)
    }
}
