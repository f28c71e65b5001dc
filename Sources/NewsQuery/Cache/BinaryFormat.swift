/// The byte format of the annotation cache: integers as LEB128 varints (offsets and counts are small
/// and mostly positive; negative ones zig-zag), doubles as their 8-byte bit pattern, strings as a
/// length and their UTF-8 bytes, optionals as a presence byte, arrays as a count and their elements.
/// Every read checks that the bytes are there: a truncated or damaged file throws, never traps.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }

    @inline(__always) mutating func uint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    @inline(__always) mutating func int(_ value: Int) {
        let v = Int64(value)
        uint(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func double(_ value: Double) { fixed64(value.bitPattern) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            uint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func raw(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func write<T: BinaryCodable>(_ value: T) { value.encode(to: &self) }

    mutating func write<T: BinaryCodable>(_ value: T?) {
        if let value { byte(1); value.encode(to: &self) } else { byte(0) }
    }

    mutating func write<T: BinaryCodable>(_ values: [T]) {
        uint(UInt64(values.count))
        for v in values { v.encode(to: &self) }
    }
}

/// Why a cache file was not used.
struct CacheFormatError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads what `BinaryWriter` wrote, from bytes the caller keeps alive for the reader's lifetime.
struct BinaryReader {
    private let base: UnsafePointer<UInt8>
    private let size: Int
    private(set) var position = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; any pointer will do, as nothing is read from it.
        base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
        size = buffer.count
    }

    var remaining: Int { size - position }

    @inline(__always) mutating func byte() throws -> UInt8 {
        guard position < size else { throw CacheFormatError("truncated") }
        defer { position += 1 }
        return base[position]
    }

    @inline(__always) mutating func uint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < size else { throw CacheFormatError("truncated") }
            let b = base[position]
            position += 1
            guard shift < 64 else { throw CacheFormatError("varint too long") }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    @inline(__always) mutating func int() throws -> Int {
        let u = try uint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A count of items each at least one byte long: more than the bytes left means damage.
    mutating func count() throws -> Int {
        let n = try uint()
        guard n <= UInt64(remaining) else { throw CacheFormatError("count \(n) exceeds the \(remaining) bytes left") }
        return Int(n)
    }

    mutating func fixed64() throws -> UInt64 {
        guard remaining >= 8 else { throw CacheFormatError("truncated") }
        var v: UInt64 = 0
        withUnsafeMutableBytes(of: &v) { $0.copyMemory(from: UnsafeRawBufferPointer(start: base + position, count: 8)) }
        position += 8
        return UInt64(littleEndian: v)
    }

    mutating func double() throws -> Double { Double(bitPattern: try fixed64()) }

    mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        case let b: throw CacheFormatError("bad boolean \(b)")
        }
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { position += n }
        return String(decoding: UnsafeBufferPointer(start: base + position, count: n), as: UTF8.self)
    }

    /// The next `n` bytes, unread.
    mutating func bytes(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, n <= remaining else { throw CacheFormatError("truncated") }
        defer { position += n }
        return UnsafeBufferPointer(start: base + position, count: n)
    }

    mutating func read<T: BinaryCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }

    mutating func read<T: BinaryCodable>(_: T?.Type = T?.self) throws -> T? {
        switch try byte() {
        case 0: return nil
        case 1: return try T(from: &self)
        case let b: throw CacheFormatError("bad optional tag \(b)")
        }
    }

    mutating func read<T: BinaryCodable>(_: [T].Type = [T].self) throws -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try T(from: &self)) }
        return values
    }
}

/// A value the cache can write and read back exactly.
protocol BinaryCodable {
    func encode(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws
}

extension Int: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.int(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.int() }
}

extension String: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.string(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.string() }
}

extension Double: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.double(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.double() }
}

extension Bool: BinaryCodable {
    func encode(to writer: inout BinaryWriter) { writer.bool(self) }
    init(from reader: inout BinaryReader) throws { self = try reader.bool() }
}

/// Enums with string raw values are written by name, so reordering cases cannot misread a file.
extension BinaryCodable where Self: RawRepresentable, RawValue == String {
    func encode(to writer: inout BinaryWriter) { writer.string(rawValue) }
    init(from reader: inout BinaryReader) throws {
        let raw = try reader.string()
        guard let value = Self(rawValue: raw) else { throw CacheFormatError("unknown \(Self.self) '\(raw)'") }
        self = value
    }
}

/// A 128-bit digest of bytes (`ContentHasher`): the cache's content keys and its checksum.
struct Digest: Hashable, BinaryCodable, CustomStringConvertible {
    var high: UInt64
    var low: UInt64

    var description: String {
        let h = String(high, radix: 16), l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }

    func encode(to writer: inout BinaryWriter) { writer.fixed64(high); writer.fixed64(low) }
    init(high: UInt64, low: UInt64) { self.high = high; self.low = low }
    init(from reader: inout BinaryReader) throws { high = try reader.fixed64(); low = try reader.fixed64() }
}

/// Hashes bytes into a `Digest`: two independent 64-bit lanes fed eight bytes at a time, each
/// finished with splitmix64's mixer. A file whose bytes change gets a new key; a damaged cache file
/// fails its checksum. Not cryptographic: it guards against accidents, not against a forged cache.
struct ContentHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) mutating func add(word w: UInt64) {
        a = (a ^ w) &* 0x100_0000_01B3
        a = (a << 29) | (a >> 35)
        b = (b &+ w) &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 32
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            add(word: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        add(word: tail)
        add(word: UInt64(n))   // "ab" then "c" differs from "a" then "bc"
    }

    mutating func add(_ string: String) {
        var s = string
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ value: Int) { add(word: UInt64(bitPattern: Int64(value))) }

    mutating func add(_ digest: Digest) { add(word: digest.high); add(word: digest.low) }

    var digest: Digest { Digest(high: Self.mix(a ^ 0x5851_F42D_4C95_7F2D), low: Self.mix(b &+ a)) }
}
