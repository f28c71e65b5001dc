import Foundation
import Testing

/// Issue 6 through the binary on pipes: a hostile article cannot drive a terminal through the
/// formats meant for one, and piped input and scripts print no prompt, banner or colour.
/// (The same on a real terminal, csv included: REPL/AnalystShellTests.)
@Suite struct TerminalSafetyTests {
    init() throws { try #require(Binary.exists, "build newsq first (swift build)") }

    static func corpus() throws -> String {
        let dir = NSTemporaryDirectory() + "newsq-safety-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "Evil \u{1B}]0;title\u{07} headline\n“Clear \u{1B}[2J the screen \u{9B}31m now,” said Jane Roe.\n"
            .write(toFile: dir + "/evil.txt", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func tableAndMarkdownShowControlCharactersEscaped() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for format in ["table", "markdown"] {
            let run = try Binary.run(["-q", "--format", format, "-e", "articles", "-e", "quotes", dir])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("Evil \\e]0;title\\u{7} headline"), "\(format): \(run.stdout)")
            #expect(run.stdout.contains("Clear \\e[2J the screen \\u{9b}31m now"), "\(format): \(run.stdout)")
            for sequence in ["\u{1B}", "\u{07}", "\u{9B}"] {
                #expect(!run.stdout.contains(sequence), "\(format): \(sequence.debugDescription) written raw")
            }
        }
    }

    @Test func fileNamesInLoadNotesAreEscaped() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/bad\u{1B}[2J.txt", contents: Data([0xFF]))
        let run = try Binary.run(["-q", "-e", "articles", dir])
        #expect(run.stderr.contains("bad\\e[2J.txt:1:1: error: invalid UTF-8"), "\(run.stderr)")
        #expect(!run.stderr.contains("\u{1B}"))
        let piped = try Binary.run(["-q"], stdin: ".load \(dir)\n")
        #expect(piped.stderr.contains("bad\\e[2J.txt:1:1: error: invalid UTF-8"), "\(piped.stderr)")
        #expect(!piped.stderr.contains("\u{1B}"))
    }

    @Test func jsonEscapesThemByItsOwnRules() throws {
        let dir = try Self.corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Binary.run(["-q", "--format", "jsonl", "-e", "articles", dir])
        #expect(run.stdout.contains(#"Evil \u001b]0;title\u0007 headline"#), "\(run.stdout)")
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test func pipedInputPrintsNoPromptBannerOrColour() throws {
        let run = try Binary.run(["--format", "table"], stdin: "sources\n.help\n", environment: ["NO_COLOR": ""])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("source "), "\(run.stdout)")
        for marker in ["newsq>", "...>", "Try:", "loaded.", "\u{1B}"] {
            #expect(!run.stdout.contains(marker), "stdout has \(marker.debugDescription)")
            #expect(!run.stderr.contains(marker), "stderr has \(marker.debugDescription)")
        }
    }

    @Test func scriptsPrintNoPromptBannerOrColour() throws {
        let dir = NSTemporaryDirectory() + "newsq-script-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "sources\nquotes where (\n  kind = direct) limit 1\n".write(toFile: dir + "/s.nq", atomically: true, encoding: .utf8)
        let run = try Binary.run(["-f", dir + "/s.nq"], stdin: "articles\n", environment: ["NO_COLOR": ""])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("source "), "\(run.stdout)")
        for marker in ["newsq>", "...>", "Try:", "\u{1B}"] {
            #expect(!run.stdout.contains(marker), "stdout has \(marker.debugDescription)")
            #expect(!run.stderr.contains(marker), "stderr has \(marker.debugDescription)")
        }
        // stdin is not read when a script is given.
        #expect(!run.stdout.contains("translated_from"))
    }

    @Test func scriptsAndCommandsPrintEveryRow() throws {
        let run = try Binary.run(["--format", "csv", "-e", "quotes"])
        let rows = run.stdout.split(separator: "\n").count - 1
        let piped = try Binary.run(["--format", "csv"], stdin: "quotes\n")
        #expect(rows > 20)
        #expect(piped.stdout.split(separator: "\n").count - 1 == rows)
        #expect(!run.stdout.contains("more rows"))
    }

    @Test func outputInAScriptIsWrittenWhenTheScriptEnds() throws {
        let dir = NSTemporaryDirectory() + "newsq-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Binary.run(["--format", "csv"], stdin: ".output \(dir)/sources.csv\nsources\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        let text = try String(contentsOfFile: dir + "/sources.csv", encoding: .utf8)
        #expect(text.hasPrefix("source,country,articles,quotes\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["sources.csv"])
    }
}
