import Testing
@testable import NewsQuery

@Suite struct ArticleStoreTests {
    @Test func speakersAreNamedByTheirEntityAcrossArticles() {
        let store = ArticleStore(documents: [
            Document(id: "a", text: "Talks\n\nKremlin spokesman Dmitri Peskov said the talks would be long and difficult.\n"),
            Document(id: "b", text: "Visit\n\n“The visit will be comprehensive,” said Kremlin spokesman Dmitry Peskov.\n"),
        ])
        let speakers = store.quoteIDs.map { store.quotation($0).speaker }
        #expect(speakers.count == 2)
        #expect(Set(speakers) .count == 1, "\(speakers)")
        // The mention as written is kept.
        let a = store.articles[0]
        #expect(store.quoteIDs.first.flatMap { store.quotation($0).speakerMention }.map(a.text(of:))?.hasSuffix("Dmitri Peskov") == true)
    }

    @Test func aSpeakerPhraseIsNotRenamedAfterAnEntityInsideIt() {
        let clinton = Entity(id: 0, name: "Hillary Clinton", type: .person, aliases: ["Clinton", "Hillary Clinton"],
                             roles: [], country: "US", mentions: [], articles: [])
        #expect(ArticleStore.namesHead(clinton, of: "Rival Hillary Clinton"))
        #expect(ArticleStore.namesHead(clinton, of: "Clinton"))
        #expect(!ArticleStore.namesHead(clinton, of: "Clinton supporters"))
        #expect(!ArticleStore.namesHead(clinton, of: "The Clinton campaign"))
        #expect(!ArticleStore.namesHead(clinton, of: nil))
        let jordan = Entity(id: 1, name: "Jordan", type: .country, aliases: ["Jordan"], roles: [], country: "JO", mentions: [], articles: [])
        #expect(!ArticleStore.namesHead(jordan, of: "Chuck Jordan"))
        #expect(ArticleStore.namesHead(jordan, of: "jordan"))
    }
}

@Suite("Store: an article's text on one line")
struct ArticleLineTests {
    @Test func lineBreaksBecomeOneSpaceAsSplittingAndJoiningGives() {
        let texts = ["One\ntwo", "\n\nLead\r\n\r\nnext  line\n", "a\u{2028}b\u{85}c\u{0B}d", "  spaced \n\n words  ", "é\ncafe\u{301}\n", "\n\n"]
        for text in texts {
            let article = Article(document: Document(id: "t", text: text), annotations: ArticleAnnotations())
            let span = Span(0, article.scalars.count)
            let joined = article.text(of: span).split(whereSeparator: \.isNewline).joined(separator: " ").trimmingWhitespace()
            #expect(article.line(of: span) == joined, "\(text.debugDescription)")
        }
    }
}
