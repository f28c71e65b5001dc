import Foundation
import Testing
@testable import NewsQuery

/// Entities of the bundled seed corpus against the hand-made gold (`../shared/seeds/gold.json`).
@Suite("Entities: seed corpus")
struct EntitySeedCorpusTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpusCandidates = ["examples/corpus", "Sources/NewsQueryShell/Resources/corpus"]
    static let gold = repoRoot.appendingPathComponent("../shared/seeds/gold.json").standardizedFileURL

    struct Gold: Decodable {
        struct GoldEntity: Decodable {
            var canonical: String
            var type: String
            var country: String?
            var aliases_seen: [String]
            var articles: [String]
        }
        struct Quote: Decodable { var article: String; var speaker: String? }
        var entities: [GoldEntity]
        var quotes: [Quote]
    }

    static func load() throws -> (EntityTable, [Article], Gold)? {
        guard FileManager.default.fileExists(atPath: gold.path) else {
            print("SKIPPED: \(gold.path) not found (the shared seeds gold is not next to the repository)")
            return nil
        }
        guard let dir = corpusCandidates.map({ repoRoot.appendingPathComponent($0) })
            .first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            print("SKIPPED: no seed corpus under \(repoRoot.path) (\(corpusCandidates.joined(separator: ", ")))")
            return nil
        }
        let g = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: gold))
        let annotator = Annotator()
        var articles: [Article] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            let doc = Document(id: String(name.dropLast(4)), text: text)
            articles.append(Article(document: doc, annotations: annotator.annotate(doc)))
        }
        return (EntityTable.build(articles: articles), articles, g)
    }

    @Test func goldPeopleAndOrganisationsComeOutAsOneEntityEach() throws {
        guard let (table, _, gold) = try Self.load() else { return }
        let wanted = gold.entities.filter { $0.type == "person" || $0.type == "organization" }
        var exact: [String] = [], missed: [String] = []
        for ge in wanted {
            let holders = table.entities.filter { Set($0.aliases).isSuperset(of: ge.aliases_seen) }
            if holders.count == 1 { exact.append(ge.canonical) } else { missed.append("\(ge.canonical) \(ge.aliases_seen)") }
        }
        print("entities: \(exact.count)/\(wanted.count) gold people and organisations come out as exactly one entity with all gold aliases")
        let typed = wanted.filter { ge in table.entities.contains { Set($0.aliases).isSuperset(of: ge.aliases_seen) && $0.type.rawValue == ge.type } }
        print("entities: \(typed.count)/\(wanted.count) of them with the gold's type")
        #expect(typed.count >= 47)
        let withCountry = wanted.filter { $0.country != nil }
        let countryRight = withCountry.filter { ge in table.entities.contains { Set($0.aliases).isSuperset(of: ge.aliases_seen) && $0.country == ge.country } }
        print("entities: \(countryRight.count)/\(withCountry.count) gold people and organisations with a country get that country")
        #expect(countryRight.count >= 20)
        if !missed.isEmpty { print("entities: missed \(missed)") }
        #expect(exact.count >= 48, "\(exact.count)/\(wanted.count); missed: \(missed)")
        // places, countries, events, facilities (not asserted beyond a floor)
        let others = gold.entities.filter { $0.type != "person" && $0.type != "organization" }
        let othersExact = others.filter { ge in table.entities.filter { Set($0.aliases).isSuperset(of: ge.aliases_seen) }.count == 1 }
        print("entities: \(othersExact.count)/\(others.count) gold places, countries, events and facilities likewise")
        #expect(othersExact.count >= 20)
    }

    /// Gold entities whose country the text does not support (or only through knowledge the tool lacks).
    static let countryNotInText: [String: String] = [
        "Kim Jong-il": "only as the father of the current leader",
        "Cho Sun-hui": "a foreign minister travelling with Kim; no country word near her name",
        "Jo Chun Ryong": "director of a department the text does not place in a country",
        "Fyodor": "a resident; the text does not say of where",
        "Svetlana": "a resident; the text does not say of where",
        "Chemist and Druggist": "an outlet the text does not place",
        "Department of Munitions Industry": "no country word in or near the name",
        "Amazon Prime Video": "no country word in or near the name",
        "Khasan station": "'near the border between Russia and North Korea': two countries",
        "Hwasong": "a missile; the text gives no country for it",
    ]

    @Test func everyGoldEntityIsOneEntityWithAllItsAliasesTypeAndCountry() throws {
        guard let (table, _, gold) = try Self.load() else { return }
        var split: [String] = [], typeWrong: [String] = [], countryWrong: [String] = []
        for ge in gold.entities {
            let aliases = Set(ge.aliases_seen)
            // every entity holding any gold alias: must be exactly one, holding them all
            let holders = table.entities.filter { !aliases.isDisjoint(with: $0.aliases) }
            guard holders.count == 1, let e = holders.first, aliases.isSubset(of: Set(e.aliases)) else {
                split.append("\(ge.canonical): \(holders.map { "\($0.name) \($0.aliases)" })"); continue
            }
            if e.type.rawValue != ge.type { typeWrong.append("\(ge.canonical): \(e.type) (gold \(ge.type))") }
            if e.country != ge.country && Self.countryNotInText[ge.canonical] == nil {
                countryWrong.append("\(ge.canonical): \(e.country ?? "-") (gold \(ge.country ?? "-"))")
            }
        }
        print("entities: \(gold.entities.count - split.count)/\(gold.entities.count) gold entities come out as one entity with all gold aliases")
        #expect(gold.entities.count == 76)
        #expect(split.isEmpty, "\(split)")
        #expect(typeWrong.isEmpty, "\(typeWrong)")
        #expect(countryWrong.isEmpty, "\(countryWrong)")
        // the known misses stay documented: a miss that starts to match should leave the list
        let nowRight = gold.entities.filter { ge in Self.countryNotInText[ge.canonical] != nil && table.entities.contains { Set($0.aliases).isSuperset(of: ge.aliases_seen) && $0.country == ge.country } }
        #expect(nowRight.isEmpty, "\(nowRight.map(\.canonical)) now get their gold country: take them off countryNotInText")
        // countries from the rules of this corpus: a possessive country, a body, a located place, a city in the name
        func country(_ alias: String) -> String? { table.entities.first { $0.aliases.contains(alias) }?.country }
        #expect(country("Workers' Party") == "KP")
        #expect(country("Korean People’s Army") == "KP")
        #expect(country("Pak Jong Chon") == "KP")
        #expect(country("Russell Falcon") == "GB")
        #expect(country("Cambridge University") == "GB")
        #expect(country("Vostotchny cosmodrome") == "RU")
        #expect(country("Eastern Economic Forum") == "RU")
        // canonical names: the full form with its country, the gazetteer's name
        #expect(table.entities.first { $0.aliases.contains("far east") }?.name == "Russian Far East")
        #expect(table.entities.first { $0.aliases.contains("U.S. Air Force") }?.name == "U.S. Air Force")
    }

    @Test func mustHaves() throws {
        guard let (table, _, _) = try Self.load() else { return }
        func one(_ alias: String) -> Entity? {
            let found = table.entities.filter { $0.aliases.contains(alias) }
            #expect(found.count == 1, "\(alias): \(found.map(\.name))")
            return found.first
        }
        let peskov = one("Dmitri Peskov")
        #expect(peskov?.id == one("Dmitry Peskov")?.id)
        #expect(peskov?.name == "Dmitry Peskov" && peskov?.country == "RU" && peskov?.type == .person)
        #expect(peskov?.roles.contains { $0.hasPrefix("Kremlin spokes") } == true)
        #expect(peskov?.articles.count == 5)
        let shoigu = one("Sergei Shoigu")
        #expect(shoigu?.id == one("Sergey Shoigu")?.id && shoigu?.country == "RU")
        let kim = one("Kim Jong-un")
        for alias in ["Kim Jong Un", "Kim Jong-Un", "Mr. Kim", "Mr Kim", "KJU", "Comrade Kim Jong-un"] { #expect(kim?.aliases.contains(alias) == true, "\(alias)") }
        #expect(kim?.country == "KP" && kim?.articles.count == 5)
        let il = one("Kim Jong-il")
        #expect(il != nil && il?.id != kim?.id)
        let kirby = one("John Kirby")
        #expect(kirby?.aliases.contains("Mr. Kirby") == true && kirby?.country == "US")
        #expect(one("Jake Sullivan")?.roles.contains("US National Security Advisor") == true)
        #expect(one("Jake Sullivan")?.country == "US")
        #expect(one("Donald Trump")?.aliases.contains("Trump") != true || table.withAlias("Melania Trump").isEmpty)
        #expect(one("Kremlin")?.country == "RU")
        #expect(one("Krelim")?.name == "Kremlin")
        #expect(one("White House")?.country == "US")
        #expect(one("Pentagon")?.country == "US")
        #expect(one("State Department")?.country == "US")
        #expect(one("KCNA")?.id == one("Korean Central News Agency")?.id)
        #expect(one("KCNA")?.country == "KP")
        #expect(one("Russia")?.type == .country)
        #expect(one("Vladivostok")?.type == .location)
    }

    @Test func quotationSpeakersMapToEntities() throws {
        guard let (table, articles, gold) = try Self.load() else { return }
        // every gold speaker that is a gold entity resolves, in its article, to the entity holding that
        // gold entity's aliases (group descriptions such as "unnamed analysts" are not entities)
        let index = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0) })
        let goldByName = Dictionary(gold.entities.map { ($0.canonical, $0) }, uniquingKeysWith: { a, _ in a })
        let named = gold.quotes.compactMap { q -> (Int, String, Gold.GoldEntity)? in
            guard let s = q.speaker, let ge = goldByName[s], let art = index[q.article] else { return nil }
            return (art, s, ge)
        }
        var wrong: [String] = []
        for (art, name, ge) in named {
            let id = table.entityID(forSpeaker: name, in: art)
            if id == nil || !Set(table.entities[id!].aliases).isSuperset(of: ge.aliases_seen) { wrong.append("\(art):\(name)") }
        }
        print("entities: \(named.count - wrong.count)/\(named.count) gold speakers that are entities resolve to their entity")
        #expect(!named.isEmpty && wrong.isEmpty, "\(wrong)")
        // the annotator's speakers too
        var total = 0, mapped = 0
        for (i, a) in articles.enumerated() {
            for q in a.annotations.quotations where q.speaker != nil {
                total += 1
                if table.entityID(for: q, in: i) != nil { mapped += 1 }
            }
        }
        print("entities: \(mapped)/\(total) annotator speakers map to an entity")
        #expect(total == 0 || Double(mapped) >= 0.75 * Double(total))
    }
}
