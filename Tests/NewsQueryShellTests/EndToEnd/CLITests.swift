import Foundation
import Testing

/// The binary as a user runs it: one command, scripts, piped stdin, errors and exit statuses.
@Suite struct CLITests {
    init() throws { try #require(Binary.exists, "build newsq first (swift build)") }

    @Test func whoSaidPriceNamesTheSpeakersTheGoldNames() throws {
        let run = try Binary.run(["--format", "csv", "-e", "who said \"price\""])
        #expect(run.status == 0)
        let speakers = Set(run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" })
        #expect(speakers == ["United States", "Jake Sullivan"], "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("001_272ebe8368280a41"))
        #expect(run.stdout.contains("004_b7d6da664c311baa"))
    }

    @Test func aFileNamedRelativeToTheWorkingFolderLoads() throws {
        let folder = NSTemporaryDirectory() + "newsq-relative-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "\"We will go,\" the minister said.\n".write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "\"We stay,\" the mayor said.\n".write(toFile: folder + "/sub/b.txt", atomically: true, encoding: .utf8)
        for (arguments, count) in [(["a.txt"], "1"), (["./a.txt", "sub/b.txt"], "2"), (["../" + (folder as NSString).lastPathComponent + "/a.txt"], "1")] {
            let run = try Binary.run(["--format", "csv", "-e", "count quotes by kind"] + arguments, directory: folder)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(run.stdout == "kind,count\ndirect,\(count)\n", "\(arguments)")
        }
    }

    @Test func sourceUSNarrowsToTheUSOutletsArticle() throws {
        let run = try Binary.run(["--format", "csv", "-e", "who said \"price\" where source=US"])
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 1, "\(run.stdout)")
        #expect(rows.first?.hasPrefix("United States,") == true)
        #expect(rows.first?.contains("004_b7d6da664c311baa") == true)
        #expect(rows.first?.contains("001_") == false)
    }

    @Test func quotesAsJSONLCarryTheScorersKeys() throws {
        let run = try Binary.run(["--format", "jsonl", "-e", "quotes"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count > 20)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["article", "start", "end", "text", "speaker", "speaker_start", "speaker_end", "cue",
                        "cue_start", "cue_end", "kind", "source", "source_country"] {
                #expect(object.keys.contains(key), "missing \(key) in \(line)")
            }
        }
    }

    @Test func quoteOffsetsIndexTheFileByUnicodeScalars() throws {
        let run = try Binary.run(["--format", "jsonl", "-e", "quotes"])
        var texts: [String: [Unicode.Scalar]] = [:]
        for line in run.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let article = object["article"] as! String
            if texts[article] == nil {
                let text = try String(contentsOfFile: Binary.repoRoot + "/examples/corpus/\(article).txt", encoding: .utf8)
                texts[article] = Array(text.unicodeScalars)
            }
            let scalars = texts[article]!
            let start = object["start"] as! Int, end = object["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == object["text"] as? String)
        }
    }

    @Test func aScriptStopsAtItsFirstErrorWithFileLineAndColumn() throws {
        let dir = NSTemporaryDirectory() + "newsq-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = dir + "/bad.nq"
        try "# a comment\nsources\n\nquotes where speeker = x\nsources\n".write(toFile: script, atomically: true, encoding: .utf8)
        let run = try Binary.run(["-f", script])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(script):4:14: error: "), "\(run.stderr)")
        #expect(run.stderr.contains("speeker"))
        #expect(run.stderr.contains("^"))
        #expect(run.stdout.components(separatedBy: "source").count > 1)
    }

    @Test func pipedStdinRunsAsAScript() throws {
        let run = try Binary.run(["--format", "csv"], stdin: "sources;\narticles where translated_from = ru\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("USTimesPost"))
        #expect(run.stdout.contains("003_7eb74552e98a5eb9"))
    }

    @Test func unterminatedStringShowsACaretAtTheQuote() throws {
        let run = try Binary.run(["-e", "who said \"price"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("<command line>:1:10: error: "), "\(run.stderr)")
        #expect(run.stderr.contains("\n           ^"), "\(run.stderr)")
    }

    @Test func aBadFileIsNamedAndTheOthersStillLoad() throws {
        let dir = NSTemporaryDirectory() + "newsq-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Good title\n“It works,” she said.\n".write(toFile: dir + "/good.txt", atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: dir + "/bad.txt", contents: Data([0x48, 0x69, 0x0A, 0xC3, 0x28]))
        let run = try Binary.run(["--format", "csv", "-e", "articles", dir])
        #expect(run.status == 0)
        #expect(run.stderr.contains("\(dir)/bad.txt:2:1: error: invalid UTF-8"), "\(run.stderr)")
        #expect(run.stdout.contains("good,Good title"))
    }

    @Test func unknownFormatIsRefused() throws {
        let run = try Binary.run(["--format", "xml", "-e", "sources"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("unknown format 'xml'"))
    }
}
