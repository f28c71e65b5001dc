import Testing
@testable import NewsQuery

@Suite struct HintsTests {
    @Test func anEmptyOutletFilterPointsAtTheSpeakersCountry() {
        #expect(TinyStore.run("who said price where source = RU") == """
            speaker | speaker_country | count | articles
            note: no outlet matches RU; 3 quotations have speaker.country = RU
            """)
        #expect(TinyStore.run("quotes where source.country = ru and kind = direct", columns: ["speaker"]) == """
            speaker
            note: no outlet matches ru; 3 quotations have speaker.country = ru
            """)
    }

    @Test func anEmptySpeakerCountryFilterPointsAtTheOutlet() {
        let store = ArticleStore(articles: [TinyStore.article("x", source: "Le Monde", country: "FR", [Said("Bonjour", by: "Someone", "US")])])
        #expect(TinyStore.run("quotes where speaker.country = FR", on: store, columns: ["speaker"]) == """
            speaker
            note: no speaker has speaker.country = FR; 1 quotation is from outlets matching source = FR
            """)
    }

    @Test func orTheSpeakersName() {
        #expect(TinyStore.run("quotes where source = Putin", columns: ["speaker"]) == """
            speaker
            note: no outlet matches Putin; 2 quotations have speaker = Putin
            """)
    }

    @Test func misspeltSpeakersAndOutletsGetTheNearestName() {
        #expect(TinyStore.run("what did Pesckov say", columns: ["speaker"]) == """
            speaker
            note: no speaker matches Pesckov; did you mean Peskov?
            """)
        #expect(TinyStore.run("who said price where source = \"Le Mond\"") == """
            speaker | speaker_country | count | articles
            note: no outlet matches Le Mond; did you mean Le Monde?
            """)
    }

    @Test func noNoteWhenTheFilterMatchesOrNothingIsNear() {
        #expect(TinyStore.run("quotes where source = US and kind = mixed", columns: ["speaker"]) == "speaker")
        #expect(TinyStore.run("quotes where source = DE", columns: ["speaker"]) == "speaker")
    }
}
