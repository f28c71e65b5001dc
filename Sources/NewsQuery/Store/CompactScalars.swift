/// An article's text as Unicode scalars with O(1) access by offset (every annotation offset counts
/// scalars), stored in the fewest bytes its scalars allow: one byte each when every scalar is below
/// U+0100 (ASCII and Latin-1 text), two below U+10000 (curly quotes, dashes, most scripts), else four.
/// A `[Unicode.Scalar]` costs four bytes a scalar whatever the text: four times the text it indexes,
/// for every article the store holds.
public struct CompactScalars: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case narrow([UInt8])
        case bmp([UInt16])
        case wide([Unicode.Scalar])
    }

    private let storage: Storage

    public init(_ text: String) {
        var widest: UInt32 = 0
        var count = 0
        for s in text.unicodeScalars { widest = Swift.max(widest, s.value); count += 1 }
        if widest < 0x100 {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count)
            for s in text.unicodeScalars { bytes.append(UInt8(truncatingIfNeeded: s.value)) }
            storage = .narrow(bytes)
        } else if widest < 0x1_0000 {
            var units: [UInt16] = []
            units.reserveCapacity(count)
            for s in text.unicodeScalars { units.append(UInt16(truncatingIfNeeded: s.value)) }
            storage = .bmp(units)
        } else {
            storage = .wide([Unicode.Scalar](scalarsOf: text))
        }
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .narrow(let a): a.count
        case .bmp(let a): a.count
        case .wide(let a): a.count
        }
    }

    public subscript(position: Int) -> Unicode.Scalar {
        switch storage {
        case .narrow(let a): Unicode.Scalar(a[position])
        // a value below U+10000 that is not a surrogate: the text was valid, so never nil
        case .bmp(let a): Unicode.Scalar(UInt32(a[position])) ?? "\u{FFFD}"
        case .wide(let a): a[position]
        }
    }

    /// The scalars as an array, for the stages that read an article's whole text many times over
    /// (entity recognition, number extraction, sentence rows) while the store is built.
    public var array: [Unicode.Scalar] {
        switch storage {
        case .narrow(let a): a.map { Unicode.Scalar($0) }
        case .bmp(let a): a.map { Unicode.Scalar(UInt32($0)) ?? "\u{FFFD}" }
        case .wide(let a): a
        }
    }

    /// Bytes held per scalar (1, 2 or 4).
    var bytesPerScalar: Int {
        switch storage {
        case .narrow: 1
        case .bmp: 2
        case .wide: 4
        }
    }
}
