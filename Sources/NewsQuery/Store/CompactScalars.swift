/// An article's text as Unicode scalars with O(1) access by offset (every annotation offset counts
/// scalars), stored in the fewest bytes its scalars allow: one byte each when every scalar is below
/// U+0100 (ASCII and Latin-1 text), two below U+10000 (curly quotes, dashes, most scripts), else four.
/// A `[Unicode.Scalar]` costs four bytes a scalar whatever the text: four times the text it indexes,
/// for every article the store holds.
public struct CompactScalars: RandomAccessCollection, Sendable {
    // One of the three holds the scalars (the others are empty), by `width`. Not an enum with three
    // array payloads: Swift keeps such an enum's case in spare bits of the array's pointer, which then
    // no longer points at the array for LeakSanitizer, and it reports the array as leaked.
    private let narrow: [UInt8]
    private let bmp: [UInt16]
    private let wide: [Unicode.Scalar]
    private let width: UInt8

    /// The text is ASCII: scalar offsets are UTF-8 offsets.
    let isASCII: Bool
    /// Otherwise the UTF-8 offset of every 64th scalar, so that a span's bytes are found in at most 63
    /// steps from the nearest mark (`utf8Offset`).
    private let marks: [UInt32]

    public init(_ text: String) {
        var widest: UInt32 = 0
        var count = 0
        var marks: [UInt32] = []
        var bytes = 0
        for s in text.unicodeScalars {
            if count & 63 == 0 { marks.append(UInt32(truncatingIfNeeded: bytes)) }
            widest = Swift.max(widest, s.value)
            count += 1
            bytes += UTF8.width(s)
        }
        isASCII = widest < 0x80
        self.marks = isASCII ? [] : marks
        if widest < 0x100 {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            for s in text.unicodeScalars { bytes.append(UInt8(truncatingIfNeeded: s.value)) }
            (narrow, bmp, wide, width) = (bytes, [], [], 1)
        } else if widest < 0x1_0000 {
            var units: [UInt16] = []
            units.reserveCapacity(count)
            for s in text.unicodeScalars { units.append(UInt16(truncatingIfNeeded: s.value)) }
            (narrow, bmp, wide, width) = ([], units, [], 2)
        } else {
            (narrow, bmp, wide, width) = ([], [], [Unicode.Scalar](scalarsOf: text), 4)
        }
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int { width == 1 ? narrow.count : width == 2 ? bmp.count : wide.count }

    public subscript(position: Int) -> Unicode.Scalar {
        switch width {
        case 1: Unicode.Scalar(narrow[position])
        // a value below U+10000 that is not a surrogate: the text was valid, so never nil
        case 2: Unicode.Scalar(UInt32(bmp[position])) ?? "\u{FFFD}"
        default: wide[position]
        }
    }

    /// The scalars as an array, for the stages that read an article's whole text many times over
    /// (entity recognition, number extraction, sentence rows) while the store is built.
    public var array: [Unicode.Scalar] {
        switch width {
        case 1: narrow.map { Unicode.Scalar($0) }
        case 2: bmp.map { Unicode.Scalar(UInt32($0)) ?? "\u{FFFD}" }
        default: wide
        }
    }

    /// The UTF-8 offset of scalar `offset` (0...count) in `utf8`, the bytes of the text these scalars
    /// were made from.
    func utf8Offset(_ offset: Int, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        if isASCII { return offset }
        let mark = offset >> 6
        guard mark < marks.count else { return utf8.count }
        var p = Int(marks[mark])
        var left = offset & 63
        while left > 0, p < utf8.count {
            let b = utf8[p]
            p += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            left -= 1
        }
        return Swift.min(p, utf8.count)
    }

    /// Bytes held per scalar (1, 2 or 4).
    var bytesPerScalar: Int { Int(width) }
}
