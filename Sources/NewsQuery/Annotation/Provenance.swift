import Foundation

/// Layout rules for what in an article is not the article (boilerplate) and what is said twice in it
/// (repeats). Data: `provenance-agencies.tsv` and `provenance-boilerplate.tsv` in the gazetteers folder.
/// One linear pass over the body's lines; every rule looks at one line (and its neighbour) only.
struct Provenance: Sendable {
    /// Spelling in text → canonical agency name.
    var agencies: [String: String] = [:]
    var navigation: Set<String> = []
    /// Each ad cue as it must appear in a padded lower-case line: " cue " and " cue.".
    var adCues: [(spaced: [Unicode.Scalar], stopped: [Unicode.Scalar])] = []
    var bioCues: [[Unicode.Scalar]] = []
    var bioRoles: Set<String> = []
    /// Precomputed from the lists above, for cheap pre-checks.
    var maxAgencyLength = 0
    var maxAgencyWords = 1
    var agencyFirstWords: Set<UInt64> = []
    var agencyFirstWordBits = [UInt64](repeating: 0, count: 64)
    var agencyOpenings = Openings()
    /// Hashes of every spelling in `agencies`.
    var agencyKeys: Set<UInt64> = []
    var maxNavigationLength = 0
    /// Element k is true when a bio cue starts with ASCII scalar k.
    var bioCueFirsts = [Bool](repeating: false, count: 128)
    var bioCuesAreASCII = true

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
            case "ad": adCues.append((Array(" \(phrase) ".unicodeScalars), Array(" \(phrase).".unicodeScalars)))
            case "bio": if !phrase.isEmpty { bioCues.append(Array(phrase.unicodeScalars)) }
            case "role": bioRoles.insert(phrase)
            default:
                throw Gazetteer.ParseError(file: "provenance-boilerplate.tsv", line: n, message: "unknown kind '\(c[1])' (nav, ad, bio, role)")
            }
        }
        for key in agencies.keys {
            maxAgencyLength = max(maxAgencyLength, key.unicodeScalars.count)
            let words = key.split(separator: " ")
            maxAgencyWords = max(maxAgencyWords, words.count)
            if let first = words.first {
                let scalars = Array(first.unicodeScalars)
                agencyOpenings.insert(scalars[0], scalars.count > 1 ? scalars[1] : nil)
                let h = ScalarText.hash(first.unicodeScalars)
                agencyFirstWords.insert(h)
                let bit = Int(truncatingIfNeeded: h >> 20) & 4095
                agencyFirstWordBits[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            agencyKeys.insert(ScalarText.hash(key.unicodeScalars))
        }
        maxNavigationLength = navigation.map { $0.unicodeScalars.count }.max() ?? 0
        for cue in bioCues where cue[0].value < 128 { bioCueFirsts[Int(cue[0].value)] = true }
        // A cue opening with a non-ASCII scalar is found by the plain scan.
        bioCuesAreASCII = bioCues.allSatisfy { $0[0].value < 128 }
    }

    /// One line of the body: its span, trimmed of whitespace. The text is built only for the few lines
    /// that pass a rule's cheap pre-checks (see `ScalarText`).
    struct Line { var span: Span }

    static func lines(_ scalars: ScalarText, from start: Int) -> [Line] {
        var out: [Line] = []
        var i = start
        while i < scalars.count {
            var j = i
            while j < scalars.count, scalars[j] != "\n" { j += 1 }
            var a = i, b = j
            while a < b, scalars[a].properties.isWhitespace { a += 1 }
            while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
            if a < b { out.append(Line(span: Span(a, b))) }
            i = j + 1
        }
        return out
    }

    static func words(_ text: String) -> [Substring] {
        text.split { $0 == " " || $0 == "\t" }
    }

    /// Whether the line is made only of agency names separated by `/` or `,` (at least two): a photo credit.
    /// Parts are checked in order and the first that is not an agency ends the check, so a paragraph
    /// costs one short look-up.
    func isCreditLine(_ t: ScalarText, _ span: Span) -> Bool {
        var parts = 0
        var i = span.start
        while i < span.end {
            var j = i
            var letters = 0   // a part with more non-blank scalars than the longest agency name is none
            while j < span.end, t[j] != "/", t[j] != "," {
                let c = t[j]
                if c != " ", c != "\t", c.isASCII || !ScalarText.isBlank(c) {
                    letters += 1
                    if letters > maxAgencyLength { return false }
                }
                j += 1
            }
            if j > i {   // empty parts between adjacent separators are skipped, as `split` does
                var a = i, b = j
                while a < b, ScalarText.isBlank(t[a]) { a += 1 }
                while b > a, ScalarText.isBlank(t[b - 1]) { b -= 1 }
                guard b - a <= maxAgencyLength, agencies[t.string(a, b)] != nil else { return false }
                parts += 1
            }
            i = j + 1
        }
        return parts >= 2
    }

    /// The boilerplate lines of the body, in text order.
    func boilerplate(_ t: ScalarText, lines: [Line], gazetteer: Gazetteer) -> [Span] {
        var marked = [Bool](repeating: false, count: lines.count)
        for (k, line) in lines.enumerated() {
            let span = line.span
            let last = t[span.end - 1]
            let wordCount = t.wordCount(span, limit: 16)
            if isNavigation(t, span) || isCreditLine(t, span) {
                marked[k] = true
            } else if wordCount <= 15, last != ".", hasAdCue(t.string(span).lowercased()) {
                marked[k] = true
            } else if hasBioCue(t, span) || (t.mayBeBio(span) && isBio(Provenance.words(t.string(span)))) {
                marked[k] = true
                // The author's name alone on the line before the bio.
                if k > 0 {
                    let previous = t.string(lines[k - 1].span)
                    if isBareName(previous), t.string(span).hasPrefix(previous) { marked[k - 1] = true }
                }
            } else if last == ".", (2...6).contains(wordCount), isCaption(Provenance.words(t.string(span)), gazetteer: gazetteer) {
                marked[k] = true
            }
        }
        return lines.indices.filter { marked[$0] }.map { lines[$0].span }
    }

    /// A navigation line ("Read more", "Back to top »"): short, so longer lines are not looked up.
    func isNavigation(_ t: ScalarText, _ span: Span) -> Bool {
        guard span.end - span.start <= maxNavigationLength + 16 else { return false }
        let lower = Array(t.string(span).lowercased().unicodeScalars)
        var a = 0, b = lower.count
        while a < b, Provenance.isNavigationPunctuation(lower[a]) { a += 1 }
        while b > a, Provenance.isNavigationPunctuation(lower[b - 1]) { b -= 1 }
        return navigation.contains(String(scalars: lower[a..<b]))
    }

    /// Whether a bio cue ("follow her on") occurs in the line, ignoring ASCII case: one pass, trying the
    /// cues only where a scalar could open one.
    func hasBioCue(_ t: ScalarText, _ span: Span) -> Bool {
        guard bioCuesAreASCII else { return bioCues.contains { t.containsFolded($0, in: span) } }
        var i = span.start
        let firsts = bioCueFirsts
        while i < span.end {
            let f = ScalarText.fold(t[i])
            if f < 128, firsts[Int(f)] {
                for cue in bioCues where cue[0].value == f && t.containsFolded(cue, in: Span(i, min(span.end, i + cue.count))) { return true }
            }
            i += 1
        }
        return false
    }

    /// Trimmed around a navigation line: . : ! ? > » › → and spaces.
    static func isNavigationPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s { case ".", ":", "!", "?", ">", "»", "›", "→", " ": true; default: false }
    }

    /// A word without the punctuation around it (Unicode general categories P*, as
    /// `CharacterSet.punctuationCharacters`).
    static func trimmingPunctuation(_ word: Substring) -> Substring {
        let scalars = word.unicodeScalars
        var a = scalars.startIndex, b = scalars.endIndex
        while a < b, isPunctuation(scalars[a]) { a = scalars.index(after: a) }
        while b > a, isPunctuation(scalars[scalars.index(before: b)]) { b = scalars.index(before: b) }
        return Substring(scalars[a..<b])
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 33 && v <= 47 && v != 36 && v != 43) || (v >= 58 && v <= 64 && v != 60 && v != 61 && v != 62)
                || (v >= 91 && v <= 96 && v != 94 && v != 96) || v == 123 || v == 125
        }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    func hasAdCue(_ lower: String) -> Bool {
        let padded = Array(" \(lower) ".unicodeScalars)
        return adCues.contains { ScalarText.contains(padded, $0.spaced) || ScalarText.contains(padded, $0.stopped) }
    }

    /// "NAME is a/an … ROLE …": one to four capitalised words, then `is a`/`is an`, a role word in the first sentence.
    func isBio(_ words: [Substring]) -> Bool {
        guard let isIndex = words.prefix(5).firstIndex(of: "is"), isIndex >= 1, isIndex + 1 < words.count,
              words[..<isIndex].allSatisfy({ $0.first?.isUppercase == true }),
              words[isIndex + 1] == "a" || words[isIndex + 1] == "an" else { return false }
        for w in words[(isIndex + 2)...] {
            let clean = w.lowercased().trimmingCharacters(in: .punctuationCharacters)
            if bioRoles.contains(clean) { return true }
            if w.hasUTF8Suffix("."), !w.dropLast().contains(".") { break }  // end of the first sentence ("U.S." is not)
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
            let clean = Provenance.trimmingPunctuation(w)
            if clean.isEmpty { return false }
            if i < words.count - 1, w.last.map({ ".!?;:\"“”‘’".contains($0) }) == true { return false }
            if clean.first?.isUppercase == true { continue }
            let lower = clean.lowercased()
            if lower.hasUTF8Suffix("ing") { continue }
            if let cls = gazetteer.functionWords[lower], cls == "prep" || cls == "det" || cls == "conj" { continue }
            return false
        }
        return true
    }

    /// Later verbatim copies of a line or sentence of at least `minLength` characters (or of a
    /// boilerplate line of any length), merged when only whitespace separates them. Passages are
    /// compared by a hash of their scalars, then scalar by scalar.
    func repeats(_ t: ScalarText, lines: [Line], sentences: [Span], boilerplate: [Span], minLength: Int = 40) -> [Span] {
        let boiler = Set(boilerplate)
        var found: [Span] = []
        // Lines and sentences in text order (a line before a sentence at the same offset). A sentence
        // that is an earlier line plus its final period ("… announced Tuesday." after a standfirst
        // "… announced Tuesday") repeats that line.
        var passages: [(span: Span, isLine: Bool)] = lines
            .filter { $0.span.end - $0.span.start >= minLength || boiler.contains($0.span) }.map { ($0.span, true) }
        passages += sentences.filter { $0.end - $0.start >= minLength }.map { ($0, false) }
        passages.sort { ($0.span.start, $0.isLine ? 0 : 1) < ($1.span.start, $1.isLine ? 0 : 1) }
        var seenLines = PassageSet(t), seenSentences = PassageSet(t)
        for p in passages {
            if p.isLine {
                if seenLines.firstOrInsert(p.span) != nil { found.append(p.span) }
            } else if seenSentences.firstOrInsert(p.span) != nil {
                found.append(p.span)
            } else {
                let last = t[p.span.end - 1]
                let trimmed = last == "." || last == "!" || last == "?" ? Span(p.span.start, p.span.end - 1) : p.span
                if let first = seenLines.first(equalTo: trimmed), first.start != p.span.start {
                    found.append(trimmed)
                }
            }
        }
        found.sort()
        var merged: [Span] = []
        for s in found {
            if let last = merged.last, s.start <= last.end || t.scalars[last.end..<s.start].allSatisfy({ $0.properties.isWhitespace }) {
                merged[merged.count - 1].end = max(last.end, s.end)
            } else {
                merged.append(s)
            }
        }
        return merged
    }
}

/// The first two scalars (as written) of a set of words, in a 128 × 128 bit table for ASCII, so that
/// most words of a line are ruled out by two array reads.
struct Openings: Sendable {
    private var bits = [UInt64](repeating: 0, count: 128 * 2)
    /// Set when some word is one scalar long, or opens with a scalar outside ASCII.
    private var anySingle = false
    private var anyNonASCII = false

    @inline(__always) private static func slot(_ s: Unicode.Scalar) -> Int? { s.value < 128 ? Int(s.value) : nil }

    mutating func insert(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) {
        guard let a = Openings.slot(first) else { anyNonASCII = true; return }
        guard let second else { anySingle = true; return }
        guard let b = Openings.slot(second) else { anyNonASCII = true; return }
        bits[a * 2 + b / 64] |= 1 << UInt64(b % 64)
    }

    @inline(__always) func mayOpen(_ first: Unicode.Scalar, _ second: Unicode.Scalar?) -> Bool {
        if anyNonASCII { return true }
        guard let second else { return anySingle }
        guard let a = Openings.slot(first), let b = Openings.slot(second) else { return false }
        return bits[a * 2 + b / 64] & (1 << UInt64(b % 64)) != 0 || anySingle
    }
}

/// Passages of one text, found again by content: a hash of the length and the first scalars picks the
/// candidates, a scalar-by-scalar comparison decides. No string is built.
struct PassageSet {
    let text: ScalarText
    /// Key → index of the first passage with that key; passages with the same key are chained by `next`.
    private var heads: [UInt64: Int32] = [:]
    private var spans: [Span] = []
    private var next: [Int32] = []
    init(_ text: ScalarText) { self.text = text }

    /// A hash of every scalar of the passage (of its first 32 alone, passages alike in their
    /// beginnings and lengths, such as a sentence repeated with one number changed a thousand times,
    /// all fell in one chain, and finding a passage was a pass over every one of them).
    func key(_ span: Span) -> UInt64 {
        ScalarText.fnv(UInt64(span.end - span.start), text.scalars[span.start..<span.end])
    }

    /// The first inserted passage with the same scalars as `span`.
    func first(equalTo span: Span) -> Span? { first(equalTo: span, key: key(span)) }

    private func first(equalTo span: Span, key: UInt64) -> Span? {
        var k = heads[key] ?? -1
        while k >= 0 {
            if text.equal(spans[Int(k)], span) { return spans[Int(k)] }
            k = next[Int(k)]
        }
        return nil
    }

    /// The first passage equal to `span` if there is one; otherwise `span` is added and nil returned.
    mutating func firstOrInsert(_ span: Span) -> Span? {
        let k = key(span)
        if let found = first(equalTo: span, key: k) { return found }
        next.append(heads[k] ?? -1)
        heads[k] = Int32(spans.count)
        spans.append(span)
        return nil
    }
}

/// Read-only helpers over an article's scalars for the provenance rules: cheap checks that need no
/// `String`, and the `String` of a span for the few lines that pass them.
///
/// It reads the article's scalar array through a buffer pointer (no bounds checks or reference
/// counting in the per-scalar loops), so it lives only inside `withUnsafeBufferPointer` (see
/// `ScalarText.with`).
struct ScalarText {
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    init(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) { self.scalars = scalars }

    /// Runs `body` with a view of `scalars`.
    static func with<R>(_ scalars: [Unicode.Scalar], _ body: (ScalarText) -> R) -> R {
        scalars.withUnsafeBufferPointer { body(ScalarText($0)) }
    }

    var count: Int { scalars.count }

    @inline(__always) subscript(_ i: Int) -> Unicode.Scalar { scalars[i] }

    func string(_ a: Int, _ b: Int) -> String {
        String(scalars: scalars[a..<b])
    }

    func string(_ span: Span) -> String { string(span.start, span.end) }

    /// Spaces and tabs (what `CharacterSet.whitespaces` trims inside a line).
    static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s.properties.generalCategory == .spaceSeparator
    }

    /// The spans of the words of a line, separated by spaces or tabs (as `Provenance.words` splits).
    func wordSpans(_ span: Span) -> [Span] {
        var out: [Span] = []
        var start = -1
        for i in span.start..<span.end {
            let blank = scalars[i] == " " || scalars[i] == "\t"
            if blank, start >= 0 { out.append(Span(start, i)); start = -1 } else if !blank, start < 0 { start = i }
        }
        if start >= 0 { out.append(Span(start, span.end)) }
        return out
    }

    /// Words separated by spaces or tabs, counted up to `limit`.
    func wordCount(_ span: Span, limit: Int) -> Int {
        var count = 0, inWord = false
        for i in span.start..<span.end {
            let blank = scalars[i] == " " || scalars[i] == "\t"
            if !blank, !inWord { count += 1; if count >= limit { return count } }
            inWord = !blank
        }
        return count
    }

    /// Whether the line opens as every author bio does: one to four capitalised words, `is`, then `a` or
    /// `an` (what `Provenance.isBio` checks first, without building the line's words).
    func mayBeBio(_ span: Span) -> Bool {
        var word = 0, i = span.start
        var sawIs = false
        while i < span.end, word < 6 {
            while i < span.end, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            let a = i
            while i < span.end, scalars[i] != " ", scalars[i] != "\t" { i += 1 }
            guard i > a else { break }
            if sawIs { return (i - a == 1 && scalars[a] == "a") || (i - a == 2 && scalars[a] == "a" && scalars[a + 1] == "n") }
            if word >= 1, i - a == 2, scalars[a] == "i", scalars[a + 1] == "s" {
                sawIs = true
            } else if word >= 4 || !ScalarClass.isUpper(scalars[a]) {
                return false
            }
            word += 1
        }
        return false
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// ASCII lower case of a scalar (other scalars unchanged).
    @inline(__always) static func fold(_ s: Unicode.Scalar) -> UInt32 {
        let v = s.value
        return v >= 65 && v <= 90 ? v | 0x20 : v
    }

    /// Whether `needle` (lower case) occurs in the span, ignoring ASCII case.
    func containsFolded(_ needle: [Unicode.Scalar], in span: Span) -> Bool {
        guard let first = needle.first?.value, span.end - span.start >= needle.count else { return false }
        var i = span.start
        let lastStart = span.end - needle.count
        while i <= lastStart {
            if ScalarText.fold(scalars[i]) == first {
                var k = 1
                while k < needle.count, ScalarText.fold(scalars[i + k]) == needle[k].value { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether the span starts with `prefix` (lower case), ignoring ASCII case.
    func hasFoldedPrefix(_ prefix: [Unicode.Scalar], _ span: Span) -> Bool {
        guard span.end - span.start >= prefix.count else { return false }
        for k in prefix.indices where ScalarText.fold(scalars[span.start + k]) != prefix[k].value { return false }
        return true
    }

    /// FNV-1a over the span's scalar values.
    @inline(__always) func hash(_ span: Span) -> UInt64 {
        var h = FNV.basis
        var i = span.start
        while i < span.end { h = FNV.step(h, UInt64(scalars[i].value)); i += 1 }
        return h
    }

    static func hash<C: Collection>(_ values: C) -> UInt64 where C.Element == Unicode.Scalar { fnv(FNV.basis, values) }

    /// FNV-1a continued from `h` over more scalars (hashing "a b" in steps gives the hash of the whole).
    @inline(__always) static func fnv<C: Collection>(_ h: UInt64, _ values: C) -> UInt64 where C.Element == Unicode.Scalar {
        var h = h
        for s in values { h = FNV.step(h, UInt64(s.value)) }
        return h
    }

    @inline(__always) static func fnv(_ h: UInt64, _ s: Unicode.Scalar) -> UInt64 { FNV.step(h, UInt64(s.value)) }

    func equal(_ a: Span, _ b: Span) -> Bool {
        a.end - a.start == b.end - b.start && scalars[a.start..<a.end].elementsEqual(scalars[b.start..<b.end])
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
        /// Canonical names, first-seen order.
        var agencies: [String] = []
        /// Every credit with its span, in text order.
        var agencyCredits: [AgencyCredit] = []
        var byline: String?
        var bylineSpan: Span?
        var translationCredit: Span?

        mutating func credit(_ name: String, at span: Span) {
            if !agencies.contains(name) { agencies.append(name) }
            agencyCredits.append(AgencyCredit(name: name, span: span))
        }
    }

    /// A dateline's agency (`WASHINGTON (AP) —`) is credited where the dateline stands, even when the
    /// agency list lacks it.
    func credits(_ t: ScalarText, lines: [Line], boilerplate: [Span], dateline: Dateline? = nil) -> Credits {
        var out = Credits()
        for line in lines {
            let span = line.span
            // the dateline's agency, where the dateline names it, unless the line's own look-up finds it there
            let lineCredits = agencyNames(t, span)
            if let name = dateline?.agencyName, let d = dateline, span.start <= d.span.start, d.span.end <= span.end {
                let at = d.agency ?? d.span
                if !lineCredits.contains(where: { $0.span.overlaps(at) }) { out.credit(name, at: at) }
            }
            if out.translationCredit == nil, Provenance.translationPrefixes.contains(where: { t.hasFoldedPrefix($0, span) }) {
                out.translationCredit = span
            }
            if out.byline == nil, t.hasFoldedPrefix(Provenance.byPrefix, span) {
                let name = t.string(span.start + 3, span.end)
                if isBareName(name) { out.byline = name; out.bylineSpan = Span(span.start + 3, span.end) }
            }
            if out.byline == nil, boilerplate.covers(span), t.mayBeBio(span) {
                let words = Provenance.words(t.string(span))
                if isBio(words), let isIndex = words.firstIndex(of: "is"), isIndex > 0 {
                    out.byline = words[..<isIndex].joined(separator: " ")
                    // the name is the line's first words: from the line's start to the end of the last
                    let wordSpans = t.wordSpans(span)
                    if isIndex <= wordSpans.count { out.bylineSpan = Span(span.start, wordSpans[isIndex - 1].end) }
                }
            }
            for credit in lineCredits { out.credit(credit.name, at: credit.span) }
        }
        out.agencyCredits.sort { $0.span.start < $1.span.start }
        return out
    }

    static let translationPrefixes: [[Unicode.Scalar]] = ["translation by ", "translated by ", "translated from "].map { Array($0.unicodeScalars) }
    static let byPrefix: [Unicode.Scalar] = Array("by ".unicodeScalars)
    /// Trimmed from both ends of a word before agency look-up: ( ) [ ] . ; : " “ ” ‘ ’ '
    @inline(__always) static func isWordPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x28, 0x29, 0x5B, 0x5D, 0x2E, 0x3B, 0x3A, 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019: return true
        default: return false
        }
    }

    /// Whether an agency name can start with this word (alone, or with a possessive after it). The
    /// word's first two scalars are checked against those of the names before anything is hashed.
    @inline(__always) func opensAgencyName(_ t: ScalarText, _ w: Span) -> Bool {
        guard w.end - w.start >= 2 else { return w.end > w.start && agencyOpenings.mayOpen(t[w.start], nil) && mayOpenAgencyName(t.hash(w)) }
        guard agencyOpenings.mayOpen(t[w.start], t[w.start + 1]) else { return false }
        if mayOpenAgencyName(t.hash(w)) { return true }
        if w.end - w.start > 2, t[w.end - 1] == "s", t[w.end - 2] == "'" || t[w.end - 2] == "’" {
            return mayOpenAgencyName(t.hash(Span(w.start, w.end - 2)))
        }
        return false
    }

    /// A bit table over the first words' hashes answers most words at once; the set decides the rest.
    @inline(__always) func mayOpenAgencyName(_ h: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: h >> 20) & 4095
        return agencyFirstWordBits[bit >> 6] & (1 << UInt64(bit & 63)) != 0 && agencyFirstWords.contains(h)
    }

    /// Agency names in one line: word n-grams (longest first) looked up in the list, punctuation around
    /// words dropped, a final possessive ('s) ignored. Only words that open some agency name (found by
    /// hash) start a look-up, so an ordinary paragraph builds no string.
    func agencyNames(_ t: ScalarText, _ span: Span) -> [AgencyCredit] {
        var out: [AgencyCredit] = []
        var window: [(word: Span, after: Int)] = []
        var hashes: [(plain: UInt64, possessive: UInt64?)] = []
        var i = span.start
        while let (w, after) = Provenance.nextWord(t, from: i, to: span.end) {
            guard opensAgencyName(t, w) else { i = after; continue }
            // The n-grams from this word: hashed as their words joined by spaces would hash, with and
            // without a final possessive; a string is built only when one of them is a known name.
            window.removeAll(keepingCapacity: true)
            window.append((w, after))
            while window.count < maxAgencyWords, let next = Provenance.nextWord(t, from: window[window.count - 1].after, to: span.end) {
                window.append(next)
            }
            hashes.removeAll(keepingCapacity: true)
            var h = FNV.basis
            for (n, (w, _)) in window.enumerated() {
                if n > 0 { h = ScalarText.fnv(h, " ") }
                var possessive: UInt64?
                if w.end - w.start >= 2, t[w.end - 1] == "s", t[w.end - 2] == "'" || t[w.end - 2] == "’" {
                    possessive = ScalarText.fnv(h, t.scalars[w.start..<(w.end - 2)])
                }
                h = ScalarText.fnv(h, t.scalars[w.start..<w.end])
                hashes.append((h, possessive))
            }
            i = after
            for n in stride(from: window.count, through: 1, by: -1) {
                let (plain, possessive) = hashes[n - 1]
                guard agencyKeys.contains(plain) || possessive.map(agencyKeys.contains) == true else { continue }
                let candidate = window[..<n].map { t.string($0.word) }.joined(separator: " ")
                let key = candidate.hasUTF8Suffix("'s") || candidate.hasUTF8Suffix("’s") ? String(candidate.dropLast(2)) : candidate
                if let name = agencies[key] {
                    out.append(AgencyCredit(name: name, span: Span(window[0].word.start, window[n - 1].word.end)))
                    i = window[n - 1].after
                    break
                }
            }
        }
        return out
    }

    /// The next word of a line from `i`: words are separated by spaces, `/` and `,`, and lose the
    /// punctuation around them (`isWordPunctuation`); a word may so become empty. Nil at the end.
    @inline(__always) static func nextWord(_ t: ScalarText, from i: Int, to end: Int) -> (word: Span, after: Int)? {
        var i = i
        while i < end, t[i] == " " || t[i] == "/" || t[i] == "," { i += 1 }
        guard i < end else { return nil }
        var j = i
        while j < end, t[j] != " ", t[j] != "/", t[j] != "," { j += 1 }
        var a = i, b = j
        while a < b, isWordPunctuation(t[a]) { a += 1 }
        while b > a, isWordPunctuation(t[b - 1]) { b -= 1 }
        return (Span(a, b), j)
    }
}
