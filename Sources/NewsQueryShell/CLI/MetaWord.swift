/// The words of a meta-command line, as a shell reads them: blanks separate words, a backslash
/// takes the next character literally (`my\ folder`), and "…" or '…' group (a backslash escapes
/// inside double quotes only). So `.load "News Articles/"` and `.load News\ Articles/` both name
/// a folder with a space in it.
struct MetaWord: Equatable {
    /// The word with quotes and escapes removed.
    var text: String
    /// Where the word starts and ends in the line (Unicode scalar offsets).
    var range: Range<Int>
    /// For each scalar of `text`, the offset in the line of the character it came from.
    var sources: [Int]
    /// The word began with a quote that is still open at its end.
    var openQuote: Unicode.Scalar?

    static func split(_ scalars: ArraySlice<Unicode.Scalar>) -> [MetaWord] {
        var words: [MetaWord] = []
        var i = scalars.startIndex
        let end = scalars.endIndex
        while i < end {
            if scalars[i] == " " || scalars[i] == "\t" || scalars[i] == "\n" { i += 1; continue }
            let start = i
            var text = String.UnicodeScalarView()
            var sources: [Int] = []
            var quote: Unicode.Scalar?
            while i < end {
                let s = scalars[i]
                if let open = quote {
                    if s == open {
                        quote = nil
                        i += 1
                    } else if s == "\\" && open == "\"" && i + 1 < end {
                        text.append(scalars[i + 1]); sources.append(i + 1); i += 2
                    } else {
                        text.append(s); sources.append(i); i += 1
                    }
                    continue
                }
                if s == " " || s == "\t" || s == "\n" { break }
                if s == "\"" || s == "'" {
                    quote = s
                    i += 1
                } else if s == "\\" && i + 1 < end {
                    text.append(scalars[i + 1]); sources.append(i + 1); i += 2
                } else {
                    text.append(s); sources.append(i); i += 1
                }
            }
            words.append(MetaWord(text: String(text), range: start..<i, sources: sources, openQuote: quote))
        }
        return words
    }

    static func split(_ line: String) -> [String] {
        split(ArraySlice(Array(line.unicodeScalars))).map(\.text)
    }

    /// `name` written so that `split` reads it back as one word: a backslash before blanks,
    /// quotes, backslashes and `;`.
    static func escape(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            if s == " " || s == "\t" || s == "\"" || s == "'" || s == "\\" || s == ";" { out.append("\\") }
            out.append(s)
        }
        return String(out)
    }
}
