/// The clause a value or a name occurs in: the part of its sentence between the nearest clause
/// boundaries on either side. A boundary is a clause mark (`, ; : ( ) [ ] – —` and quotation marks)
/// or the word `that` (which opens a reported or relative clause: "reported Tuesday | that Kim had
/// boarded his train in Pyongyang on Sunday afternoon"). The `clause` field of `numbers` and
/// `mentions`; a search on it ties a date or a place to the event its own clause reports.
enum Clause {
    static let marks: Set<Unicode.Scalar> = [",", ";", ":", "(", ")", "[", "]", "–", "—", "\"", "“", "”"]
    static let boundaryWords: Set<String> = ["that"]

    /// The clause around `span`, within `sentence` (both offsets in `article.scalars`).
    static func span(around span: Span, in sentence: Span, of article: Article) -> Span {
        let scalars = article.scalars
        let lo = max(0, min(sentence.start, span.start)), hi = min(scalars.count, max(sentence.end, span.end))
        var start = lo, end = hi
        var i = span.start - 1
        while i >= lo {
            if marks.contains(scalars[i]) { start = i + 1; break }
            i -= 1
        }
        i = span.end
        while i < hi {
            if marks.contains(scalars[i]) { end = i; break }
            i += 1
        }
        let base = start
        for token in TextTokenizer.tokens(Array(scalars[base..<end])) where boundaryWords.contains(token.word) {
            let s = Span(base + token.span.start, base + token.span.end)
            if s.end <= span.start { start = max(start, s.end) }
            if s.start >= span.end { end = min(end, s.start); break }
        }
        return Span(start, end)
    }
}
