import Testing
@testable import NewsQuery

/// The scalar/string conversions annotation relies on for speed must agree with the standard library.
@Suite("Store: scalar strings")
struct ScalarStringTests {
    static let samples = ["", "plain ASCII, with punctuation.", "Kim Jong-un’s “official visit”", "café naïve Ünïcödé",
                          "Пушкин и Гоголь", "北朝鮮の指導者", "emoji 🚂 and flags 🇰🇷🇷🇺", "e\u{301} combining", "\u{FEFF}BOM"]

    @Test func decodingMatchesTheStandardLibrary() {
        for s in Self.samples {
            #expect([Unicode.Scalar](scalarsOf: s) == Array(s.unicodeScalars), "\(s)")
        }
    }

    @Test func encodingRoundTrips() {
        for s in Self.samples {
            let scalars = Array(s.unicodeScalars)
            #expect(String(scalars: scalars) == s)
            if scalars.count > 2 {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[1..<(scalars.count - 1)])
                #expect(String(scalars: scalars[1..<(scalars.count - 1)]) == String(view))
            }
        }
    }

    @Test func utf8SuffixAgreesWithHasSuffixOnWholeCharacters() {
        let words = ["Putin's", "Putin’s", "Clintons’", "quickly", "U.S.", "s", "", "’s", "naïve's"]
        for w in words {
            for suffix: StaticString in ["'s", "’s", "ly", ".", "s"] {
                #expect(w.hasUTF8Suffix(suffix) == w.hasSuffix("\(suffix)"), "\(w) \(suffix)")
                #expect(Substring(w).hasUTF8Suffix(suffix) == w.hasSuffix("\(suffix)"))
            }
        }
    }

    @Test(arguments: [("plain ASCII text\n", 1), ("Café, naïve, Ørsted", 1), ("“Curly” quotes — and 北京 and مرحبا", 2),
                      ("emoji 🚆 beyond the basic plane", 4), ("", 1), ("e\u{301} combining", 2)])
    func compactScalarsHoldEveryScalarInTheFewestBytes(_ text: String, _ width: Int) {
        let compact = CompactScalars(text)
        #expect(Array(compact) == Array(text.unicodeScalars))
        #expect(compact.array == Array(text.unicodeScalars))
        #expect(compact.count == text.unicodeScalars.count)
        #expect(compact.bytesPerScalar == width)
        // every scalar offset maps to the UTF-8 offset of that scalar (long texts cross the 64-scalar marks)
        let long = String(repeating: text, count: 40)
        let scalars = CompactScalars(long), all = Array(long.unicodeScalars)
        long.utf8.withContiguousStorageIfAvailable { utf8 in
            for i in stride(from: 0, through: all.count, by: max(1, all.count / 97)) {
                #expect(scalars.utf8Offset(i, in: utf8) == String(String.UnicodeScalarView(all[..<i])).utf8.count)
            }
            #expect(scalars.utf8Offset(all.count, in: utf8) == utf8.count)
        }
        if compact.count > 3 { #expect(String(scalars: compact[1..<3]) == String(String.UnicodeScalarView(Array(text.unicodeScalars)[1..<3]))) }
    }
}

