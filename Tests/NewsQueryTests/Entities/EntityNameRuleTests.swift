import Foundation
import Testing
@testable import NewsQuery

/// Rules for names of organisations, places and events, and for their countries (invented sentences).
@Suite("Entities: names and countries")
struct EntityNameRuleTests {
    @Test func aCityOpeningAnOrganisationNameIsPartOfIt() {
        let (t, _) = entityTable([
            "The Boston Chronicle reported on Monday that Indiana University and Texas University would share a laboratory. Later the Chronicle said the plan was off.",
            "Engineers at Boston Dynamics built a robot that walked for an hour.",
        ])
        let paper = t.withAlias("Boston Chronicle", .organization)
        #expect(paper.count == 1)
        #expect(paper.first?.country == "US")
        // the short form in the same article is the same referent
        #expect(paper.first?.aliases.contains("Chronicle") == true)
        // two universities named after different places are not one "University"
        #expect(t.withAlias("Indiana University").count == 1)
        #expect(t.withAlias("Texas University").count == 1)
        #expect(t.withAlias("Indiana University").first?.id != t.withAlias("Texas University").first?.id)
        #expect(t.entity(named: "University") == nil)
        // also without a cue word
        #expect(t.withAlias("Boston Dynamics").count == 1)
        #expect(t.withAlias("Boston", .location).isEmpty)
    }

    @Test func aPlaceBeforeASurnameOfTheArticleIsNotOneName() {
        let (t, _) = entityTable(["Bernie Sanders spoke in a crowded hall on Monday, and the Wisconsin Sanders volunteers cheered loudly for him."])
        #expect(t.entities.allSatisfy { !$0.aliases.contains("Wisconsin Sanders") })
        #expect(t.withAlias("Bernie Sanders", .person).first?.aliases.contains("Sanders") == true)
        #expect(t.withAlias("Wisconsin", .location).count == 1)
    }

    @Test func aCityBeforeAnAcronymNameIsNotTheAcronym() {
        let (t, _) = entityTable(["The GOP met in Ohio, where the Indiana GOP chairman spoke. The GOP said little."])
        #expect(t.withAlias("Indiana GOP").count == 1)
        #expect(t.withAlias("GOP").count == 1)
        #expect(t.withAlias("GOP").first?.id != t.withAlias("Indiana GOP").first?.id)
    }

    @Test func aCountrysPossessiveGivesTheOrganisationsCountry() {
        let (t, _) = entityTable(["Delegates of Japan's ruling Heisei Party met those of Russia's Defense Ministry in a hotel."])
        #expect(t.withAlias("Heisei Party", .organization).first?.country == "JP")
        #expect(t.withAlias("Defense Ministry", .organization).first?.country == "RU")
    }

    @Test func aPlaceAfterAFacilityOrEventLocatesIt() {
        let (t, _) = entityTable(["The rocket stood at the Plesetsk cosmodrome, in Russia, while the Northern Trade Forum in Seoul opened."])
        #expect(t.withAlias("Plesetsk cosmodrome", .facility).first?.country == "RU")
        #expect(t.withAlias("Northern Trade Forum", .event).first?.country == "KR")
    }

    @Test func aBodyNameWithAPossessiveInside() {
        let (t, _) = entityTable(["The parade was led by the Marshal of the Korean People's Army, Ri Pyong Chol, on Monday."])
        #expect(t.withAlias("Korean People's Army", .organization).first?.country == "KP")
        #expect(t.withAlias("Ri Pyong Chol", .person).first?.country == "KP")
    }

    @Test func aRegionInLowerCaseAfterItsCountry() {
        let (t, _) = entityTable(["The train reached Russia's far east on Tuesday. The Russian Far East is vast."])
        let region = t.withAlias("far east", .location)
        #expect(region.count == 1)
        #expect(region.first?.name == "Russian Far East" && region.first?.country == "RU")
        // not in lower case after another country, nor a mere description
        let (t2, _) = entityTable(["The storm hit China's far east coast. Analysts in the far east disagreed."])
        #expect(t2.withAlias("far east").isEmpty)
    }

    @Test func aPlaceWithADescriptionNamesTheEventLocatedThere() {
        let (t, _) = entityTable([
            "Forum opens\n\nThe Northern Trade Forum in Vladivostok opened its doors to traders from many countries on a rainy morning.",
            "Forum ends\n\nDelegates at the Vladivostok trade forum spoke, and the Vladivostok port workers went home.",
        ])
        let forum = t.withAlias("Northern Trade Forum", .event)
        #expect(forum.count == 1)
        #expect(forum.first?.aliases.contains("Vladivostok trade forum") == true)
        #expect(forum.first?.country == "RU")
        #expect(t.entities.allSatisfy { !$0.aliases.contains { $0.hasPrefix("Vladivostok port") } })
        // without a named event located in that place, the description is not an entity
        let (t2, _) = entityTable(["Forum ends\n\nDelegates at the Vladivostok trade forum spoke.", "Forum opens\n\nThe Northern Trade Forum opened its doors to traders from many countries in June."])
        #expect(t2.withAlias("Northern Trade Forum").first?.aliases.contains("Vladivostok trade forum") == false)
        #expect(t2.entities.allSatisfy { !$0.aliases.contains("Vladivostok trade forum") })
    }

    @Test func twoCapitalisedWordsJoinedByAndCanBeOneName() {
        let (t, _) = entityTable(["She previously worked for Bricks and Mortar and the Daily Planet. She wrote for the Quill and Ink every week."])
        #expect(t.withAlias("Bricks and Mortar", .organization).count == 1)
        #expect(t.withAlias("Quill and Ink", .organization).count == 1)
        // two people, places or bodies are not one name
        let (t2, _) = entityTable(["The Koch and Giuliani administrations differed. Officials from Tanzania and Kenya met, and the House and Senate agreed. Dmitry Peskov met Sergei Shoigu; Peskov and Shoigu and the others left."])
        #expect(t2.entities.allSatisfy { e in !e.aliases.contains { $0.contains(" and ") } })
    }

    @Test func theCanonicalNameIsTheFullFormWithItsCountry() {
        let (t, _) = entityTable(["The U.S. Air Force said it was ready on Monday. The Air Force added that the Air Force had planes. The Air Force said more."])
        let force = t.withAlias("Air Force", .organization)
        #expect(force.count == 1)
        #expect(force.first?.name == "U.S. Air Force")
        #expect(force.first?.country == "US")
        // an acronym is a full name by itself
        let (t2, _) = entityTable(["The RNC met on Monday. The RNC said more. The RNC left. Officials of the American RNC stayed."])
        #expect(t2.withAlias("RNC").first?.name == "RNC")
    }

    @Test func aTitleWithOfInsideBeforeAName() {
        let (t, _) = entityTable(["The speech was given by former Secretary of State Hillary Clinton in a hall on Monday morning, and Secretary of State John Kerry listened."])
        let kerry = t.withAlias("John Kerry", .person)
        #expect(kerry.count == 1)
        #expect(kerry.first?.roles.contains("Secretary of State") == true)
        #expect(t.withAlias("Hillary Clinton", .person).count == 1)
        #expect(t.entities.allSatisfy { e in !e.aliases.contains { $0.hasPrefix("State ") } })
    }

    @Test func aPersonBasedInAPlace() {
        let (t, _) = entityTable(["Jane Holloway is a senior U.S. politics reporter based in London. Tom Avery, based in Seoul, wrote the story with her."])
        #expect(t.withAlias("Jane Holloway", .person).first?.country == "GB")
        #expect(t.withAlias("Tom Avery", .person).first?.country == "KR")
    }

    @Test func aSurnameThatIsACountryStaysAPerson() {
        let (t, _) = entityTable(["Michael Jordan visited Jordan on Tuesday with his family and friends, and later Mr. Jordan flew home to Chicago on a night flight."])
        let person = t.withAlias("Michael Jordan", .person)
        #expect(person.count == 1)
        #expect(person.first?.aliases.contains("Mr. Jordan") == true)
        let country = t.withAlias("Jordan", .country)
        #expect(country.count == 1)
        #expect(country.first?.id != person.first?.id)
        #expect(country.first?.aliases.contains("Michael Jordan") == false)
    }
}
