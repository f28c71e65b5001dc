import Foundation

/// The data `NumberExtractor` relies on, loaded from the `facts-*` files of `Resources/gazetteers`:
/// units (`facts-units.tsv`), numbers in words (`facts-number-words.tsv`), month, weekday and other
/// calendar words (`facts-calendar.tsv`) and words left out of a measure (`facts-stop-words.txt`).
public struct FactLexicon: Sendable {
    public struct Unit: Hashable, Sendable {
        public var unit: String
        public var dimension: Dimension
        public var factor: Double
        public var base: String
    }

    public struct NumberWord: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case cardinal, scale, group, ordinal, times, vague }
        public var value: Double
        public var kind: Kind
        /// A number only when a unit follows ("one hour").
        public var unitOnly: Bool
    }

    public struct CalendarWord: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case month, weekday, part, season, edge, relative, deictic }
        public var kind: Kind
        public var value: Int
    }

    /// Units keyed by their spelling's words, lower case, joined by one space ("km / h", "miles per hour").
    public var units: [String: Unit] = [:]
    /// The longest unit spelling, in words.
    public var maxUnitWords = 1
    public var numberWords: [String: NumberWord] = [:]
    public var calendar: [String: CalendarWord] = [:]
    public var stopWords: Set<String> = []
    /// Words that can begin a fact: calendar and number words, the first word of a unit, `a`, `an`, `us`
    /// (`a dozen`, `US$`). Any other word is skipped with one look-up.
    public var startWords: Set<String> = ["a", "an", "us"]

    public init() {}

    /// Loads the `facts-*` files from `directory`; throws `Gazetteer.ParseError` naming a malformed row.
    public init(directory: URL) throws {
        func rows(_ name: String, minColumns: Int) throws -> [(Int, [String])] {
            try DataFile.rows(name, in: directory, minColumns: minColumns)
        }
        for (n, c) in try rows("facts-units.tsv", minColumns: 5) {
            guard let dimension = Dimension(rawValue: c[2]), let factor = Double(c[3]) else {
                throw Gazetteer.ParseError(file: "facts-units.tsv", line: n, message: "unknown dimension '\(c[2])' or factor '\(c[3])'")
            }
            let words = FactTokenizer.tokens(Array(c[0].lowercased().unicodeScalars), from: 0).map(\.lower)
            units[words.joined(separator: " ")] = Unit(unit: c[1], dimension: dimension, factor: factor, base: c[4])
            maxUnitWords = max(maxUnitWords, words.count)
        }
        for (n, c) in try rows("facts-number-words.tsv", minColumns: 3) {
            guard let value = Double(c[1]), let kind = NumberWord.Kind(rawValue: c[2]) else {
                throw Gazetteer.ParseError(file: "facts-number-words.tsv", line: n, message: "bad value '\(c[1])' or kind '\(c[2])'")
            }
            numberWords[c[0].lowercased()] = NumberWord(value: value, kind: kind, unitOnly: c.count > 3 && c[3] == "unit-only")
        }
        for (n, c) in try rows("facts-calendar.tsv", minColumns: 3) {
            guard let kind = CalendarWord.Kind(rawValue: c[1]), let value = Int(c[2]) else {
                throw Gazetteer.ParseError(file: "facts-calendar.tsv", line: n, message: "bad kind '\(c[1])' or value '\(c[2])'")
            }
            calendar[c[0].lowercased()] = CalendarWord(kind: kind, value: value)
        }
        for (_, c) in try rows("facts-stop-words.txt", minColumns: 1) { stopWords.insert(c[0].lowercased()) }
        startWords.formUnion(numberWords.keys)
        startWords.formUnion(calendar.keys)
        startWords.formUnion(units.keys.compactMap { $0.split(separator: " ").first.map(String.init) })
    }

    /// The lists shipped with the package (loaded once).
    public static let bundled: FactLexicon = {
        guard let url = Bundle.module.url(forResource: "gazetteers", withExtension: nil) else {
            fatalError("NewsQuery: the gazetteers resource folder is missing from the bundle")
        }
        do { return try FactLexicon(directory: url) } catch { fatalError("NewsQuery: \(error)") }
    }()
}
