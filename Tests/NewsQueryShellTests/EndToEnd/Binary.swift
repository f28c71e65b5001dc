import Foundation
import Testing

/// Runs the built `newsq` binary (`swift build` puts it in .build/debug; `$NEWSQ_BINARY` overrides) with arguments and stdin,
/// and gives back its exit status, stdout and stderr.
enum Binary {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `$NEWSQ_BINARY` when set (`make asan` runs the tests on the sanitized build), else the debug build.
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["NEWSQ_BINARY"], !override.isEmpty { return override }
        let candidates = [".build/debug/newsq", ".build/release/newsq"].map { repoRoot + "/" + $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    static let cacheDirectory = NSTemporaryDirectory() + "newsq-e2e-cache-\(getpid())"

    static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], stdin: String = "", directory: String? = nil,
                    environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? repoRoot)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["NEWSQ_HISTORY"] = NSTemporaryDirectory() + "newsq-e2e-history-\(UUID().uuidString)"
        // one annotation cache for the test run: runs after the first reopen from it
        env["NEWSQ_CACHE_DIR"] = cacheDirectory
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}
