import Testing
@testable import NewsQuery

@Suite struct StatementSplitterTests {
    func pieces(_ script: String) -> [String] {
        StatementSplitter.split(Source(script, name: "s.nq")).map { "\($0.firstLine):\($0.firstColumn) \($0.text)" }
    }

    @Test func splitsAtSemicolonsAndNewlines() {
        #expect(pieces("sources; quotes limit 1\n\n  articles  \n") == ["1:1 sources", "1:10 quotes limit 1", "3:3 articles"])
    }

    @Test func skipsCommentsAndBlankLines() {
        #expect(pieces("# a script\n\nwho said price # the word\n  # only a comment\nsources;;") ==
                ["3:1 who said price", "5:1 sources"])
    }

    @Test func neverSplitsInsideStringsOrParentheses() {
        #expect(pieces("who said \"a;b\nc\" where (kind = direct\n  or kind = mixed) ; sources") == [
            "1:1 who said \"a;b\nc\" where (kind = direct\n  or kind = mixed)", "3:22 sources",
        ])
        #expect(pieces("who said \"x # not a comment\"") == ["1:1 who said \"x # not a comment\""])
    }

    @Test func backslashContinuesTheLine() {
        let split = StatementSplitter.split(Source("quotes \\\n  where kind = direct\nsources", name: "s.nq"))
        #expect(split.map(\.text) == ["quotes \\\n  where kind = direct", "sources"])
        #expect(TinyStore.run(split[0].text, columns: ["kind"]) == "kind\ndirect\ndirect\ndirect\ndirect")
    }

    @Test func errorsRenderAtTheLineAndColumnInTheScript() throws {
        let script = "sources\n\n  # next one is wrong\n  quotes where speker = x\n"
        let statements = StatementSplitter.split(Source(script, name: "s.nq"))
        #expect(statements.count == 2)
        guard case .failure(let error) = Engine(store: TinyStore.sample).run(statements[1]) else {
            Issue.record("expected an error"); return
        }
        #expect(DiagnosticRenderer.render(error) == """
            s.nq:4:16: error: unknown field `speker` for quotes
              quotes where speker = x
                           ^~~~~~
              did you mean `speaker`? fields: speaker, speaker.country, speaker.type, speaker.role, source, source.country, article, kind, language, source.language, translated_from, date, text, cue, cue_class, start, end, sentence, repeat
            """)
    }

    @Test func offsetScriptsKeepTheirCoordinates() {
        let split = StatementSplitter.split(Source("x; z\ny", name: "f", firstLine: 10, firstColumn: 5))
        #expect(split.map { "\($0.firstLine):\($0.firstColumn)" } == ["10:5", "10:8", "11:1"])
    }

    @Test func isComplete() {
        #expect(StatementSplitter.isComplete("who said price"))
        #expect(StatementSplitter.isComplete(""))
        #expect(StatementSplitter.isComplete("quotes # (unclosed in a comment"))
        #expect(StatementSplitter.isComplete("who said \"a)\""))
        #expect(!StatementSplitter.isComplete("who said \"price"))
        #expect(!StatementSplitter.isComplete("quotes where (kind = direct"))
        #expect(!StatementSplitter.isComplete("quotes \\"))
        #expect(!StatementSplitter.isComplete("quotes \\  \n"))
        #expect(StatementSplitter.isComplete("quotes where (kind = direct)"))
    }
}
