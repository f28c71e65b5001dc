import Foundation
import Testing
@testable import NewsQuery

/// Hand-written sentences for the attribution constructions of the attribution engine: unnamed group
/// speakers, "they" → a group, descriptions and roles resolved to earlier names, "X quoted Y as saying",
/// "For X, …", parenthetical cues, beliefs of named speakers, pull-quotes and joint statements.
private func quotes(_ a: ArticleAnnotations, _ s: (Span?) -> String?, containing fragment: String) -> [Quotation] {
    a.quotations.filter { s($0.content)?.contains(fragment) ?? false }
}

@Suite("Annotation: group speakers and viewpoints")
struct AnnotationGroupSpeakerTests {
    @Test func unnamedGroupSpeaksAsItsDescription() throws {
        let (a, s) = annotated("Headline\n\nEconomists say the currency will weaken further before the end of next year.")
        let q = try #require(quotes(a, s, containing: "the currency will weaken").first)
        #expect(s(q.speakerMention) == "Economists")
        #expect(q.speaker == "Economists")
    }

    @Test func theyResolvesToTheNearestGroup() throws {
        let (a, s) = annotated("Headline\n\nPrices will keep rising through the winter, economists say.\n\nIn that case, they argue, the central bank would have to raise its rates again.")
        let q = try #require(quotes(a, s, containing: "the central bank would").first)
        #expect(s(q.speakerMention) == "they")
        #expect(q.speaker == "economists")
        #expect(q.cueClass == .speech)
    }

    @Test func groupAtANamedOrganisationSpeaksForIt() throws {
        let (a, s) = annotated("Headline\n\nThe fleet was spotted near the northern coast on Friday, according to analysts at the Lowy Institute.")
        let q = try #require(quotes(a, s, containing: "The fleet was spotted").first)
        #expect(q.speaker == "Lowy Institute")
    }

    @Test func definiteDescriptionTakesTheEarlierNamedPhrase() throws {
        let (a, s) = annotated("Headline\n\nThe Tanjug news agency reported on Monday that the talks had ended without an agreement.\n\nOn Tuesday, the agency said that a new round of talks would begin in March.")
        let first = try #require(quotes(a, s, containing: "the talks had ended").first)
        let second = try #require(quotes(a, s, containing: "a new round").first)
        #expect(first.speaker != nil)
        #expect(second.speaker == first.speaker)
        #expect(s(second.speakerMention) == "the agency")
    }

    @Test func roleWithCountryTakesThatCountrysPerson() throws {
        let text = "Headline\n\nFrench President Emmanuel Macron met US President Joe Biden in Rome on Sunday.\n\n"
            + "The French president said that the two leaders had agreed on a common position on trade."
        let (a, s) = annotated(text)
        let q = try #require(quotes(a, s, containing: "the two leaders had agreed").first)
        #expect(q.speaker == "Emmanuel Macron")
    }

    @Test func quotedAsSayingGivesTheQuotedPerson() throws {
        let (a, s) = annotated("Headline\n\nEnergy minister Ivan Petrov visited the plant. The Interfax agency quoted the minister as saying the pipeline would reopen in May.")
        let q = try #require(quotes(a, s, containing: "the pipeline would reopen").first)
        #expect(s(q.speakerMention) == "the minister")
        #expect(q.speaker == "Ivan Petrov")
    }

    @Test func forXIntroducesXsView() throws {
        let (a, s) = annotated("Headline\n\nFor Maria Gonzalez, a historian at the University of Lima, it is clear that the reform came too late.\n\nFor Chile, the agreement is a \u{201C}turning point\u{201D} in the region.")
        let q = try #require(quotes(a, s, containing: "the reform came too late").first)
        #expect(q.speaker == "Maria Gonzalez")
        let q2 = try #require(quotes(a, s, containing: "the agreement is").first)
        #expect(q2.speaker == "Chile")
        #expect(q2.kind == .mixed)
    }

    @Test func forXWithoutACopularClauseIsNotAStatement() throws {
        let (a, s) = annotated("Headline\n\nFor Maria Gonzalez, the new job meant moving to another city with her two children.")
        #expect(quotes(a, s, containing: "the new job").isEmpty)
    }

    @Test func parentheticalCueSplitsTheClause() throws {
        let (a, s) = annotated("Headline\n\nThe new tariff, the minister said, would protect local farmers from cheap imports.")
        let q = try #require(quotes(a, s, containing: "would protect local farmers").first)
        #expect(s(q.speakerMention) == "the minister")
    }

    @Test func beliefOfANamedSpeakerIsAStatement() throws {
        let (a, s) = annotated("Headline\n\nThe European Commission suspects the company hid its losses from investors for years.")
        let q = try #require(quotes(a, s, containing: "the company hid its losses").first)
        #expect(s(q.speakerMention) == "The European Commission")
        #expect(q.cueClass == .belief)
    }

    @Test func beliefOfAPronounIsNotAStatement() throws {
        let (a, s) = annotated("Headline\n\nHe suspects the company hid its losses from investors for years.")
        #expect(quotes(a, s, containing: "the company hid its losses").isEmpty)
    }

    @Test func adverbialWithCommasBeforeThat() throws {
        let (a, s) = annotated("Headline\n\nGovernor Anna Pike, however, assured Monday, before the final vote on the budget, that no school would be closed.")
        let q = try #require(quotes(a, s, containing: "no school would be closed").first)
        #expect(q.speaker == "Anna Pike")
    }

    @Test func descriptionThenNameBetweenCommasAfterTheQuote() throws {
        let (a, s) = annotated("Headline\n\n\u{201C}We will not sign this agreement in its present form,\u{201D} the chairman of the Northern Farmers Union in the city of Tula, Oleg Ivanov, told Reuters.")
        let q = try #require(quotes(a, s, containing: "We will not sign").first)
        #expect(q.speaker == "Oleg Ivanov")
    }

    @Test func pullQuoteWithoutMarksTakesItsTwinsSpeaker() throws {
        let text = "Headline\n\nWe will rebuild every bridge that the flood destroyed before the winter comes.\n\n"
            + "The storm damaged roads across the valley.\n\n"
            + "\u{201C}We will rebuild every bridge that the flood has destroyed before the winter comes,\u{201D} Mayor Tom Hale told reporters."
        let (a, s) = annotated(text)
        let all = quotes(a, s, containing: "rebuild every bridge")
        #expect(all.count == 2)
        #expect(all.allSatisfy { $0.speaker == "Tom Hale" })
    }

    @Test func jointStatementOfTwoCapitalsIsEachOnes() throws {
        let (a, s) = annotated("Headline\n\nParis and Berlin confirmed on Monday that the summit would take place in June.")
        let qs = quotes(a, s, containing: "the summit would take place")
        #expect(Set(qs.compactMap(\.speaker)) == ["France", "Germany"])
    }

    @Test func passiveWithNegationIsNotAttributed() throws {
        let (a, s) = annotated("Headline\n\nThe minister was not asked any questions about the budget during the long session.")
        #expect(a.quotations.allSatisfy { s($0.cue) != "asked" })
    }

    @Test func closingMarkOpeningALineIsAnOpeningMark() throws {
        let text = "Headline\n\n\u{201D}The new park has changed the whole neighbourhood for the better.\u{201D} \u{2015} Rosa Diaz\n\u{201C}We finally have somewhere to go with the children.\u{201D} \u{2015} Omar Haddad\n"
        let (a, s) = annotated(text)
        #expect(quotes(a, s, containing: "The new park").first?.speaker == "Rosa Diaz")
        #expect(quotes(a, s, containing: "somewhere to go").first?.speaker == "Omar Haddad")
    }

    @Test func pronounOfTheCoordinatedVerbSpeaks() throws {
        let (a, s) = annotated("Headline\n\nWhen my neighbour mentioned the election to me last week, I laughed and said, \"I have not voted since the nineties.\"")
        let q = try #require(quotes(a, s, containing: "I have not voted").first)
        #expect(s(q.speakerMention) == "I")
    }

    @Test func adverbAfterALowerCaseSubjectIsSkipped() throws {
        let (a, s) = annotated("Headline\n\nThe Brazilian minister bluntly said that the harvest would be the smallest in a decade.")
        let q = try #require(quotes(a, s, containing: "the harvest would be").first)
        #expect(s(q.speakerMention) == "The Brazilian minister")
    }

    @Test func namingParticipleIsNotASpeaker() throws {
        let (a, s) = annotated("Headline\n\nIn the file, under a heading labeled \u{201C}urgent matters,\u{201D} the clerk listed the unpaid bills.")
        #expect(quotes(a, s, containing: "urgent matters").allSatisfy { s($0.speakerMention) != "a heading" })
    }

    @Test func verbFormAfterAPrepositionIsANoun() throws {
        let (a, s) = annotated("Headline\n\nGovernor Ruth Bell posted a series of tweets late Monday saying that the rival plan was \u{201C}a giveaway to insiders.\u{201D}")
        let q = try #require(quotes(a, s, containing: "a giveaway").first)
        #expect(q.speaker == "Ruth Bell")
    }

    @Test func cueInAnIntroductoryPhraseDoesNotGovernTheMainClause() throws {
        let (a, s) = annotated("Headline\n\nWith party leaders increasingly worried about turnout, Senator Mark Ochoa has chosen a blunt new slogan: \"Vote or lose it.\"")
        let q = try #require(quotes(a, s, containing: "Vote or lose it").first)
        #expect(q.speaker == "Mark Ochoa")
    }

    @Test func adjectivalParticipleIsNotTheEarlierCue() throws {
        let (a, s) = annotated("Headline\n\nAfter a hastily called meeting, the city council issued a statement calling the closure \"a grave mistake.\"")
        let q = try #require(quotes(a, s, containing: "a grave mistake").first)
        #expect(s(q.speakerMention) == "the city council")
    }

    @Test func descriptionNamesOnlyNounHeads() {
        let text = "Many analysts reacted egregiously and aides haven't answered; someone interviewed them."
        let scalars = Array(text.unicodeScalars)
        let tokens = tokenize(scalars, from: 0)
        let resolver = SpeakerResolver(gazetteer: .bundled, scalars: scalars, tokens: tokens, sentenceStarts: [0])
        func speaker(_ word: String, width: Int = 1) -> String? {
            guard let i = tokens.texts.firstIndex(of: word) else { return "missing \(word)" }
            return resolver.resolve(i..<(i + width)).speaker
        }
        #expect(speaker("analysts") == "analysts")
        #expect(speaker("egregiously") == nil)
        #expect(speaker("interviewed") == nil)
        #expect(speaker("aides", width: 2) == nil)
    }
}
