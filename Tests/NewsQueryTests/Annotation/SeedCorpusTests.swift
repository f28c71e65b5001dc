import Foundation
import Testing
@testable import NewsQuery

/// The bundled example corpus, checked against the hand-made gold annotation of the seeds.
@Suite("Annotation: seed corpus")
struct AnnotationSeedCorpusTests {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repoRoot.appendingPathComponent("examples/corpus")
    static let gold = repoRoot.appendingPathComponent("../shared/seeds/gold.json").standardizedFileURL

    static func annotated() throws -> [String: (text: [Unicode.Scalar], annotations: ArticleAnnotations)] {
        var out: [String: (text: [Unicode.Scalar], annotations: ArticleAnnotations)] = [:]
        let annotator = Annotator()
        for name in try FileManager.default.contentsOfDirectory(atPath: corpus.path) where name.hasSuffix(".txt") {
            let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
            let id = String(name.dropLast(4))
            out[id] = (Array(text.unicodeScalars), annotator.annotate(Document(id: id, text: text)))
        }
        return out
    }

    static func string(_ s: [Unicode.Scalar], _ span: Span) -> String {
        var v = String.UnicodeScalarView(); v.append(contentsOf: s[span.start..<span.end]); return String(v)
    }

    @Test func priceStatementsAreAttributed() throws {
        let docs = try AnnotationSeedCorpusTests.annotated()
        let expected: [(prefix: String, speaker: String)] = [("001", "Jake Sullivan"), ("002", "United States"), ("004", "United States")]
        for (prefix, speaker) in expected {
            let doc = try #require(docs.first { $0.key.hasPrefix(prefix) }?.value, "seed \(prefix) missing")
            let hits = doc.annotations.quotations.filter { AnnotationSeedCorpusTests.string(doc.text, $0.content).contains("price") }
            #expect(hits.contains { $0.speaker == speaker && $0.speakerCountry == "US" },
                    "\(prefix): \(hits.map { ($0.speaker ?? "-", $0.speakerCountry ?? "-") })")
        }
    }

    @Test func directContentSpansMatchGold() throws {
        guard FileManager.default.fileExists(atPath: AnnotationSeedCorpusTests.gold.path) else {
            print("SKIPPED: \(AnnotationSeedCorpusTests.gold.path) not found (the shared seeds gold is not next to the repository)")
            return
        }
        struct Gold: Decodable {
            struct Quote: Decodable { var article: String; var kind: String; var start: Int; var end: Int }
            var quotes: [Quote]
        }
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: AnnotationSeedCorpusTests.gold))
        let docs = try AnnotationSeedCorpusTests.annotated()
        let direct = gold.quotes.filter { $0.kind == "direct" }
        #expect(!direct.isEmpty)
        let exact = direct.filter { q in
            docs[q.article]?.annotations.quotations.contains { $0.content == Span(q.start, q.end) } ?? false
        }
        #expect(Double(exact.count) >= 0.7 * Double(direct.count), "exact direct spans: \(exact.count)/\(direct.count)")
    }
}
