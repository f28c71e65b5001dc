import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The analyst's REPL on a real terminal (issue 6): completion of values from the loaded articles
/// and of paths, Ctrl-C during a long load, escaped control characters, colour, cut results.
/// Needs `swift build` first (skipped, saying so, when the binary is missing).
@Suite("Analyst's shell on a terminal", .serialized,
       .enabled(if: PTYProcess.newsqBinaryExists,
                "newsq is not built at \(PTYProcess.newsqBinary); run `swift build` before `swift test`"))
struct AnalystShellTests {
    static let prompt = "newsq> "

    /// A small corpus: two speakers (one with a space in the name, as all are), an outlet with a
    /// space in its name, and an article whose title and quotation carry escape sequences.
    static func writeCorpus(in directory: String) throws {
        let corpus = directory + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus + "/sub", withIntermediateDirectories: true)
        try """
        articles:
          a1:
            source: Daily Post
            country: GB
          evil:
            source: Daily Post
            country: GB
        """.write(toFile: corpus + "/corpus.yaml", atomically: true, encoding: .utf8)
        try "Talks go on\n“We will win the vote,” said Jane Roe.\n“It is too early,” said Jake Sullivan.\n"
            .write(toFile: corpus + "/a1.txt", atomically: true, encoding: .utf8)
        try "Evil \u{1B}]0;title\u{07} headline\n“Clear \u{1B}[2J the screen \u{08}\u{9B}31m now,” said Jane Roe.\n"
            .write(toFile: corpus + "/evil.txt", atomically: true, encoding: .utf8)
    }

    func startShell(in directory: TemporaryDirectory, arguments: [String], color: Bool = false) throws -> PTYProcess {
        var environment = [
            "TERM": "xterm",
            "EDITRC": "/dev/null",
            "NEWSQ_HISTORY": directory.path + "/history",
            "HOME": directory.path,
            "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8",
        ]
        if !color { environment["NO_COLOR"] = "1" }
        let shell = try PTYProcess(executable: PTYProcess.newsqBinary, arguments: arguments, environment: environment,
                                   columns: 120)
        try #require(shell.awaitPrompt(Self.prompt, timeout: 20),
                     "no prompt on a terminal; output so far: \(shell.output.debugDescription)")
        return shell
    }

    @Test func tabCompletesSpeakersOutletsAndPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)
        let shell = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus"])
        defer { shell.terminate() }

        // A speaker name with a space in it comes quoted.
        shell.send("quotes where speaker = Jak")
        #expect(shell.expect("= Jak"))
        shell.send("\t")
        #expect(shell.expect("\"Jake Sullivan\" "), "no speaker completion: \(shell.unreadOutput.debugDescription)")
        shell.send("\r")
        #expect(shell.expect("It is too early"), "the completed query did not run: \(shell.unreadOutput.debugDescription)")
        #expect(shell.awaitPrompt(Self.prompt))

        // A surname alone finds the full name; an outlet name with a space too.
        shell.send("quotes where speaker = Ro")
        #expect(shell.expect("= Ro"))
        shell.send("\t")
        #expect(shell.expect("Jane Roe\" "), "\(shell.unreadOutput.debugDescription)")
        shell.send("and source = Dai")
        #expect(shell.expect("= Dai"))
        shell.send("\t")
        #expect(shell.expect("\"Daily Post\" "), "\(shell.unreadOutput.debugDescription)")
        shell.send("\u{15}")  // Ctrl-U

        // Paths after .load: the folder's entries, folders with a trailing slash.
        shell.send(".load \(directory.path)/corpus/s")
        #expect(shell.expect("corpus/s"))
        shell.send("\t")
        #expect(shell.expect("ub/"), "no path completion: \(shell.unreadOutput.debugDescription)")
        shell.send("\u{15}.quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test func fieldCompletionAndAMultiLineStatementRecalledWhole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)
        let shell = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus"])
        defer { shell.terminate() }

        // A field after `where`: several candidates are listed under the line.
        shell.send("quotes where (spe")
        #expect(shell.expect("(spe"))
        shell.send("\t")
        #expect(shell.expect("speaker"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.expect("speaker.country"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.expect(Self.prompt + "quotes where (speaker"), "no redisplay: \(shell.unreadOutput.debugDescription)")
        // The open parenthesis continues the statement on the next line.
        shell.send(" = Roe\r")
        #expect(shell.awaitPrompt("...> "), "\(shell.unreadOutput.debugDescription)")
        shell.send("  or kind = indirect)\r")
        #expect(shell.expect("We will win the vote"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.expect("(2 rows)"))
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".history\r")
        #expect(shell.expect("1  quotes where (speaker = Roe\r\n     or kind = indirect)"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.awaitPrompt(Self.prompt))
        // Up twice (past .history) brings the whole statement back; it runs as one.
        shell.send("\u{1b}[A\u{1b}[A\r")
        #expect(shell.expect("(2 rows)"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test func ctrlCStopsALongLoadAndTheShellGoesOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Thousands of small articles: annotating them all takes several seconds.
        let big = directory.path + "/big"
        try FileManager.default.createDirectory(atPath: big, withIntermediateDirectories: true)
        let body = String(repeating: "“We will talk about prices and the meeting,” said Jane Roe. Officials said the talks would go on. “Nothing is decided,” the minister told reporters.\n", count: 20)
        for i in 0..<2000 {
            try "Title \(i)\n\(body)".write(toFile: big + "/a\(i).txt", atomically: false, encoding: .utf8)
        }
        try Self.writeCorpus(in: directory.path)
        let shell = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus/a1.txt"])
        defer { shell.terminate() }

        shell.send(".load \(big)\r")
        #expect(shell.expect(".load \(big)"))
        shell.drain(for: 1.0)
        #expect(!shell.unreadOutput.contains("loaded"), "the load finished too soon to test Ctrl-C")
        let sent = Date()
        shell.send("\u{03}")
        #expect(shell.expect("load cancelled", timeout: 10), "Ctrl-C did not stop the load: \(shell.unreadOutput.debugDescription)")
        #expect(Date().timeIntervalSince(sent) < 5)
        #expect(shell.expect("still 1 article"))
        #expect(shell.awaitPrompt(Self.prompt), "no prompt after Ctrl-C: \(shell.unreadOutput.debugDescription)")

        // The shell goes on, with its history, and nothing of the big folder was added.
        shell.send("articles\r")
        #expect(shell.expect("(1 row)"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".history\r")
        #expect(shell.expect("1  .load \(big)"))
        #expect(shell.expect("2  articles"))
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test func ctrlCCancelsARunningQuery() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let corpus = directory.path + "/medium"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let body = String(repeating: "“We will talk about prices and the meeting,” said Jane Roe. Officials said the talks would go on. “Nothing is decided,” the minister told reporters.\n", count: 10)
        for i in 0..<100 {
            try "Title \(i)\n\(body)".write(toFile: corpus + "/a\(i).txt", atomically: false, encoding: .utf8)
        }
        let shell = try startShell(in: directory, arguments: ["-q", corpus])
        defer { shell.terminate() }

        // Phrases of words every quotation has, in an order none has: an index cannot rule a
        // quotation out, so each phrase is checked on each one (seconds of work in a debug build).
        let words = ["we", "will", "talk", "about", "prices", "and", "meeting"]
        var phrases: [String] = []
        for (i, first) in words.enumerated() {
            for (j, second) in words.enumerated() where j != i && j != i + 1 { phrases.append("\(first) \(second)") }
        }
        let query = "quotes where " + (phrases + phrases.prefix(13).map { $0 + " zz" }).map { "text ~ \"\($0)\"" }
            .joined(separator: " or ")
        shell.send(query + "\r")
        #expect(shell.expect("zz\""))
        #expect(shell.expect("\n"))
        shell.drain(for: 1.0)
        #expect(!shell.unreadOutput.contains("rows)"), "the query finished too soon to test Ctrl-C")
        let sent = Date()
        shell.send("\u{03}")
        #expect(shell.expect("query cancelled", timeout: 10), "\(shell.unreadOutput.debugDescription)")
        #expect(Date().timeIntervalSince(sent) < 2, "Ctrl-C took \(Date().timeIntervalSince(sent)) s")
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send("articles limit 1\r")
        #expect(shell.expect("(1 row)"), "\(shell.unreadOutput.debugDescription)")
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".history\r")
        #expect(shell.expect("1  quotes where text ~"))
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test func controlCharactersFromArticlesAreShownEscapedInEveryTerminalFormat() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)
        let shell = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus"])
        defer { shell.terminate() }

        for format in ["table", "markdown", "csv", "tsv"] {
            shell.send(".format \(format)\r")
            #expect(shell.awaitPrompt(Self.prompt))
            shell.send("articles where article = evil\r")
            #expect(shell.expect("Evil \\e]0;title\\u{7} headline"), "\(format): \(shell.unreadOutput.debugDescription)")
            #expect(shell.awaitPrompt(Self.prompt))
            shell.send("quotes where article = evil\r")
            #expect(shell.expect("Clear \\e[2J the screen \\u{8}\\u{9b}31m now"), "\(format): \(shell.unreadOutput.debugDescription)")
            #expect(shell.awaitPrompt(Self.prompt))
        }
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
        let raw = shell.output
        for sequence in ["\u{1B}]0;", "\u{1B}[2J", "\u{07}", "\u{9B}"] {
            #expect(!raw.contains(sequence), "\(sequence.debugDescription) reached the terminal raw")
        }
    }

    /// `--max-rows N` sets where the REPL cuts a result (issue 8's limit on the result size shown),
    /// the cut names both ways to raise it, and `--max-rows 0` shows every row.
    @Test func maxRowsOptionSetsTheCutAndTheFooterNamesIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)

        let cut = try startShell(in: directory, arguments: ["-q", "--max-rows", "1", directory.path + "/corpus"])
        cut.send(".maxrows\r")
        #expect(cut.expect("maxrows: 1"), "\(cut.unreadOutput.debugDescription)")
        #expect(cut.awaitPrompt(Self.prompt))
        cut.send("quotes\r")
        #expect(cut.expect("… 2 more rows (.maxrows N or --max-rows N shows more)"), "\(cut.unreadOutput.debugDescription)")
        #expect(cut.expect("(3 rows)"))
        #expect(cut.awaitPrompt(Self.prompt))
        cut.send(".quit\r")
        #expect(cut.waitForExit() == 0)

        let all = try startShell(in: directory, arguments: ["-q", "--max-rows", "0", directory.path + "/corpus"])
        all.send(".maxrows\r")
        #expect(all.expect("maxrows: 0 (all)"), "\(all.unreadOutput.debugDescription)")
        #expect(all.awaitPrompt(Self.prompt))
        all.send("quotes\r")
        #expect(all.expect("(3 rows)"), "\(all.unreadOutput.debugDescription)")
        #expect(all.awaitPrompt(Self.prompt))
        all.send(".quit\r")
        #expect(all.waitForExit() == 0)
        #expect(!all.output.contains("more rows"))
    }

    @Test func colourOnlyWithoutNoColorAndLongResultsAreCut() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)

        let plain = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus"])
        plain.send(".maxrows 1\r")
        #expect(plain.awaitPrompt(Self.prompt))
        plain.send("quotes\r")
        #expect(plain.expect("… 2 more rows"), "\(plain.unreadOutput.debugDescription)")
        #expect(plain.expect("(3 rows)"))
        #expect(plain.awaitPrompt(Self.prompt))
        plain.send(".timer on\r")
        #expect(plain.awaitPrompt(Self.prompt))
        plain.send("articles\r")
        #expect(plain.expect("(2 rows, "), "no timer footer: \(plain.unreadOutput.debugDescription)")
        #expect(plain.expect(" ms)"))
        #expect(plain.awaitPrompt(Self.prompt))
        plain.send(".quit\r")
        #expect(plain.waitForExit() == 0)
        #expect(!plain.output.contains("\u{1B}[1m"), "bold header although NO_COLOR is set")

        let colored = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus"], color: true)
        colored.send("sources\r")
        #expect(colored.expect("\u{1B}[1msource"), "no bold header on a terminal: \(colored.unreadOutput.debugDescription)")
        #expect(colored.awaitPrompt(Self.prompt))
        colored.send(".quit\r")
        #expect(colored.waitForExit() == 0)
    }

    @Test func tablesFollowTheTerminalWidthWhenItIsResized() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)
        let shell = try startShell(in: directory, arguments: ["-q", directory.path + "/corpus"])
        defer { shell.terminate() }
        func widest(_ text: String) -> Int {
            text.components(separatedBy: "\r\n").filter { !$0.contains(Self.prompt) }.map(\.count).max() ?? 0
        }
        shell.send("articles\r")
        #expect(shell.expect("(2 rows)"))
        let wide = shell.output
        #expect(shell.awaitPrompt(Self.prompt))
        shell.resize(columns: 64, rows: 30)
        shell.drain(for: 0.2)
        let before = shell.output.count
        shell.send("articles\r")
        #expect(shell.expect("(2 rows)"))
        let narrow = String(shell.output.dropFirst(before))
        #expect(widest(wide) > 64, "\(wide.debugDescription)")
        #expect(widest(narrow) <= 64, "\(narrow.debugDescription)")
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test func bannerOnATerminal() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.writeCorpus(in: directory.path)
        let shell = try startShell(in: directory, arguments: [directory.path + "/corpus"])
        defer { shell.terminate() }
        #expect(shell.output.contains("newsq: 2 articles, 1 known outlet, 3 quotations loaded."), "\(shell.output.debugDescription)")
        #expect(shell.output.contains("Try:  who said"))
        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }
}
