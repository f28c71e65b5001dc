import Foundation

/// Layout rules for what in an article is not the article (boilerplate) and what is said twice in it
/// (repeats). Data: `provenance-agencies.tsv` and `provenance-boilerplate.tsv` in the gazetteers folder.
/// One linear pass over the body's lines; every rule looks at one line (and its neighbour) only.
struct Provenance: Sendable {
    /// Spelling in text → canonical agency name.
    var agencies: [String: String] = [:]
    var navigation: Set<String> = []
    var adCues: [String] = []
    var bioCues: [String] = []
    var bioRoles: Set<String> = []

    static let bundled: Provenance = {
        guard let url = Bundle.module.url(forResource: "gazetteers", withExtension: nil) else {
            fatalError("NewsQuery: the gazetteers resource folder is missing from the bundle")
        }
        do { return try Provenance(directory: url) } catch { fatalError("NewsQuery: \(error)") }
    }()

    init(directory: URL) throws {
        for (_, c) in try DataFile.rows("provenance-agencies.tsv", in: directory, minColumns: 1) {
            agencies[c[0]] = c[0]
            if c.count > 1, c[1] != "-" {
                for alias in c[1].split(separator: "|") { agencies[String(alias)] = c[0] }
            }
        }
        for (n, c) in try DataFile.rows("provenance-boilerplate.tsv", in: directory, minColumns: 2) {
            let phrase = c[0].lowercased()
            switch c[1] {
            case "nav": navigation.insert(phrase)
            case "ad": adCues.append(phrase)
            case "bio": bioCues.append(phrase)
            case "role": bioRoles.insert(phrase)
            default:
                throw Gazetteer.ParseError(file: "provenance-boilerplate.tsv", line: n, message: "unknown kind '\(c[1])' (nav, ad, bio, role)")
            }
        }
    }

    /// One line of the body: its span (trimmed) and text.
    struct Line { var span: Span; var text: String }

    static func lines(_ scalars: [Unicode.Scalar], from start: Int) -> [Line] {
        var out: [Line] = []
        var i = start
        while i < scalars.count {
            var j = i
            while j < scalars.count, scalars[j] != "\n" { j += 1 }
            var a = i, b = j
            while a < b, scalars[a].properties.isWhitespace { a += 1 }
            while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
            if a < b {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[a..<b])
                out.append(Line(span: Span(a, b), text: String(v)))
            }
            i = j + 1
        }
        return out
    }

    static func words(_ text: String) -> [Substring] {
        text.split { $0 == " " || $0 == "\t" }
    }

    /// Whether the line is made only of agency names separated by `/` or `,` (at least two): a photo credit.
    func isCreditLine(_ text: String) -> Bool {
        let parts = text.split { $0 == "/" || $0 == "," }.map { $0.trimmingCharacters(in: .whitespaces) }
        return parts.count >= 2 && parts.allSatisfy { agencies[$0] != nil }
    }

    /// The boilerplate lines of the body, in text order.
    func boilerplate(_ scalars: [Unicode.Scalar], lines: [Line], gazetteer: Gazetteer) -> [Span] {
        var marked = [Bool](repeating: false, count: lines.count)
        for (k, line) in lines.enumerated() {
            let lower = line.text.lowercased()
            let bare = lower.trimmingCharacters(in: CharacterSet(charactersIn: ".:!?>»›→ "))
            let words = Provenance.words(line.text)
            let padded = " " + lower + " "
            let endsSentence = line.text.last.map { ".!?\"”’".contains($0) } ?? false
            if navigation.contains(bare) || isCreditLine(line.text) {
                marked[k] = true
            } else if words.count <= 15, !line.text.hasSuffix("."), adCues.contains(where: { padded.contains(" " + $0 + " ") || padded.contains(" " + $0 + ".") }) {
                marked[k] = true
            } else if bioCues.contains(where: { lower.contains($0) }) || isBio(words) {
                marked[k] = true
                // The author's name alone on the line before the bio.
                if k > 0, isBareName(lines[k - 1].text), line.text.hasPrefix(lines[k - 1].text) { marked[k - 1] = true }
            } else if endsSentence, line.text.hasSuffix("."), isCaption(words, gazetteer: gazetteer) {
                marked[k] = true
            }
        }
        return lines.indices.filter { marked[$0] }.map { lines[$0].span }
    }

    /// "NAME is a/an … ROLE …": one to four capitalised words, then `is a`/`is an`, a role word in the first sentence.
    func isBio(_ words: [Substring]) -> Bool {
        guard let isIndex = words.prefix(5).firstIndex(of: "is"), isIndex >= 1, isIndex + 1 < words.count,
              words[..<isIndex].allSatisfy({ $0.first?.isUppercase == true }),
              words[isIndex + 1] == "a" || words[isIndex + 1] == "an" else { return false }
        for w in words[(isIndex + 2)...] {
            let clean = w.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if bioRoles.contains(clean) { return true }
            if w.hasSuffix("."), !w.dropLast().contains(".") { break }  // end of the first sentence ("U.S." is not)
        }
        return false
    }

    func isBareName(_ text: String) -> Bool {
        let words = Provenance.words(text)
        return (1...4).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" } }
    }

    /// A photo caption: one short sentence (at most six words) without a finite verb: only capitalised
    /// words, function words and -ing forms ("Kim Jong-Un leaving for Russia.", "Russian President Vladimir Putin.").
    func isCaption(_ words: [Substring], gazetteer: Gazetteer) -> Bool {
        guard (2...6).contains(words.count) else { return false }
        for (i, w) in words.enumerated() {
            let clean = w.trimmingCharacters(in: .punctuationCharacters)
            if clean.isEmpty { return false }
            if i < words.count - 1, w.last.map({ ".!?;:\"“”‘’".contains($0) }) == true { return false }
            if clean.first?.isUppercase == true { continue }
            let lower = clean.lowercased()
            if lower.hasSuffix("ing") { continue }
            if let cls = gazetteer.functionWords[lower], cls == "prep" || cls == "det" || cls == "conj" { continue }
            return false
        }
        return true
    }

    /// Later verbatim copies of a line or sentence of at least `minLength` characters (or of a
    /// boilerplate line of any length), merged when only whitespace separates them.
    func repeats(_ scalars: [Unicode.Scalar], lines: [Line], sentences: [Span], boilerplate: [Span], minLength: Int = 40) -> [Span] {
        let boiler = Set(boilerplate)
        var seen: Set<String> = []
        var found: [Span] = []
        func text(_ s: Span) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end]); return String(v) }
        // Lines and sentences in text order (a line before a sentence at the same offset). A sentence
        // that is an earlier line plus its final period ("… announced Tuesday." after a standfirst
        // "… announced Tuesday") repeats that line.
        var passages: [(span: Span, isLine: Bool)] = lines
            .filter { $0.span.end - $0.span.start >= minLength || boiler.contains($0.span) }.map { ($0.span, true) }
        passages += sentences.filter { $0.end - $0.start >= minLength }.map { ($0, false) }
        passages.sort { ($0.span.start, $0.isLine ? 0 : 1) < ($1.span.start, $1.isLine ? 0 : 1) }
        var lineStarts: [String: Int] = [:]
        for p in passages {
            let t = text(p.span)
            if p.isLine {
                if lineStarts[t] != nil { found.append(p.span) } else { lineStarts[t] = p.span.start }
            } else if !seen.insert(t).inserted {
                found.append(p.span)
            } else {
                let trimmed = t.last.map { ".!?".contains($0) } == true ? String(t.dropLast()) : t
                if let first = lineStarts[trimmed], first != p.span.start {
                    found.append(Span(p.span.start, p.span.start + trimmed.unicodeScalars.count))
                }
            }
        }
        found.sort()
        var merged: [Span] = []
        for s in found {
            if let last = merged.last, s.start <= last.end || scalars[last.end..<s.start].allSatisfy({ $0.properties.isWhitespace }) {
                merged[merged.count - 1].end = max(last.end, s.end)
            } else {
                merged.append(s)
            }
        }
        return merged
    }
}

extension Array where Element == Span {
    /// Whether `span` lies inside one of these spans (sorted by start). Binary search.
    func covers(_ span: Span) -> Bool {
        var lo = 0, hi = count
        while lo < hi { let mid = (lo + hi) / 2; if self[mid].start <= span.start { lo = mid + 1 } else { hi = mid } }
        guard lo > 0 else { return false }
        return self[lo - 1].start <= span.start && span.end <= self[lo - 1].end
    }
}

extension Provenance {
    /// Who the copy comes from: agencies and outlets named in the body (canonical names, first-seen
    /// order), the byline ("By NAME" line, or the name a closing author bio opens with), and a
    /// translation credit line ("Translation by NAME", "Translated by …", "Translated from …").
    struct Credits: Hashable, Sendable {
        var agencies: [String] = []
        var byline: String?
        var translationCredit: Span?
    }

    func credits(lines: [Line], boilerplate: [Span]) -> Credits {
        var out = Credits()
        var seen: Set<String> = []
        let maxWords = agencies.keys.map { Provenance.words($0).count }.max() ?? 1
        for line in lines {
            let lower = line.text.lowercased()
            for prefix in ["translation by ", "translated by ", "translated from "] where lower.hasPrefix(prefix) && out.translationCredit == nil {
                out.translationCredit = line.span
            }
            if out.byline == nil, lower.hasPrefix("by "), isBareName(String(line.text.dropFirst(3))) {
                out.byline = String(line.text.dropFirst(3))
            }
            if out.byline == nil, boilerplate.covers(line.span), isBio(Provenance.words(line.text)),
               let isIndex = Provenance.words(line.text).firstIndex(of: "is") {
                out.byline = Provenance.words(line.text)[..<isIndex].joined(separator: " ")
            }
            // Agency names: word n-grams (longest first) looked up in the list, punctuation around them dropped.
            let words = line.text.split { $0 == " " || $0 == "/" || $0 == "," }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "()[].;:\"“”‘’'")) }
            var i = 0
            while i < words.count {
                var matched = 0
                for n in stride(from: min(maxWords, words.count - i), through: 1, by: -1) {
                    let candidate = words[i..<(i + n)].joined(separator: " ")
                    let key = candidate.hasSuffix("'s") || candidate.hasSuffix("’s") ? String(candidate.dropLast(2)) : candidate
                    if let name = agencies[key] {
                        if seen.insert(name).inserted { out.agencies.append(name) }
                        matched = n
                        break
                    }
                }
                i += max(matched, 1)
            }
        }
        return out
    }
}
