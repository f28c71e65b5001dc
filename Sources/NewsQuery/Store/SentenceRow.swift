/// One sentence of an article's body (`ArticleStore.sentences`, in article order then text order): the
/// rows of `sentences`.
///
/// The rows are the annotator's sentences, cut where a boilerplate line begins or ends (a line of
/// navigation, a photo credit, a caption, a sign-up blurb or an author bio is its own row, flagged
/// `boilerplate`, even when the sentence splitter ran it into its neighbours), plus the parts of
/// boilerplate lines that no sentence covers. Each row is trimmed of surrounding whitespace; a row
/// without a word is dropped.
public struct SentenceRow: Hashable, Sendable {
    /// Index of the article in `ArticleStore.articles`.
    public var article: Int
    /// 1 for the article's first row, in text order.
    public var n: Int
    public var span: Span
    /// The row lies in a boilerplate line (`ArticleAnnotations.boilerplate`).
    public var isBoilerplate: Bool
    /// At least half of the row lies in a passage that repeats an earlier one (`ArticleAnnotations.repeats`).
    public var isRepeat: Bool
    /// Quotations whose content overlaps the row.
    public var quotes: Int
    /// Entity mentions that begin in the row.
    public var mentions: Int
    /// Words (as `TextTokenizer` splits them).
    public var words: Int

    /// The rows of one article; `mentionStarts` are the offsets where its entity mentions begin.
    static func rows(of article: Article, index: Int, mentionStarts: [Int]) -> [SentenceRow] {
        let annotations = article.annotations
        let boilerplate = annotations.boilerplate.sorted()
        let cuts = Set(boilerplate.flatMap { [$0.start, $0.end] }).sorted()
        var pieces: [Span] = []
        for sentence in annotations.sentences {
            var start = sentence.start
            for cut in cuts where cut > sentence.start && cut < sentence.end {
                pieces.append(Span(start, cut))
                start = cut
            }
            pieces.append(Span(start, sentence.end))
        }
        // Boilerplate that no sentence covers (the splitter may leave a bare line out).
        let sentences = annotations.sentences.sorted()
        for line in boilerplate {
            var start = line.start
            for s in sentences where s.overlaps(line) {
                if s.start > start { pieces.append(Span(start, s.start)) }
                start = max(start, s.end)
            }
            if start < line.end { pieces.append(Span(start, line.end)) }
        }
        var spans: [Span] = []
        for piece in pieces {
            let trimmed = trim(piece, in: article.scalars)
            if !trimmed.isEmpty, article.scalars[trimmed.start..<trimmed.end].contains(where: TextTokenizer.isWordScalar) {
                spans.append(trimmed)
            }
        }
        spans = Array(Set(spans)).sorted()
        // Counted by binary search in sorted starts and ends, not by a pass per sentence (an article
        // of a megabyte has tens of thousands of sentences and quotations): a quotation overlaps a
        // sentence when it starts before the sentence ends, less those that end before it starts.
        let quoteStarts = annotations.quotations.map(\.content.start).sorted()
        let quoteEnds = annotations.quotations.map(\.content.end).sorted()
        let mentions = mentionStarts.sorted()
        return spans.enumerated().map { i, span in
            SentenceRow(
                article: index, n: i + 1, span: span,
                isBoilerplate: boilerplate.contains { $0.contains(span) },
                isRepeat: 2 * covered(span, by: annotations.repeats) >= span.length,
                quotes: countBelow(quoteStarts, span.end) - countBelow(quoteEnds, span.start + 1),
                mentions: countBelow(mentions, span.end) - countBelow(mentions, span.start),
                words: TextTokenizer.tokens(Array(article.scalars[span.start..<span.end])).count)
        }
    }

    /// How many of the sorted `values` are less than `bound`.
    static func countBelow(_ values: [Int], _ bound: Int) -> Int {
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < bound { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The span without leading and trailing whitespace (clamped to the text).
    static func trim<C: RandomAccessCollection>(_ span: Span, in scalars: C) -> Span where C.Element == Unicode.Scalar, C.Index == Int {
        var lo = max(0, span.start), hi = min(scalars.count, span.end)
        while lo < hi, scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo, scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        return Span(lo, hi)
    }

    /// How many scalars of `span` lie in the (non-overlapping) spans.
    static func covered(_ span: Span, by spans: [Span]) -> Int {
        spans.reduce(0) { $0 + max(0, min($1.end, span.end) - max($1.start, span.start)) }
    }
}

extension Article {
    /// The sentences holding a span, from the first that overlaps it to the last, on one line (a
    /// quotation's `sentence`); the span itself when it lies in no sentence.
    func sentences(holding span: Span) -> Span {
        let overlapping = annotations.sentences.filter { $0.overlaps(span) }
        guard let first = overlapping.first, let last = overlapping.last else { return span }
        return Span(min(first.start, span.start), max(last.end, span.end))
    }
}
