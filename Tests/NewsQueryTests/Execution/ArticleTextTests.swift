import Testing
@testable import NewsQuery

@Suite struct ArticleTextTests {
    /// Three sentences around a quotation, and one quotation whose speaker is unknown.
    static let store: ArticleStore = {
        let text = "Title\nFirst sentence here. Then Kim said: \"We go by train.\" After that, silence. Last one \"unclaimed words\" here."
        func span(_ s: String) -> Span {
            let scalars = Array(text.unicodeScalars), needle = Array(s.unicodeScalars)
            let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
            return Span(start, start + needle.count)
        }
        let sentences = [span("Title"), span("First sentence here."), span("Then Kim said: \"We go by train.\""),
                         span("After that, silence."), span("Last one \"unclaimed words\" here.")]
        let quotes = [Quotation(content: span("We go by train."), kind: .direct, cue: span("said"), speakerMention: span("Kim"), speaker: "Kim Jong-un"),
                      Quotation(content: span("unclaimed words"), kind: .direct)]
        return ArticleStore(articles: [
            Article(document: Document(id: "k1", text: text), annotations: ArticleAnnotations(sentences: sentences, quotations: quotes)),
            Article(document: Document(id: "k2", text: "Other\n\u{1B}[31mred"), annotations: ArticleAnnotations()),
        ])
    }()

    func run(_ text: String) -> String { TinyStore.run(text, on: ArticleTextTests.store) }

    @Test func showMarksEveryQuotation() {
        #expect(run("show article k1") == """
            k1: 2 quotations, marked [[…]]{speaker}

            Title
            First sentence here. Then Kim said: "[[We go by train.]]{Kim Jong-un}" After that, silence. Last one "[[unclaimed words]]{?}" here.
            """)
        // The text comes back raw; the shell escapes `.text` for the terminal.
        #expect(run("show article k2").hasSuffix("\u{1B}[31mred"))
    }

    @Test func contextIsTheSentenceWithOneEitherSide() {
        let expected = """
            k1 43  Kim Jong-un · said · direct
            First sentence here. Then Kim said: "[[We go by train.]]{Kim Jong-un}" After that, silence.
            """
        #expect(run("context k1 43") == expected)
        #expect(run("context K1 50") == expected)   // any offset inside, any case
        #expect(run("context k1:43") == expected)   // a quotation id
    }

    @Test func idsMayBeUniquePrefixes() {
        #expect(run("show article k") == """
            <query>:1:14: error: `k` begins several article ids
              show article k
                           ^
              which one? k1, k2
            """)
        #expect(run(#"show article """#).contains("error: expected an article id"))
        #expect(run("show article k3") == """
            <query>:1:14: error: no article `k3`
              show article k3
                           ^~
              did you mean `k1`? `articles` lists them
            """)
        #expect(run("context k1:300").contains("1:12: error: no quotation of k1 starts at or covers offset 300"))
        #expect(run("context k1 300") == """
            <query>:1:12: error: no quotation of k1 starts at or covers offset 300
              context k1 300
                         ^~~
              quotations start at: 43, 91
            """)
        #expect(run("context k2 0").contains("the article has no quotations"))
    }

    @Test func contextOfASentenceIdShowsItsNeighbours() {
        #expect(run("context k1:3") == """
            k1 0  sentence 1 · 0 quotations
            > Title
              First sentence here.
            """)
        #expect(run("context k1 27") == """
            k1 27  sentence 3 · 1 quotation
              First sentence here.
            > Then Kim said: "We go by train."
              After that, silence.
            """)
    }
}
