import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process on a pseudo-terminal, for driving the interactive shell the way a person
/// would: write keystrokes, wait (with a deadline, never forever) for text to appear.
/// The child is killed when the object goes away if it has not exited by then.
final class PTYProcess {
    /// The built `newsq`: `$NEWSQ_PTY_BINARY` if set, else `<repo>/.build/debug/newsq`
    /// (the repository root found from this file's path).
    static var newsqBinary: String {
        if let override = ProcessInfo.processInfo.environment["NEWSQ_PTY_BINARY"], !override.isEmpty {
            return override
        }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Support, NewsQueryShellTests, Tests
        return url.path + "/.build/debug/newsq"
    }

    static var newsqBinaryExists: Bool { FileManager.default.isExecutableFile(atPath: newsqBinary) }

    let pid: pid_t
    private let master: Int32
    private var bytes: [UInt8] = []
    /// Where `expect` continues searching from.
    private var mark = 0
    private(set) var closed = false
    private var exitStatus: Int32?
    /// The terminal's device path (/dev/pts/N), for looking at its modes.
    private let slaveName: String?

    /// Everything the child has written so far (the terminal's view, escape sequences included).
    var output: String { String(decoding: bytes, as: UTF8.self) }
    /// Output after the last `expect` match.
    var unreadOutput: String { String(decoding: bytes[mark...], as: UTF8.self) }

    init(executable: String, arguments: [String] = [], environment: [String: String],
         columns: UInt16 = 100, rows: UInt16 = 30) throws {
        // A sanitized newsq (`make asan`) gets the sanitizers' settings of the test run.
        var environment = environment
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "SWIFT_BACKTRACE"] where environment[key] == nil {
            environment[key] = ProcessInfo.processInfo.environment[key]
        }
        // Everything the child needs is prepared before fork: after it, only execve and _exit.
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        guard let path = strdup(executable) else { throw POSIXError(.ENOMEM) }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            free(path)
        }
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        // The test runner may block or ignore signals; a child inherits both across exec.
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaultAction = sigaction()
        sigemptyset(&defaultAction.sa_mask)
        var master: Int32 = -1
        var slaveName = [CChar](repeating: 0, count: 4096)  // forkpty writes the device path here
        let pid = forkpty(&master, &slaveName, nil, &size)
        if pid < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if pid == 0 {
            // No allocation here: between fork and exec only async-signal-safe calls.
            sigaction(SIGINT, &defaultAction, nil)
            sigaction(SIGQUIT, &defaultAction, nil)
            sigaction(SIGTSTP, &defaultAction, nil)
            sigaction(SIGPIPE, &defaultAction, nil)
            sigaction(SIGTERM, &defaultAction, nil)
            sigprocmask(SIG_SETMASK, &emptyMask, nil)
            argv.withUnsafeBufferPointer { argvBuffer in
                envp.withUnsafeBufferPointer { envpBuffer in
                    _ = execve(path, argvBuffer.baseAddress!, envpBuffer.baseAddress!)
                }
            }
            _exit(127)
        }
        self.pid = pid
        self.master = master
        self.slaveName = slaveName[0] == 0
            ? nil : String(decoding: slaveName.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        terminate()
        close(master)
    }

    /// Writes keystrokes to the terminal.
    func send(_ keys: String) {
        var data = Array(keys.utf8)
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }

    /// Resizes the terminal, as dragging the window would (the child gets SIGWINCH).
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits until `needle` appears after the previous match (or the deadline passes, or the
    /// child closes the terminal). True on a match, and the next search starts after it.
    @discardableResult
    func expect(_ needle: String, timeout: TimeInterval = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        let pattern = Array(needle.utf8)
        while true {
            if let range = find(pattern, from: mark) {
                mark = range
                return true
            }
            if closed || Date() >= deadline { return false }
            pump(until: deadline)
        }
    }

    /// Waits until the program has put the terminal in a line editor's raw mode (ICANON off).
    /// libedit prints the prompt *before* switching modes, so keys sent the moment the prompt
    /// shows would meet the kernel's line discipline instead (echoed "^C", ^D as a cooked EOF).
    @discardableResult
    func waitUntilEditing(timeout: TimeInterval = 5) -> Bool {
        guard let slaveName else { drain(for: 0.3); return true }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            // Opened only for the look: a parent holding the slave open would hide the child's exit.
            let fd = open(slaveName, O_RDWR | O_NOCTTY)
            if fd >= 0 {
                var modes = termios()
                let ok = tcgetattr(fd, &modes) == 0
                close(fd)
                if ok && (modes.c_lflag & tcflag_t(ICANON)) == 0 { return true }
            }
            if closed { return false }
            pump(until: min(deadline, Date().addingTimeInterval(0.02)))
        }
        return false
    }

    /// Waits for `prompt` and then for the line editor to take the terminal.
    @discardableResult
    func awaitPrompt(_ prompt: String, timeout: TimeInterval = 5) -> Bool {
        expect(prompt, timeout: timeout) && waitUntilEditing(timeout: timeout)
    }

    /// Reads whatever arrives within `seconds`.
    func drain(for seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while !closed && Date() < deadline { pump(until: deadline) }
    }

    /// Waits for the child to exit (reading its output meanwhile); its exit code, or nil when
    /// it did not exit in time or was killed by a signal.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        if let exitStatus { return decode(exitStatus) }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exitStatus = status
                return decode(status)
            }
            if result < 0 { return nil }
            if closed { usleep(20_000) } else { pump(until: min(deadline, Date().addingTimeInterval(0.05))) }
        }
        return nil
    }

    /// Kills the child if it is still running and reaps it.
    func terminate() {
        guard exitStatus == nil else { return }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = status
            return
        }
        kill(pid, SIGKILL)
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitStatus = status
    }

    // MARK: - Private

    private func decode(_ status: Int32) -> Int32? {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : nil
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty else { return start }
        guard bytes.count >= pattern.count else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] && Array(bytes[i..<(i + pattern.count)]) == pattern {
                return i + pattern.count
            }
            i += 1
        }
        return nil
    }

    /// One poll-and-read step, bounded by `deadline`.
    private func pump(until deadline: Date) {
        let milliseconds = max(0, min(Int32(deadline.timeIntervalSinceNow * 1000), 200))
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        guard ready > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            bytes.append(contentsOf: buffer[0..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            closed = true  // EIO: the child closed its side
        }
    }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "newsq-repl-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        path = String(cString: made)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
