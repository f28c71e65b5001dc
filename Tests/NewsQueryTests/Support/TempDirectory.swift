import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TempDirectory {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "newsq-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        let fm = FileManager.default
        // Restore permissions a test may have removed, so the folder can be deleted.
        if let items = fm.enumerator(atPath: path) {
            for case let item as String in items { chmod(path + "/" + item, 0o755) }
        }
        try? fm.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) -> String {
        let file = path + "/" + name
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        precondition(FileManager.default.createFile(atPath: file, contents: data), "could not write \(file)")
        return file
    }
}

/// The repository's root, found from this file's path.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()
}
