import Foundation
import Testing

/// The README's tour cannot rot: every ```console block that starts with `$ newsq …` is run
/// (on the bundled corpus) and must print exactly the lines that follow it. Every statement
/// shown in the README's ```nq blocks must parse (checked by running it).
@Suite struct ReadmeTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var command: String
        var arguments: [String]
        var expected: String
        var testDescription: String { command }
    }

    static var readme: String {
        (try? String(contentsOfFile: Binary.repoRoot + "/README.md", encoding: .utf8)) ?? ""
    }

    static func blocks(_ language: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]? = nil
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```" + language { current = []; continue }
            if current != nil, line == "```" { blocks.append(current!.joined(separator: "\n")); current = nil; continue }
            current?.append(line)
        }
        return blocks
    }

    static var examples: [Example] {
        blocks("console").compactMap { block in
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            guard let first = lines.first, first.hasPrefix("$ newsq") else { return nil }
            let command = String(first.dropFirst(2))
            return Example(command: command, arguments: Array(shellWords(command).dropFirst()),
                           expected: lines.dropFirst().joined(separator: "\n") + "\n")
        }
    }

    /// Splits a command line as a POSIX shell would for plain words and '…'/"…" quoting.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = [], word = "", inWord = false
        var quote: Character? = nil
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test func theTourHasExamples() {
        #expect(Self.examples.count >= 4)
    }

    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil }

    /// With RECORD_SNAPSHOTS=1, writes each console block's output anew into README.md.
    @Test(.enabled(if: recording)) func recordTour() throws {
        var out: [String] = []
        var inConsole = false
        for line in Self.readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if inConsole {
                if line == "```" { inConsole = false; out.append(String(line)) }
                continue
            }
            out.append(String(line))
            if line.hasPrefix("$ newsq"), out.count >= 2, out[out.count - 2] == "```console" {
                let run = try Binary.run(Array(Self.shellWords(String(line.dropFirst(2))).dropFirst()))
                out.append(contentsOf: (run.stdout + run.stderr).split(separator: "\n", omittingEmptySubsequences: false)
                    .dropLast().map(String.init))
                inConsole = true
            }
        }
        try out.joined(separator: "\n").write(toFile: Binary.repoRoot + "/README.md", atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: !recording), arguments: examples)
    func tourCommandPrintsWhatTheReadmeShows(_ example: Example) throws {
        try #require(Binary.exists, "build newsq first (swift build)")
        let run = try Binary.run(example.arguments)
        #expect(run.stdout + run.stderr == example.expected)
    }

    @Test func everyStatementInTheReadmeRuns() throws {
        try #require(Binary.exists, "build newsq first (swift build)")
        let statements = Self.blocks("nq").flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix(".") }
        #expect(!statements.isEmpty)
        for statement in statements {
            let run = try Binary.run(["--format", "csv", "-e", statement])
            #expect(run.status == 0, "README statement `\(statement)` fails: \(run.stderr)")
        }
    }
}
