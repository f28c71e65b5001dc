import Foundation
import Testing
@testable import BenchCorpus
import NewsQuery

/// The synthetic corpus of `newsq-bench generate`, built here from the bundled example corpus.
@Suite struct CorpusGeneratorTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func generator() throws -> CorpusGenerator {
        CorpusGenerator(texts: try CorpusGenerator.readTexts([root + "/examples/corpus"]),
                        givenNames: try CorpusGenerator.readGivenNames(root + "/Sources/NewsQuery/Resources/gazetteers/entity-given-names.txt"))
    }

    /// Every file under `directory` (relative path → bytes).
    static func files(_ directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let items = FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []
        for item in items {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: directory + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[item] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + item)) }
        }
        return result
    }

    static func temporary() -> String { NSTemporaryDirectory() + "newsq-gen-test-" + UUID().uuidString }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws {
        let generator = try Self.generator()
        let a = Self.temporary(), b = Self.temporary(), c = Self.temporary()
        defer { for d in [a, b, c] { try? FileManager.default.removeItem(atPath: d) } }
        // A second generator, built anew: nothing may depend on hashing order within one process.
        try generator.write(articles: 1_050, seed: 7, to: a)
        try Self.generator().write(articles: 1_050, seed: 7, to: b)
        try generator.write(articles: 1_050, seed: 8, to: c)
        let first = try Self.files(a), second = try Self.files(b), third = try Self.files(c)
        #expect(first.count == 1_050 + 2)  // two folders, each with its manifest
        #expect(first["s000/corpus.yaml"] != nil && first["s001/g001049.txt"] != nil)
        #expect(first == second)
        #expect(Set(first.keys) == Set(third.keys))
        let differing = first.keys.filter { first[$0] != third[$0] }.count
        #expect(differing > 1_000, "\(differing) files differ")
        #expect(!first.keys.contains { $0.contains(".tmp") })
    }

    @Test func articlesAreRecombinedNotCopied() throws {
        let generator = try Self.generator()
        #expect(generator.sources.count == 5)
        let articles = (0..<200).map { generator.article($0, seed: 1) }
        // Five sources only, and no name twice beside a reporting verb: a few recombinations recur.
        #expect(Set(articles.map(\.text)).count >= 190)
        let sourceTexts = Set(generator.sources.map { ([$0.headline] + $0.paragraphs).joined(separator: "\n\n") + "\n" })
        #expect(!articles.contains { sourceTexts.contains($0.text) })
        for article in articles {
            let lines = article.text.split(separator: "\n", omittingEmptySubsequences: true)
            #expect((6...16).contains(lines.count), "\(article.id): \(lines.count) lines")
        }
        #expect(Set(articles.map(\.source)).count > 3)
        #expect(Set(articles.map(\.country)).count > 3)
    }

    @Test func theNamePoolHoldsPeopleSeenTwiceBesideAReportingVerb() throws {
        let text = """
            Talks

            Paul Ryan said no, and Capitol Hill said yes. Later, said Paul Ryan, it changed.

            Capitol Hill said more. Mark Twain wrote once. Dmitry Peskov said it.
            """
        let generator = CorpusGenerator(texts: [("a.txt", text)], givenNames: ["paul", "mark", "dmitry"])
        #expect(generator.names == ["Paul Ryan"])
        var random = SeededRandom(seed: 2)
        #expect(CorpusGenerator.vary("Paul Ryan and Ryan", full: ["Paul Ryan": "Ted Cruz"], last: ["Ryan": "Cruz"], random: &random)
                == "Ted Cruz and Cruz")
    }

    @Test func amountsAreScaledInTheirOwnStyle() {
        #expect(CorpusGenerator.scaled("2016", by: 1.3, always: false) == "2016")
        #expect(CorpusGenerator.scaled("12", by: 1.3, always: false) == "12")
        #expect(CorpusGenerator.scaled("12", by: 1.3, always: true) == "16")
        #expect(CorpusGenerator.scaled("1,200", by: 1.25, always: false) == "1,500")
        #expect(CorpusGenerator.scaled("6.5", by: 2, always: false) == "13.0")
        #expect(CorpusGenerator.scaled("1,000,000", by: 1.5, always: false) == "1,500,000")
    }

    @Test func namesAreSwappedConsistentlyWithinAnArticle() {
        var random = SeededRandom(seed: 1)
        let text = CorpusGenerator.vary("Dmitry Peskov said so. Peskov’s aide, Peskov-like, agreed.",
                                        full: ["Dmitry Peskov": "John Kirby"], last: ["Peskov": "Kirby"], random: &random)
        #expect(text == "John Kirby said so. Kirby’s aide, Peskov-like, agreed.")
    }

    @Test func theLoaderReadsTheCorpusWithItsManifests() throws {
        let directory = Self.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.generator().write(articles: 30, seed: 3, to: directory)
        let result = CorpusLoader().load(paths: [directory])
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.documents.count == 30)
        #expect(result.documents.allSatisfy { $0.metadata.source != nil && $0.metadata.country != nil && $0.metadata.language == "en" })
        #expect(throws: GeneratorError.self) { try Self.generator().write(articles: 1, seed: 3, to: directory) }
    }
}
