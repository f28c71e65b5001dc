extension String {
    /// The string of these scalars, encoded straight into UTF-8 storage: two passes (length, then
    /// bytes) and no intermediate views. Strings up to 15 bytes are stored inline, with no allocation.
    /// Annotation builds many short strings from an article's scalars; this is the one way it does so.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for s in scalars {
            let v = s.value
            length += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x1_0000 ? 3 : 4
        }
        self.init(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    buffer[i] = UInt8(truncatingIfNeeded: v); i += 1
                } else {
                    UTF8.encode(s) { byte in buffer[i] = byte; i += 1 }
                }
            }
            return i
        }
    }
}

extension String {
    /// `hasSuffix` over UTF-8 bytes: no grapheme breaking or normalisation, so it suits the many
    /// per-token checks of annotation ("'s", "ly", "."), whose suffixes are whole characters.
    @inline(__always) func hasUTF8Suffix(_ suffix: StaticString) -> Bool {
        // One buffer of bytes (a small string is copied to the stack), not the UTF-8 view's indices.
        utf8.withContiguousStorageIfAvailable { $0.endsWithBytes(of: suffix) } ?? utf8.endsWithBytes(of: suffix)
    }
}

extension Substring {
    /// See `String.hasUTF8Suffix`.
    @inline(__always) func hasUTF8Suffix(_ suffix: StaticString) -> Bool { utf8.endsWithBytes(of: suffix) }
}

extension BidirectionalCollection where Element == UInt8 {
    @inline(__always) func endsWithBytes(of suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { wanted in
            var i = endIndex
            var k = wanted.count
            while k > 0 {
                guard i != startIndex else { return false }
                i = index(before: i)
                k -= 1
                if self[i] != wanted[k] { return false }
            }
            return true
        }
    }
}

extension Array where Element == Unicode.Scalar {
    /// The scalars of a string, decoded from its UTF-8 in one pass into storage sized by the byte count
    /// (`Array(text.unicodeScalars)` counts the scalars first, then decodes them again).
    init(scalarsOf text: String) {
        var text = text
        self = text.withUTF8 { bytes in
            [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, n = 0
                let end = bytes.count
                while i < end {
                    let b0 = UInt32(bytes[i])
                    let v: UInt32
                    if b0 < 0x80 {
                        out.initializeElement(at: n, to: Unicode.Scalar(UInt8(truncatingIfNeeded: b0)))
                        n += 1; i += 1
                        continue
                    } else if b0 < 0xE0 {
                        v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
                    } else {
                        v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F); i += 4
                    }
                    // A native Swift string holds valid UTF-8, so every value is a scalar.
                    out.initializeElement(at: n, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                    n += 1
                }
                count = n
            }
        }
    }
}
