import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives the built `newsq` on a pseudo-terminal: libedit, Tab, history, Ctrl-C.
/// Needs `swift build` first (the tests are skipped, saying so, when the binary is missing).
@Suite("Interactive shell on a terminal", .serialized,
       .enabled(if: PTYProcess.newsqBinaryExists,
                "newsq is not built at \(PTYProcess.newsqBinary); run `swift build` before `swift test`"))
struct InteractiveShellTests {
    static let prompt = "newsq> "

    /// A shell with a private HOME and history file and no ~/.editrc.
    func startShell(in directory: TemporaryDirectory) throws -> PTYProcess {
        let shell = try PTYProcess(
            executable: PTYProcess.newsqBinary,
            environment: [
                "TERM": "xterm",
                "EDITRC": "/dev/null",
                "NEWSQ_HISTORY": directory.path + "/history",
                "HOME": directory.path,
                "PATH": "/usr/bin:/bin",
                "LANG": "C.UTF-8",
                "NO_COLOR": "1",
            ])
        try #require(shell.awaitPrompt(Self.prompt, timeout: 20),
                     "no prompt from \(PTYProcess.newsqBinary) on a terminal; output so far: \(shell.output.debugDescription)")
        return shell
    }

    @Test func tabCompletesTwoWordStatement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shell = try startShell(in: directory)
        defer { shell.terminate() }

        shell.send("who sa")
        #expect(shell.expect("who sa"))
        shell.send("\t")
        // libedit redraws only what changed ("id "), so look at the line as entered.
        #expect(shell.expect("id "), "Tab did not complete: \(shell.unreadOutput.debugDescription)")
        shell.send("\"price\"\r")
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".history\r")
        #expect(shell.expect("1  who said \"price\""), "history: \(shell.output.debugDescription)")

        // Several candidates are listed under the line, then the prompt and line come back.
        #expect(shell.awaitPrompt(Self.prompt))
        shell.send(".f")
        #expect(shell.expect(".f"))
        shell.send("\t")
        #expect(shell.expect("ormat "))
        shell.send("js\t")
        #expect(shell.expect("json"))
        #expect(shell.expect("jsonl"))
        #expect(shell.expect(Self.prompt + ".format json"), "no redisplay: \(shell.unreadOutput.debugDescription)")

        shell.send("\u{15}.quit\r")  // Ctrl-U clears the line first
        #expect(shell.waitForExit() == 0)
    }

    @Test func historyIsRecalledInTheNextSessionAndPrivate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let query = "who said \"price\" limit 1"

        let first = try startShell(in: directory)
        first.send(query + "\r")
        #expect(first.awaitPrompt(Self.prompt))
        first.send(".quit\r")
        #expect(first.waitForExit() == 0)

        var info = stat()
        #expect(stat(directory.path + "/history", &info) == 0, "no history file written")
        #expect(info.st_mode & 0o777 == 0o600)

        let second = try startShell(in: directory)
        defer { second.terminate() }
        second.send("\u{1b}[A")
        #expect(second.expect(query), "Up did not recall the last query: \(second.unreadOutput.debugDescription)")
        second.send("\u{15}.quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test func ctrlCClearsTheLineAndTheShellGoesOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shell = try startShell(in: directory)
        defer { shell.terminate() }

        // Wait for the echo before Ctrl-C: the terminal flushes unread input when it signals.
        shell.send("quotes where (")
        #expect(shell.expect("quotes where ("))
        shell.send("\u{03}")
        #expect(shell.expect("^C"))
        #expect(shell.awaitPrompt(Self.prompt), "no new prompt after Ctrl-C: \(shell.unreadOutput.debugDescription)")

        // Inside a continued statement too: the pending lines are dropped.
        shell.send("quotes where (\r")
        #expect(shell.awaitPrompt("...> "))
        shell.send("\u{03}")
        #expect(shell.expect("^C"))
        #expect(shell.awaitPrompt(Self.prompt))

        // The interrupted text did not become history.
        shell.send(".history\r")
        #expect(shell.expect("1  .history"))
        #expect(!shell.output.contains("1  quotes"))

        shell.send(".quit\r")
        #expect(shell.waitForExit() == 0)
    }

    @Test func ctrlDOnAnEmptyLineExits() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shell = try startShell(in: directory)
        defer { shell.terminate() }
        shell.send("\u{04}")
        #expect(shell.waitForExit() == 0)
    }
}
