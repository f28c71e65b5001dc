import Foundation

/// The word lists the entity recognizer relies on, beyond the annotator's `Gazetteer`: the `entity-*`
/// data files of `Resources/gazetteers` (formats in each file's header comment).
public struct EntityLexicon: Sendable {
    public struct Place: Sendable, Hashable {
        public var name: String
        /// city, region, water, country (a former country: Soviet Union).
        public var kind: String
        public var code: String?
    }

    /// Honorific (lower case, no period) → gender ("m", "f", "-").
    public var honorifics: [String: String] = [:]
    /// Role nouns in addition to the gazetteer's titles (lower case).
    public var roles: Set<String> = []
    /// Capitalised cue word (lower case) → entity type.
    public var cueWords: [String: EntityType] = [:]
    /// Lower-case head noun phrase → type ("cosmodrome" → facility); first words in `headNounStarts`.
    public var headNouns: [String: EntityType] = [:]
    public var headNounStarts: Set<String> = []
    /// Family-name-first surnames (lower case) → convention ("ko", "zh").
    public var familyFirst: [String: String] = [:]
    /// Places that are not countries, keyed by every spelling (words joined by one space).
    public var places: [String: Place] = [:]
    /// Multiword places by their lower-case spelling ("far east"), for a region written in lower case.
    public var placesLower: [String: Place] = [:]
    /// First words of multiword places.
    public var placeStarts: Set<String> = []
    public var maxPlaceWords = 1
    /// Words that are never names (lower case).
    public var stopWords: Set<String> = []
    /// Group and affiliation words ("republican", "muslims"): modifiers, never an entity alone.
    public var groupWords: Set<String> = []
    /// Common given names (lower case).
    public var givenNames: Set<String> = []

    public init() {}

    /// Loads the `entity-*` files from `directory`; throws `Gazetteer.ParseError` naming a malformed row.
    public init(directory: URL) throws {
        func rows(_ name: String, minColumns: Int) throws -> [(Int, [String])] {
            try DataFile.rows(name, in: directory, minColumns: minColumns)
        }
        for (n, c) in try rows("entity-honorifics.tsv", minColumns: 2) {
            guard ["m", "f", "-"].contains(c[1]) else {
                throw Gazetteer.ParseError(file: "entity-honorifics.tsv", line: n, message: "gender must be m, f or -")
            }
            honorifics[c[0].lowercased()] = c[1]
        }
        for (_, c) in try rows("entity-roles.txt", minColumns: 1) { roles.insert(c[0].lowercased()) }
        for (n, c) in try rows("entity-cue-words.tsv", minColumns: 2) {
            guard let t = EntityType(rawValue: c[1]) else {
                throw Gazetteer.ParseError(file: "entity-cue-words.tsv", line: n, message: "unknown type '\(c[1])'")
            }
            cueWords[c[0].lowercased()] = t
        }
        for (n, c) in try rows("entity-head-nouns.tsv", minColumns: 2) {
            guard let t = EntityType(rawValue: c[1]) else {
                throw Gazetteer.ParseError(file: "entity-head-nouns.tsv", line: n, message: "unknown type '\(c[1])'")
            }
            let key = c[0].lowercased().split(separator: " ").joined(separator: " ")
            headNouns[key] = t
            headNounStarts.insert(String(key.split(separator: " ")[0]))
        }
        for (n, c) in try rows("entity-family-first.tsv", minColumns: 2) {
            guard ["ko", "zh"].contains(c[1]) else {
                throw Gazetteer.ParseError(file: "entity-family-first.tsv", line: n, message: "convention must be ko or zh")
            }
            familyFirst[c[0].lowercased()] = c[1]
        }
        for (n, c) in try rows("entity-places.tsv", minColumns: 4) {
            guard ["city", "region", "water", "country"].contains(c[2]) else {
                throw Gazetteer.ParseError(file: "entity-places.tsv", line: n, message: "kind must be city, region, water or country")
            }
            guard c[3] == "-" || (c[3].count == 2 && c[3].uppercased() == c[3]) else {
                throw Gazetteer.ParseError(file: "entity-places.tsv", line: n, message: "fourth column must be an ISO alpha-2 code or -")
            }
            let place = Place(name: c[0], kind: c[2], code: c[3] == "-" ? nil : c[3])
            let spellings = [c[0]] + c[1].split(separator: "|").map(String.init)
            for s in spellings {
                let words = s.split(separator: " ")
                guard !words.isEmpty else { continue }
                places[words.joined(separator: " ")] = place
                if words.count > 1 {
                    placeStarts.insert(String(words[0]))
                    placesLower[words.joined(separator: " ").lowercased()] = place
                }
                maxPlaceWords = max(maxPlaceWords, words.count)
            }
        }
        for (_, c) in try rows("entity-stop-words.txt", minColumns: 1) { stopWords.insert(c[0].lowercased()) }
        for (_, c) in try rows("entity-group-words.txt", minColumns: 1) { groupWords.insert(c[0].lowercased()) }
        for (_, c) in try rows("entity-given-names.txt", minColumns: 1) { givenNames.insert(c[0].lowercased()) }
    }

    /// The lists shipped with the package (loaded once).
    /// The folder of data files shipped with the package.
    public static var bundledDirectory: URL? { Bundle.module.url(forResource: "gazetteers", withExtension: nil) }

    public static let bundled: EntityLexicon = {
        guard let url = bundledDirectory else {
            fatalError("NewsQuery: the gazetteers resource folder is missing from the bundle")
        }
        do { return try EntityLexicon(directory: url) } catch { fatalError("NewsQuery: \(error)") }
    }()
}
