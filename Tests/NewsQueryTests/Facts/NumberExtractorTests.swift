import Foundation
import Testing
@testable import NewsQuery

/// The extraction rules, one sentence at a time (no seed text).
@Suite("Facts: number extractor")
struct NumberExtractorTests {
    static func facts(_ text: String, date: String? = nil) -> [Fact] {
        let article = Article(document: Document(id: "t", text: "Title\n" + text, bodyStart: 6,
                                                 metadata: ArticleMetadata(date: date)),
                              annotations: ArticleAnnotations())
        return FactTable(articles: [article]).entries.map(\.fact)
    }

    static func summary(_ text: String, date: String? = nil) -> [String] {
        let scalars = Array(("Title\n" + text).unicodeScalars)
        return facts(text, date: date).map { f in
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[f.span.start..<f.span.end])
            let value = f.kind == .date ? (f.date ?? "?") : (f.normalized.map { FactRows.number($0).plainText } ?? "?") + " " + f.normalizedUnit
            return "\(String(v)) = \(value) (\(f.dimension.rawValue))"
        }
    }

    @Test func unitsAreNormalised() {
        #expect(Self.summary("The 683 miles to the city take 20 hours at about 60 km/h.")
                == ["683 miles = 1099.2 km (length)", "20 hours = 20 h (duration)", "60 km/h = 60 km/h (speed)"])
        #expect(Self.summary("It drove at 50 mph for 90 minutes over 3 kilometres.")
                == ["50 mph = 80.5 km/h (speed)", "90 minutes = 1.5 h (duration)", "3 kilometres = 3 km (length)"])
        #expect(Self.summary("A 60-hour trip and a 30-day trial.") == ["60-hour = 60 h (duration)", "30-day = 30 day (duration)"])
    }

    @Test func numbersInWordsAndThousands() {
        #expect(Self.summary("They spent 1,200 dollars and $5 million, then 2 billion euros.")
                == ["1,200 dollars = 1200 USD (money)", "$5 million = 5000000 USD (money)", "2 billion euros = 2000000000 EUR (money)"])
        #expect(Self.summary("Two new designs, a dozen rockets and twenty-five tanks.")
                == ["Two = 2 count (count)", "a dozen = 12 count (count)", "twenty-five = 25 count (count)"])
        #expect(Self.summary("It has tens of millions of shells.") == ["tens of millions = ? count (count)"])
        #expect(Self.summary("She had been there only once.") == ["once = 1 count (count)"])
        #expect(Self.summary("Inflation rose 7.5 percent, or 3%.") == ["7.5 percent = 7.5 % (percentage)", "3% = 3 % (percentage)"])
    }

    @Test func onlyNumbersOfThingsAreCounts() {
        // "one of them" is not a count; a number glued to a name is part of the name.
        #expect(Self.summary("One of them caught Covid-19.") == [])
        #expect(Self.summary("It took one hour.") == ["one hour = 1 h (duration)"])
    }

    @Test func timesOfDay() {
        #expect(Self.summary("They met at 10 a.m. and again at 6pm, then at 14:30.")
                == ["10 a.m. = 10 h (time)", "6pm = 18 h (time)", "14:30 = 14.5 h (time)"])
    }

    @Test func ages() {
        #expect(Self.summary("Vladimir Putin (70) met Kim Jong-un, 39, in the east.") == ["70 = 70 year (age)", "39 = 39 year (age)"])
        #expect(Self.summary("The 18-month-old war and a man 40 years old.")
                == ["18-month-old = 18 month (age)", "40 years old = 40 year (age)"])
    }

    @Test func measureIsTheDimensionAndTheClauseWords() {
        let f = Self.facts("According to a paper, the convoy takes 20 hours to travel the 1,200 kilometers between Pyongyang and Vladivostok.")
        #expect(f.map(\.dimension) == [.duration, .length])
        #expect(f[1].measure.hasPrefix("distance "))
        #expect(f[1].measureWords.contains("pyongyang") && f[1].measureWords.contains("vladivostok"))
        #expect(!f[1].measureWords.contains("the"))
    }

    @Test func absoluteDates() {
        #expect(Self.summary("Talks were held on September 10, 2023 and in April 2019, then in the spring of 2020.")
                == ["September 10, 2023 = 2023-09-10 (date)", "April 2019 = 2019-04 (date)", "spring of 2020 = 2020 (date)"])
        #expect(Self.summary("The forum runs on 10 September 2023.") == ["10 September 2023 = 2023-09-10 (date)"])
    }

    @Test func aMonthAloneNeedsALeadWord() {
        // "May" the verb is not a date; "in July" is.
        #expect(Self.summary("He May come. It happened in July.", date: "2023-09-13") == ["July = 2023-07 (date)"])
    }

    @Test func relativeDatesResolveAgainstTheArticleDate() {
        let s = Self.summary("On Tuesday morning he left; yesterday he spoke; this week he flies; four years ago he came.", date: "2023-09-13")
        #expect(s == ["Tuesday morning = 2023-09-12 (date)", "yesterday = 2023-09-12 (date)",
                      "this week = 2023-09-11/2023-09-17 (date)", "four years = 4 year (duration)", "four years ago = 2019 (date)"])
    }

    @Test func withoutADateRelativeDatesStayUnresolved() {
        let f = Self.facts("He left on Sunday afternoon.")
        #expect(f.count == 1 && f[0].date == nil)
        #expect(f[0].evidence?.contains("no date") == true)
    }

    @Test func aWeekdayWithADayFixesTheYearAndAnchorsTheRest() {
        // 10 September is a Sunday in 2023, the first such year from 2020.
        let f = Self.facts("It ended in 2020. He left on Sunday September 10 and arrived on Tuesday.")
        #expect(f.compactMap(\.date) == ["2020", "2023-09-10", "2023-09-12"])
        #expect(f[2].evidence?.contains("Tuesday nearest to 2023-09-10") == true)
    }

    @Test func aNumberBeyondIntBeforeAMonthIsNoDay() {
        // Found by fuzz-annotator: the day check converted the number to Int first, which traps.
        let f = Self.facts("They counted 99999999999999999999 September visitors.", date: "2023-09-13")
        #expect(!f.isEmpty)
        #expect(!f.contains { $0.kind == .date && $0.date?.hasPrefix("2023-09-") == true })
    }

    @Test func agoBeyondAMillionUnitsStaysUnresolved() {
        // Found by fuzz-annotator: `N years ago` converted N to Int, which traps beyond Int's range.
        let f = Self.facts("The rocks formed 99999999999999999999 years ago.", date: "2023-09-13")
        let ago = f.filter { $0.kind == .date }
        #expect(ago.count == 1 && ago[0].date == nil)
        #expect(ago[0].evidence?.contains("too many to count back") == true)
        #expect(Self.summary("It began 1000 days ago.", date: "2023-09-13").contains("1000 days ago = 2020-12-17 (date)"))
    }

    @Test func datesAreLeftAloneInsideOtherNumbers() {
        #expect(Self.summary("The 2,019 delegates met.") == ["2,019 = 2019 count (count)"])
    }

    @Test func aLongTextIsExtractedWhole() {
        // Speed is measured by `newsq-bench` (BENCHMARKS.md), not here; this checks that a ~1 MB text
        // yields every fact of every copy of the paragraph.
        let paragraph = "North Korean leader Kim Jong-un left Pyongyang on Sunday September 10 by armoured train, covering 683 miles in about 20 hours at 60 km/h, officials said on Tuesday. "
        let text = String(repeating: paragraph, count: 6000)
        let article = Article(document: Document(id: "big", text: text), annotations: ArticleAnnotations())
        #expect(NumberExtractor().extract(article).count == 5 * 6000)
    }
}

@Suite("Facts: date resolver")
struct DateResolverTests {
    @Test func calendarArithmetic() {
        #expect(DateResolver.weekday(2023, 9, 10) == 7)
        #expect(DateResolver.weekday(1970, 1, 1) == 4)
        #expect(DateResolver.civil(DateResolver.days(2024, 2, 29) + 1) == (2024, 3, 1))
    }

    @Test func monthsTakeTheAnchorYear() {
        let anchor = DateResolver.Anchor(year: 2023, month: 9, day: 13, evidence: "article date 2023-09-13", isPublication: true)
        #expect(DateResolver.resolve(DateMention(month: 7), anchor: anchor).date == "2023-07")
        var range = DateMention(month: 9, day: 10); range.dayEnd = 13
        #expect(DateResolver.resolve(range, anchor: anchor).date == "2023-09-10/2023-09-13")
        #expect(DateResolver.resolve(DateMention(month: 7), anchor: nil).date == nil)
        #expect(DateResolver.resolve(DateMention(month: 7), anchor: nil, yearOnly: (2023, "corpus")).date == "2023-07")
    }
}

@Suite("Facts: comparison")
struct FactComparisonTests {
    static func store(_ texts: [String]) -> ArticleStore {
        ArticleStore(documents: texts.enumerated().map { Document(id: "a\($0.offset)", text: "Title\n" + $0.element, bodyStart: 6) })
    }

    @Test func sameKindAfterConversionIsNotADisagreement() {
        let s = Self.store(["The city is only 130 kilometers from the border with the north.",
                            "The city is just 80 miles from the border with the north.",
                            "The city is just 100 miles from the border with the north."])
        let c = FactComparison(table: s.facts)
        let found = c.disagreements(Array(s.facts.entries.indices)).map { [s.facts.entries[$0.first].article, s.facts.entries[$0.second].article] }
        #expect(found == [[0, 2], [1, 2]])
    }

    @Test func unrelatedDistancesAreNotCompared() {
        let s = Self.store(["The cosmodrome lies 1,000 km from the port.", "The capital is 6,500 kilometers from Moscow by rail."])
        #expect(FactComparison(table: s.facts).disagreements(Array(s.facts.entries.indices)).isEmpty)
    }

    @Test func agreeingCoReportedFactsMakeTheSameKind() {
        // Few words in common, but both give the trip the same 20 hours.
        let s = Self.store(["The train takes 20 hours to travel the 1,200 kilometers between the capitals.",
                            "The 683 miles to the port should be covered in about 20 hours."])
        let c = FactComparison(table: s.facts)
        let found = c.disagreements(Array(s.facts.entries.indices))
        #expect(found.count == 1)
        #expect(found.first.map { s.facts.entries[$0.first].fact.dimension } == .length)
    }

    @Test func datesAgreeAtTheirCommonPrecision() {
        #expect(FactComparison.datesAgree("2019", "2019-04"))
        #expect(FactComparison.datesAgree("2023-09-13", "2023-09-10/2023-09-13"))
        #expect(!FactComparison.datesAgree("2023-09-12", "2023-09-13"))
    }

    @Test func lexiconLoadsFromADirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("facts-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "leagues\tleague\tlength\t4.828\tkm\n".write(to: dir.appendingPathComponent("facts-units.tsv"), atomically: true, encoding: .utf8)
        try "two\t2\tcardinal\n".write(to: dir.appendingPathComponent("facts-number-words.tsv"), atomically: true, encoding: .utf8)
        try "july\tmonth\t7\n".write(to: dir.appendingPathComponent("facts-calendar.tsv"), atomically: true, encoding: .utf8)
        try "the\n".write(to: dir.appendingPathComponent("facts-stop-words.txt"), atomically: true, encoding: .utf8)
        let lexicon = try FactLexicon(directory: dir)
        let article = Article(document: Document(id: "x", text: "two leagues"), annotations: ArticleAnnotations())
        #expect(NumberExtractor(lexicon: lexicon).extract(article).first?.normalized == 9.7)
        try "leagues\tleague\tweight\t1\tkm\n".write(to: dir.appendingPathComponent("facts-units.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: Gazetteer.ParseError.self) { try FactLexicon(directory: dir) }
    }
}
