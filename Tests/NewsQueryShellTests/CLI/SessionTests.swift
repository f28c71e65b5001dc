import Foundation
import Testing
import NewsQuery
@testable import NewsQueryShell

@Suite struct SessionTests {
    func session() -> Session {
        Session(store: ArticleStore(documents: [
            Document(id: "a", text: "A title\n“We will win,” said Jane Roe.\n", metadata: ArticleMetadata(source: "Daily", country: "GB")),
        ]))
    }

    @Test func statementsRunInTheCurrentFormat() {
        let s = session()
        #expect(s.execute(".format csv").error == nil)
        #expect(s.execute("sources").output == "source,country,articles,quotes\nDaily,GB,1,1\n")
        #expect(s.execute(".format").output == "format: csv\n")
    }

    @Test func unknownFormatAndMetaCommandAreLocatedErrors() {
        let s = session()
        #expect(s.execute(".format xml", origin: "s.nq", line: 3).error
                == "s.nq:3:1: error: unknown format 'xml' (choose one of table, csv, tsv, json, jsonl, markdown)")
        #expect(s.execute(".lod x").error == "<repl>:1:1: error: unknown meta-command '.lod' (did you mean .load?); .help lists them")
        #expect(s.execute(".load").error == "<repl>:1:1: error: usage: .load PATH ...")
    }

    @Test func loadAddsArticlesAndNamesBadFiles() throws {
        let dir = NSTemporaryDirectory() + "newsq-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "B title\nText.\n".write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir + "/bad.txt", contents: Data([0xFF]))
        let s = session()
        let outcome = s.execute(".load \(dir)")
        #expect(outcome.error == nil)
        #expect(outcome.output == "loaded 1 article; now 2 articles, 1 known outlet, 1 quotation\n")
        #expect(outcome.notes == "\(dir)/bad.txt:1:1: error: invalid UTF-8 (byte 0xFF at byte offset 0); skipped")
        #expect(s.store.articles.map(\.id) == ["a", "b"])
    }

    @Test func helpListsEveryMetaCommand() {
        let help = session().execute(".help").output
        for name in MetaCommand.names { #expect(help.contains(name)) }
        #expect(session().execute(".quit").quit)
    }

    @Test func scriptPiecesKeepTheirLinesAndMetaCommandLines() {
        let pieces = ScriptRunner.pieces(of: "# c\nsources\n  .format csv\nquotes;articles\n", name: "x.nq")
        #expect(pieces.map { "\($0.firstLine):\($0.firstColumn) \($0.text.trimmingCharacters(in: .whitespacesAndNewlines))" }
                == ["2:1 sources", "3:3 .format csv", "4:1 quotes", "4:8 articles"])
    }
}
