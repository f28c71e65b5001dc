import Foundation
import Testing
@testable import NewsQuery

/// The PolNeAR train texts (840 news articles we did not write), when the shared folder is present:
/// the table builds in time linear in the corpus and keeps people sharing a surname apart.
@Suite("Entities: PolNeAR scale")
struct EntityCorpusScaleTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let train = repoRoot.appendingPathComponent("../shared/polnear/train/text").standardizedFileURL

    @Test func polnearTrainBuildsAndKeepsNamesakesApart() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.train.path) else {
            print("SKIPPED: \(Self.train.path) not found")
            return
        }
        let articles = try names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
            let text = try String(contentsOf: Self.train.appendingPathComponent(name), encoding: .utf8)
            return Article(document: Document(id: String(name.dropLast(4)), text: text), annotations: ArticleAnnotations())
        }
        let start = Date()
        let table = EntityTable.build(articles: articles)
        let seconds = Date().timeIntervalSince(start)
        print("entities: PolNeAR train, \(articles.count) articles → \(table.entities.count) entities in \(String(format: "%.2f", seconds)) s (this build configuration)")
        #expect(seconds < Double(30 * testTimeScale))   // a hang guard (`timeBound`), not a measure of speed
        #expect(table.entities.count > 1000)
        let donald = table.entities(named: "Donald Trump").filter { $0.type == .person }
        #expect(donald.count == 1)
        #expect(!(donald.first?.aliases.contains("Melania Trump") ?? true))
        #expect(!(donald.first?.aliases.contains("Donald Trump Jr") ?? true))
        #expect(table.entity(named: "Hillary Clinton")?.id != table.entity(named: "Bill Clinton")?.id)
        #expect(table.entity(named: "Hillary Clinton")?.type == .person)
        // no entity holds two full names with different given names of the same family
        for e in table.entities where e.type == .person {
            let full = e.aliases.filter {
                $0.split(separator: " ").count == 2 && !$0.contains(".") && $0.first?.isUppercase == true &&
                    EntityLexicon.bundled.honorifics[String($0.split(separator: " ")[0]).lowercased()] == nil
            }
            let givenByFamily = Dictionary(grouping: full.map { ($0.split(separator: " ")[1].lowercased(), NameKey.word(String($0.split(separator: " ")[0]))) }, by: \.0)
            for (_, pairs) in givenByFamily {
                let givens = Set(pairs.map(\.1))
                #expect(givens.count == 1 || givens.allSatisfy { g in givens.allSatisfy { NameKey.variants($0, g) || $0 == g } }, "\(e.name): \(full)")
            }
        }
    }
}
