import Foundation
import Testing
@testable import NewsQuery

/// Hand-written sentences for the attribution rules added on top of the v1 annotator
/// (clause speakers of embedded quotations, continuation rules, cue classes, pull-quotes, titles).
/// The quotation whose content contains `fragment`.
private func quote(_ a: ArticleAnnotations, _ s: (Span?) -> String?, containing fragment: String) -> Quotation? {
    a.quotations.first { s($0.content)?.contains(fragment) ?? false }
}

@Suite("Annotation: clause speakers")
struct AnnotationClauseSpeakerTests {
    @Test func quotedFragmentInReportedClauseTakesTheReporter() throws {
        let (a, s) = annotated("Headline\n\nGovernor Lee said the ruling was \"a victory for every family in the state.\"")
        let q = try #require(quote(a, s, containing: "a victory"))
        #expect(s(q.speakerMention) == "Governor Lee")
    }

    @Test func aNameRunStopsAtTheEndOfASentence() throws {
        // "Belt." is short, but its period ends the sentence: "Rust Belt. He" is not a person.
        let (a, s) = annotated("Headline\n\nMary Barra toured the Rust Belt. He nodded. \"We will bring the jobs back,\" she said.")
        let q = try #require(quote(a, s, containing: "jobs back"))
        #expect(q.speaker == "Mary Barra")
    }

    @Test func gerundAfterSaidKeepsTheSpeaker() throws {
        let (a, s) = annotated("Headline\n\n\"The talks went well,\" Olsen said, adding: \"We will meet again in May.\"")
        let q = try #require(quote(a, s, containing: "meet again"))
        #expect(s(q.speakerMention) == "Olsen")
        #expect(s(q.cue) == "adding")
    }

    @Test func colonAfterAClauseWithoutReportingVerb() throws {
        let (a, s) = annotated("Headline\n\nThe mayor gave the council a blunt warning: \"Fix the bridge or close it.\"")
        let q = try #require(quote(a, s, containing: "Fix the bridge"))
        #expect(s(q.speakerMention) == "The mayor")
    }

    @Test func introductoryParticipleClauseIsSkipped() throws {
        let (a, s) = annotated("Headline\n\nAsked about the budget, she laughed and said, \"We will find the money.\"")
        let q = try #require(quote(a, s, containing: "find the money"))
        #expect(s(q.speakerMention) == "she")
    }

    @Test func embeddedFragmentWithSentenceFinalAttribution() throws {
        let (a, s) = annotated("Headline\n\nThe plan is \"a disaster for the city,\" Olsen said.")
        let q = try #require(quote(a, s, containing: "a disaster"))
        #expect(s(q.speakerMention) == "Olsen")
    }

    @Test func nameBeforeColonAfterDash() throws {
        let (a, s) = annotated("Headline\n\nPolls were off - Ann Selzer: \"We saw this coming in our data.\"")
        let q = try #require(quote(a, s, containing: "We saw this"))
        #expect(s(q.speakerMention) == "Ann Selzer")
    }

    @Test func adverbBetweenSubjectAndVerbIsNotTheSpeaker() throws {
        let (a, s) = annotated("Headline\n\nGovernor Anna Pike has also broadly called for \"more boots on the ground\" in the region.")
        let q = try #require(quote(a, s, containing: "boots"))
        #expect(s(q.speakerMention) == "Governor Anna Pike")
    }
}

@Suite("Annotation: quotation continuation")
struct AnnotationContinuationTests {
    @Test func secondHalfInheritsDespiteCueInAttributionSentence() throws {
        let (a, s) = annotated("Headline\n\n\"We are ready,\" Berg said on Monday, citing new funding. \"The work starts next week.\"")
        let q = try #require(quote(a, s, containing: "work starts"))
        #expect(s(q.speakerMention) == "Berg")
    }

    @Test func standaloneQuotationAfterReportedSentence() throws {
        let (a, s) = annotated("Headline\n\nOlsen said the council would vote on Friday. \"It is time to decide, and we will.\"")
        let q = try #require(quote(a, s, containing: "time to decide"))
        #expect(s(q.speakerMention) == "Olsen")
    }

    @Test func paragraphQuoteTakesTheNearerReportedSpeaker() throws {
        let text = "Headline\n\n\u{201C}We will stay,\u{201D} Defence Minister Ali Hussein said.\n\nCarter said that the United States would not leave the region.\n\n\u{201C}That is because this region matters to all of us.\u{201D}"
        let (a, s) = annotated(text)
        let q = try #require(quote(a, s, containing: "this region matters"))
        #expect(s(q.speakerMention) == "Carter")
    }

    @Test func gerundAfterTheQuoteIsNotAnInvertedSpeaker() throws {
        let (a, s) = annotated("Headline\n\nHe vowed, \"We will win this fight,\" referring to the Islamic State.")
        let q = try #require(quote(a, s, containing: "win this fight"))
        #expect(s(q.speakerMention) == "He")
    }

    @Test func quoteOnlyVerbAttributesQuotationsButOpensNoClause() throws {
        let (a, s) = annotated("Headline\n\n\"We lost,\" he continued.\n\nHe continued his speech for an hour and then he left the stage.")
        let q = try #require(quote(a, s, containing: "We lost"))
        #expect(s(q.speakerMention) == "he")
        #expect(!a.quotations.contains { s($0.content)?.contains("speech for an hour") ?? false })
    }

    @Test func pullQuoteTakesTheSpeakerOfItsTwin() throws {
        let text = "Headline\n\n\"Nobody is above the law,\" Judge Maria Keller said on Friday.\n\nThe court adjourned.\n\n\"Nobody is above the law.\""
        let (a, s) = annotated(text)
        let twins = a.quotations.filter { s($0.content) == "Nobody is above the law" }
        #expect(twins.count == 2)
        #expect(twins.allSatisfy { $0.speaker == "Maria Keller" })
    }

    @Test func titleInQuotesIsNotAStatement() {
        let (a, s) = annotated("Headline\n\nShe spoke about the budget on NBC's \"Meet the Press\" on Sunday.")
        #expect(!a.quotations.contains { s($0.content) == "Meet the Press" })
    }
}

@Suite("Annotation: cue classes")
struct AnnotationCueClassTests {
    @Test func speechDataAndAccording() throws {
        let text = "Headline\n\nThe minister said the border would stay open.\n\nA new poll shows that most voters oppose the plan.\n\nAccording to the ministry, forty people were hurt in the blast."
        let (a, s) = annotated(text)
        #expect(try #require(quote(a, s, containing: "border")).cueClass == .speech)
        #expect(try #require(quote(a, s, containing: "voters oppose")).cueClass == .data)
        #expect(try #require(quote(a, s, containing: "forty people")).cueClass == .according)
    }

    @Test func beliefsAreStatementsWhenEnabled() throws {
        let text = "Headline\n\nMany economists believe that the deal will collapse within a year."
        let (off, s0) = annotated(text)
        #expect(quote(off, s0, containing: "deal will collapse") == nil)
        let (on, s1) = annotated(text, beliefs: true)
        let q = try #require(quote(on, s1, containing: "deal will collapse"))
        #expect(q.cueClass == .belief)
        #expect(s1(q.speakerMention) == "Many economists")
    }

    @Test func beliefNeedsAClause() {
        let (a, s) = annotated("Headline\n\nHe felt blindsided by the sudden demand from his allies.", beliefs: true)
        #expect(!a.quotations.contains { s($0.content)?.contains("blindsided") ?? false })
    }
}

@Suite("Annotation: speaker noun phrases")
struct AnnotationSpeakerPhraseTests {
    @Test func titledNameBeforeAppositionIsTheSpeaker() throws {
        let (a, s) = annotated("Headline\n\nIn a series of posts Sunday, Mr. Frum, a former speechwriter, wrote: \"The big question is whether he can cope with the job.\"")
        let q = try #require(quote(a, s, containing: "big question"))
        #expect(s(q.speakerMention) == "Mr. Frum")
    }

    @Test func parenthesisAndCommaBeforeVerb() throws {
        let (a, s) = annotated("Headline\n\nAfter winning the primary, Gov. John Kasich (R-OH), said, \"We are going to go all the way to the convention.\"")
        let q = try #require(quote(a, s, containing: "all the way"))
        #expect(s(q.speakerMention) == "Gov. John Kasich")
    }

    @Test func cityAndStateApposition() throws {
        let (a, s) = annotated("Headline\n\nClinton, during a town hall meeting in Columbus, Ohio, said she was \"going to put a lot of miners out of business.\"")
        let q = try #require(quote(a, s, containing: "miners"))
        #expect(s(q.speakerMention) == "Clinton")
    }

    @Test func participleNamingIsNotACue() throws {
        let (a, s) = annotated("Headline\n\nLater on Sunday, Carson shared a syllabus for a class called \"Perception\" on his page, writing \"Allow me to do the research for the reporter.\"")
        let q = try #require(quote(a, s, containing: "Allow me"))
        #expect(s(q.speakerMention) == "Carson")
        #expect(!a.quotations.contains { s($0.cue) == "called" })
    }

    @Test func datelineIsNotTheSubject() throws {
        let (a, s) = annotated("Headline\n\nWASHINGTON \u{2014} Senator Chuck Grassley on Wednesday downplayed the attack and said it was \"basically the same thing as before.\"")
        let q = try #require(quote(a, s, containing: "the same thing"))
        #expect(s(q.speakerMention)?.contains("Grassley") == true)
    }

    @Test func titleCaseHeadlineVerb() throws {
        let (a, s) = annotated("Glenn Beck Says Trump And His Allies Pose A Threat To Democracy\n\nThe host spoke on Friday.")
        let q = try #require(a.quotations.first { s($0.cue) == "Says" })
        #expect(s(q.speakerMention) == "Glenn Beck")
    }

    @Test func introductoryAdverbBeforeCommaIsSkipped() throws {
        let (a, s) = annotated("Headline\n\nInstead, Will called for Republicans to back Christie, whom he describes as having \"a prosecutor's bearing and a governor's temperament.\"")
        let q = try #require(quote(a, s, containing: "bearing"))
        #expect(s(q.speakerMention) != "Instead")
    }

    @Test func subordinateClauseHasItsOwnSubject() throws {
        let (a, s) = annotated("Headline\n\nPresident Obama has been criticized for the term, though in a news conference last week he used stronger language, saying the group \"must be destroyed.\"")
        let q = try #require(quote(a, s, containing: "destroyed"))
        #expect(s(q.speakerMention) == "he")
    }

    @Test func passiveQuestionTakesTheAgent() throws {
        let (a, s) = annotated("Headline\n\nSanders was asked by host Bill Maher, \"Are you tired of hearing about the emails?\"")
        let q = try #require(quote(a, s, containing: "tired of hearing"))
        #expect(s(q.speakerMention) == "host Bill Maher")
    }
}
