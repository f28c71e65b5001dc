/// Finds quantities and dates in an article body in one left-to-right pass over `FactTokenizer`'s
/// tokens, with bounded look-ahead at each token:
///
/// - a number (`1,200`, `2.5`, `two`, `a dozen`, `5 million`, `tens of millions`) followed by a unit
///   (`km`, `miles`, `km/h`, `mph`, `hours`, `%`, `dollars`; a hyphen is allowed: `60-hour`,
///   `18-month-old`) or preceded by a currency sign (`$5 million`) is a quantity, normalised with
///   the unit's factor (683 miles → 1099.2 km). `N years old` and `N-month-old` are ages; a number in
///   parentheses or between commas right after a capitalised name is an age in years (`Putin (70)`).
/// - a year (`2019`, four digits 1000–2100 with no unit), a month with or without a day and year
///   (`September 10`, `September 10-13`, `April 2019`, `in July`, `early September`), a weekday with
///   its part of the day (`on Tuesday morning`, `this Tuesday`), `the morning of September 12`,
///   a season of a year (`spring of 2020`), `this week`, `yesterday`, `four years ago` are dates;
///   `DateResolver` turns them into ISO dates.
/// - other numbers are counts (`Two new drone designs`, `once`) or ordinals (`second`).
///
/// Each fact's `measure` is the dimension's name and the content words of the clause around it.
struct NumberExtractor {
    let lexicon: FactLexicon

    init(lexicon: FactLexicon = .bundled) { self.lexicon = lexicon }

    typealias Token = FactTokenizer.Token

    /// Words before a number that hedge or bound it.
    static let qualifiers: [[String]] = [["more", "than"], ["less", "than"], ["fewer", "than"], ["up", "to"], ["at", "least"],
                                         ["about"], ["approximately"], ["around"], ["roughly"], ["nearly"], ["almost"],
                                         ["only"], ["just"], ["over"], ["some"], ["under"]]
    /// Words before a lone month name that make it a date ("in July"); a month alone otherwise
    /// (May, March) is too often another word.
    static let monthLeads: Set<String> = ["in", "since", "until", "till", "of", "by", "from", "during", "before", "after",
                                          "through", "last", "next", "this", "early", "mid", "late", "end", "throughout"]
    static let clauseMarks: Set<String> = [",", ";", ":", "(", ")", "–", "—", "\"", "“", "”", "[", "]"]

    /// Every fact of the article's body, in text order, those in boilerplate lines marked.
    func extract(_ article: Article) -> [Fact] {
        let boilerplate = article.annotations.boilerplate
        var facts = extract(scalars: article.scalars.array, bodyStart: article.bodyStart, sentences: article.annotations.sentences)
        for i in facts.indices where boilerplate.covers(facts[i].span) { facts[i].isBoilerplate = true }
        return facts
    }

    func extract(scalars: [Unicode.Scalar], bodyStart: Int, sentences: [Span]) -> [Fact] {
        let tokens = FactTokenizer.tokens(scalars, from: bodyStart)
        var state = Pass(tokens: tokens, scalars: scalars, lexicon: lexicon,
                         sentences: sentences.isEmpty ? [Span(bodyStart, scalars.count)] : sentences)
        state.run()
        return state.facts
    }

    /// One pass's state: the tokens, the current sentence, the facts found.
    struct Pass {
        let tokens: [Token]
        let scalars: [Unicode.Scalar]
        let lexicon: FactLexicon
        let sentences: [Span]
        var facts: [Fact] = []
        var sentenceIndex = 0

        init(tokens: [Token], scalars: [Unicode.Scalar], lexicon: FactLexicon, sentences: [Span]) {
            self.tokens = tokens; self.scalars = scalars; self.lexicon = lexicon; self.sentences = sentences
        }

        mutating func run() {
            var i = 0
            while i < tokens.count {
                // Most tokens are words no list knows and punctuation: one look-up decides.
                let t = tokens[i]
                if t.kind == .punct || (t.kind == .word && !lexicon.startWords.contains(t.lower)) { i += 1; continue }
                if let next = date(at: i) ?? quantity(at: i) { i = max(next, i + 1) } else { i += 1 }
            }
        }

        /// The token's text as written.
        func text(_ i: Int) -> String {
            String(scalars: scalars[tokens[i].start..<tokens[i].end])
        }

        // MARK: - Helpers

        func lower(_ i: Int) -> String? { i >= 0 && i < tokens.count ? tokens[i].lower : nil }
        func isWord(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .word }
        func calendar(_ i: Int) -> FactLexicon.CalendarWord? {
            guard isWord(i) else { return nil }
            return lexicon.calendar[tokens[i].lower]
        }
        func isHyphen(_ i: Int) -> Bool { lower(i) == "-" || lower(i) == "‐" }
        /// Adjacent tokens with no space between them.
        func joined(_ a: Int, _ b: Int) -> Bool { a >= 0 && b < tokens.count && tokens[a].end == tokens[b].start }
        /// Whether the word at i ends a capitalised name (its hyphenated parts included: Kim Jong-un).
        func capitalizedName(endingAt i: Int) -> Bool {
            var j = i
            while isHyphen(j - 1), joined(j - 2, j - 1), joined(j - 1, j), isWord(j - 2) { j -= 2 }
            return isWord(j) && tokens[j].capitalized
        }
        func day(_ i: Int) -> Int? {
            // Compared as a Double: converting first would trap on a number beyond Int's range.
            guard i < tokens.count, tokens[i].kind == .number, let n = tokens[i].number, n == n.rounded(), (1...31).contains(n),
                  !tokens[i].lower.contains(",") && !tokens[i].lower.contains(".") else { return nil }
            return Int(n)
        }
        func year(_ i: Int) -> Int? {
            guard i < tokens.count, tokens[i].kind == .number, tokens[i].lower.utf8.count == 4, tokens[i].lower.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let n = tokens[i].number, (1000...2100).contains(Int(n)) else { return nil }
            return Int(n)
        }

        mutating func sentence(containing offset: Int) -> Span {
            while sentenceIndex < sentences.count - 1, sentences[sentenceIndex].end <= offset { sentenceIndex += 1 }
            let s = sentences[min(sentenceIndex, sentences.count - 1)]
            return s.start <= offset && offset < s.end ? s : Span(offset, offset)
        }

        /// The content words of the clause around tokens first...last (extended to the next clause
        /// when it has fewer than two), nearest first, at most eight, shown in text order.
        func measureWords(_ first: Int, _ last: Int, sentence: Span) -> [(index: Int, word: String)] {
            func inSentence(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].start >= sentence.start && tokens[i].end <= sentence.end }
            var lo = first - 1, hi = last + 1
            var found: [(Int, String)] = []
            var leftOpen = true, rightOpen = true
            var clauses = 0
            func take(_ i: Int) {
                let t = tokens[i]
                guard t.kind == .word else { return }
                var w = t.lower
                if w.hasUTF8Suffix("'s") || w.hasUTF8Suffix("’s") { w = String(w.dropLast(2)) }
                // fewer than two characters, without counting them all
                if w.isEmpty || w.index(after: w.startIndex) == w.endIndex || lexicon.stopWords.contains(w) || lexicon.numberWords[w] != nil || lexicon.calendar[w] != nil
                    || lexicon.units[w] != nil { return }
                found.append((i, w))
            }
            while clauses < 2 {
                while leftOpen, inSentence(lo), !NumberExtractor.clauseMarks.contains(tokens[lo].lower) { take(lo); lo -= 1 }
                while rightOpen, inSentence(hi), !NumberExtractor.clauseMarks.contains(tokens[hi].lower) { take(hi); hi += 1 }
                clauses += 1
                if found.count >= 2 { break }
                // Too few words: read on past the clause marks into the neighbouring clauses.
                leftOpen = inSentence(lo); rightOpen = inSentence(hi)
                if leftOpen { lo -= 1 }
                if rightOpen { hi += 1 }
            }
            let nearest = found.sorted { abs($0.0 - first) < abs($1.0 - first) }.prefix(8)
            var seen = Set<String>()
            return nearest.sorted { $0.0 < $1.0 }.filter { seen.insert($0.1).inserted }.map { (index: $0.0, word: $0.1) }
        }

        mutating func add(_ kind: Fact.Kind, _ first: Int, _ last: Int, value: Double?, unit: String, dimension: Dimension,
                          normalized: Double?, base: String, mention: DateMention? = nil, qualifier: String? = nil) {
            let span = Span(tokens[first].start, tokens[last].end)
            let sentence = sentence(containing: span.start)
            // The dimension's own name is already the measure's first word.
            let words = measureWords(first, last, sentence: sentence).filter { $0.word != dimension.label }
            // Shown as written, hyphenated names rejoined (Jong-un).
            var shown: [String] = []
            var previous = -10
            for w in words {
                var text = self.text(w.index)
                if text.hasSuffix("'s") || text.hasSuffix("’s") { text = String(text.dropLast(2)) }
                if w.index == previous + 2, isHyphen(previous + 1), joined(previous, previous + 1), joined(previous + 1, w.index),
                   let last = shown.popLast() {
                    text = last + "-" + text
                }
                shown.append(text)
                previous = w.index
            }
            let measure = ([dimension.label] + shown).joined(separator: " ")
            facts.append(Fact(kind: kind, span: span, value: value, unit: unit, dimension: dimension, normalized: normalized,
                              normalizedUnit: base, date: nil, evidence: nil, measure: measure, measureWords: words.map(\.word),
                              sentence: sentence, qualifier: qualifier, mention: mention))
        }

        func qualifier(before i: Int) -> String? {
            for q in NumberExtractor.qualifiers where i - q.count >= 0 {
                if q.indices.allSatisfy({ lower(i - q.count + $0) == q[$0] }) { return q.joined(separator: " ") }
            }
            return nil
        }

        // MARK: - Dates

        /// A date starting at token i: returns the index after it.
        mutating func date(at i: Int) -> Int? {
            // 10 September [2023]
            if day(i) != nil, let m = calendar(i + 1), m.kind == .month, tokens[i + 1].capitalized {
                return monthDate(at: i + 1, start: i + 1)
            }
            guard let word = calendar(i) else { return nil }
            switch word.kind {
            case .deictic:
                // this/last/next + weekday | week | month | year
                if let w = calendar(i + 1), w.kind == .weekday {
                    return weekday(at: i + 1, start: i, offset: word.value)
                }
                if let unit = lower(i + 1), ["week", "month", "year"].contains(unit) {
                    var m = DateMention()
                    m.week = word.value
                    m.agoUnit = unit
                    add(.date, i, i + 1, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: m)
                    return i + 2
                }
                return nil
            case .weekday:
                return weekday(at: i, start: i, offset: nil)
            case .part:
                // the morning of September 12
                if lower(i + 1) == "of", let m = calendar(i + 2), m.kind == .month, let end = monthDate(at: i + 2, start: i) { return end }
                return nil
            case .edge:
                if let m = calendar(i + 1), m.kind == .month, tokens[i + 1].capitalized {
                    var mention = DateMention(month: m.value)
                    var last = i + 1
                    if let y = year(i + 2) { mention.year = y; last = i + 2 }
                    add(.date, i, last, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: mention)
                    return last + 1
                }
                return nil
            case .season:
                // spring of 2020, spring 2020
                var j = i + 1
                if lower(j) == "of" { j += 1 }
                guard let y = year(j) else { return nil }
                add(.date, i, j, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: DateMention(year: y))
                return j + 1
            case .relative:
                var m = DateMention()
                m.dayOffset = word.value
                add(.date, i, i, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: m)
                return i + 1
            case .month:
                return monthDate(at: i, start: i)
            }
        }

        /// Weekday at i (span from `start`), with a following part of the day or date.
        mutating func weekday(at i: Int, start: Int, offset: Int?) -> Int? {
            guard let w = calendar(i), w.kind == .weekday, tokens[i].capitalized else { return nil }
            var j = i + 1
            if lower(j) == "," { j += 1 }
            // Sunday September 10, Sunday, 10 September 2023
            if let m = calendar(j), m.kind == .month, tokens[j].capitalized, day(j + 1) != nil {
                return monthDate(at: j, start: start, weekday: w.value)
            }
            if day(j) != nil, let m = calendar(j + 1), m.kind == .month {
                return monthDate(at: j + 1, start: start, weekday: w.value)
            }
            var last = i
            if let p = calendar(i + 1), p.kind == .part { last = i + 1 }
            var mention = DateMention()
            mention.weekday = w.value
            mention.week = offset
            add(.date, start, last, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: mention)
            return last + 1
        }

        /// A month name at i: `September 10`, `September 10-13`, `September 10, 2023`, `April 2019`,
        /// `10 September` (a day before it), or the month alone after a lead word (`in July`).
        mutating func monthDate(at i: Int, start: Int, weekday: Int? = nil) -> Int? {
            guard let m = calendar(i), m.kind == .month, tokens[i].capitalized else { return nil }
            var first = start
            var mention = DateMention(month: m.value)
            mention.weekday = weekday
            var last = i
            if first == i, let d = day(i - 1), !(i >= 2 && tokens[i - 2].kind == .number) {
                // 10 September [2023]
                mention.day = d
                first = i - 1
                if let y = year(i + 1) { mention.year = y; last = i + 1 }
            } else if let d = day(i + 1), year(i + 1) == nil {
                mention.day = d
                last = i + 1
                if isHyphen(i + 2) || lower(i + 2) == "–", let d2 = day(i + 3), d2 > d { mention.dayEnd = d2; last = i + 3 }
                var j = last + 1
                if lower(j) == "," { j += 1 }
                if let y = year(j) { mention.year = y; last = j }
            } else if let y = year(i + 1) {
                mention.year = y
                last = i + 1
            } else if start == i {
                // A month alone: only after a lead word ("in July"), or May/March would be verbs.
                guard let lead = lower(i - 1), NumberExtractor.monthLeads.contains(lead) else { return nil }
            }
            add(.date, first, last, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: mention)
            return last + 1
        }

        // MARK: - Quantities

        /// A number (digits or words) at i: its value (nil for a vague magnitude), the index after it,
        /// and the kind of word it was.
        func number(at i: Int) -> (value: Double?, next: Int, kind: FactLexicon.NumberWord.Kind?, unitOnly: Bool)? {
            guard i < tokens.count else { return nil }
            let t = tokens[i]
            var value: Double
            var j: Int
            var kind: FactLexicon.NumberWord.Kind?
            var unitOnly = false
            if t.kind == .number, let n = t.number {
                value = n; j = i + 1
            } else if t.kind == .word, let w = lexicon.numberWords[t.lower] {
                switch w.kind {
                case .vague:
                    // tens of millions, thousands of, hundreds
                    var j = i + 1
                    if lower(j) == "of", isWord(j + 1), let more = lexicon.numberWords[tokens[j + 1].lower], more.kind == .vague {
                        j += 2
                    }
                    return (nil, j, .vague, false)
                case .ordinal, .times: return (w.value, i + 1, w.kind, false)
                case .scale: return nil
                case .cardinal, .group:
                    value = w.value; j = i + 1; kind = w.kind; unitOnly = w.unitOnly
                    // twenty-five
                    if w.value >= 20, w.value < 100, isHyphen(j), isWord(j + 1), let unit = lexicon.numberWords[tokens[j + 1].lower],
                       unit.kind == .cardinal, unit.value < 10 {
                        value += unit.value; j += 2
                    }
                }
            } else if (t.lower == "a" || t.lower == "an"), isWord(i + 1) {
                // a dozen, a million, a month
                if let w = lexicon.numberWords[tokens[i + 1].lower], w.kind == .group || w.kind == .scale {
                    value = w.value; j = i + 2; kind = .group
                } else if let u = lexicon.units[tokens[i + 1].lower], u.dimension == .duration || u.dimension == .length {
                    return (1, i + 1, .cardinal, true)
                } else {
                    return nil
                }
            } else {
                return nil
            }
            // 5 million, two hundred thousand
            while isWord(j), let s = lexicon.numberWords[tokens[j].lower], s.kind == .scale {
                value *= s.value; j += 1; unitOnly = false
            }
            return (value, j, kind, unitOnly)
        }

        /// The longest unit spelled from token i on, with the index after it.
        func unit(at i: Int) -> (FactLexicon.Unit, Int)? {
            var key = ""
            var best: (FactLexicon.Unit, Int)?
            var j = i
            while j < tokens.count, j - i < lexicon.maxUnitWords {
                if j > i, !(joined(j - 1, j) && (tokens[j].lower == "/" || tokens[j - 1].lower == "/")) && tokens[j].kind != .word { break }
                key += (j > i ? " " : "") + tokens[j].lower
                if let u = lexicon.units[key] { best = (u, j + 1) }
                j += 1
            }
            return best
        }

        /// `10 a.m.`, `6pm`, `14:30`, `9:15 p.m.` at the number token i: hours since midnight and the last token.
        func timeOfDay(at i: Int) -> (hours: Double, last: Int)? {
            guard let h = tokens[i].number, h == h.rounded(), !tokens[i].lower.contains(",") else { return nil }
            var hours = h
            var last = i
            var clock = false
            if lower(i + 1) == ":", joined(i, i + 1), joined(i + 1, i + 2), i + 2 < tokens.count, tokens[i + 2].kind == .number,
               tokens[i + 2].lower.utf8.count == 2, let m = tokens[i + 2].number, m < 60, h < 24 {
                hours += m / 60; last = i + 2; clock = true
            }
            // am, pm, a.m., p.m.
            var meridiem: String?
            if let w = lower(last + 1), w == "am" || w == "pm" { meridiem = w; last += 1 }
            else if let w = lower(last + 1), w == "a" || w == "p", lower(last + 2) == ".", lower(last + 3) == "m", joined(last + 1, last + 2) {
                meridiem = w + "m"; last += 3
                if lower(last + 1) == ".", joined(last, last + 1) { last += 1 }
            }
            if let meridiem {
                guard h >= 1, h <= 12 else { return nil }
                if h == 12 { hours -= 12 }
                if meridiem == "pm" { hours += 12 }
                clock = true
            }
            return clock ? ((hours * 100).rounded() / 100, last) : nil
        }

        mutating func quantity(at i: Int) -> Int? {
            let t = tokens[i]
            // $5 million, € 20, US$ 3
            var currency: FactLexicon.Unit?
            let start = i
            var at = i
            if t.kind == .symbol, t.lower != "%", let u = lexicon.units[t.lower] {
                currency = u; at = i + 1
            } else if t.lower == "us", lower(i + 1) == "$" {
                currency = lexicon.units["us $"]; at = i + 2
            }
            if currency != nil, i + 1 < tokens.count, tokens[at].kind != .number { return nil }
            // Covid-19, Su-57: a number glued to a word by a hyphen is a name.
            if t.kind == .number, isHyphen(i - 1), joined(i - 2, i - 1), joined(i - 1, i), isWord(i - 2) { return i + 1 }
            guard let n = number(at: at) else { return currency == nil ? nil : at + 1 }
            let qualifier = qualifier(before: start)
            if let currency {
                let last = n.next - 1
                add(.quantity, start, last, value: n.value, unit: currency.unit, dimension: .money,
                    normalized: n.value.map { $0 * currency.factor }, base: currency.base, qualifier: qualifier)
                return n.next
            }
            if n.kind == .ordinal {
                // the second, Kim's second (visit), second meeting
                let determined = i > 0 && (["the", "his", "her", "its", "their", "our", "my", "your"].contains(tokens[i - 1].lower)
                                           || tokens[i - 1].lower.hasSuffix("'s") || tokens[i - 1].lower.hasSuffix("’s"))
                let beforeNoun = isWord(n.next) && lexicon.units[tokens[n.next].lower] == nil && !lexicon.stopWords.contains(tokens[n.next].lower)
                guard determined || beforeNoun else { return nil }
                add(.quantity, i, i, value: n.value, unit: "ordinal", dimension: .ordinal, normalized: n.value, base: "ordinal")
                return n.next
            }
            if n.kind == .times {
                add(.quantity, i, i, value: n.value, unit: "count", dimension: .count, normalized: n.value, base: "count", qualifier: qualifier)
                return n.next
            }
            // A time of day: 10 a.m., 6pm, 14:30.
            if t.kind == .number, n.next == i + 1, let clock = timeOfDay(at: i) {
                add(.quantity, i, clock.last, value: clock.hours, unit: "time", dimension: .time, normalized: clock.hours,
                    base: "h", qualifier: qualifier)
                return clock.last + 1
            }
            // The unit: directly, after a hyphen (60-hour), or a currency word (5 billion dollars).
            var u: (FactLexicon.Unit, Int)?
            if isHyphen(n.next), joined(n.next - 1, n.next), joined(n.next, n.next + 1) { u = unit(at: n.next + 1) }
            if u == nil { u = unit(at: n.next) }
            if let (unit, after) = u, !(unit.dimension == .length && unit.unit == "m" && n.value == nil) {
                var dimension = unit.dimension
                var last = after - 1
                // 18-month-old, 39 years old
                if unit.dimension == .duration {
                    if isHyphen(after), lower(after + 1) == "old" { dimension = .age; last = after + 1 }
                    else if lower(after) == "old" { dimension = .age; last = after }
                }
                let normalized = n.value.map { ($0 * unit.factor * 10).rounded() / 10 }
                add(.quantity, start, last, value: n.value, unit: unit.unit, dimension: dimension, normalized: normalized,
                    base: unit.base, qualifier: qualifier)
                // four years ago
                if lower(last + 1) == "ago", let v = n.value, dimension == .duration {
                    var m = DateMention()
                    m.ago = (v, unit.unit)
                    add(.date, start, last + 1, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: m)
                    return last + 2
                }
                return last + 1
            }
            guard let value = n.value else {
                // A vague magnitude: thousands of artillery shells.
                add(.quantity, i, n.next - 1, value: nil, unit: "count", dimension: .count, normalized: nil, base: "count", qualifier: qualifier)
                return n.next
            }
            if n.unitOnly { return n.next }
            if t.kind == .number, n.next == i + 1, let y = year(i) {
                add(.date, i, i, value: nil, unit: "date", dimension: .date, normalized: nil, base: "date", mention: DateMention(year: y))
                return i + 1
            }
            // Putin (70); Kim Jong-un, 39,; aged 39
            if t.kind == .number, value == value.rounded(), value > 0, value < 125, n.next == i + 1 {
                let parenthesised = lower(i - 1) == "(" && lower(i + 1) == ")"
                let commas = lower(i - 1) == "," && (lower(i + 1) == "," || lower(i + 1) == ")") && capitalizedName(endingAt: i - 2)
                if parenthesised || commas || lower(i - 1) == "aged" {
                    add(.quantity, i, i, value: value, unit: "year", dimension: .age, normalized: value, base: "year")
                    return i + 1
                }
            }
            // A count: what follows is what is counted.
            add(.quantity, i, n.next - 1, value: value, unit: "count", dimension: .count, normalized: value, base: "count", qualifier: qualifier)
            return n.next
        }
    }
}
