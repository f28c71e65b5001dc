import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL keeps its history.
public enum HistoryFile {
    /// Entries kept in memory and on disk.
    public static let sizeLimit = 1000

    /// `$NEWSQ_HISTORY` if set (an empty value turns the history file off, giving nil),
    /// else `$XDG_STATE_HOME/newsq/history` if XDG_STATE_HOME is set to an absolute path,
    /// else `~/.newsq_history` (`$HOME`, or the password database when HOME is unset).
    public static func path(environment: [String: String], homeDirectory: String? = nil) -> String? {
        if let explicit = environment["NEWSQ_HISTORY"] {
            return explicit.isEmpty ? nil : explicit
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return join(state, "newsq/history")
        }
        guard let home = homeDirectory ?? environment["HOME"].flatMap({ $0.isEmpty ? nil : $0 }) ?? passwordHome()
        else { return nil }
        return join(home, ".newsq_history")
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    private static func passwordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.isEmpty ? nil : home
    }
}

/// libedit's history list plus the file it is kept in. Adjacent duplicates collapse (H_SETUNIQUE);
/// multi-line entries stay whole. Each `enter` saves the file atomically with mode 0600.
final class LineHistory {
    /// libedit's `History *`.
    let handle: OpaquePointer
    let path: String?

    init?(path: String?, sizeLimit: Int = HistoryFile.sizeLimit) {
        guard let handle = history_init() else { return nil }
        self.handle = handle
        self.path = path
        var event = HistEvent()
        _ = cel_history_setsize(handle, &event, Int32(sizeLimit))
        _ = cel_history_setunique(handle, &event, 1)
    }

    deinit { history_end(handle) }

    /// Reads the history file if there is one; a missing or unreadable file is not an error.
    func load() {
        guard let path, access(path, R_OK) == 0 else { return }
        var event = HistEvent()
        _ = cel_history_load(handle, &event, path)
    }

    /// Adds one entry (a whole, possibly multi-line statement) and saves the file.
    func enter(_ entry: String) {
        guard !entry.isEmpty else { return }
        var event = HistEvent()
        _ = cel_history_enter(handle, &event, entry)
        _ = save()
    }

    /// Oldest first.
    var entries: [String] {
        var result: [String] = []
        var event = HistEvent()
        var status = cel_history_last(handle, &event)
        while status != -1 {
            if let text = event.str { result.append(String(cString: text)) }
            status = cel_history_prev(handle, &event)
        }
        return result
    }

    /// Writes the history to a temporary file beside `path` (mode 0600) and renames it over
    /// `path`, so a crash never leaves a half-written file. Does nothing (returns false) when the
    /// path exists but is not a regular file, e.g. /dev/null.
    @discardableResult
    func save() -> Bool {
        guard let path else { return false }
        var info = stat()
        if lstat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // Save through the link: write next to its target.
                guard let resolved = realpath(path, nil) else { return false }
                defer { free(resolved) }
                return saveAtomically(to: String(cString: resolved))
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else { return false }
        } else {
            makeParentDirectory(of: path)
        }
        return saveAtomically(to: path)
    }

    private func saveAtomically(to path: String) -> Bool {
        var template = Array((path + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return false }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fchmod(fd, S_IRUSR | S_IWUSR)
        guard let file = fdopen(fd, "w") else {
            close(fd)
            unlink(temporary)
            return false
        }
        var event = HistEvent()
        let written = cel_history_save_fp(handle, &event, file)
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        let closed = fclose(file) == 0
        guard written >= 0, flushed, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `mkdir -p` for the file's directory (new directories get mode 0700).
    private func makeParentDirectory(of path: String) {
        var components = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        guard !components.isEmpty else { return }
        var current = ""
        if components.first == "" { components.removeFirst(); current = "" }
        for component in components where !component.isEmpty {
            current += (path.hasPrefix("/") || !current.isEmpty ? "/" : "") + component
            if access(current, F_OK) != 0 { _ = mkdir(current, S_IRWXU) }
        }
    }
}
