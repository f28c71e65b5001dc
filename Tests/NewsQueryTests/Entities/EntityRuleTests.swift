import Foundation
import Testing
@testable import NewsQuery

/// Builds a table over hand-written articles (one string each, no annotations needed).
func entityTable(_ texts: [String], annotate: Bool = false) -> (EntityTable, [Article]) {
    let articles = texts.enumerated().map { i, text in
        let doc = Document(id: "t\(i)", text: text)
        return Article(document: doc, annotations: annotate ? Annotator().annotate(doc) : ArticleAnnotations())
    }
    return (EntityTable.build(articles: articles), articles)
}

extension EntityTable {
    /// Entities of a type whose aliases include `alias` (exact spelling).
    func withAlias(_ alias: String, _ type: EntityType? = nil) -> [Entity] {
        entities.filter { $0.aliases.contains(alias) && (type == nil || $0.type == type) }
    }
}

@Suite("Entities: recognition")
struct EntityRecognitionTests {
    @Test func honorificsAndTitlesAreStripped() {
        let (t, a) = entityTable(["Russian President Vladimir Putin arrived on Monday. Mr. Putin spoke to Comrade Putin's guests."])
        let putin = t.withAlias("Vladimir Putin")
        #expect(putin.count == 1)
        #expect(putin.first?.type == .person)
        #expect(putin.first?.country == "RU")
        #expect(putin.first?.aliases.contains("Mr. Putin") == true)
        #expect(putin.first?.aliases.contains("Comrade Putin") == true)
        #expect(putin.first?.roles.contains("Russian President") == true)
        // the mention span is the name proper
        let m = putin.first!.mentions[0]
        #expect(a[0].text(of: m.span) == "Vladimir Putin")
        #expect(t.entity(named: "President") == nil)
    }

    @Test func joinersAndPossessives() {
        let (t, _) = entityTable(["Analysts met Leif-Eric Easley in Seoul. Kim Jong-un’s train left. Kim’s aides stayed."])
        #expect(t.withAlias("Leif-Eric Easley", .person).count == 1)
        let kim = t.withAlias("Kim Jong-un", .person)
        #expect(kim.count == 1)
        #expect(kim.first?.aliases.contains("Kim") == true)
        #expect(t.withAlias("Seoul", .location).first?.country == "KR")
    }

    @Test func sentenceInitialWordsAreNotNamesUnlessKnown() {
        let (t, _) = entityTable(["Officials met in the capital. Photos show a crowd. Kremlin spokesman Dmitry Peskov spoke. Peskov said more later."])
        #expect(t.entity(named: "Photos") == nil)
        #expect(t.entity(named: "Officials") == nil)
        #expect(t.entity(named: "Peskov")?.name == "Dmitry Peskov")
    }

    @Test func organisationCuesAndBodies() {
        let (t, _) = entityTable(["The Defense Ministry in Seoul said the Department of Munitions Industry and the Workers' Party of Korea had met. KCNA and the White House commented, as did the Pentagon."])
        #expect(t.withAlias("Defense Ministry", .organization).first?.country == "KR")
        #expect(t.withAlias("Department of Munitions Industry", .organization).count == 1)
        #expect(t.entity(named: "KCNA")?.country == "KP")
        #expect(t.entity(named: "White House")?.country == "US")
        #expect(t.entity(named: "Pentagon")?.country == "US")
        #expect(t.entity(named: "KCNA")?.type == .organization)
        let (t2, _) = entityTable(["The deal with General Electric Company was signed. General Mark Milley spoke."])
        #expect(t2.entity(named: "General Electric Company")?.type == .organization)
        #expect(t2.entity(named: "Mark Milley")?.roles == ["General"])
    }

    @Test func countriesPlacesAndEvents() {
        let (t, _) = entityTable(["Talks in Moscow touched on North Korea and the U.S. during the Eastern Economic Forum, after the Covid-19 pandemic. The US disagreed."])
        let us = t.withAlias("U.S.", .country)
        #expect(us.count == 1 && us.first?.aliases.contains("US") == true && us.first?.name == "United States")
        #expect(t.entity(named: "Moscow")?.type == .location)
        #expect(t.entity(named: "North Korea")?.type == .country)
        #expect(t.entity(named: "Eastern Economic Forum")?.type == .event)
        #expect(t.entity(named: "Covid-19 pandemic")?.type == .event)
    }

    @Test func rolesBeforeAndAfterNames() {
        let (t, _) = entityTable(["""
        Kremlin spokesman Dmitry Peskov spoke first. John Kirby, spokesman for the US National Security Council, said little. \
        US National Security Advisor Jake Sullivan warned. The convoy included the director of the Ministry of Energy, Pak Song Chol. \
        A resident, Svetlana, waved.
        """])
        let peskov = t.entity(named: "Dmitry Peskov")
        #expect(peskov?.roles == ["Kremlin spokesman"])
        #expect(peskov?.country == "RU")
        let kirby = t.entity(named: "John Kirby")
        #expect(kirby?.roles.first == "spokesman for the US National Security Council")
        #expect(kirby?.country == "US")
        let sullivan = t.entity(named: "Jake Sullivan")
        #expect(sullivan?.roles.first == "US National Security Advisor")
        #expect(sullivan?.country == "US")
        #expect(t.entity(named: "Pak Song Chol")?.roles.first == "director of the Ministry of Energy")
        #expect(t.entity(named: "Svetlana")?.type == .person)
        // the same body as the gazetteer's "National Security Council", named by its full form as written
        #expect(t.entity(named: "US National Security Council")?.name == "US National Security Council")
        #expect(t.entity(named: "National Security Council")?.id == t.entity(named: "US National Security Council")?.id)
    }
}

@Suite("Entities: resolution")
struct EntityResolutionTests {
    @Test func transliterationVariantsMerge() {
        let (t, _) = entityTable([
            "Kremlin spokesman Dmitri Peskov said talks went well. Defence Minister Sergei Shoigu agreed.",
            "Dmitry Peskov denied it. Sergey Shoigu visited the Vostochny cosmodrome.",
            "Peskov spoke again. The leader saw the Vostotchny cosmodrome.",
        ])
        let peskov = t.withAlias("Dmitry Peskov")
        #expect(peskov.count == 1)
        let peskovAliases = Set(peskov.first?.aliases ?? [])
        #expect(peskovAliases.isSuperset(of: ["Dmitri Peskov", "Dmitry Peskov", "Peskov"]))
        #expect(peskov.first?.articles == [0, 1, 2])
        let shoigu = t.withAlias("Sergei Shoigu")
        #expect(shoigu.count == 1 && shoigu.first?.aliases.contains("Sergey Shoigu") == true)
        let cosmodrome = t.withAlias("Vostochny cosmodrome")
        #expect(cosmodrome.count == 1 && cosmodrome.first?.aliases.contains("Vostotchny cosmodrome") == true)
    }

    @Test func hyphenAndCaseVariantsMerge() {
        let (t, _) = entityTable(["Kim Jong-un left.", "Kim Jong Un arrived.", "Kim Jong-Un waved. Mr. Kim smiled."])
        let kim = t.withAlias("Kim Jong-un")
        #expect(kim.count == 1)
        let kimAliases = Set(kim.first?.aliases ?? [])
        #expect(kimAliases.isSuperset(of: ["Kim Jong-un", "Kim Jong Un", "Kim Jong-Un", "Mr. Kim"]))
    }

    @Test func differentGivenNamesStayApart() {
        let (t, _) = entityTable([
            "Kim Jong-un travelled by train. Kim Jong-il, his father, feared planes.",
            "Donald Trump met Kim. Melania Trump stayed home.",
            "Hillary Clinton spoke. Bill Clinton listened.",
        ])
        let un = t.withAlias("Kim Jong-un"), il = t.withAlias("Kim Jong-il")
        #expect(un.count == 1 && il.count == 1 && un.first?.id != il.first?.id)
        let donald = t.withAlias("Donald Trump"), melania = t.withAlias("Melania Trump")
        #expect(donald.count == 1 && melania.count == 1 && donald.first?.id != melania.first?.id)
        #expect(t.withAlias("Hillary Clinton").first?.id != t.withAlias("Bill Clinton").first?.id)
    }

    @Test func surnameAndHonorificLinkToTheFullNameOfTheArticle() {
        let (t, _) = entityTable([
            "John Kirby, spokesman for the US National Security Council, spoke. Mr. Kirby said the letters were superficial.",
            "Kim Jong-un left. Kim Jong-il had feared planes. Later, Mr. Kim waved.",
            "Mr. Kirby spoke again.",
        ])
        let kirby = t.withAlias("John Kirby")
        #expect(kirby.count == 1)
        #expect(kirby.first?.aliases.contains("Mr. Kirby") == true)
        // the only Kirby of the corpus: a surname-only article links to him
        #expect(kirby.first?.articles == [0, 2])
        // the nearest full name before "Mr. Kim" is Kim Jong-il
        let il = t.withAlias("Kim Jong-il").first
        #expect(il?.mentions.count == 2)
    }

    @Test func ambiguousSurnameAcrossTheCorpusIsNotGuessed() {
        let (t, _) = entityTable(["Donald Trump spoke.", "Melania Trump spoke.", "Trump spoke again."])
        let donald = t.withAlias("Donald Trump").first!, melania = t.withAlias("Melania Trump").first!
        #expect(!donald.articles.contains(2) && !melania.articles.contains(2))
    }

    @Test func acronymsAndMisspellingsOfTheArticle() {
        let (t, _) = entityTable(["""
        North Korean leader Kim Jong-un left. "KJU is traveling," a spokesman said. The Korean Central News Agency reported it. \
        The Krelim said the visit was planned, Kremlin spokesman Dmitry Peskov said.
        """])
        #expect(t.entity(named: "KJU")?.name == "Kim Jong-un")
        #expect(t.entity(named: "Korean Central News Agency")?.name == "KCNA")
        #expect(t.entity(named: "Krelim")?.name == "Kremlin")
    }

    @Test func speakersMapToEntities() {
        let (t, a) = entityTable([
            "Kremlin spokesman Dmitri Peskov said the summit would be held soon.",
            "\"It will be a comprehensive visit,\" said Kremlin spokesman Dmitry Peskov.",
        ], annotate: true)
        let id0 = t.entityID(forSpeaker: "Dmitri Peskov", in: 0)
        let id1 = t.entityID(forSpeaker: "Dmitry Peskov", in: 1)
        #expect(id0 != nil && id0 == id1)
        #expect(t.entityID(forSpeaker: "Peskov", in: 1) == id0)
        #expect(t.entityID(forSpeaker: "dmitry peskov", in: 5) == id0)
        #expect(t.entityID(forSpeaker: "Kremlin spokesman Dmitry Peskov", in: 1) == id0)
        #expect(t.entityID(forSpeaker: "Mr. Peskov", in: 0) == id0)
        #expect(t.entityID(forSpeaker: "Nobody Known", in: 0) == nil)
        // a spelling never seen in the corpus still finds its entity
        #expect(t.entityID(forSpeaker: "Dmitriy Peskov", in: 0) == id0)
        #expect(t.entity(forSpeaker: "Peskov", in: 0)?.roles == ["Kremlin spokesman"])
        #expect(t.mentions(in: 1).contains { $0.entity == id0 && a[1].text(of: $0.span) == "Dmitry Peskov" })
        for (i, article) in a.enumerated() {
            for q in article.annotations.quotations where q.speaker != nil {
                #expect(t.entityID(for: q, in: i) == id0, "\(q.speaker ?? "-")")
            }
        }
    }

    @Test func groupWordsSuffixesAndMiddleInitials() {
        let (t, _) = entityTable([
            "Republican Donald Trump met Democrats in Ohio. Donald Trump Jr. spoke later.",
            "George W. Bush and George P. Bush met on Feb. 3. George W. Bush spoke.",
        ])
        #expect(t.entity(named: "Republican") == nil && t.entity(named: "Democrats") == nil && t.entity(named: "Feb") == nil)
        #expect(t.withAlias("Donald Trump").count == 1)
        #expect(t.withAlias("Donald Trump").first?.id != t.withAlias("Donald Trump Jr").first?.id)
        let w = t.withAlias("George W. Bush"), p = t.withAlias("George P. Bush")
        #expect(w.count == 1 && p.count == 1 && w.first?.id != p.first?.id)
        #expect(w.first?.mentions.count == 2)
        let (t2, _) = entityTable(["Hillary Rodham Clinton spoke.", "Hillary Clinton spoke again. Bill Clinton listened."])
        #expect(t2.withAlias("Hillary Clinton").first?.aliases.contains("Hillary Rodham Clinton") == true)
        #expect(t2.withAlias("Bill Clinton").first?.aliases.contains("Hillary Clinton") == false)
    }

    @Test func headlinesInCapitalsAndTitleCase() {
        let (t, _) = entityTable(["POSSIBLE SUSPECT ARRESTED AFTER SHOOTING\n\nPolice in Orlando said a man was held.\n\nTed Cruz Apologizes For Remarks About Voters\n\nTed Cruz said he was sorry. He apologizes for remarks about voters often."])
        #expect(t.entities.allSatisfy { !$0.name.contains("SUSPECT") && !$0.name.contains("Apologizes") })
        #expect(t.withAlias("Ted Cruz", .person).first?.mentions.count == 2)
    }

    @Test func theRoleDecidesBetweenNamesakes() {
        let (t, _) = entityTable([
            "President Barack Obama spoke.",
            "First lady Michelle Obama spoke.",
            "President Obama signed the bill.",
            "Obama spoke again.",
        ])
        let barack = t.withAlias("Barack Obama").first, michelle = t.withAlias("Michelle Obama").first
        #expect(barack?.articles == [0, 2])
        #expect(michelle?.articles == [1])
        // no role, two people named Obama in the corpus: left unresolved rather than guessed
        #expect(t.entities.first { $0.articles.contains(3) }.map { $0.id != barack?.id && $0.id != michelle?.id } ?? true)
    }

    @Test func idsFollowFirstMention() {
        let (t, _) = entityTable(["Vladimir Putin met Kim Jong-un in Vladivostok."])
        #expect(t.entities.map(\.id) == Array(0..<t.entities.count))
        #expect(t.entities.first?.name == "Vladimir Putin")
    }

    @Test func lexiconLoadsFromADirectoryAndReportsBadRows() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("entity-lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = try #require(EntityLexicon.bundledDirectory)
        for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) where name.hasPrefix("entity-") {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let lex = try EntityLexicon(directory: dir)
        #expect(lex.honorifics["mr"] == "m")
        let bad = dir.appendingPathComponent("entity-cue-words.tsv")
        try "ministry\tbuilding\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: Gazetteer.ParseError.self) { try EntityLexicon(directory: dir) }
    }
}
