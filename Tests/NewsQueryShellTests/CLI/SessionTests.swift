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
        _ = FileManager.default.createFile(atPath: dir + "/bad.txt", contents: Data([0xFF]))
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

/// Issue 6: the session's side of the analyst's REPL.
@Suite struct SessionPresentationTests {
    func session() -> Session {
        Session(store: ArticleStore(documents: [
            Document(id: "a", text: "A title\n“We will win,” said Jane Roe.\n“We may lose,” said Jane Roe.\n",
                     metadata: ArticleMetadata(source: "Daily", country: "GB")),
            Document(id: "b", text: "Evil \u{1B}]0;title\u{07} headline\n“Clear \u{1B}[2J now,” said Jane Roe.\n"),
            Document(id: "c", text: "C title\nNothing said.\n"),
        ]))
    }

    func temporaryDirectory() throws -> String {
        let dir = NSTemporaryDirectory() + "newsq-session-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func longResultsAreCutWithTheCountOfTheRest() {
        let s = session()
        s.maxRows = 2
        let output = s.execute("articles").output
        let lines = output.split(separator: "\n")
        #expect(lines.count == 6, "\(output)")  // header, rule, two rows, the rest, the count
        #expect(lines[4] == "… 1 more row (.maxrows N or --max-rows N shows more)")
        #expect(lines[5] == "(3 rows)")
        #expect(s.execute(".maxrows 0").error == nil)
        #expect(s.execute("articles").output.hasSuffix("(3 rows)\n"))
        #expect(!s.execute("articles").output.contains("more row"))
        #expect(s.execute(".maxrows").output == "maxrows: 0 (all)\n")
        #expect(s.execute(".maxrows x").error == "<repl>:1:1: error: usage: .maxrows N")
    }

    @Test func theTimerAddsCountAndTimeInEveryFormat() {
        let s = session()
        #expect(s.execute(".timer").output == "timer: off\n")
        #expect(s.execute(".timer on").error == nil)
        let table = s.execute("articles").output
        #expect(table.range(of: #"\n\(3 rows, [0-9.]+ (ms|s)\)\n$"#, options: .regularExpression) != nil, "\(table)")
        #expect(!table.contains("(3 rows)\n"))
        s.format = .csv
        let csv = s.execute("articles").output
        #expect(csv.hasPrefix("id,title,"))
        #expect(csv.range(of: #"\n\(3 rows, [0-9.]+ (ms|s)\)\n$"#, options: .regularExpression) != nil, "\(csv)")
        #expect(s.execute(".timer off").error == nil)
        #expect(!s.execute("articles").output.contains(" ms)"))
        #expect(s.execute(".timer maybe").error == "<repl>:1:1: error: usage: .timer on|off")
    }

    @Test func csvAndTSVAreEscapedOnATerminalOnly() {
        let s = session()
        s.format = .csv
        #expect(s.execute("articles where article = b").output.contains("\u{1B}]0;title\u{07}"))  // a pipe: the bytes
        s.terminalOutput = true
        for format in [OutputFormat.csv, .tsv, .table, .markdown] {
            s.format = format
            let output = s.execute("articles where article = b").output + s.execute("quotes where article = b").output
            #expect(output.contains("Evil \\e]0;title\\u{7} headline"), "\(format): \(output)")
            #expect(output.contains("Clear \\e[2J now"), "\(format): \(output)")
            #expect(!output.contains("\u{1B}"), "\(format): \(output)")
        }
    }

    @Test func colourMarksTheHeaderAndRuleOnly() {
        let s = session()
        s.color = true
        let table = s.execute("sources").output
        let lines = table.split(separator: "\n")
        #expect(lines[0].hasPrefix("\u{1B}[1msource") && lines[0].hasSuffix("\u{1B}[0m"))
        #expect(lines[1].hasPrefix("\u{1B}[2m---"))
        #expect(lines.last == "\u{1B}[2m(2 rows)\u{1B}[0m")
        s.format = .csv
        #expect(!s.execute("sources").output.contains("\u{1B}"))
    }

    @Test func outputGoesToAFileWrittenWhenOutputChanges() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = session()
        s.timer = true
        let opened = s.execute(".output \(dir)/out.csv")
        #expect(opened.error == nil)
        #expect(opened.notes?.contains("results go to \(dir)/out.csv") == true)
        s.format = .csv
        let first = s.execute("sources")
        #expect(first.output.hasPrefix("(2 rows, "), "only the footer stays on the terminal: \(first.output)")
        s.maxRows = 1  // a file gets every row
        _ = s.execute("articles")
        // Nothing under the final name until the file is finished.
        #expect(!FileManager.default.fileExists(atPath: dir + "/out.csv"))
        let closed = s.execute(".output")
        #expect(closed.notes == "wrote \(dir)/out.csv")
        let text = try String(contentsOfFile: dir + "/out.csv", encoding: .utf8)
        #expect(text.hasPrefix("source,country,articles,quotes\n"))
        #expect(text.contains("\na,A title,Daily,GB,"))
        #expect(text.contains("\nc,C title,"))
        #expect(!text.contains("rows"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.csv"], "a temporary file was left")
        // Back on the terminal.
        #expect(s.execute("sources").output.hasPrefix("source,country"))
    }

    @Test func metaCommandPathsMayHoldBlanks() throws {
        let dir = try temporaryDirectory() + "/with space"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        try "B title\nText.\n".write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        let s = session()
        #expect(s.execute(".load \"\(dir)\";").output.hasPrefix("loaded 1 article"))
        let escaped = dir.replacingOccurrences(of: " ", with: "\\ ")
        #expect(s.execute(".output \(escaped)/out.csv").error == nil)
        #expect(s.outputPath == dir + "/out.csv")
        s.finishOutput()
    }

    @Test func theSessionEndFinishesTheOutputFileAndBadPathsAreErrors() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = session()
        #expect(s.execute(".output \(dir)/x.md").error == nil)
        s.format = .markdown
        _ = s.execute("sources")
        #expect(s.outputPath == dir + "/x.md")
        #expect(s.finishOutput() == nil)
        #expect(try String(contentsOfFile: dir + "/x.md", encoding: .utf8).hasPrefix("| source |"))
        let bad = s.execute(".output \(dir)/missing/x.csv", origin: "s.nq", line: 2)
        #expect(bad.error?.hasPrefix("s.nq:2:1: error: cannot write \(dir)/missing/x.csv") == true, "\(bad)")
        #expect(s.outputPath == nil)
        #expect(s.execute(".output \(dir)").error?.contains("cannot write \(dir)") == true)
        #expect(s.execute(".output a b").error == "<repl>:1:1: error: usage: .output [FILE]")
    }

    @Test func aCancelledLoadAddsNothing() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 0..<5 { try "T\(i)\nText.\n".write(toFile: dir + "/f\(i).txt", atomically: true, encoding: .utf8) }
        let s = session()
        var asked = 0
        let result = s.load([dir], shouldCancel: { asked += 1; return asked > 3 })
        #expect(result.cancelled)
        #expect(result.loaded == 0)
        #expect(s.store.articles.count == 3)
        let generation = s.generation
        s.shouldCancel = { true }
        let outcome = s.execute(".load \(dir)")
        #expect(outcome.error?.hasPrefix("load cancelled (Ctrl-C); nothing was loaded; still 3 articles") == true)
        #expect(s.generation == generation)
        s.shouldCancel = { false }
        #expect(s.execute(".load \(dir)").output.hasPrefix("loaded 5 articles; now 8 articles"))
        #expect(s.generation == generation + 1)
    }

    @Test func aCancelledQueryPrintsNothing() {
        let s = session()
        s.shouldCancel = { true }
        #expect(s.execute("articles").error == "query cancelled (Ctrl-C)")
        s.abandonsCancelledQueries = true
        #expect(s.execute("articles").error == "query cancelled (Ctrl-C)")
        s.shouldCancel = { false }
        #expect(s.execute("articles").output.hasSuffix("(3 rows)\n"))
    }

    @Test func theWidthIsReadBeforeEachStatement() {
        let s = session()
        nonisolated(unsafe) var columns = 200
        s.terminalWidth = { columns }
        let wide = s.execute("articles").output
        columns = 70
        let narrow = s.execute("articles").output
        #expect(wide.split(separator: "\n").map(\.count).max()! > 70)
        #expect(narrow.split(separator: "\n").map(\.count).max()! <= 70, "\(narrow)")
    }
}

@Suite struct HelpTests {
    let session = Session(store: ArticleStore(documents: [Document(id: "a", text: "A title\nText.\n")]))

    @Test func everyStatementKeywordAndMetaCommandHasATopic() {
        for keyword in Keyword.statementKeywords {
            let text = HelpTopic.text(for: keyword)
            #expect(text != nil && !text!.contains("see grammar"), "no help for `\(keyword)`")
        }
        for name in MetaCommand.names + [".history"] {
            #expect(session.execute(".help \(name)").output.hasPrefix(name), "no help for \(name)")
            #expect(session.execute(".help \(name.dropFirst())").output.hasPrefix(name))
        }
        #expect(session.execute(".help who said").output.hasPrefix("who said TEXT"))
        #expect(session.execute(".help where").output.contains("speaker.country"))
    }

    @Test func theOverviewIsBuiltFromTheTopics() {
        let help = session.execute(".help").output
        for topic in HelpTopic.statements { #expect(help.contains(topic.usage + " ")) }
        for command in MetaCommand.all { #expect(help.contains(command.help)) }
        #expect(help.contains(".help TOPIC explains one: " + HelpTopic.names.joined(separator: ", ")))
    }

    @Test func varsListsTheNamedResults() {
        let s = Session(store: ArticleStore(documents: [Document(id: "a", text: "A title\n“We will win,” said Jane Roe.\n")]))
        #expect(s.execute(".vars").output == "no named results yet; `let NAME = QUERY` defines one\n")
        #expect(s.execute("let Wins = who said win").error == nil)
        #expect(s.execute("count Wins by speaker").error == nil)
        s.format = .csv
        let listing = s.execute(".vars").output
        #expect(listing.hasPrefix("name,query\nWins,who said"), "\(listing)")
        #expect(s.environment.names == ["Wins"])
        // With .output, the confirmation of a `let` stays on the terminal.
        let dir = NSTemporaryDirectory() + "newsq-vars-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = s.execute(".output \(dir)/x.txt")
        #expect(s.execute("let Again = quotes").output.hasPrefix("let Again: 1 "))
        s.finishOutput()
        // A cancelled `let` defines nothing.
        s.shouldCancel = { true }
        #expect(s.execute("let Other = quotes").error == "query cancelled (Ctrl-C)")
        #expect(s.environment.names == ["Again", "Wins"])
    }

    @Test func unknownTopicsSuggestOne() {
        let error = session.execute(".help quotse").error ?? ""
        #expect(error.hasPrefix("<repl>:1:1: error: no help on 'quotse' (did you mean quotes?)"), "\(error)")
    }

    @Test func statementExamplesRun() {
        for topic in HelpTopic.statements + HelpTopic.clauses {
            // ids and entity names of the bundled corpus (`who mentioned` an unknown name is an error)
            let examples = topic.examples.filter { !$0.contains("004_") && !$0.hasPrefix("who mentioned") }
            for example in examples {
                #expect(session.execute(example).error == nil, "`\(example)` from .help \(topic.name): \(session.execute(example).error ?? "")")
            }
        }
    }
}
