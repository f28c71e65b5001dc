/// Splits text into words for indexing and matching: maximal runs of letters and digits (an inner
/// apostrophe or hyphen between letters stays inside the word: `don't`, `Kim-Putin`), lower-cased.
/// The same tokenizer serves the index and the query's text terms, so both agree on what a word is.
public enum TextTokenizer {
    public struct Token: Hashable, Sendable {
        public var word: String
        /// Scalar offsets in the tokenized text.
        public var span: Span
    }

    public static func tokens(_ text: String) -> [Token] {
        tokens(Array(text.unicodeScalars))
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
            result.append(Token(word: String(scalars: scalars[start..<i]).lowercased(), span: Span(start, i)))
        }
        return result
    }

    public static func words(_ text: String) -> [String] { tokens(text).map(\.word) }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil || s.properties.generalCategory == .nonspacingMark
    }

    static func isJoiner(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "-" || s == "\u{2010}" || s == "\u{2011}"
    }
}
