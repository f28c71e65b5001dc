/// Splits text into words for indexing and matching: maximal runs of letters and digits (an inner
/// apostrophe or hyphen between letters stays inside the word: `don't`, `Kim-Putin`; a final possessive
/// `'s` is dropped: `Clinton's` is the word `clinton`), lower-cased.
/// The same tokenizer serves the index and the query's text terms, so both agree on what a word is.
public enum TextTokenizer {
    public struct Token: Hashable, Sendable {
        public var word: String
        /// Scalar offsets in the tokenized text.
        public var span: Span
    }

    public static func tokens(_ text: String) -> [Token] {
        tokens([Unicode.Scalar](scalarsOf: text))
    }

    public static func tokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var result: [Token] = []
        var i = 0
        let n = scalars.count
        while i < n {
            guard isWordScalar(scalars[i]) else { i += 1; continue }
            let start = i
            i += 1
            while i < n {
                if isWordScalar(scalars[i]) { i += 1; continue }
                if isJoiner(scalars[i]), i + 1 < n, isWordScalar(scalars[i + 1]), isWordScalar(scalars[i - 1]) {
                    i += 2; continue
                }
                break
            }
            // a possessive is the word itself: "Clinton's" and "Clinton’s" are found by clinton
            var end = i
            if i - start >= 4, scalars[i - 1] == "s" || scalars[i - 1] == "S", scalars[i - 2] == "'" || scalars[i - 2] == "\u{2019}" {
                end = i - 2
            }
            result.append(Token(word: lowercased(scalars[start..<end]), span: Span(start, i)))
        }
        return result
    }

    public static func words(_ text: String) -> [String] { tokens(text).map(\.word) }

    /// The word in lower case: ASCII folded byte by byte, anything else by `String.lowercased()`.
    static func lowercased(_ word: ArraySlice<Unicode.Scalar>) -> String {
        guard word.allSatisfy({ $0.isASCII }) else { return String(scalars: word).lowercased() }
        return String(unsafeUninitializedCapacity: word.count) { buffer in
            var i = 0
            for s in word {
                let v = UInt8(truncatingIfNeeded: s.value)
                buffer[i] = v >= 65 && v <= 90 ? v + 32 : v
                i += 1
            }
            return i
        }
    }

    @inline(__always) static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value | 0x20
            return (v >= 97 && v <= 122) || (s.value >= 48 && s.value <= 57)
        }
        return s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "-" || s == "\u{2010}" || s == "\u{2011}"
    }
}
