import Foundation
import Testing
@testable import NewsQuery

/// Boilerplate, repeats and provenance rules, on small texts and on the seed corpus's gold.
@Suite("Annotation: provenance")
struct ProvenanceTests {
    static func text(_ s: [Unicode.Scalar], _ span: Span) -> String { AnnotationSeedCorpusTests.string(s, span) }

    func annotate(_ text: String) -> (scalars: [Unicode.Scalar], annotations: ArticleAnnotations) {
        (Array(text.unicodeScalars), Annotator().annotate(Document(id: "t", text: text)))
    }

    @Test func navigationAdsCreditsAndBiosAreBoilerplate() {
        let text = """
        Officials met in Geneva on Monday, the ministry said.

        Reuters / AFP / Getty Images

        Sign up now for a 30-day free trial

        NEXT NEWS

        Jane Roe

        Jane Roe is a senior reporter based in Paris. You can get in touch with me by emailing.

        Back to top
        """
        let (s, a) = annotate(text)
        let marked = a.boilerplate.map { ProvenanceTests.text(s, $0) }
        #expect(marked == ["Reuters / AFP / Getty Images", "Sign up now for a 30-day free trial", "NEXT NEWS", "Jane Roe",
                           "Jane Roe is a senior reporter based in Paris. You can get in touch with me by emailing.", "Back to top"])
    }

    @Test func articleLinesAreNotBoilerplate() {
        let text = """
        Denial from Kremlin spokesperson

        AFP

        The president said the talks would resume. Reuters contributed to this report.

        He is a reporter's nightmare, the minister said of the envoy.
        """
        let (_, a) = annotate(text)
        #expect(a.boilerplate.isEmpty)
    }

    @Test func captionsWithoutAVerbAreBoilerplate() {
        let text = "The leader left on Sunday, officials said.\n\nKim Jong-Un leaving for Russia.\n\nThe train arrived late.\n"
        let (s, a) = annotate(text)
        #expect(a.boilerplate.map { ProvenanceTests.text(s, $0) } == ["Kim Jong-Un leaving for Russia."])
    }

    @Test func quotationsAndNumbersInsideBoilerplateAreLeftOut() {
        let text = "\"We will go,\" the minister said.\n\nSign up now for a 30-day free trial\n"
        let (s, a) = annotate(text)
        #expect(a.quotations.map { ProvenanceTests.text(s, $0.content) } == ["We will go"])
        let article = Article(document: Document(id: "t", text: text), annotations: a)
        let facts = NumberExtractor(lexicon: .bundled).extract(article)
        // the number is kept, marked as boilerplate (`numbers where boilerplate` shows it)
        #expect(facts.filter(\.isBoilerplate).map { ProvenanceTests.text(s, $0.span) } == ["30-day"])
        #expect(!facts.contains { !$0.isBoilerplate && ProvenanceTests.text(s, $0.span).contains("30") })
        let store = ArticleStore(articles: [article])
        #expect(TinyStore.run("numbers", on: store, columns: ["text"]) == """
            text
            note: boilerplate is left out: 1 number or date in boilerplate lines matches (`where boilerplate`, or `and boilerplate` after a condition, shows it)
            """)
        #expect(TinyStore.run("numbers where boilerplate", on: store, columns: ["text"]) == "text\n30-day")
    }

    @Test func laterCopiesOfLongPassagesAreRepeats() {
        let lede = "The leader took the train from the capital on Sunday, the agency announced Tuesday."
        let text = "Leader on a train to the east, where he is to meet his counterpart\n\n\(lede)\n\nLeader on a train to the east, where he is to meet his counterpart\n\n\(lede)\n\nShort line.\n\nShort line.\n"
        let (s, a) = annotate(text)
        #expect(a.repeats.count == 1)
        let second = text.unicodeScalars.count - "\n\nShort line.\n\nShort line.\n".unicodeScalars.count
        #expect(a.repeats.first.map { $0.end } == second)
        #expect(a.repeats.first.map { ProvenanceTests.text(s, $0).hasPrefix("Leader on a train") } == true)
    }

    // MARK: seed corpus

    struct Gold: Decodable {
        struct Passage: Decodable { var start: Int; var end: Int; var text: String }
        struct Duplicate: Decodable { var text: String; var offsets: [[Int]] }
        struct ArticleGold: Decodable {
            var id: String; var boilerplate: [Passage]; var duplicated_passages: [Duplicate]
            var credited_agencies: [String]; var byline: String?
        }
        struct Quote: Decodable { var article: String; var start: Int; var end: Int }
        var articles: [ArticleGold]
        var quotes: [Quote]
    }

    @Test func seedBoilerplateAndRepeatsAgainstGold() throws {
        guard FileManager.default.fileExists(atPath: AnnotationSeedCorpusTests.gold.path) else {
            print("SKIPPED: \(AnnotationSeedCorpusTests.gold.path) not found")
            return
        }
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: AnnotationSeedCorpusTests.gold))
        let docs = try AnnotationSeedCorpusTests.annotated()
        func overlaps(_ a: Span, _ b: Span) -> Bool { a.start < b.end && b.start < a.end }
        // No gold quotation overlaps detected boilerplate.
        for q in gold.quotes {
            let doc = try #require(docs[q.article])
            #expect(!doc.annotations.boilerplate.contains { overlaps($0, Span(q.start, q.end)) }, "\(q.article) \(q.start)-\(q.end)")
        }
        // Every gold boilerplate span is covered; detected spans outside the gold counted.
        var goldCount = 0, covered = 0, detected = 0, extra = 0
        for art in gold.articles {
            let doc = try #require(docs[art.id])
            goldCount += art.boilerplate.count
            covered += art.boilerplate.filter { doc.annotations.boilerplate.covers(Span($0.start, $0.end)) }.count
            detected += doc.annotations.boilerplate.count
            extra += doc.annotations.boilerplate.filter { b in !art.boilerplate.contains { overlaps(Span($0.start, $0.end), b) } }.count
        }
        print("seed boilerplate: \(covered)/\(goldCount) gold spans covered, \(detected) detected, \(extra) outside the gold")
        #expect(covered == goldCount)
        #expect(extra == 0)
        // Every later copy of a gold duplicated passage is a repeat.
        var copies = 0, found = 0
        for art in gold.articles {
            let doc = try #require(docs[art.id])
            for d in art.duplicated_passages {
                for o in d.offsets.dropFirst() {
                    copies += 1
                    if doc.annotations.repeats.covers(Span(o[0], o[1])) { found += 1 } else { print("missed repeat \(art.id) \(o) in \(doc.annotations.repeats)") }
                }
            }
        }
        print("seed repeats: \(found)/\(copies) later copies of gold duplicated passages marked")
        #expect(found == copies)
    }

    @Test func creditsBylinesAndTranslationCredits() {
        let text = """
        By Jane Roe

        SEOUL (AFP) - The talks resumed, according to Yonhap. Reuters contributed to this report.

        Translation by Sasha Smith
        """
        let (s, a) = annotate(text)
        #expect(a.agencies == ["AFP", "Yonhap", "Reuters"])
        #expect(a.byline == "Jane Roe")
        #expect(a.translationCredit.map { ProvenanceTests.text(s, $0) } == "Translation by Sasha Smith")
        // every credit where the text names it, and the byline's words
        #expect(a.agencyCredits.map { "\($0.name)=\(ProvenanceTests.text(s, $0.span))" } == ["AFP=AFP", "Yonhap=Yonhap", "Reuters=Reuters"])
        #expect(a.bylineSpan.map { ProvenanceTests.text(s, $0) } == "Jane Roe")
        let (t, bio) = annotate("The Associated Press reported it first; the AP later corrected it.\n\nJohn Smith is a reporter for The Daily Planet.\n")
        #expect(bio.agencyCredits.map { "\($0.name)=\(ProvenanceTests.text(t, $0.span))" } == ["AP=Associated Press", "AP=AP"])
        #expect(bio.agencies == ["AP"])
        #expect(bio.byline == "John Smith" && bio.bylineSpan.map { ProvenanceTests.text(t, $0) } == "John Smith")
        let (_, plain) = annotate("The talks resumed on Monday, officials said.\n")
        #expect(plain.agencies.isEmpty && plain.byline == nil && plain.translationCredit == nil)
    }

    @Test func seedCreditsAgainstGold() throws {
        guard FileManager.default.fileExists(atPath: AnnotationSeedCorpusTests.gold.path) else { return }
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: AnnotationSeedCorpusTests.gold))
        let docs = try AnnotationSeedCorpusTests.annotated()
        let provenance = Provenance.bundled
        var wanted = 0, found = 0, extra: [String] = [], bylines = 0
        for art in gold.articles {
            let doc = try #require(docs[art.id])
            let goldNames = Set(art.credited_agencies.map { provenance.agencies[$0] ?? $0 })
            wanted += goldNames.count
            found += goldNames.intersection(doc.annotations.agencies).count
            extra += doc.annotations.agencies.filter { !goldNames.contains($0) }.map { "\(art.id.prefix(3)) \($0)" }
            if doc.annotations.byline == art.byline { bylines += 1 } else { print("byline \(art.id): \(doc.annotations.byline ?? "-") vs \(art.byline ?? "-")") }
        }
        print("seed agencies: \(found)/\(wanted) gold credited agencies found, extra: \(extra); bylines right: \(bylines)/\(gold.articles.count)")
        #expect(found == wanted)
        #expect(bylines == gold.articles.count)
    }

    // MARK: queries on the bundled corpus

    @Test func provenanceFieldsAreQueryable() {
        func ids(_ statement: String) -> [String] { EntityQueryTests.column("id", EntityQueryTests.rows(statement)) }
        #expect(ids("articles where source.agencies = KCNA").count == 3)
        #expect(ids("articles where agencies = AP") == ["003_7eb74552e98a5eb9", "004_b7d6da664c311baa"])
        #expect(ids("articles where source.byline = \"Russell Falcon\"") == ["004_b7d6da664c311baa"])
        #expect(ids("articles where source.translated = no") == ["004_b7d6da664c311baa"])
        let all = EntityQueryTests.rows("articles")
        #expect(all.columns.suffix(3) == ["agencies", "byline", "translated"])
    }

    @Test func repeatedQuotationsAreReadOnce() {
        // listed and counted once: `quotes`, `count quotes by …`, `who said` and `articles` agree
        let store = EntityQueryTests.store
        let all = store.articles.reduce(0) { $0 + $1.annotations.quotations.count }
        let repeats = store.articles.reduce(0) { $0 + $1.annotations.quotations.count(where: \.isRepeat) }
        #expect(repeats >= 1)
        func total(_ statement: String, _ column: String) -> Int {
            EntityQueryTests.column(column, EntityQueryTests.rows(statement)).compactMap(Int.init).reduce(0, +)
        }
        let listed = EntityQueryTests.rows("quotes").rows.count
        #expect(listed == all - repeats)
        #expect(total("count quotes by kind", "count") == listed)
        #expect(total("count quotes by speaker", "count") == listed)
        #expect(total("count quotes by source", "count") == listed)
        #expect(total("articles", "quotes") == listed)
        #expect(EntityQueryTests.rows("quotes where repeat").rows.count == repeats)
    }
}

