import Foundation

/// Reads articles from files and folders: `.txt`/`.md` (one article each, the first non-empty line
/// is its title), `.jsonl` (one article per line) and folders (recursively). Metadata comes from a
/// `corpus.yaml` manifest in the article's folder or an enclosing one, overridden by the file's own
/// YAML front matter (or by a JSONL record's fields). One bad file never stops the others: every
/// problem becomes a `LoadIssue` naming the file, line and column. Input files are only read.
public struct CorpusLoader: Sendable {
    public static let articleExtensions: Set<String> = ["txt", "md", "jsonl"]

    /// The largest article file (or JSONL line) read: a larger one is skipped with a warning naming
    /// the option that raises the limit (`Limits.maxArticleBytes`).
    public var maxArticleBytes: Int

    public init(maxArticleBytes: Int = Limits.standard.maxArticleBytes) {
        self.maxArticleBytes = maxArticleBytes
    }

    /// Reads every article under `paths`. `shouldCancel` is asked between files: when it says
    /// yes, reading stops and `cancelled` is set (what was read so far is in the result).
    public func load(paths: [String], shouldCancel: () -> Bool = { false }) -> LoadResult {
        var result = LoadResult()
        var walk = Walk(maxManifestBytes: maxArticleBytes)
        for path in paths {
            walk.visit(path, root: nil, result: &result)
        }
        // Files are read and parsed on every core, a batch at a time. Cancelling is asked before each
        // file, on this thread, as the batch is gathered (a cancel stops the batch there; one asked
        // while a batch is read is seen before the next). Each file's documents and problems are merged
        // in file order, after those of its manifest: the result is what reading them one by one gives.
        let files = walk.files
        var next = 0
        while next < files.count {
            var manifestIssues: [[LoadIssue]] = []
            var manifests: [Manifest?] = []
            var cancelled = false
            for (file, root) in files[next..<min(files.count, next + 512)] {
                if shouldCancel() { cancelled = true; break }
                var found = LoadResult()
                manifests.append(walk.manifest(for: file, root: root, result: &found))
                manifestIssues.append(found.issues)
            }
            let start = next, found = manifests
            let loaded = EntityResolver.parallelMap(EntityResolver.chunks(found.count)) { chunk -> [LoadResult] in
                chunk.map { k in
                    var one = LoadResult()
                    load(file: files[start + k].path, manifest: found[k], into: &one)
                    return one
                }
            }
            for (k, one) in loaded.joined().enumerated() {
                result.issues += manifestIssues[k]
                result.issues += one.issues
                result.documents += one.documents
            }
            next += found.count
            if cancelled { result.cancelled = true; return result }
        }
        // Ids must be unique: keep the first, report the others.
        var seen: [String: String] = [:]
        result.documents = result.documents.filter { document in
            if let first = seen[document.id] {
                result.issues.append(LoadIssue(document.origin, .error, "duplicate article id '\(document.id)' (first loaded from \(first)); skipped"))
                return false
            }
            seen[document.id] = document.origin
            return true
        }
        return result
    }

    private func load(file: String, manifest: Manifest?, into result: inout LoadResult) {
        let name = (file as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension.lowercased()
        // A JSONL file holds many articles: its lines are held to the limit, not the file.
        let limit = ext == "jsonl" ? nil : maxArticleBytes
        guard let text = Self.readText(file, maxBytes: limit, regularFilesOnly: true, issues: &result.issues) else { return }
        if ext == "jsonl" {
            JSONLReader.read(text, path: file, manifest: manifest, maxLineBytes: maxArticleBytes, into: &result)
            return
        }
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            result.issues.append(LoadIssue(file, .warning, text.isEmpty ? "empty file; skipped" : "no text, only blank space; skipped"))
            return
        }
        let id = (name as NSString).deletingPathExtension
        // Only a text whose first line is `---` can open front matter: others are not split into scalars.
        let front = FrontMatter.mayOpen(text) ? FrontMatter.parse(Array(text.unicodeScalars), path: file) : FrontMatter.Parsed()
        result.issues += front.issues
        let metadata = (manifest?.metadata(for: id) ?? ArticleMetadata()).overridden(by: front.metadata)
        var title = front.title ?? Document.firstNonEmptyLine(of: text, from: front.bodyStart)
        if ext == "md" { title = Self.stripMarkdownHeading(title) }
        result.documents.append(Document(id: id, text: text, origin: file, bodyStart: front.bodyStart,
                                         title: title, metadata: metadata))
    }

    /// Reads a file as UTF-8; a file that cannot be read or is not UTF-8 becomes an error naming
    /// the line and column of the first bad byte. The file is opened read-only. With `maxBytes`, a
    /// larger file is skipped with a warning before it is read (its size from `fstat`, and the read
    /// stops past the limit should the file grow meanwhile). With `regularFilesOnly`, a FIFO, socket
    /// or device is refused without being read (opening a FIFO would wait for a writer for ever).
    static func readText(_ path: String, maxBytes: Int? = nil, regularFilesOnly: Bool = false, issues: inout [LoadIssue]) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regularFilesOnly ? O_NONBLOCK : 0))
        guard fd >= 0 else {
            let code = errno
            issues.append(LoadIssue(path, .error, "cannot read file (\(Self.reason(path, errno: code))); skipped"))
            return nil
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            issues.append(LoadIssue(path, .error, "cannot read file (\(String(cString: strerror(errno)))); skipped"))
            return nil
        }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR {
            issues.append(LoadIssue(path, .error, "cannot read file (it is a folder); skipped"))
            return nil
        }
        if regularFilesOnly, kind != S_IFREG {
            issues.append(LoadIssue(path, .error, "not a regular file (a FIFO, socket or device); skipped"))
            return nil
        }
        if let maxBytes, kind == S_IFREG, Int(info.st_size) > maxBytes {
            issues.append(LoadIssue(path, .warning, tooLarge(Int(info.st_size), limit: maxBytes, what: "article") + "; skipped"))
            return nil
        }
        var bytes: [UInt8] = []
        if kind == S_IFREG { bytes.reserveCapacity(Int(info.st_size)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN, !regularFilesOnly { continue }
                issues.append(LoadIssue(path, .error, "cannot read file (\(String(cString: strerror(errno)))); skipped"))
                return nil
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
            if let maxBytes, bytes.count > maxBytes {
                issues.append(LoadIssue(path, .warning, tooLarge(bytes.count, limit: maxBytes, what: "article", atLeast: true) + "; skipped"))
                return nil
            }
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = lineColumn(ofByte: bad, in: bytes)
            issues.append(LoadIssue(path, line: line, column: column, .error,
                                    "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at byte offset \(bad)); skipped"))
            return nil
        }
        if bytes.contains(0) {
            let zero = bytes.firstIndex(of: 0)!
            let (line, column) = lineColumn(ofByte: zero, in: bytes)
            issues.append(LoadIssue(path, line: line, column: column, .error, "NUL byte: this looks like a binary file, not text; skipped"))
            return nil
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            // Overlong, surrogate and out-of-range forms.
            if b == 0xE0 && bytes[i + 1] < 0xA0 { return i }
            if b == 0xED && bytes[i + 1] > 0x9F { return i }
            if b == 0xF0 && bytes[i + 1] < 0x90 { return i }
            if b == 0xF4 && bytes[i + 1] > 0x8F { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in characters decoded so far) of a byte offset.
    static func lineColumn(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, column = 1
        for b in bytes[..<offset] {
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    static func reason(_ path: String, errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "too many symbolic links"
        default: return String(cString: strerror(code))
        }
    }

    /// "article is 52,428,800 bytes, over the limit of 16 MiB (--max-article-bytes N raises it)".
    static func tooLarge(_ bytes: Int, limit: Int, what: String, atLeast: Bool = false) -> String {
        let size = atLeast ? "larger than" : "\(Limits.grouped(bytes)) bytes, over"
        return "\(what) is \(size) the limit of \(Limits.size(limit)) (\(Limits.option(.articleBytes)) N raises it)"
    }

    static func stripMarkdownHeading(_ line: String) -> String {
        var s = Substring(line)
        guard s.hasPrefix("#") else { return line }
        while s.hasPrefix("#") { s = s.dropFirst() }
        return String(s).trimmingWhitespace()
    }
}

/// The walk over the given paths: article files in a stable order, and the manifests met.
private struct Walk {
    /// Each article file with the folder given on the command line that it was found under
    /// (for a file given by itself: its own folder). Manifests are looked up from the file's
    /// folder up to that root, never above it.
    var files: [(path: String, root: String)] = []
    var seenFiles: Set<String> = []
    var visitedDirectories: Set<String> = []
    var manifests: [String: Manifest?] = [:]
    /// The answer of `manifest(for:root:)` by the file's folder as written and its root: files of one
    /// folder ask once (making a path absolute and standard costs system calls per file).
    var manifestsByFolder: [String: Manifest?] = [:]
    /// A manifest larger than this is skipped (the loader's `maxArticleBytes`).
    var maxManifestBytes: Int

    mutating func visit(_ path: String, root: String?, result: inout LoadResult) {
        let explicit = root == nil
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                // A link to nothing, or to itself through others (ELOOP).
                if explicit || CorpusLoader.articleExtensions.contains((path as NSString).pathExtension.lowercased()) {
                    result.issues.append(LoadIssue(path, .warning, "symbolic link to nothing, or in a loop; skipped"))
                }
            } else if explicit {
                result.issues.append(LoadIssue(path, .error, "no such file or folder"))
            }
            return
        }
        let real = Self.realPath(path)
        if isDirectory.boolValue {
            guard visitedDirectories.insert(real).inserted else {
                result.issues.append(LoadIssue(path, .warning, "folder already visited (a symbolic link loop?); skipped"))
                return
            }
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: path).sorted()
            } catch {
                result.issues.append(LoadIssue(path, .error, "cannot list folder (permission denied?); skipped"))
                return
            }
            for entry in entries where !entry.hasPrefix(".") && entry != Manifest.fileName {
                visit((path as NSString).appendingPathComponent(entry), root: root ?? path, result: &result)
            }
            return
        }
        let ext = (path as NSString).pathExtension.lowercased()
        guard explicit || CorpusLoader.articleExtensions.contains(ext) else { return }
        if explicit && !CorpusLoader.articleExtensions.contains(ext) && (path as NSString).lastPathComponent == Manifest.fileName { return }
        guard seenFiles.insert(real).inserted else { return }
        files.append((path, root ?? (path as NSString).deletingLastPathComponent))
    }

    /// The path with every symbolic link resolved (realpath(3): one system call a component, where
    /// Foundation's `resolvingSymlinksInPath` costs many per file); the path itself when that fails.
    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The manifest in the file's folder, or the nearest enclosing folder that has one.
    mutating func manifest(for file: String, root: String, result: inout LoadResult) -> Manifest? {
        let folder = (file as NSString).deletingLastPathComponent + "\u{0}" + root
        if let known = manifestsByFolder[folder] { return known }
        let found = lookUpManifest(for: file, root: root, result: &result)
        manifestsByFolder[folder] = .some(found)
        return found
    }

    private mutating func lookUpManifest(for file: String, root: String, result: inout LoadResult) -> Manifest? {
        // Absolute paths: a relative one ("a.txt", whose folder is "") has no parent to climb to.
        func normalized(_ path: String) -> String {
            let absolute = path.hasPrefix("/") ? path
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
            let standard = (absolute as NSString).standardizingPath
            return standard.isEmpty ? "/" : standard
        }
        var directory = normalized((file as NSString).deletingLastPathComponent)
        let top = normalized(root)
        var checked: [String] = []
        while true {
            if let cached = manifests[directory] {
                for d in checked { manifests[d] = cached }
                return cached
            }
            checked.append(directory)
            let candidate = (directory as NSString).appendingPathComponent(Manifest.fileName)
            if FileManager.default.fileExists(atPath: candidate) {
                var found: Manifest? = nil
                if let text = CorpusLoader.readText(candidate, maxBytes: maxManifestBytes, regularFilesOnly: true, issues: &result.issues) {
                    let (manifest, issues) = Manifest.parse(text, path: candidate)
                    result.issues += issues
                    found = manifest
                }
                for d in checked { manifests[d] = .some(found) }
                return found
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if directory == top || parent == directory || parent.isEmpty || checked.count > 64 {
                for d in checked { manifests[d] = .some(nil) }
                return nil
            }
            directory = parent
        }
    }
}

extension CorpusLoader {
    /// Reads a query script (UTF-8), reporting an unreadable or non-UTF-8 file as an issue.
    public static func readScript(_ path: String, issues: inout [LoadIssue]) -> String? {
        readText(path, issues: &issues)
    }
}
