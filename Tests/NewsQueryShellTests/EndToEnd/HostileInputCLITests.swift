import Foundation
import Testing

/// Issue 8's hostile inputs and limits as the whole `newsq` process meets them: each limit's
/// message names the option that raises it, and the option does; a file being written when the
/// process is killed is left as it was or whole, never in part.
@Suite(.enabled(if: Binary.exists, "build newsq first (swift build)"))
struct HostileInputCLITests {
    /// A fresh folder, removed when the value goes away.
    final class Folder {
        let path = NSTemporaryDirectory() + "newsq-hostile-" + UUID().uuidString
        init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        @discardableResult
        func write(_ name: String, _ text: String) -> String {
            let file = path + "/" + name
            try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! text.write(toFile: file, atomically: false, encoding: .utf8)
            return file
        }
    }

    static let article = "“We will win the vote on Monday,” said Ann Lee, the party leader.\n"

    @Test func anOversizedArticleIsSkippedWithAWarningNamingTheFileAndTheOption() throws {
        let folder = Folder()
        let small = folder.write("corpus/small.txt", "Small\n" + Self.article)
        let big = folder.write("corpus/big.txt", "Big\n" + String(repeating: Self.article, count: 40))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: big)[.size] as? Int)
        let limited = try Binary.run(["--no-cache", "--max-article-bytes", "1000", "--format", "csv", "-e", "articles", folder.path + "/corpus"])
        #expect(limited.status == 0)
        #expect(limited.stderr == "\(big): warning: article is \(size.formatted(.number.locale(Locale(identifier: "en_US")))) bytes, over the limit of 1,000 bytes (--max-article-bytes N raises it); skipped\n")
        #expect(limited.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } } == ["small"])
        _ = small
        let raised = try Binary.run(["--no-cache", "--max-article-bytes", "100000", "--format", "csv", "-e", "articles", folder.path + "/corpus"])
        #expect(raised.status == 0)
        #expect(raised.stderr == "")
        #expect(raised.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } } == ["big", "small"])
    }

    @Test func aDeepQueryIsAnErrorNamingTheOptionAndRunsWhenRaised() throws {
        func nested(_ depth: Int) -> String {
            "quotes where " + String(repeating: "(", count: depth) + "kind = direct" + String(repeating: ")", count: depth)
        }
        let refused = try Binary.run(["--format", "csv", "-e", nested(300)])
        #expect(refused.status == 1)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "<command line>:1:270: error: expression is nested too deeply")
        #expect(lines.count == 4 && lines[2].hasSuffix("^"))
        #expect(lines.last == "  at most 256 levels of parentheses and `not` are allowed; --max-query-depth N raises the limit")
        #expect(refused.stdout == "")

        let flat = try Binary.run(["--format", "csv", "-e", "quotes where kind = direct"])
        #expect(flat.status == 0 && flat.stdout.count > 100)
        let deep = try Binary.run(["--format", "csv", "--max-query-depth", "10000", "-e", nested(10_000)])
        #expect(deep.status == 0, "\(deep.stderr.prefix(300))")
        #expect(deep.stdout == flat.stdout)
        let nots = try Binary.run(["--format", "csv", "--max-query-depth", "20000", "--max-query-bytes", "100000",
                                   "-e", "let x = quotes where " + String(repeating: "not ", count: 20_000) + "kind = direct",
                                   "-e", "let x = quotes", "-e", "quotes where kind = direct"])
        #expect(nots.status == 0, "\(nots.stderr.suffix(300))")
        #expect(nots.stdout.hasSuffix(flat.stdout))
    }

    @Test func aOneMegabyteQueryIsAnErrorNamingTheOptionAndRunsWhenRaised() throws {
        let folder = Folder()
        let statement = "quotes where " + Array(repeating: #"text ~ "price""#, count: 1_000_000 / 18 + 1).joined(separator: " or ")
        let script = folder.write("long.nq", "# one statement of a megabyte\n" + statement + "\n")
        let refused = try Binary.run(["--format", "csv", "-f", script])
        #expect(refused.status == 1)
        #expect(refused.stderr.count < 1000)
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(script):2:65537: error: statement is too long (\(statement.utf8.count.formatted(.number.locale(Locale(identifier: "en_US")))) bytes; at most 64 KiB)")
        #expect(lines.last == "  --max-query-bytes N raises the limit")

        // Raised, a megabyte of statement runs: a search or a comparison with a megabyte-long value.
        let one = try Binary.run(["--format", "csv", "-e", #"quotes where text ~ "price""#])
        let huge = folder.write("huge.nq", #"quotes where text ~ "price" or article = ""# + String(repeating: "x", count: 1_000_000) + "\"\n")
        let raised = try Binary.run(["--format", "csv", "--max-query-bytes", "2000000", "-f", huge])
        #expect(raised.status == 0, "\(raised.stderr.prefix(300))")
        #expect(raised.stdout == one.stdout)
        #expect(!one.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--max-query-depth", "0"], "--max-query-depth takes a number of levels from 1 to 100000"),
        (["--max-query-depth", "100001"], "--max-query-depth takes a number of levels from 1 to 100000"),
        (["--max-article-bytes", "0"], "--max-article-bytes takes a positive number of bytes"),
        (["--max-query-bytes=-5"], "--max-query-bytes takes a positive number of bytes"),
        (["--max-rows=-1"], "--max-rows takes a number of rows (0: all)"),
    ])
    func limitsOutOfRangeAreRefused(_ arguments: [String], _ message: String) throws {
        let run = try Binary.run(arguments + ["-e", "sources"])
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(run.stdout == "")
    }

    /// A FIFO among the articles (opening it for reading would wait for a writer for ever).
    @Test func aFIFOAmongTheArticlesIsNamedAndDoesNotHang() throws {
        let folder = Folder()
        folder.write("corpus/a.txt", "A\n" + Self.article)
        let fifo = folder.path + "/corpus/b.txt"
        #expect(mkfifo(fifo, 0o644) == 0)
        let run = try Binary.run(["--no-cache", "--format", "csv", "-e", "count quotes by speaker", folder.path + "/corpus"])
        #expect(run.status == 0)
        #expect(run.stderr == "\(fifo): error: not a regular file (a FIFO, socket or device); skipped\n")
        #expect(run.stdout == "speaker,count\nAnn Lee,1\n")
    }

    // MARK: - Nothing lost

    /// Runs `newsq` and SIGKILLs it while `.output` is being written, at a random moment after the
    /// temporary file beside the target has results in it (and so possibly after the rename): every
    /// time, the target is the previous version or the whole new one, never a part. The first kill
    /// comes as soon as results are being written, so at least one lands mid-write.
    @Test func killedWhileWritingOutputTheTargetIsTheOldVersionOrTheWholeNewOne() throws {
        let folder = Folder()
        let target = folder.path + "/results.csv"
        let old = "OLD VERSION: every row of it\n"
        let statements = 400
        let script = folder.write("many.nq", ".output \(target)\n" + String(repeating: "quotes\n", count: statements))
        let arguments = ["-q", "--format", "csv", "-f", script]

        // The whole new version, from a run left alone.
        try old.write(toFile: target, atomically: false, encoding: .utf8)
        let clock = ContinuousClock()
        var full: Binary.Run?
        let took = clock.measure { full = try? Binary.run(arguments) }
        #expect(full?.status == 0)
        let new = try String(contentsOfFile: target, encoding: .utf8)
        let one = try Binary.run(["--format", "csv", "-e", "quotes"]).stdout
        #expect(new == String(repeating: one, count: statements))
        #expect(new.utf8.count > 1_000_000)

        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = [:]
        let attempts = 8
        for attempt in 0..<attempts {
            try old.write(toFile: target, atomically: false, encoding: .utf8)
            let process = try Self.start(arguments)
            // Wait until results are going into the temporary file.
            let deadline = Date().addingTimeInterval(60)
            while Self.temporaryFiles(of: target).allSatisfy({ Self.size($0) == 0 }), process.isRunning, Date() < deadline {
                usleep(1000)
            }
            let extra = attempt == 0 ? 0 : Double.random(in: 0...took.seconds, using: &generator)
            usleep(UInt32(extra * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try String(contentsOfFile: target, encoding: .utf8)
            #expect(now == old || now == new, "attempt \(attempt): the target holds \(now.utf8.count) bytes, neither version")
            let partial = Self.temporaryFiles(of: target).contains { Self.size($0) > 0 }
            let outcome = now == old ? (partial ? "old, new one half-written beside it" : "old") : "new"
            outcomes[outcome, default: 0] += 1
            for file in Self.temporaryFiles(of: target) { unlink(file) }
        }
        #expect(outcomes["old, new one half-written beside it", default: 0] >= 1, "\(outcomes)")
        #expect(outcomes.values.reduce(0, +) == attempts)
    }

    /// The annotation cache, killed while it is being saved: newsq is SIGKILLed as soon as the temporary
    /// file of the cache appears beside its final name (or a little after, at random), and each time the
    /// cache is either not there or byte for byte the one a run left alone saves.
    @Test func killedWhileSavingTheCacheItIsAbsentOrWhole() throws {
        let folder = Folder()
        for i in 0..<2000 { folder.write("corpus/a\(i).txt", "Note \(i)\n“The plan number \(i) is fine and it works,” said Ann Lee.\n") }
        let corpus = folder.path + "/corpus"
        func cacheFiles(_ directory: String) -> (saved: [String], temporary: [String]) {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
            return (names.filter { !$0.hasPrefix(".") }.map { directory + "/" + $0 }, names.filter { $0.hasPrefix(".") }.map { directory + "/" + $0 })
        }
        // Two runs left alone save the same bytes.
        var whole: [Data] = []
        for run in 0..<2 {
            let directory = folder.path + "/whole\(run)"
            let done = try Binary.run(["-q", "--cache-dir", directory, "-e", "sources", corpus])
            #expect(done.status == 0)
            let saved = cacheFiles(directory).saved
            #expect(saved.count == 1)
            whole += try saved.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        }
        #expect(whole.count == 2 && whole[0] == whole[1] && whole[0].count > 100_000)
        guard let expected = whole.first else { return }

        var generator = SystemRandomNumberGenerator()
        var killedAfterTheTemporaryFile = 0
        for attempt in 0..<8 {
            let directory = folder.path + "/attempt\(attempt)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let process = try Self.start(["-q", "--cache-dir", directory, "-e", "sources", corpus])
            let deadline = Date().addingTimeInterval(120)
            while cacheFiles(directory).temporary.isEmpty, cacheFiles(directory).saved.isEmpty, process.isRunning, Date() < deadline {
                usleep(200)
            }
            if attempt > 0 { usleep(UInt32.random(in: 0...20_000, using: &generator)) }
            let running = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if running, process.terminationReason == .uncaughtSignal { killedAfterTheTemporaryFile += 1 }
            for file in cacheFiles(directory).saved {
                #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == expected, "attempt \(attempt): a cache file that is not whole")
            }
            #expect(cacheFiles(directory).saved.count <= 1)
        }
        #expect(killedAfterTheTemporaryFile >= 1)
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NEWSQ_CACHE_DIR"] = Binary.cacheDirectory
        environment["NEWSQ_HISTORY"] = "/dev/null"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The temporary files `.output` writes beside `target` (`.NAME.XXXXXX`).
    static func temporaryFiles(of target: String) -> [String] {
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.map { folder + "/" + $0 }
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }
}

private extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
