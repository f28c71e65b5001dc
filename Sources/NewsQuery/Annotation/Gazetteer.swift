import Foundation

/// The class of a reporting cue (`Quotation.cueClass`): `speech` (said, wrote, a colon), `belief` (believes,
/// fears, wants), `data` (a poll shows, the study found), `according` (according to).
public typealias CueClass = Gazetteer.VerbClass

/// Word lists the annotator relies on, loaded from the data files in `Resources/gazetteers`
/// (formats described in that folder's README.md). Immutable once loaded.
public struct Gazetteer: Sendable {
    public enum VerbClass: String, Sendable, CaseIterable, Codable { case speech, belief, data, according }

    public struct ReportingVerb: Sendable, Hashable {
        public var lemma: String
        public var verbClass: VerbClass
        /// "base", "present3", "past", "gerund", "participle".
        public var form: String
        /// Takes an addressee object before its clause ("told reporters that ...").
        public var takesObject: Bool
        /// Introduces only quotations, never an indirect clause ("…," he continued).
        public var quoteOnly = false
    }

    public struct Place: Sendable, Hashable {
        public var code: String
        /// Canonical name ("United States"); for a government body, the body's canonical name.
        public var name: String
        public var isBody: Bool
        public var isDemonym: Bool
    }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "gazetteer \(file):\(line): \(message)" }
    }

    /// Reporting verbs keyed by their lower-case form; multiword forms ("according to") joined by one space.
    public var reportingVerbs: [String: ReportingVerb] = [:]
    /// First words of multiword reporting cues ("according", "pointed").
    public var multiwordCueStarts: Set<String> = []
    /// Every single-word cue form and first word of a multiword cue (a fast pre-check).
    public var cueWords: Set<String> = []
    /// (first byte, last byte) of every word in `cueWords`, as a bitmap: a cheap filter before the set lookup.
    public var cueShapes = [Bool](repeating: false, count: 1 << 14)

    /// 16,384 bits over an FNV-1a hash of each word in `cueWords`: the second filter, cheaper than
    /// hashing the string for the set.
    public var cueBloom = [UInt64](repeating: 0, count: 256)

    /// Whether a lower-case word can be in `cueWords` (no false negatives): its first and last byte,
    /// then its hash, are checked against the cue words'.
    @inline(__always) public func mayBeCueWord(_ lower: String) -> Bool {
        // The bytes in one buffer (a small string is copied to the stack): far cheaper than walking
        // the UTF-8 view's indices.
        lower.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let f = bytes.first, let l = bytes.last, cueShapes[Int(f & 0x7F) << 7 | Int(l & 0x7F)] else { return false }
            let bit = Gazetteer.bloomBit(bytes)
            return cueBloom[bit >> 6] & (1 << UInt64(bit & 63)) != 0
        } ?? true
    }

    @inline(__always) static func bloomBit<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        Int(truncatingIfNeeded: FNV.hash(bytes: bytes) >> 17) & 16383
    }

    /// First words of multiword titles and places (a fast pre-check for phrase matching).
    public var phraseStarts: Set<String> = []
    /// Titles and roles (lower case, without trailing periods), single and multiword.
    public var titles: Set<String> = []
    /// Country names, demonyms, abbreviations and government bodies, keyed by their exact spelling
    /// (words joined by one space). Names are also keyed in lower case in `placesLower`.
    public var places: [String: Place] = [:]
    public var placesLower: [String: Place] = [:]
    /// Pronoun → (gender, resolution mode).
    public var pronouns: [String: (gender: String, mode: String)] = [:]
    /// Function word → class (det, aux, adv, prep, conj, sub, pron, time).
    public var functionWords: [String: String] = [:]
    /// Words that mark a capitalised run as a place, organisation or event rather than a person (lower case).
    public var nonPersonWords: Set<String> = []
    /// Lower-case nouns naming a group of people or an institution that can speak as one
    /// ("analysts", "experts", "media", "agencies"): antecedents of "they", heads of unnamed group speakers.
    public var speakerGroupNouns: Set<String> = []
    /// Lower-case nouns ending in -ly ("family", "assembly"): not adverbs before a verb ("the family said").
    public var lyNouns: Set<String> = []
    /// The longest multiword entry (in words) of any list.
    public var maxPhraseWords = 1

    public init() {}

    /// Loads every list from `directory`; throws `ParseError` naming the file and line of a malformed row.
    public init(directory: URL) throws {
        func rows(_ name: String, minColumns: Int) throws -> [(Int, [String])] {
            try DataFile.rows(name, in: directory, minColumns: minColumns)
        }
        for (n, c) in try rows("reporting-verbs.tsv", minColumns: 5) {
            guard let cls = VerbClass(rawValue: c[2]) else {
                throw ParseError(file: "reporting-verbs.tsv", line: n, message: "unknown class '\(c[2])' (speech, belief, data, according)")
            }
            guard ["base", "present3", "past", "gerund", "participle"].contains(c[3]) else {
                throw ParseError(file: "reporting-verbs.tsv", line: n, message: "unknown form tag '\(c[3])'")
            }
            let key = c[0].lowercased()
            let flags = Set(c[4].split(separator: ",").map(String.init))
            reportingVerbs[key] = ReportingVerb(lemma: c[1], verbClass: cls, form: c[3], takesObject: flags.contains("obj"), quoteOnly: flags.contains("quote"))
            let words = key.split(separator: " ")
            if words.count > 1 { multiwordCueStarts.insert(String(words[0])) }
            cueWords.insert(String(words[0]))
            if let f = words[0].utf8.first, let l = words[0].utf8.last { cueShapes[Int(f & 0x7F) << 7 | Int(l & 0x7F)] = true }
            let bit = Gazetteer.bloomBit(String(words[0]).utf8)
            cueBloom[bit >> 6] |= 1 << UInt64(bit & 63)
            maxPhraseWords = max(maxPhraseWords, words.count)
        }
        for (_, c) in try rows("titles.txt", minColumns: 1) {
            let t = c[0].lowercased()
            titles.insert(t)
            let words = t.split(separator: " ")
            if words.count > 1 { phraseStarts.insert(String(words[0])) }
            maxPhraseWords = max(maxPhraseWords, words.count)
        }
        func addPlace(_ spelling: String, _ place: Place) {
            let key = spelling.split(separator: " ").joined(separator: " ")
            guard !key.isEmpty else { return }
            if places[key] == nil { places[key] = place }
            let words = key.split(separator: " ")
            if words.count > 1 { phraseStarts.insert(String(words[0]).lowercased()) }
            maxPhraseWords = max(maxPhraseWords, words.count)
        }
        for (n, c) in try rows("countries.tsv", minColumns: 2) {
            guard c[0].count == 2, c[0].uppercased() == c[0] else {
                throw ParseError(file: "countries.tsv", line: n, message: "first column must be an ISO alpha-2 code, found '\(c[0])'")
            }
            let code = c[0], name = c[1]
            func list(_ i: Int) -> [String] { i < c.count ? c[i].split(separator: "|").map { String($0) } : [] }
            let place = Place(code: code, name: name, isBody: false, isDemonym: false)
            for s in [name] + list(2) {
                addPlace(s, place)
                placesLower[s.lowercased()] = placesLower[s.lowercased()] ?? place
            }
            for s in list(3) { addPlace(s, Place(code: code, name: name, isBody: false, isDemonym: true)) }
            for s in list(4) { addPlace(s, place) }
        }
        for (n, c) in try rows("bodies.tsv", minColumns: 3) {
            guard c[2].count == 2 else {
                throw ParseError(file: "bodies.tsv", line: n, message: "third column must be an ISO alpha-2 code, found '\(c[2])'")
            }
            let place = Place(code: c[2], name: c[1], isBody: true, isDemonym: false)
            addPlace(c[0], place)
        }
        for (n, c) in try rows("pronouns.tsv", minColumns: 3) {
            guard ["m", "f", "n", "p", "-"].contains(c[1]) else {
                throw ParseError(file: "pronouns.tsv", line: n, message: "gender must be m, f, n, p or -")
            }
            pronouns[c[0].lowercased()] = (c[1], c[2])
        }
        for (_, c) in try rows("non-person-words.txt", minColumns: 1) {
            nonPersonWords.insert(c[0].lowercased())
        }
        // optional list (a gazetteer folder without it has no group nouns)
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("speaker-groups.txt").path) {
            for (_, c) in try rows("speaker-groups.txt", minColumns: 1) { speakerGroupNouns.insert(c[0].lowercased()) }
        }
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("ly-nouns.txt").path) {
            for (_, c) in try rows("ly-nouns.txt", minColumns: 1) { lyNouns.insert(c[0].lowercased()) }
        }
        for (_, c) in try rows("function-words.tsv", minColumns: 2) {
            functionWords[c[0].lowercased()] = c[1]
        }
    }
}
