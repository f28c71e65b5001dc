import Foundation

/// Writes a file so that a reader (or the next run, after a crash or Ctrl-C midway) sees either the
/// previous version or the whole new one: the bytes go to a temporary file in the same folder, are
/// flushed to disk, and the temporary file is renamed over the target (rename is atomic on POSIX).
enum AtomicFile {
    /// Writes `bytes` to `url` (mode 0600; the folder is created, mode 0700, when missing).
    static func write(_ bytes: [UInt8], to url: URL) throws {
        let folder = url.deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ code: Int32) -> POSIXError {
            close(fd)
            unlink(temporary)
            return POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, min(bytes.count - offset, 1 << 24)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw fail(errno) }
        guard close(fd) == 0 else { unlink(temporary); throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(temporary, url.path) == 0 else {
            let code = errno
            unlink(temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}
