import NewsQuery
import Testing

@testable import NewsQueryShell

/// A LineReader that plays back a script and records what the REPL asked and stored.
struct ScriptedReader: LineReader {
    var script: [LineReadResult]
    var prompts: [String] = []
    var history: [String] = []

    init(_ script: [LineReadResult]) { self.script = script }

    mutating func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        return script.isEmpty ? .eof : script.removeFirst()
    }

    mutating func addHistory(_ entry: String) { history.append(entry) }
    func historyEntries() -> [String] { history }
}

/// Runs the loop over a script, with a statement runner that records its input.
final class LoopHarness {
    var executed: [String] = []
    var sources: [Source] = []
    var out = ""
    var err = ""
    var reader: ScriptedReader
    var respond: (String) -> Session.Outcome = { Session.Outcome(output: "ran: \($0)\n") }

    init(_ script: [LineReadResult]) { reader = ScriptedReader(script) }

    @discardableResult
    func run() -> Int32 {
        REPL.run(reader: &reader, out: { self.out += $0 }, err: { self.err += $0 }) { source in
            self.sources.append(source)
            self.executed.append(source.text)
            return self.respond(source.text)
        }
    }
}

@Suite("REPL loop", .serialized)  // serialized: one test raises the process-wide Ctrl-C flag
struct REPLLoopTests {
    @Test func singleLineStatement() {
        let harness = LoopHarness([.line("quotes limit 2")])
        #expect(harness.run() == 0)
        #expect(harness.executed == ["quotes limit 2"])
        #expect(harness.out == "ran: quotes limit 2\n")
        #expect(harness.reader.history == ["quotes limit 2"])
        #expect(harness.reader.prompts == ["newsq> ", "newsq> "])
    }

    @Test func openParenthesisAndStringContinue() {
        let harness = LoopHarness([.line("quotes where (source = \"a"), .line("b\""), .line("  or source = UK)"), .line("sources")])
        harness.run()
        let statement = "quotes where (source = \"a\nb\"\n  or source = UK)"
        #expect(harness.executed == [statement, "sources"])
        #expect(harness.reader.history == [statement, "sources"])
        #expect(harness.reader.prompts == ["newsq> ", "   ...> ", "   ...> ", "newsq> ", "newsq> "])
    }

    @Test func anEmptyLineEndsAnUnfinishedStatementAsItStands() {
        let harness = LoopHarness([.line("who said \"price"), .line(""), .line("sources")])
        harness.run()
        #expect(harness.executed == ["who said \"price\n", "sources"])
        #expect(harness.reader.prompts == ["newsq> ", "   ...> ", "newsq> ", "newsq> "])
    }

    @Test func anUnterminatedStringInTheREPLIsReportedWithACaret() {
        let session = Session(store: ArticleStore())
        var reader = ScriptedReader([.line("who said \"price"), .line(""), .line("sources")])
        var out = "", err = ""
        REPL.run(session: session, reader: &reader, out: { out += $0 }, err: { err += $0 })
        #expect(err.hasPrefix("<repl>:1:10: error: unterminated string\n  who said \"price\n           ^"), "\(err)")
        #expect(out.contains("source"))  // the loop went on
    }

    @Test func trailingBackslashContinues() {
        let harness = LoopHarness([.line("who said \"price\" \\"), .line("where source = US;")])
        harness.run()
        // The lexer reads `\` + newline as a continuation, so the text goes over as typed.
        #expect(harness.executed == ["who said \"price\" \\\nwhere source = US"])
        #expect(harness.reader.history == ["who said \"price\" \\\nwhere source = US;"])
    }

    @Test func severalStatementsOnOneLineRunInTurn() {
        let harness = LoopHarness([.line("sources; quotes limit 1")])
        harness.run()
        #expect(harness.executed == ["sources", "quotes limit 1"])
        #expect(harness.sources.map(\.name) == ["<repl>", "<repl>"])
        #expect(harness.sources.map(\.firstColumn) == [1, 10])
        #expect(harness.reader.history == ["sources; quotes limit 1"])
    }

    @Test func statementLinesAreCountedFromTheFirstLineTyped() {
        let harness = LoopHarness([.line("quotes where ("), .line("  speaker = x)")])
        harness.run()
        #expect(harness.sources.first?.firstLine == 1)
    }

    @Test func commentOnlyInputIsNotHistory() {
        let harness = LoopHarness([.line("# just a note"), .line("sources")])
        harness.run()
        #expect(harness.executed == ["sources"])
        #expect(harness.reader.history == ["sources"])
    }

    @Test func recalledMultiLineEntryRunsWhole() {
        let harness = LoopHarness([.line("quotes where (\nsource = US)")])
        harness.run()
        #expect(harness.executed == ["quotes where (\nsource = US)"])
        #expect(harness.reader.prompts.count == 2)
    }

    @Test func interruptDiscardsPendingInput() {
        let harness = LoopHarness([.line("quotes where ("), .interrupted, .line("sources")])
        harness.run()
        #expect(harness.executed == ["sources"])
        #expect(harness.reader.prompts == ["newsq> ", "   ...> ", "newsq> ", "newsq> "])
    }

    @Test func errorsGoToStandardErrorAndTheLoopGoesOn() {
        let harness = LoopHarness([.line("bogus"), .line("sources")])
        harness.respond = { $0 == "bogus" ? Session.Outcome(error: "<repl>:1:1: error: bad") : Session.Outcome(output: "ok\n") }
        harness.run()
        #expect(harness.err == "<repl>:1:1: error: bad\n")
        #expect(harness.out == "ok\n")
        #expect(harness.executed == ["bogus", "sources"])
    }

    @Test func quitStopsReading() {
        let harness = LoopHarness([.line("sources"), .line(".quit"), .line("never")])
        #expect(harness.run() == 0)
        #expect(harness.executed == ["sources"])
        #expect(harness.reader.history == ["sources"])
    }

    @Test func sessionQuitOutcomeStops() {
        let harness = LoopHarness([.line(".bye"), .line("never")])
        harness.respond = { _ in Session.Outcome(quit: true) }
        harness.run()
        #expect(harness.executed == [".bye"])
    }

    @Test func metaCommandsAreOneLineAndGoToTheSession() {
        let harness = LoopHarness([.line("  .format json  "), .line(".load (x")])
        harness.run()
        #expect(harness.executed == [".format json", ".load (x"])
        #expect(harness.sources.map(\.firstColumn) == [3, 1])
    }

    @Test func historyListing() {
        let harness = LoopHarness([.line("quotes where ("), .line("source = US)"), .line("sources"), .line(".history")])
        harness.run()
        #expect(harness.out.hasSuffix("1  quotes where (\n   source = US)\n2  sources\n3  .history\n"))
        #expect(!harness.executed.contains(".history"))
    }

    @Test func blankLinesAreSkipped() {
        let harness = LoopHarness([.line(""), .line("   "), .line("sources")])
        harness.run()
        #expect(harness.executed == ["sources"])
        #expect(harness.reader.history == ["sources"])
    }

    @Test func ctrlCWhileAStatementRunsStopsTheRestOfTheLineButNotTheLoop() {
        let harness = LoopHarness([.line("slow; sources"), .line("articles")])
        harness.respond = { text in
            if text == "slow" {
                Interrupt.requested = 1  // as the SIGINT handler would
                return Session.Outcome(error: "query cancelled (Ctrl-C)")
            }
            return Session.Outcome(output: "ran: \(text)\n")
        }
        harness.run()
        #expect(harness.executed == ["slow", "articles"])
        #expect(harness.err == "\nquery cancelled (Ctrl-C)\n")
        #expect(harness.reader.history == ["slow; sources", "articles"])
        #expect(Interrupt.requested == 0)
    }
}
