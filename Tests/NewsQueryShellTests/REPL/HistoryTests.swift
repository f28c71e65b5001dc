import Foundation
import Testing

@testable import NewsQueryShell

@Suite("History file")
struct HistoryTests {
    @Test func explicitPathWins() {
        let env = ["NEWSQ_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/state", "HOME": "/home/u"]
        #expect(HistoryFile.path(environment: env) == "/tmp/h")
    }

    @Test func emptyExplicitPathTurnsHistoryOff() {
        #expect(HistoryFile.path(environment: ["NEWSQ_HISTORY": "", "HOME": "/home/u"]) == nil)
    }

    @Test func xdgStateHome() {
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "/state", "HOME": "/home/u"]) == "/state/newsq/history")
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "/state/", "HOME": "/home/u"]) == "/state/newsq/history")
        // Relative values are ignored, as the XDG spec says.
        #expect(HistoryFile.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/home/u"]) == "/home/u/.newsq_history")
    }

    @Test func homeFallback() {
        #expect(HistoryFile.path(environment: ["HOME": "/home/u"]) == "/home/u/.newsq_history")
        #expect(HistoryFile.path(environment: [:], homeDirectory: "/h") == "/h/.newsq_history")
    }

    @Test func savesAtomicallyWithMode0600AndLoadsBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state/newsq/history"  // parent directories are created

        let history = try #require(LineHistory(path: path))
        history.enter("who said \"price\"")
        history.enter("who said \"price\"")  // adjacent duplicate collapses
        history.enter("quotes where (\n  source = US)")
        history.enter("sources")
        #expect(history.entries == ["who said \"price\"", "quotes where (\n  source = US)", "sources"])

        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        // No temporary files left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/state/newsq")
        #expect(leftovers == ["history"])

        let reloaded = try #require(LineHistory(path: path))
        reloaded.load()
        #expect(reloaded.entries == history.entries)
    }

    @Test func sizeLimit() throws {
        let history = try #require(LineHistory(path: nil, sizeLimit: 3))
        for n in 1...5 { history.enter("q\(n)") }
        #expect(history.entries == ["q3", "q4", "q5"])
    }

    @Test func deviceFilesAreNotReplaced() throws {
        let history = try #require(LineHistory(path: "/dev/null"))
        history.enter("sources")
        #expect(history.save() == false)
        var info = stat()
        #expect(stat("/dev/null", &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
    }
}
