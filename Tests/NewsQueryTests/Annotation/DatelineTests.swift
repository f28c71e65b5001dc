import Foundation
import Testing
@testable import NewsQuery

/// Datelines opening the body (`WASHINGTON —`, `PHILADELPHIA, July 25 (UPI) —`): invented openings of
/// every form, lines that look like one but are not, the fields, and a measured run on PolNeAR dev.
@Suite("Annotation: datelines")
struct DatelineTests {
    /// A headline, a blank line, then the body.
    static func annotate(_ body: String, headline: String = "A headline about the campaign") -> (scalars: [Unicode.Scalar], annotations: ArticleAnnotations) {
        let text = headline + "\n\n" + body
        return (Array(text.unicodeScalars), Annotator().annotate(Document(id: "t", text: text)))
    }

    static func text(_ s: [Unicode.Scalar], _ span: Span?) -> String? { span.map { AnnotationSeedCorpusTests.string(s, $0) } }

    struct Expected {
        var span: String
        var place: String?
        var region: String? = nil
        var date: String? = nil
        var agency: String? = nil
        var country: String? = nil
    }

    static let lede = "The candidates spent the weekend courting voters in the suburbs."

    @Test(arguments: [
        ("WASHINGTON — \(lede)", Expected(span: "WASHINGTON —", place: "WASHINGTON", country: "US")),
        ("WASHINGTON—\(lede)", Expected(span: "WASHINGTON—", place: "WASHINGTON", country: "US")),
        ("BOSTON —\(lede)", Expected(span: "BOSTON —", place: "BOSTON", country: "US")),
        ("DES MOINES - \(lede)", Expected(span: "DES MOINES -", place: "DES MOINES", country: "US")),
        ("TALLAHASSEE -- \(lede)", Expected(span: "TALLAHASSEE --", place: "TALLAHASSEE")),
        ("PHILADELPHIA, July 25 (UPI) — \(lede)",
         Expected(span: "PHILADELPHIA, July 25 (UPI) —", place: "PHILADELPHIA", date: "July 25", agency: "UPI", country: "US")),
        ("SEOUL, Sept 12 (Reuters) - \(lede)",
         Expected(span: "SEOUL, Sept 12 (Reuters) -", place: "SEOUL", date: "Sept 12", agency: "Reuters", country: "KR")),
        ("MOSCOW, Russia (AP) — \(lede)",
         Expected(span: "MOSCOW, Russia (AP) —", place: "MOSCOW", region: "Russia", agency: "AP", country: "RU")),
        ("Vladivostok (AFP) - \(lede)", Expected(span: "Vladivostok (AFP) -", place: "Vladivostok", agency: "AFP", country: "RU")),
        ("Vladivostok (Russia) (AFP) - \(lede)",
         Expected(span: "Vladivostok (Russia) (AFP) -", place: "Vladivostok", region: "Russia", agency: "AFP", country: "RU")),
        ("NEW YORK: \(lede)", Expected(span: "NEW YORK:", place: "NEW YORK", country: "US")),
        ("MANCHESTER, N.H. (AP) — \(lede)",
         Expected(span: "MANCHESTER, N.H. (AP) —", place: "MANCHESTER", region: "N.H.", agency: "AP", country: "US")),
        ("HEMPSTEAD, N.Y., Sept. 26 (UPI) — \(lede)",
         Expected(span: "HEMPSTEAD, N.Y., Sept. 26 (UPI) —", place: "HEMPSTEAD", region: "N.Y.", date: "Sept. 26", agency: "UPI", country: "US")),
        ("PARIS, Texas, July 4, 2016 — \(lede)",
         Expected(span: "PARIS, Texas, July 4, 2016 —", place: "PARIS", region: "Texas", date: "July 4, 2016", country: "US")),
        ("KAMPALA, Uganda — \(lede)", Expected(span: "KAMPALA, Uganda —", place: "KAMPALA", region: "Uganda")),
        ("WASHINGTON/NEW YORK (Reuters) - \(lede)",
         Expected(span: "WASHINGTON/NEW YORK (Reuters) -", place: "WASHINGTON/NEW YORK", agency: "Reuters", country: "US")),
        ("ST. LOUIS ― \(lede)", Expected(span: "ST. LOUIS ―", place: "ST. LOUIS", country: "US")),
        ("Dec 29 (Reuters) - \(lede)", Expected(span: "Dec 29 (Reuters) -", place: nil, date: "Dec 29", agency: "Reuters")),
        ("LOS ANGELES --  ''The stories begin,'' she said in the lobby.",
         Expected(span: "LOS ANGELES --", place: "LOS ANGELES", country: "US")),
    ])
    func datelineForms(_ body: String, _ expected: Expected) {
        let (s, a) = Self.annotate(body + "\n\nA second paragraph follows here.\n")
        guard let d = a.dateline else {
            Issue.record("no dateline in: \(body)")
            return
        }
        #expect(Self.text(s, d.span) == expected.span)
        #expect(Self.text(s, d.place) == expected.place)
        #expect(Self.text(s, d.region) == expected.region)
        #expect(Self.text(s, d.date) == expected.date)
        #expect(Self.text(s, d.agency) == expected.agency)
        #expect(d.country == expected.country)
        if let agency = expected.agency { #expect(a.agencies.contains(agency)) }
    }

    @Test(arguments: [
        // Not at the start of a line near the top.
        "The senator flew back. WASHINGTON — the capital — was quiet.\n\n\(lede)",
        // A sentence that opens with a place in capitals.
        "NEW YORK is a city that never sleeps, and it was loud again on Monday — very loud.",
        // Labels, transcript speakers and section heads in capitals.
        "EXCLUSIVE — \(lede)",
        "UPDATE: 5/12 — \(lede)",
        "JAKE DOE: \(lede)",
        "CONGRESS HAS INVESTIGATED HIM — \(lede)",
        "POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - \(lede)",
        "HE'S BEEN CALLED OUT BY FELLOW DOCTORS — \(lede)",
        // A mixed-case opening needs a date or an agency; a party-and-state parenthesis is no agency.
        "Washington — \(lede)",
        "Sen. Jane Doe (D-Ore.): \(lede)",
        // A paid notice, a time stamp, a headline in capitals and one in Title Case after the dash.
        "SMITH--John Arthur, 98, of Rye, passed away on Friday.",
        "11:40 am — Police announce the suspect's name on the scanner.",
        "WASHINGTON — THE BATTLE FOR CONGRESS BEGINS",
        "WASHINGTON — Senate Passes Bill to Fund Government",
    ])
    func notDatelines(_ body: String) {
        let (_, a) = Self.annotate(body + "\n\n\(Self.lede)\n")
        #expect(a.dateline == nil, "dateline found in: \(body)")
    }

    @Test func theTitleLineAndLinesFarDownAreNotRead() {
        // The headline (the document's title) is skipped, even when it has a dateline's shape.
        let (_, titled) = Self.annotate(Self.lede, headline: "WASHINGTON — Senators argue over the budget again")
        #expect(titled.dateline == nil)
        // A dateline after a short standfirst and an abstract is found; after six lines it is not.
        let (s, near) = Self.annotate("ABSTRACT.\n\n\(Self.lede)\n\nFULL TEXT.\n\nBRUSSELS - \(Self.lede)\n")
        #expect(Self.text(s, near.dateline?.span) == "BRUSSELS -")
        #expect(near.dateline?.country == "BE")
        let filler = (1...6).map { "Paragraph \($0) of the story goes on here." }.joined(separator: "\n\n")
        let (_, far) = Self.annotate(filler + "\n\nBRUSSELS - \(Self.lede)\n")
        #expect(far.dateline == nil)
    }

    @Test func anAgencyTheListLacksIsCreditedAsWritten() {
        let (_, a) = Self.annotate("KAMPALA, Uganda (Daily Monitor) — \(Self.lede)\n")
        #expect(a.dateline?.agencyName == "Daily Monitor")
        #expect(a.agencies == ["Daily Monitor"])
        // A listed spelling is credited by its canonical name, once.
        let (_, b) = Self.annotate("LONDON (Agence France-Presse) — \(Self.lede) AFP said so.\n")
        #expect(b.dateline?.agencyName == "AFP")
        #expect(b.agencies == ["AFP"])
    }

    @Test func datelineFieldsAreQueryable() {
        let store = ArticleStore(documents: [
            Document(id: "nh", text: "Rally in the snow\n\nMANCHESTER, N.H. (AP) — \(Self.lede)\n"),
            Document(id: "dc", text: "Budget talks\n\nWASHINGTON — \(Self.lede)\n"),
            Document(id: "none", text: "No dateline\n\n\(Self.lede)\n"),
        ])
        func ids(_ statement: String) -> [String] {
            guard case .success(.rows(let rows)) = Engine(store: store).run(Source(statement)),
                  let i = rows.columns.firstIndex(of: "id") else { Issue.record("\(statement) gave no rows"); return [] }
            return rows.rows.map { $0[i].plainText }
        }
        #expect(ids(#"articles where source.dateline = "manchester, n.h.""#) == ["nh"])
        #expect(ids("articles where dateline ~ manchester") == ["nh"])
        #expect(ids("articles where source.dateline_country = US").sorted() == ["dc", "nh"])
        #expect(ids("articles where dateline = WASHINGTON") == ["dc"])
        #expect(ids("articles where source.agencies = AP") == ["nh"])
        #expect(ids("articles where not source.dateline_country = US") == ["none"])
    }

    @Test func theSeedCorpusHasNoDatelines() {
        #expect(EntityQueryTests.store.articles.allSatisfy { $0.annotations.dateline == nil })
    }

    // MARK: PolNeAR dev (skipped when ../shared is absent)

    static let dev = EntityCorpusScaleTests.repoRoot.appendingPathComponent("../shared/polnear/dev/text").standardizedFileURL

    @Test func polnearDevDatelines() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.dev.path) else {
            print("SKIPPED: \(Self.dev.path) not found")
            return
        }
        let documents = CorpusLoader().load(paths: [Self.dev.path]).documents
        var found: [(String, String)] = []
        for d in documents {
            let a = Annotator().annotate(d)
            guard let line = a.dateline else { continue }
            let s = Array(d.text.unicodeScalars)
            found.append((d.id, String(String.UnicodeScalarView(s[line.span.start..<line.span.end]))))
        }
        print("datelines: PolNeAR dev, \(found.count) of \(names.filter { $0.hasSuffix(".txt") }.count) articles")
        for (id, text) in found { print("  \(id): \(text)") }
        // Every dateline found opens with its place or date and ends with its separator.
        #expect(found.allSatisfy { $0.1.last.map { "—―–-:".contains($0) } == true })
        #expect(found.count >= 10)
    }
}
