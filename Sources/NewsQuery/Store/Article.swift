/// Metadata of one article. Every field is optional: what is not known stays nil.
public struct ArticleMetadata: Hashable, Sendable, Codable {
    /// The outlet that published the article (its name).
    public var source: String?
    /// ISO 3166-1 alpha-2 code of the outlet's country.
    public var country: String?
    public var language: String?
    public var translatedFrom: String?
    /// ISO date (YYYY-MM-DD).
    public var date: String?
    public var url: String?
    public var author: String?

    public init(source: String? = nil, country: String? = nil, language: String? = nil,
                translatedFrom: String? = nil, date: String? = nil, url: String? = nil, author: String? = nil) {
        self.source = source; self.country = country; self.language = language
        self.translatedFrom = translatedFrom; self.date = date; self.url = url; self.author = author
    }

    /// The metadata keys as written in front matter, manifests and JSONL.
    public static let keys = ["source", "country", "language", "translated_from", "date", "url", "author"]

    public subscript(key: String) -> String? {
        get {
            switch key {
            case "source": source
            case "country": country
            case "language": language
            case "translated_from": translatedFrom
            case "date": date
            case "url": url
            case "author": author
            default: nil
            }
        }
        set {
            switch key {
            case "source": source = newValue
            case "country": country = newValue
            case "language": language = newValue
            case "translated_from": translatedFrom = newValue
            case "date": date = newValue
            case "url": url = newValue
            case "author": author = newValue
            default: break
            }
        }
    }

    /// Fields set in `other` win over ours.
    public func overridden(by other: ArticleMetadata) -> ArticleMetadata {
        var merged = self
        for key in Self.keys where other[key] != nil { merged[key] = other[key] }
        return merged
    }
}

/// A span of an article's text: Unicode-scalar offsets from the start of the file (end exclusive).
public struct Span: Hashable, Sendable, Comparable, Codable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }
    public func contains(_ other: Span) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: Span) -> Bool { start < other.end && other.start < end }
    public static func < (a: Span, b: Span) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// An article as read from disk, before annotation.
public struct Document: Sendable {
    /// File name without extension, or the JSONL `id`.
    public var id: String
    /// Where it came from: a file path, or `path:line` for a JSONL record.
    public var origin: String
    /// The text exactly as read (the whole file, front matter included; JSONL: the `text` field).
    public var text: String
    /// Offset (in scalars) where the article proper begins, after any front matter.
    public var bodyStart: Int
    public var title: String
    public var metadata: ArticleMetadata

    public init(id: String, text: String, origin: String? = nil, bodyStart: Int = 0,
                title: String? = nil, metadata: ArticleMetadata = ArticleMetadata()) {
        self.id = id
        self.origin = origin ?? id
        self.text = text
        self.bodyStart = bodyStart
        self.metadata = metadata
        self.title = title ?? Document.firstNonEmptyLine(of: text, from: bodyStart)
    }

    /// The first non-empty line at or after `offset`, trimmed.
    public static func firstNonEmptyLine(of text: String, from offset: Int) -> String {
        if offset <= 0 {
            // From the start: lines split at the newline byte (never inside a multi-byte scalar), read
            // without counting the text's scalars first.
            for line in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: true) {
                let s = Substring(line)
                if !s.allSatisfy(\.isWhitespace) { return String(s).trimmingWhitespace() }
            }
            return ""
        }
        let scalars = text.unicodeScalars
        var index = scalars.index(scalars.startIndex, offsetBy: min(offset, scalars.count))
        var line = String.UnicodeScalarView()
        while index < scalars.endIndex {
            let s = scalars[index]
            if s == "\n" {
                if !line.isEmpty, !String(line).allSatisfy(\.isWhitespace) { break }
                line = String.UnicodeScalarView()
            } else {
                line.append(s)
            }
            index = scalars.index(after: index)
        }
        return String(line).trimmingWhitespace()
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
