@testable import NewsQuery

/// A hand-made quotation for a tiny article: what was said and by whom (no annotator involved).
struct Said {
    var text: String
    var speaker: String?
    var country: String?
    var kind: QuoteKind = .direct
    var cueClass: CueClass = .speech
    init(_ text: String, by speaker: String? = nil, _ country: String? = nil, kind: QuoteKind = .direct, cueClass: CueClass = .speech) {
        self.text = text; self.speaker = speaker; self.country = country; self.kind = kind; self.cueClass = cueClass
    }
}

enum TinyStore {
    /// An article whose body is one line per quotation, `NAME said: "TEXT".`, with exact spans.
    static func article(_ id: String, source: String? = nil, country: String? = nil, language: String? = "en",
                        translatedFrom: String? = nil, date: String? = nil, _ quotes: [Said]) -> Article {
        var text = "Title of \(id)\n"
        var quotations: [Quotation] = []
        func length(_ s: String) -> Int { s.unicodeScalars.count }
        for q in quotes {
            let name = q.speaker ?? "Someone"
            let mention = Span(length(text), length(text) + length(name))
            text += name + " "
            let cue = Span(length(text), length(text) + 4)
            text += "said: \""
            let content = Span(length(text), length(text) + length(q.text))
            text += q.text + "\".\n"
            quotations.append(Quotation(content: content, kind: q.kind, cue: cue,
                                        speakerMention: q.speaker == nil ? nil : mention,
                                        speaker: q.speaker, speakerCountry: q.country, cueClass: q.cueClass))
        }
        let metadata = ArticleMetadata(source: source, country: country, language: language, translatedFrom: translatedFrom, date: date)
        return Article(document: Document(id: id, text: text, metadata: metadata),
                       annotations: ArticleAnnotations(quotations: quotations))
    }

    /// Articles with dates (and a Russian outlet), for comparisons and ordering.
    static let dated = ArticleStore(articles: [
        article("d1", source: "TASS", country: "RU", date: "2023-09-10", [
            Said("Arms deals are not planned", by: "Dmitry Peskov", "RU"),
            Said("The deal on arms was never discussed", by: "Sergei Lavrov", "RU"),
        ]),
        article("d2", source: "USTimesPost", country: "US", date: "2023-09-12", [
            Said("Pricing of the deal will matter", by: "John Kirby", "US"),
            Said("A deal for arms would be a mistake", by: "John Kirby", "US", kind: .mixed),
        ]),
        article("d3", date: "2023-10-01", [Said("No comment", by: "Dmitri Peskov", "RU", kind: .indirect)]),
    ])

    /// Three articles: a US outlet, a French one, and one whose outlet is unknown.
    static let sample = ArticleStore(articles: [
        article("a1", source: "USTimesPost", country: "US", [
            Said("We will not pay the price", by: "Joe Biden", "US"),
            Said("Prices are rising", by: "Janet Yellen", "US", kind: .indirect),
            Said("The price is right"),
        ]),
        article("a2", source: "Le Monde", country: "FR", translatedFrom: "fr", [
            Said("The oil price matters", by: "Vladimir Putin", "RU"),
            Said("a price for peace", by: "Emmanuel Macron", "FR", kind: .mixed),
        ]),
        article("a3", [
            Said("We discussed the price of oil", by: "Vladimir Putin", "RU"),
            Said("No meeting is planned", by: "Dmitri Peskov", "RU", kind: .indirect),
        ]),
    ])

    /// Runs a statement on a store: rows as `a | b | c` lines (header first), plan text, or rendered errors.
    static func run(_ text: String, on store: ArticleStore = sample, columns: [String]? = nil) -> String {
        var environment = Environment()
        return run(text, on: store, columns: columns, environment: &environment)
    }

    /// The same, with named results kept in `environment`; notes follow the rows as `note: …` lines.
    static func run(_ text: String, on store: ArticleStore = sample, columns: [String]? = nil, environment: inout Environment) -> String {
        switch Engine(store: store).run(Source(text), environment: &environment) {
        case .failure(let error): return DiagnosticRenderer.render(error)
        case .success(.text(let plan)): return plan
        case .success(.rows(let result)):
            let keep = (columns ?? result.columns).compactMap { result.columns.firstIndex(of: $0) }
            let lines = [keep.map { result.columns[$0] }] + result.rows.map { row in keep.map { row[$0].plainText } }
            return (lines.map { $0.joined(separator: " | ") } + result.notes.map { "note: " + $0 }).joined(separator: "\n")
        }
    }
}
