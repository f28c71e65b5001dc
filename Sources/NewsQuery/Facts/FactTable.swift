/// Every fact of every article of a store, in store order (article, then text offset), with dates
/// resolved. Built by `ArticleStore` with its other indexes.
///
/// Dates are resolved per article (`DateResolver`). A date that lacks only its year, in an article
/// with no date of its own, takes the year of the corpus's anchored articles when they all agree
/// on one (news collections are mostly about one event); its evidence says so.
public struct FactTable: Sendable {
    public struct Entry: Hashable, Sendable {
        /// Index of the article in `ArticleStore.articles`.
        public var article: Int
        public var fact: Fact
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    /// A table as built before (`StoreCache`).
    init(entries: [Entry]) { self.entries = entries }

    public init(articles: [Article], lexicon: FactLexicon = .bundled) {
        let extractor = NumberExtractor(lexicon: lexicon)
        var perArticle: [[Fact]] = []
        var anchors: [DateResolver.Anchor?] = []
        for article in articles {
            let facts = extractor.extract(article)
            perArticle.append(facts)
            // an ad's or a bio's date does not date the article
            anchors.append(DateResolver.anchor(metadataDate: article.metadata.date, facts: facts.filter { !$0.isBoilerplate },
                                               text: { article.text(of: $0) }))
        }
        // The corpus's year, when every anchored article agrees on it.
        var corpusYear: (year: Int, evidence: String)?
        let anchored = anchors.enumerated().compactMap { i, a in a.map { (articles[i].id, $0) } }
        if let first = anchored.first, anchored.allSatisfy({ $0.1.year == first.1.year }) {
            corpusYear = (first.1.year, "year \(first.1.year) from the corpus's dated articles (" + anchored.map(\.0).joined(separator: ", ") + ")")
        }
        entries.reserveCapacity(perArticle.reduce(0) { $0 + $1.count })
        for (a, facts) in perArticle.enumerated() {
            for var fact in facts {
                if fact.kind == .date, let mention = fact.mention {
                    let (date, evidence) = DateResolver.resolve(mention, anchor: anchors[a], yearOnly: anchors[a] == nil ? corpusYear : nil)
                    fact.date = date
                    fact.evidence = evidence
                }
                entries.append(Entry(article: a, fact: fact))
            }
        }
    }

    public var count: Int { entries.count }
}
