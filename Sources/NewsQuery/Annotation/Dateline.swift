import Foundation

/// A dateline: where (and sometimes when, and through which agency) the copy was filed, opening the
/// body's first paragraph: `WASHINGTON —`, `MANCHESTER, N.H. (AP) —`, `PHILADELPHIA, July 25 (UPI) —`,
/// `SEOUL, Sept 12 (Reuters) -`, `Vladivostok (AFP) -`, `NEW YORK:`. Spans are Unicode-scalar offsets
/// into the article text.
public struct Dateline: Hashable, Sendable {
    /// The whole dateline, from its place to its dash or colon (included).
    public var span: Span
    /// The place as written: `WASHINGTON`, `MEXICO CITY`, `WASHINGTON/NEW YORK`; nil in a dateline of
    /// only a date and an agency (`Dec 29 (Reuters) -`).
    public var place: Span?
    /// The state, province or country after the place's comma (`N.H.`, `Russia`), or in parentheses
    /// (`Vladivostok (Russia) (AFP)`).
    public var region: Span?
    /// The date as written (`July 25`, `Sept. 12`).
    public var date: Span?
    /// The agency in parentheses as written (`AP`, `Reuters`).
    public var agency: Span?
    /// The agency's canonical name (`provenance-agencies.tsv`), or the name as written when the list
    /// lacks it; it is also credited in `ArticleAnnotations.agencies`.
    public var agencyName: String?
    /// ISO 3166-1 alpha-2 code of the region, else of the place, where the gazetteers know it.
    public var country: String?

    public init(span: Span, place: Span?, region: Span? = nil, date: Span? = nil, agency: Span? = nil,
                agencyName: String? = nil, country: String? = nil) {
        self.span = span; self.place = place; self.region = region; self.date = date
        self.agency = agency; self.agencyName = agencyName; self.country = country
    }

    /// The place with its region, as written (`MANCHESTER, N.H.`, `MOSCOW, Russia`, `WASHINGTON`):
    /// `source.dateline`.
    public var location: Span? {
        guard let place, let region, region.start >= place.end else { return place }
        return Span(place.start, region.end)
    }
}

/// Finds a dateline at the start of one of the body's first lines. The rules are linguistic, with
/// gazetteers only to name a place's country and to accept a colon (`NEW YORK:` but not `TAPPER:`):
///
/// - where: the first `maxLines` non-empty lines of the body, the title line (the document's title,
///   when it is the body's first line) not counted;
/// - shape: `PLACE[/PLACE][, REGION][, DATE][ (REGION)][ (AGENCY)] SEP`, where SEP is an em or en dash
///   (spaces optional), `--` or ` - ` (a space on at least one side), or a colon;
/// - place: one to four words of letters (and `.` `'` `-`), mostly upper case; a place written in mixed
///   case (`Vladivostok`) needs a date or an agency; no word of it is a function word (`HAS`, `BY`,
///   `HE`) other than `of`/`the`/`on`, and it is not a label (`EXCLUSIVE`, `UPDATE`: `datelines.tsv`);
/// - region: one to three capitalised words; in capitals only when the gazetteers know it (so
///   `…, JUST TOO EARLY -` is no dateline);
/// - after a colon the place must be known, or a date or an agency given;
/// - after SEP the paragraph goes on as prose: a capital, digit or opening quotation mark, and a
///   lower-case word of four letters or more (not a headline in capitals or Title Case).
///
/// Data: `datelines.tsv` (state abbreviations, standalone cities, labels), `countries.tsv`,
/// `entity-places.tsv`, `facts-calendar.tsv` (months and weekdays), `function-words.tsv`.
struct DatelineFinder: Sendable {
    /// Lower-case spelling → country code (nil: a known place of no one country) of places a dateline
    /// may open with.
    var places: [String: String?] = [:]
    /// Lower-case spelling → code of what may follow the place's comma: the places above, countries'
    /// abbreviations, states and provinces.
    var regions: [String: String?] = [:]
    var labels: Set<String> = []
    var months: Set<String> = []
    var weekdays: Set<String> = []
    /// Function words (lower case) a place name cannot contain.
    var stopWords: Set<String> = []
    /// Agency spelling → canonical name.
    var agencies: [String: String] = [:]
    var maxLines = 6
    /// A dateline's head (before its separator) is at most this many scalars.
    var maxHeadLength = 100

    static let bundled: DatelineFinder = {
        guard let url = Bundle.module.url(forResource: "gazetteers", withExtension: nil) else {
            fatalError("NewsQuery: the gazetteers resource folder is missing from the bundle")
        }
        do { return try DatelineFinder(directory: url, agencies: Provenance.bundled.agencies) } catch { fatalError("NewsQuery: \(error)") }
    }()

    static let allowedFunctionWords: Set<String> = ["of", "the", "on"]
    /// Lower-case words inside a mixed-case place name ("Rio de Janeiro", "Port of Spain").
    static let particles: Set<String> = ["of", "the", "on", "upon", "de", "del", "la", "le", "les", "du", "da", "das",
                                         "do", "dos", "di", "von", "van", "al", "el", "es", "sur", "am", "an", "der"]

    init(directory: URL, agencies: [String: String]) throws {
        self.agencies = agencies
        func key(_ s: String) -> String { s.lowercased().split(separator: " ").joined(separator: " ") }
        func add(_ spelling: String, _ code: String?, place: Bool) {
            let k = key(spelling)
            guard !k.isEmpty else { return }
            if place, places[k] == nil { places[k] = .some(code) }
            if regions[k] == nil { regions[k] = .some(code) }
        }
        for (_, c) in try DataFile.rows("countries.tsv", in: directory, minColumns: 2) {
            func list(_ i: Int) -> [String] { i < c.count ? c[i].split(separator: "|").map(String.init) : [] }
            for s in [c[1]] + list(2) { add(s, c[0], place: true) }
            for s in list(4) { add(s, c[0], place: false) }
        }
        for (_, c) in try DataFile.rows("entity-places.tsv", in: directory, minColumns: 4) {
            let code = c[3] == "-" ? nil : c[3]
            for s in [c[0]] + c[1].split(separator: "|").map(String.init) { add(s, code, place: true) }
        }
        for (n, c) in try DataFile.rows("datelines.tsv", in: directory, minColumns: 3) {
            let code = c[2] == "-" ? nil : c[2]
            switch c[1] {
            case "region": add(c[0], code, place: false)
            case "place": add(c[0], code, place: true)
            case "label": labels.insert(key(c[0]))
            default: throw Gazetteer.ParseError(file: "datelines.tsv", line: n, message: "unknown kind '\(c[1])' (region, place, label)")
            }
        }
        for (_, c) in try DataFile.rows("facts-calendar.tsv", in: directory, minColumns: 2) {
            if c[1] == "month" { months.insert(c[0].lowercased()) }
            if c[1] == "weekday" { weekdays.insert(c[0].lowercased()) }
        }
        for (_, c) in try DataFile.rows("function-words.tsv", in: directory, minColumns: 2) {
            let w = c[0].lowercased()
            if !DatelineFinder.allowedFunctionWords.contains(w) { stopWords.insert(w) }
        }
    }

    /// The dateline opening one of the body's first lines, if any.
    func find(_ t: ScalarText, lines: [Provenance.Line], title: String) -> Dateline? {
        var examined = 0
        for (k, line) in lines.enumerated() {
            if k == 0, t.string(line.span) == title { continue }
            if examined == maxLines { break }
            examined += 1
            if let d = dateline(t, line.span) { return d }
        }
        return nil
    }

    // MARK: - One line

    /// The dateline opening the line `span`, if it is one.
    func dateline(_ t: ScalarText, _ span: Span) -> Dateline? {
        guard span.start < span.end, ScalarClass.isUpper(t[span.start]),
              let (sepStart, sepEnd, colon) = separator(t, span) else { return nil }
        var headEnd = sepStart
        while headEnd > span.start, ScalarClass.isSpace(t[headEnd - 1]) { headEnd -= 1 }
        guard headEnd > span.start, proseFollows(t, Span(sepEnd, span.end)) else { return nil }

        // Parentheticals at the end of the head: a region or an agency, at most one of each.
        var parens: [Span] = []
        while headEnd > span.start, t[headEnd - 1] == ")", parens.count < 2 {
            var open = headEnd - 2
            while open > span.start, t[open] != "(", t[open] != ")" { open -= 1 }
            guard open > span.start, t[open] == "(" else { return nil }
            parens.insert(Span(open + 1, headEnd - 1), at: 0)
            headEnd = open
            while headEnd > span.start, ScalarClass.isSpace(t[headEnd - 1]) { headEnd -= 1 }
        }
        guard headEnd > span.start else { return nil }
        var parts: [Span] = []
        var a = span.start
        for i in span.start...headEnd where i == headEnd || t[i] == "," {
            guard let part = trimmed(t, Span(a, i)) else { return nil }
            parts.append(part)
            a = i + 1
        }
        guard parts.count <= 4 else { return nil }
        var place: Span? = parts[0]
        var region: Span?, date: Span?
        var upper = false
        if isDate(t, parts[0]) {
            // Only a date and an agency: "Dec 29 (Reuters) -".
            guard parts.count == 1, parens.count == 1 else { return nil }
            place = nil
            date = parts[0]
        } else {
            guard let isUpper = placeCase(t, parts[0]) else { return nil }
            upper = isUpper
        }
        for part in parts.dropFirst() {
            if let d = date, isYear(t, part) {
                date = Span(d.start, part.end)   // "July 25, 2016"
            } else if date == nil, isDate(t, part) {
                date = part
            } else if date == nil, region == nil, isRegion(t, part) {
                region = part
            } else {
                return nil
            }
        }
        var agency: Span?
        for p in parens {
            guard let inner = trimmed(t, p) else { return nil }
            if agency == nil, agencies[t.string(inner)] != nil {
                agency = inner
            } else if region == nil, agency == nil, regions[key(t, inner)] != nil {
                region = inner
            } else if agency == nil, isAgency(t, inner) {
                agency = inner
            } else {
                return nil
            }
        }
        let placeKey = place.map { key(t, $0) } ?? ""
        let firstPlace = placeKey.split(separator: "/").first.map(String.init) ?? placeKey
        let known = places[firstPlace] != nil
        guard place != nil || agency != nil else { return nil }
        guard upper || date != nil || agency != nil else { return nil }
        guard !colon || known || date != nil || agency != nil else { return nil }

        var d = Dateline(span: Span(span.start, sepEnd), place: place, region: region, date: date, agency: agency)
        if let agency {
            let written = t.string(agency)
            d.agencyName = agencies[written] ?? written
        }
        let regionCode = region.flatMap { regions[key(t, $0)] ?? nil }
        d.country = regionCode ?? (places[firstPlace] ?? nil)
        return d
    }

    /// The first dash or colon outside parentheses within the head's length: (start, end, is a colon).
    /// A hyphen counts as a dash only with a space before and after it; `--` with a space on one side.
    func separator(_ t: ScalarText, _ span: Span) -> (Int, Int, Bool)? {
        let limit = min(span.end, span.start + maxHeadLength)
        var depth = 0
        var i = span.start
        while i < limit {
            let c = t[i]
            switch c {
            case "(": depth += 1
            case ")": depth -= 1; if depth < 0 { return nil }
            case "\u{2014}", "\u{2013}", "\u{2015}": if depth == 0 { return (i, i + 1, false) }
            case ":": if depth == 0 { return (i, i + 1, true) }
            case "-":
                guard depth == 0 else { break }
                let before = i > span.start && ScalarClass.isSpace(t[i - 1])
                if i + 1 < span.end, t[i + 1] == "-" {
                    let after = i + 2 >= span.end || ScalarClass.isSpace(t[i + 2])
                    return before || after ? (i, i + 2, false) : nil
                }
                if before, i + 1 >= span.end || ScalarClass.isSpace(t[i + 1]) { return (i, i + 1, false) }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// After the separator: a capital, a digit or an opening mark, and a lower-case word of four
    /// letters or more among the next forty words (prose, not a headline).
    func proseFollows(_ t: ScalarText, _ rest: Span) -> Bool {
        var i = rest.start
        while i < rest.end, ScalarClass.isSpace(t[i]) { i += 1 }
        guard i < rest.end else { return false }
        let c = t[i]
        guard ScalarClass.isUpper(c) || ScalarClass.isDigit(c) || ScalarClass.isQuoteMark(c) || c == "(" || c == "$" || c == "[" else { return false }
        var words = 0
        while i < rest.end, words < 40 {
            while i < rest.end, ScalarClass.isSpace(t[i]) { i += 1 }
            let a = i
            while i < rest.end, !ScalarClass.isSpace(t[i]) { i += 1 }
            guard i > a else { break }
            words += 1
            var letters = 0
            for k in a..<i {
                guard ScalarClass.isLetter(t[k]) else { break }
                letters += 1
            }
            if letters >= 4, !ScalarClass.isUpper(t[a]) { return true }
        }
        return false
    }

    // MARK: - Parts

    /// Whether the place's words are a place name's, and then whether it is written in capitals
    /// (true) or in mixed case (false); nil when it is no place name.
    func placeCase(_ t: ScalarText, _ place: Span) -> Bool? {
        var upper = 0, lower = 0
        for piece in split(t, place, by: "/") {
            guard let words = words(t, piece), (1...4).contains(words.count) else { return nil }
            let text = key(t, piece)
            guard !labels.contains(text) else { return nil }
            for (n, w) in words.enumerated() {
                let lowerWord = key(t, w)
                guard !stopWords.contains(lowerWord) else { return nil }
                if !ScalarClass.isUpper(t[w.start]) {
                    guard n > 0, DatelineFinder.particles.contains(lowerWord) else { return nil }
                }
                for k in w.start..<w.end where ScalarClass.isLetter(t[k]) {
                    if ScalarClass.isUpper(t[k]) { upper += 1 } else { lower += 1 }
                }
            }
        }
        guard upper + lower >= 3 else { return nil }
        // Mostly upper case ("McALLEN", "DeKALB"), or every word capitalised (checked above).
        return lower * 4 <= upper
    }

    /// One to three capitalised words; in capitals only when known (`N.H.` or `Russia` always).
    func isRegion(_ t: ScalarText, _ part: Span) -> Bool {
        if regions[key(t, part)] != nil { return true }
        guard let words = words(t, part), (1...3).contains(words.count) else { return false }
        var lower = 0, upper = 0
        for (n, w) in words.enumerated() {
            let lowerWord = key(t, w)
            guard !stopWords.contains(lowerWord), !labels.contains(lowerWord) else { return false }
            if !ScalarClass.isUpper(t[w.start]) {
                guard n > 0, DatelineFinder.particles.contains(lowerWord) else { return false }
            }
            for k in w.start..<w.end where ScalarClass.isLetter(t[k]) {
                if ScalarClass.isUpper(t[k]) { upper += 1 } else { lower += 1 }
            }
        }
        return lower > 0
    }

    /// `July 25`, `Sept. 12`, `12 September`, `Monday`.
    func isDate(_ t: ScalarText, _ part: Span) -> Bool {
        guard let words = words(t, part, allowDigits: true) else { return false }
        func month(_ w: Span) -> Bool {
            var e = w.end
            if t[e - 1] == ".", e - 1 > w.start { e -= 1 }
            return months.contains(key(t, Span(w.start, e)))
        }
        func day(_ w: Span) -> Bool {
            var e = w.end
            if t[e - 1] == ".", e - 1 > w.start { e -= 1 }
            guard e - w.start <= 2, (w.start..<e).allSatisfy({ ScalarClass.isDigit(t[$0]) }) else { return false }
            return (1...31).contains(Int(t.string(w.start, e)) ?? 0)
        }
        switch words.count {
        case 1: return weekdays.contains(key(t, words[0]))
        case 2: return (month(words[0]) && day(words[1])) || (day(words[0]) && month(words[1]))
        default: return false
        }
    }

    func isYear(_ t: ScalarText, _ part: Span) -> Bool {
        part.end - part.start == 4 && (part.start..<part.end).allSatisfy { ScalarClass.isDigit(t[$0]) }
    }

    /// A known agency (`AP`, `Reuters`, `Yonhap News Agency`), or one to four capitalised words whose
    /// first has two letters or more before any `-` or `.` (not a party and state: `R-S.C.`).
    func isAgency(_ t: ScalarText, _ inner: Span) -> Bool {
        if agencies[t.string(inner)] != nil { return true }
        guard inner.end - inner.start <= 40, let words = words(t, inner, allowDigits: true, allowDots: true),
              (1...4).contains(words.count) else { return false }
        var lead = words[0].start
        while lead < words[0].end, t[lead] != "-", t[lead] != "." { lead += 1 }
        guard lead - words[0].start >= 2 else { return false }
        return words.enumerated().allSatisfy { n, w in
            ScalarClass.isUpper(t[w.start]) || ScalarClass.isDigit(t[w.start]) || (n > 0 && DatelineFinder.particles.contains(key(t, w)))
        }
    }

    // MARK: - Helpers

    func trimmed(_ t: ScalarText, _ span: Span) -> Span? {
        var a = span.start, b = span.end
        while a < b, ScalarClass.isSpace(t[a]) { a += 1 }
        while b > a, ScalarClass.isSpace(t[b - 1]) { b -= 1 }
        return a < b ? Span(a, b) : nil
    }

    func split(_ t: ScalarText, _ span: Span, by separator: Unicode.Scalar) -> [Span] {
        var out: [Span] = []
        var a = span.start
        for i in span.start...span.end where i == span.end || t[i] == separator {
            out.append(Span(a, i))
            a = i + 1
        }
        return out
    }

    /// The words of a span (separated by spaces), each of letters, `.`, `'`, `’` and `-` (and digits or
    /// any of `.&` when allowed); nil when a word has another scalar or the span is empty.
    func words(_ t: ScalarText, _ span: Span, allowDigits: Bool = false, allowDots: Bool = false) -> [Span]? {
        var out: [Span] = []
        var i = span.start
        while i < span.end {
            while i < span.end, ScalarClass.isSpace(t[i]) { i += 1 }
            let a = i
            while i < span.end, !ScalarClass.isSpace(t[i]) {
                let c = t[i]
                guard ScalarClass.isLetter(c) || c == "." || c == "-" || ScalarClass.isApostrophe(c)
                        || (allowDigits && ScalarClass.isDigit(c)) || (allowDots && c == "&") else { return nil }
                i += 1
            }
            if i > a { out.append(Span(a, i)) }
        }
        return out.isEmpty ? nil : out
    }

    /// Lower case, words joined by one space (the gazetteers' keys).
    func key(_ t: ScalarText, _ span: Span) -> String {
        t.string(span).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
