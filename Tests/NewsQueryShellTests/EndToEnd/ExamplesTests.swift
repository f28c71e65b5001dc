import Foundation
import Testing

/// Every lesson in `examples/*.nq` runs on the bundled corpus and prints exactly its `.out` file
/// (stdout, then stderr, then the exit status when it is not 0). `RECORD_SNAPSHOTS=1 swift test`
/// writes the `.out` files anew; review the diff before committing.
@Suite struct ExamplesTests {
    static var lessons: [String] {
        let dir = Binary.repoRoot + "/examples"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".nq") }.sorted()
    }

    @Test func thereAreLessons() {
        #expect(Self.lessons.count >= 3)
    }

    @Test(arguments: lessons)
    func lessonPrintsItsExpectedOutput(_ name: String) throws {
        try #require(Binary.exists, "build newsq first (swift build)")
        let script = "examples/" + name
        let run = try Binary.run(["-f", script])
        var actual = run.stdout
        if !run.stderr.isEmpty { actual += run.stderr }
        if run.status != 0 { actual += "[exit status \(run.status)]\n" }
        let expectedPath = Binary.repoRoot + "/examples/" + name.dropLast(3) + ".out"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(actual == expected, "\(script) no longer prints \(expectedPath); rerun with RECORD_SNAPSHOTS=1 if the change is intended")
    }
}
