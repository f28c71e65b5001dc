/// An annotated article held in the store.
public struct Article: Sendable {
    public let id: String
    public let origin: String
    public let title: String
    public let text: String
    /// The text as Unicode scalars: every offset in an annotation indexes this array.
    public let scalars: [Unicode.Scalar]
    public let bodyStart: Int
    public let metadata: ArticleMetadata
    public let annotations: ArticleAnnotations

    public init(document: Document, annotations: ArticleAnnotations) {
        self.id = document.id
        self.origin = document.origin
        self.title = document.title
        self.text = document.text
        self.scalars = Array(document.text.unicodeScalars)
        self.bodyStart = document.bodyStart
        self.metadata = document.metadata
        self.annotations = annotations
    }

    /// The text of a span (clamped to the article).
    public func text(of span: Span) -> String {
        let lo = min(max(0, span.start), scalars.count), hi = min(max(lo, span.end), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }
}

/// Identifies a quotation in the store: its article's index and its index within that article.
public struct QuoteID: Hashable, Sendable, Comparable {
    public var article: Int
    public var index: Int
    public static func < (a: QuoteID, b: QuoteID) -> Bool { (a.article, a.index) < (b.article, b.index) }
}

/// The in-memory store: annotated articles in a stable order (sorted by id), plus indexes.
/// A value: a test builds one with `ArticleStore(documents: [Document(id: "a", text: "…")])`.
public struct ArticleStore: Sendable {
    public private(set) var articles: [Article]
    /// Every quotation of every article, in article order then text order.
    public private(set) var quoteIDs: [QuoteID]
    /// Word index over quotation contents.
    public private(set) var quoteIndex: InvertedIndex

    public init(articles: [Article] = []) {
        self.articles = []
        self.quoteIDs = []
        self.quoteIndex = InvertedIndex()
        add(articles)
    }

    /// Annotates the documents and builds the store.
    public init(documents: [Document], annotator: Annotator = Annotator()) {
        self.init(articles: documents.map { Article(document: $0, annotations: annotator.annotate($0)) })
    }

    /// Adds (or replaces, by id) articles, keeping the store sorted by article id.
    public mutating func add(_ newArticles: [Article]) {
        guard !newArticles.isEmpty else { return }
        var byID: [String: Article] = [:]
        for article in articles { byID[article.id] = article }
        for article in newArticles { byID[article.id] = article }
        articles = byID.values.sorted { $0.id < $1.id }
        rebuildIndexes()
    }

    public func article(_ id: QuoteID) -> Article { articles[id.article] }
    public func quotation(_ id: QuoteID) -> Quotation { articles[id.article].annotations.quotations[id.index] }

    private mutating func rebuildIndexes() {
        quoteIDs = []
        var index = InvertedIndex()
        for (a, article) in articles.enumerated() {
            for (q, quote) in article.annotations.quotations.enumerated() {
                let id = QuoteID(article: a, index: q)
                index.add(document: quoteIDs.count, text: article.text(of: quote.content))
                quoteIDs.append(id)
            }
        }
        quoteIndex = index
    }
}
