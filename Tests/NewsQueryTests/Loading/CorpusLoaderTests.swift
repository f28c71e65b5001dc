import Foundation
import Testing
@testable import NewsQuery

@Suite struct CorpusLoaderTests {
    @Test func textFileTitleIsFirstNonEmptyLineAndOffsetsCountFromFileStart() {
        let dir = TempDirectory()
        dir.write("a.txt", "\n\nA headline\n\nBody “text”.\n")
        let result = CorpusLoader().load(paths: [dir.path])
        #expect(result.issues.isEmpty)
        #expect(result.documents.count == 1)
        let doc = result.documents[0]
        #expect(doc.id == "a")
        #expect(doc.title == "A headline")
        #expect(doc.bodyStart == 0)
        #expect(doc.text == "\n\nA headline\n\nBody “text”.\n")
    }

    @Test func frontMatterGivesMetadataAndTheBodyStartsAfterIt() {
        let dir = TempDirectory()
        let text = "---\nsource: The Daily\ncountry: gb\nlanguage: EN\n---\nTitle here\nBody.\n"
        dir.write("b.md", text)
        let result = CorpusLoader().load(paths: [dir.path + "/b.md"])
        #expect(result.issues.isEmpty)
        let doc = result.documents[0]
        #expect(doc.metadata.source == "The Daily")
        #expect(doc.metadata.country == "GB")
        #expect(doc.metadata.language == "en")
        #expect(doc.bodyStart == 51)
        #expect(Array(doc.text.unicodeScalars)[doc.bodyStart] == "T")
        #expect(doc.title == "Title here")
    }

    @Test func manifestDefaultsAndEntriesApplyAndFrontMatterWins() {
        let dir = TempDirectory()
        dir.write("corpus.yaml", "defaults:\n  language: en\narticles:\n  x:\n    source: Outlet X\n    country: US\n  y:\n    source: Outlet Y\n")
        dir.write("x.txt", "X title\nbody")
        dir.write("sub/y.txt", "---\nsource: Own Name\n---\nY title\n")
        let result = CorpusLoader().load(paths: [dir.path])
        #expect(result.issues.isEmpty)
        let byID = Dictionary(uniqueKeysWithValues: result.documents.map { ($0.id, $0) })
        #expect(byID["x"]?.metadata == ArticleMetadata(source: "Outlet X", country: "US", language: "en"))
        #expect(byID["y"]?.metadata == ArticleMetadata(source: "Own Name", language: "en"))
    }

    @Test func badValuesAreReportedWithFileLineAndField() {
        let dir = TempDirectory()
        let file = dir.write("c.txt", "---\ncountry: USA\ndate: 12/09/2023\n---\nT\n")
        let result = CorpusLoader().load(paths: [file])
        #expect(result.documents.count == 1)
        #expect(result.issues.map(\.description) == [
            "\(file):2:1: warning: field 'country': 'USA' is not an ISO 3166-1 alpha-2 country code (such as US, RU, KP); ignored",
            "\(file):3:1: warning: field 'date': '12/09/2023' is not an ISO date (YYYY-MM-DD); ignored",
        ])
    }

    @Test func codesAreCheckedAgainstTheISOLists() {
        // well-formed but unassigned codes are refused too; assigned ones in any case are accepted
        let dir = TempDirectory()
        let file = dir.write("c.txt", "---\ncountry: QQ\nlanguage: xx\ntranslated_from: FRA\n---\nT\n")
        let ok = dir.write("d.txt", "---\ncountry: kp\nlanguage: EN\ntranslated_from: rus\n---\nT\n")
        let result = CorpusLoader().load(paths: [file, ok])
        #expect(result.documents.count == 2)
        #expect(result.issues.map(\.description) == [
            "\(file):2:1: warning: field 'country': 'QQ' is not an ISO 3166-1 alpha-2 country code (such as US, RU, KP); ignored",
            "\(file):3:1: warning: field 'language': 'xx' is not an ISO 639 language code (such as en, fr, or three letters: eng); ignored",
        ])
        #expect(result.documents.first { $0.id == "d" }?.metadata == ArticleMetadata(country: "KP", language: "en", translatedFrom: "rus"))
    }

    @Test func jsonlRecordsLoadAndBadLinesAreNamedWhileOthersLoad() {
        let dir = TempDirectory()
        let file = dir.write("batch.jsonl", """
        {"id": "one", "title": "First", "text": "Hello.", "source": "Wire", "country": "FR"}
        not json
        {"title": "no id", "text": "x"}
        {"id": "two", "text": "Second text", "metadata": {"language": "de"}}
        """)
        let result = CorpusLoader().load(paths: [file])
        #expect(result.documents.map(\.id) == ["one", "two"])
        #expect(result.documents[0].metadata == ArticleMetadata(source: "Wire", country: "FR"))
        #expect(result.documents[1].title == "Second text")
        #expect(result.documents[1].metadata.language == "de")
        #expect(result.issues.map { "\($0.line ?? 0) \($0.severity)" } == ["2 error", "3 error"])
        #expect(result.issues[0].description.hasPrefix("\(file):2:"))
    }

    @Test func invalidUTF8AndUnreadableFilesAreNamedAndTheRestLoad() throws {
        let dir = TempDirectory()
        dir.write("good.txt", "Fine\n")
        let bad = dir.write("bad.txt", Data([0x41, 0x0A, 0x42, 0x43, 0xFF, 0x44]))
        let locked = dir.write("locked.txt", "secret")
        chmod(locked, 0)
        let result = CorpusLoader().load(paths: [dir.path])
        // Root can read a file whatever its mode, so the locked file loads there.
        #expect(result.documents.map(\.id) == (getuid() == 0 ? ["good", "locked"] : ["good"]))
        let messages = result.issues.map(\.description)
        #expect(messages.contains("\(bad):2:3: error: invalid UTF-8 (byte 0xFF at byte offset 4); skipped"))
        if getuid() != 0 {  // root can read anything
            #expect(messages.contains { $0.hasPrefix("\(locked): error: cannot read file") })
        }
    }

    @Test func binaryFilesAndMissingPathsAreReported() {
        let dir = TempDirectory()
        let binary = dir.write("blob.txt", Data([0x41, 0x00, 0x42]))
        let result = CorpusLoader().load(paths: [binary, dir.path + "/nope.txt"])
        #expect(result.documents.isEmpty)
        #expect(result.issues.map(\.description) == [
            "\(dir.path)/nope.txt: error: no such file or folder",
            "\(binary):1:2: error: NUL byte: this looks like a binary file, not text; skipped",
        ])
    }

    @Test func symlinkLoopsDoNotHang() throws {
        let dir = TempDirectory()
        dir.write("sub/a.txt", "A\n")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/sub/loop", withDestinationPath: dir.path)
        let result = CorpusLoader().load(paths: [dir.path])
        #expect(result.documents.map(\.id) == ["a"])
    }

    @Test func malformedManifestIsNamedAndArticlesStillLoad() {
        let dir = TempDirectory()
        let manifest = dir.write("corpus.yaml", "defaults: [unclosed\n")
        dir.write("a.txt", "A\n")
        let result = CorpusLoader().load(paths: [dir.path])
        #expect(result.documents.map(\.id) == ["a"])
        #expect(result.issues.count == 1)
        #expect(result.issues[0].description.hasPrefix("\(manifest):"))
    }

    @Test func loadingStopsBetweenFilesWhenCancelled() {
        let dir = TempDirectory()
        for i in 0..<5 { dir.write("f\(i).txt", "Title \(i)\n") }
        var asked = 0
        let result = CorpusLoader().load(paths: [dir.path]) { asked += 1; return asked > 2 }
        #expect(result.cancelled)
        #expect(result.documents.map(\.id) == ["f0", "f1"])
        #expect(!CorpusLoader().load(paths: [dir.path]).cancelled)
    }

    @Test func inputFilesAreNotModified() throws {
        let dir = TempDirectory()
        let file = dir.write("a.txt", "Title\n“Quote,” he said.\n")
        let before = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        _ = ArticleStore(documents: CorpusLoader().load(paths: [file]).documents)
        let after = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date
        #expect(before == after)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Title\n“Quote,” he said.\n")
    }
}
