import Foundation
import Testing
@testable import NewsQuery

/// docs/LANGUAGE.md cannot rot: every ```nq block immediately followed by a ```text block is run on
/// the bundled corpus (examples/corpus) and must print exactly that text (tables as
/// `ResultFormatter(format: .table, width: 120)` prints them, each note as `note: …`, errors
/// rendered with their caret). Blocks run in document order with one `Environment`, so a `let` in
/// one example defines a name for the later ones. `RECORD_SNAPSHOTS=1` rewrites the text blocks.
@Suite struct LanguageDocTests {
    static let path = Repo.root + "/docs/LANGUAGE.md"

    static let store: ArticleStore = {
        let documents = CorpusLoader().load(paths: [Repo.root + "/examples/corpus"]).documents
        return ArticleStore(documents: documents)
    }()

    /// An example: the statements of an ```nq block and the lines of the ```text block after it.
    struct Example {
        var statements: String
        /// Line numbers (0-based) of the text block's content: first..<end.
        var expectedLines: Range<Int>
        var expected: String
    }

    static func examples(in lines: [String]) -> [Example] {
        var result: [Example] = []
        var i = 0
        while i < lines.count {
            guard lines[i] == "```nq" else { i += 1; continue }
            var j = i + 1
            while j < lines.count, lines[j] != "```" { j += 1 }
            let statements = lines[(i + 1)..<min(j, lines.count)].joined(separator: "\n")
            var k = j + 1
            while k < lines.count, lines[k].trimmingCharacters(in: .whitespaces).isEmpty { k += 1 }
            guard k < lines.count, lines[k] == "```text" else { i = j + 1; continue }
            var end = k + 1
            while end < lines.count, lines[end] != "```" { end += 1 }
            result.append(Example(statements: statements, expectedLines: (k + 1)..<end,
                                  expected: lines[(k + 1)..<end].joined(separator: "\n")))
            i = end + 1
        }
        return result
    }

    /// What running the statements prints: each statement's output in turn.
    static func output(of statements: String, environment: inout Environment) -> String {
        var out: [String] = []
        for source in StatementSplitter.split(Source(statements, name: "<doc>")) {
            switch Engine(store: store).run(source, environment: &environment) {
            case .success(.rows(let rows)):
                var text = ResultFormatter(format: .table, width: 120).format(rows)
                for note in rows.notes { text += "note: \(note)\n" }
                out.append(text)
            case .success(.text(let text)):
                out.append(TerminalSafe.escape(text, keepLayout: true) + "\n")
            case .failure(let error):
                out.append(DiagnosticRenderer.render(error) + "\n")
            }
        }
        var joined = out.joined()
        while joined.hasSuffix("\n") { joined.removeLast() }
        return joined
    }

    @Test func everyExampleHasItsOutput() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let examples = Self.examples(in: lines)
        #expect(examples.count >= 20)
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil
        var environment = Environment()
        var replacements: [(Range<Int>, [String])] = []
        for example in examples {
            let actual = Self.output(of: example.statements, environment: &environment)
            if record {
                replacements.append((example.expectedLines, actual.components(separatedBy: "\n")))
            } else {
                #expect(actual == example.expected, "docs/LANGUAGE.md example:\n\(example.statements)")
            }
        }
        if record {
            for (range, new) in replacements.reversed() { lines.replaceSubrange(range, with: new) }
            try lines.joined(separator: "\n").write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
    }

    @Test func everyStatementInTheReferenceParses() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        for example in Self.examples(in: text.components(separatedBy: "\n")) where !example.expected.contains("error:") {
            for source in StatementSplitter.split(Source(example.statements)) {
                #expect(Parser.parse(source).diagnostics.isEmpty, "\(source.text)")
            }
        }
    }

    @Test func theReferenceNamesEveryKeywordAndField() throws {
        let text = try String(contentsOfFile: Self.path, encoding: .utf8)
        for keyword in Keyword.allKeywords {
            #expect(text.contains("`\(keyword)") || text.contains(" \(keyword) ") , "keyword \(keyword)")
        }
        for field in Schema.allFieldNames {
            #expect(text.contains("`\(field)`"), "field \(field)")
        }
    }
}
