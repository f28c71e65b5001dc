/// FNV-1a, the one hash of the project's own tables (agency look-ups, cue-word filters, repeated
/// passages, shingles): fast on a few bytes or scalars, stable from run to run (unlike `Hasher`), and
/// continued step by step, so "a b" hashed in parts equals "a b" hashed at once.
enum FNV {
    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// The hash `h` continued with one value (a byte, a scalar, or another hash).
    @inline(__always) static func step(_ h: UInt64, _ value: UInt64) -> UInt64 { (h ^ value) &* prime }

    /// The hash of a word's UTF-8 bytes.
    @inline(__always) static func hash<C: Collection>(bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = basis
        for b in bytes { h = step(h, UInt64(b)) }
        return h
    }
}
