import Foundation
import Testing
@testable import NewsQuery

@Suite("Annotation: sentences")
struct AnnotationSentenceTests {
    @Test func abbreviationsAndInitials() {
        let (a, s) = annotated("Mr. Grant met Dr. J. R. Hollis in the U.S. capital on Monday. They spoke for an hour.")
        #expect(a.sentences.count == 2)
        #expect(s(a.sentences.last) == "They spoke for an hour.")
    }

    @Test func quoteEndsSentenceAndHeadlineLine() {
        let (a, s) = annotated("Harbour reopens after storm\n\nThe mayor called it \"a relief.\" Boats returned at dawn.")
        #expect(a.sentences.count == 3)
        #expect(s(a.sentences.first) == "Harbour reopens after storm")
        #expect(s(a.sentences[1]) == "The mayor called it \"a relief.\"")
    }

    @Test func dottedAbbreviationAtSentenceEnd() {
        let (a, _) = annotated("The delegation flew to the U.S. The talks began later.")
        #expect(a.sentences.count == 2)
    }

    @Test func frontMatterIsSkipped() {
        let text = "---\ntitle: x\n---\nThe council met. It voted."
        let body = Array("---\ntitle: x\n---\n".unicodeScalars).count
        let a = Annotator().annotate(Document(id: "t", text: text, bodyStart: body))
        #expect(a.sentences.count == 2)
        #expect(a.sentences.allSatisfy { $0.start >= body })
    }
}

@Suite("Annotation: direct quotations")
struct AnnotationDirectQuoteTests {
    @Test func quoteThenNameSaid() {
        let (a, s) = annotated("“We will rebuild the bridge,” Maria Olsen said on Tuesday.")
        let q = try! #require(a.quotations.first)
        #expect(q.kind == .direct)
        #expect(s(q.content) == "We will rebuild the bridge")
        #expect(s(q.speakerMention) == "Maria Olsen")
        #expect(q.speaker == "Maria Olsen")
        #expect(s(q.cue) == "said")
    }

    @Test func saidThenTitledName() {
        let (a, s) = annotated("\"The border stays open,\" said Foreign Minister Tomas Berg.")
        let q = try! #require(a.quotations.first)
        #expect(s(q.content) == "The border stays open")
        #expect(q.speaker == "Tomas Berg")
    }

    @Test func colonIntroducesQuote() {
        let (a, s) = annotated("The harbour master said: \"Nobody was hurt in the fire.\"")
        let q = try! #require(a.quotations.first)
        #expect(s(q.content) == "Nobody was hurt in the fire")
        #expect(s(q.speakerMention) == "The harbour master")
    }

    @Test func nytDoubleApostrophes() {
        let (a, s) = annotated("Lena Park runs the shelter. ''It is an expansion of what we do,'' she said.")
        let q = try! #require(a.quotations.first)
        #expect(s(q.content) == "It is an expansion of what we do")
        #expect(s(q.speakerMention) == "she")
        #expect(q.speaker == "Lena Park")
    }

    @Test func apostrophesDoNotOpenQuotes() {
        let (a, _) = annotated("The Hendersons’ farm isn’t for sale, and the owners’ lawyers don’t comment.")
        #expect(a.quotations.allSatisfy { $0.kind != .direct })
    }

    @Test func interruptedQuoteBothParts() {
        let (a, s) = annotated("“The water is rising,” the engineer said. “We have two days at most.”")
        let direct = a.quotations.filter { $0.kind == .direct }
        #expect(direct.count == 2)
        #expect(direct.allSatisfy { s($0.speakerMention) == "the engineer" })
    }

    @Test func multiParagraphQuote() {
        let text = "Coach Ray Dunn said: “We trained hard all winter.\n\n“Now the results will come.”\n\nThe season starts in May."
        let (a, s) = annotated(text)
        let direct = a.quotations.filter { $0.kind == .direct }
        #expect(direct.count == 2)
        #expect(direct.allSatisfy { $0.speaker == "Ray Dunn" })
        #expect(s(direct.last?.content) == "Now the results will come")
    }

    @Test func surnameLinksToFullName() {
        let (a, _) = annotated("Jane Holloway chairs the panel.\n\n“No decision yet,” Ms. Holloway told reporters.")
        #expect(a.quotations.first?.speaker == "Jane Holloway")
    }
}

@Suite("Annotation: indirect and mixed speech")
struct AnnotationIndirectSpeechTests {
    @Test func saidThatClause() {
        let (a, s) = annotated("Ana Ruiz, a spokeswoman for the port, said that the cranes would be replaced next year.")
        let q = try! #require(a.quotations.first)
        #expect(q.kind == .indirect)
        #expect(s(q.content) == "the cranes would be replaced next year")
        #expect(q.speaker == "Ana Ruiz")
    }

    @Test func clauseThenSpeaker() {
        let (a, s) = annotated("The tunnel will close for repairs in March, city officials said.")
        let q = try! #require(a.quotations.first)
        #expect(s(q.content) == "The tunnel will close for repairs in March")
        #expect(s(q.speakerMention) == "city officials")
    }

    @Test func accordingTo() {
        let (a, s) = annotated("According to the ministry, the new line carried two million passengers.")
        let q = try! #require(a.quotations.first)
        #expect(s(q.content) == "the new line carried two million passengers")
        #expect(s(q.speakerMention) == "the ministry")
        #expect(s(q.cue) == "According to")
    }

    @Test func mixedQuoteAndCoordinatedVerbs() {
        let text = "The United Kingdom said the plan was “reckless” and warned Ruritania it would “face consequences.”"
        let (a, s) = annotated(text)
        #expect(a.quotations.count == 2)
        #expect(a.quotations.allSatisfy { $0.kind == .mixed && $0.speaker == "United Kingdom" && $0.speakerCountry == "GB" })
        #expect(s(a.quotations.last?.content) == "it would “face consequences.”")
    }

    @Test func thatClauseQuotedWholeIsDirect() {
        // every reported word is inside the marks: a direct quotation, its content without the marks and
        // the closing full stop; a clause with only part of it quoted stays mixed
        let (a, s) = annotated("The port authority announced that “the cranes will be replaced before the winter.” Work starts soon.")
        let q = try! #require(a.quotations.first)
        #expect(q.kind == .direct)
        #expect(s(q.content) == "the cranes will be replaced before the winter")
        #expect(s(q.speakerMention) == "The port authority")
        let (b, t) = annotated("The port authority announced that the cranes were “too old to repair.” Work starts soon.")
        let m = try! #require(b.quotations.first)
        #expect(m.kind == .mixed)
        #expect(t(m.content) == "the cranes were “too old to repair.”")
    }

    @Test func countriesFromModifiersAndBodies() {
        let (a, _) = annotated("German Chancellor Olaf Berger said the budget was balanced. The Kremlin said the talks had ended.")
        #expect(a.quotations.count == 2)
        #expect(a.quotations[0].speaker == "Olaf Berger")
        #expect(a.quotations[0].speakerCountry == "DE")
        #expect(a.quotations[1].speaker == "Kremlin")
        #expect(a.quotations[1].speakerCountry == "RU")
    }

    @Test func pronounKeepsMentionAndResolves() {
        let (a, s) = annotated("Senator Paula Grey visited the plant. She said the jobs would stay in the county.")
        let q = try! #require(a.quotations.first)
        #expect(s(q.speakerMention) == "She")
        #expect(q.speaker == "Paula Grey")
    }
}

@Suite("Annotation: gazetteers")
struct AnnotationGazetteerTests {
    @Test func bundledListsLoad() {
        let g = Gazetteer.bundled
        #expect(g.reportingVerbs["said"]?.lemma == "say")
        #expect(g.places["Kremlin"]?.code == "RU")
        #expect(g.places["U.S."]?.code == "US")
        #expect(g.titles.contains("national security advisor"))
    }

    @Test func malformedFileReportsFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gaz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bundled = try #require(Bundle.module.url(forResource: "gazetteers", withExtension: nil))
        for name in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try "# alpha2\tname\nUSA\tUnited States\n".write(to: dir.appendingPathComponent("countries.tsv"), atomically: true, encoding: .utf8)
        #expect {
            try Gazetteer(directory: dir)
        } throws: { error in
            guard let e = error as? Gazetteer.ParseError else { return false }
            return e.file == "countries.tsv" && e.line == 2
        }
    }
}
