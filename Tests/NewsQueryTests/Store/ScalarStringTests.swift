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
}
