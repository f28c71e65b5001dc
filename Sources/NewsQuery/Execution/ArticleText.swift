/// `show article` and `context`: an article's text with quotations marked `[[content]]{speaker}`
/// (`{?}` when the speaker is unknown). The text is returned as it is in the file; the caller
/// escapes it for the terminal (`TerminalSafe`), as it does for every `.text` outcome.
struct ArticleText {
    let store: ArticleStore

    enum Lookup: Equatable {
        case found(Int)
        case missing(suggestion: String?)
        case ambiguous([String])
    }

    /// The article with this id, or else the only one whose id begins with it (case-insensitive).
    func article(_ id: String) -> Lookup {
        if let exact = store.articles.firstIndex(where: { $0.id == id }) { return .found(exact) }
        let lowered = id.lowercased()
        let matches = store.articles.indices.filter { store.articles[$0].id.lowercased().hasPrefix(lowered) }
        if matches.count == 1 { return .found(matches[0]) }
        if matches.count > 1 { return .ambiguous(matches.map { store.articles[$0].id }) }
        return .missing(suggestion: Suggestion.closest(to: id, among: store.articles.map(\.id)))
    }

    /// The article's body (from the end of its front matter) with every quotation marked.
    func show(_ index: Int) -> String {
        let article = store.articles[index]
        let quotes = article.annotations.quotations
        let count = quotes.count
        let header = "\(article.id): \(count) \(count == 1 ? "quotation" : "quotations"), marked [[…]]{speaker}"
        return ([header] + provenance(article)).joined(separator: "\n") + "\n\n"
            + marked(article, quotes, from: article.bodyStart, to: article.scalars.count).trimmingWhitespace()
    }

    /// Where the text names its provenance, with offsets: the dateline, the byline and every agency
    /// credit (its canonical name, and the words as written when they differ).
    func provenance(_ article: Article) -> [String] {
        let a = article.annotations
        func at(_ span: Span) -> String { "at \(span.start)–\(span.end)" }
        var lines: [String] = []
        if let d = a.dateline { lines.append("dateline: \(article.text(of: d.span)) \(at(d.span))") }
        if let name = a.byline {
            lines.append("byline: \(name)" + (a.bylineSpan.map { " " + at($0) } ?? ""))
        }
        if !a.agencyCredits.isEmpty {
            lines.append("credits: " + a.agencyCredits.map { c in
                let written = article.text(of: c.span)
                return c.name + (written == c.name ? "" : " (“\(written)”)") + " " + at(c.span)
            }.joined(separator: "; "))
        }
        return lines
    }

    /// The quotation starting at `offset` (or else the first covering it) of an article.
    func quotation(in index: Int, at offset: Int) -> Int? {
        let quotes = store.articles[index].annotations.quotations
        return quotes.firstIndex { $0.content.start == offset }
            ?? quotes.firstIndex { $0.content.start <= offset && offset < $0.content.end }
    }

    /// The quotation in its sentence(s), with one sentence either side.
    func context(_ index: Int, quote q: Int) -> String {
        let article = store.articles[index]
        let quote = article.annotations.quotations[q]
        let sentences = article.annotations.sentences
        var lo = quote.content.start, hi = quote.content.end
        let covering = sentences.indices.filter { sentences[$0].overlaps(quote.content) }
        if let first = covering.first, let last = covering.last {
            lo = sentences[max(0, first - 1)].start
            hi = sentences[min(sentences.count - 1, last + 1)].end
            lo = min(lo, quote.content.start)
            hi = max(hi, quote.content.end)
        }
        var header = "\(article.id) \(quote.content.start)  \(quote.speaker ?? "?")"
        if let cue = quote.cue { header += " · " + article.text(of: cue) }
        header += " · " + quote.kind.rawValue
        let text = marked(article, [quote], from: lo, to: hi)
        let flowed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        return header + "\n" + flowed
    }

    /// The row of `store.sentences` of an article that starts at `offset`, or else the first covering it.
    func sentence(in index: Int, at offset: Int) -> Int? {
        let rows = store.sentences
        var lo = 0, hi = rows.count
        while lo < hi { let mid = (lo + hi) / 2; if rows[mid].article < index { lo = mid + 1 } else { hi = mid } }
        var end = lo
        while end < rows.count, rows[end].article == index { end += 1 }
        let range = lo..<end
        return range.first { rows[$0].span.start == offset } ?? range.first { rows[$0].span.start <= offset && offset < rows[$0].span.end }
    }

    /// A sentence (`sentences`) with the sentence before and after it, each on its own line, the
    /// sentence itself marked `>`; the first line gives the article, the start offset, the position,
    /// and whether the sentence is boilerplate or a repeat.
    func context(sentence n: Int) -> String {
        let rows = store.sentences
        let row = rows[n]
        let article = store.articles[row.article]
        var header = "\(article.id) \(row.span.start)  sentence \(row.n)"
        header += " · \(row.quotes) \(row.quotes == 1 ? "quotation" : "quotations")"
        if row.isBoilerplate { header += " · boilerplate" }
        if row.isRepeat { header += " · repeat" }
        var lines = [header]
        if n > 0, rows[n - 1].article == row.article { lines.append("  " + article.line(of: rows[n - 1].span)) }
        lines.append("> " + article.line(of: row.span))
        if n + 1 < rows.count, rows[n + 1].article == row.article { lines.append("  " + article.line(of: rows[n + 1].span)) }
        return lines.joined(separator: "\n")
    }

    /// `article`'s text between two offsets, with `[[` `]]{speaker}` around each quotation's content.
    private func marked(_ article: Article, _ quotes: [Quotation], from lo: Int, to hi: Int) -> String {
        guard lo <= hi else { return "" }
        var opens: [Int: Int] = [:], closes: [Int: [String]] = [:]
        for quote in quotes where quote.content.start >= lo && quote.content.end <= hi && !quote.content.isEmpty {
            opens[quote.content.start, default: 0] += 1
            closes[quote.content.end, default: []].append("]]{\(quote.speaker ?? "?")}")
        }
        var out = String.UnicodeScalarView()
        for offset in lo...hi {
            if let marks = closes[offset] { for mark in marks.reversed() { out.append(contentsOf: mark.unicodeScalars) } }
            if let n = opens[offset] { for _ in 0..<n { out.append(contentsOf: "[[".unicodeScalars) } }
            if offset < hi, offset < article.scalars.count { out.append(article.scalars[offset]) }
        }
        return String(out)
    }
}
