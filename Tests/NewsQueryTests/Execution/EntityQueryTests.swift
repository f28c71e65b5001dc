import Foundation
import Testing
@testable import NewsQuery

/// `entities`, `mentions`, `who mentioned` and the speaker-entity fields of quotations, on the
/// bundled corpus (examples/corpus).
@Suite struct EntityQueryTests {
    static let store: ArticleStore = {
        let documents = CorpusLoader().load(paths: [Repo.root + "/examples/corpus"]).documents
        return ArticleStore(documents: documents)
    }()

    static func run(_ statement: String) -> Result<QueryOutcome, QueryError> {
        Engine(store: store).run(Source(statement))
    }

    static func rows(_ statement: String) -> ResultSet {
        guard case .success(.rows(let rows)) = run(statement) else {
            Issue.record("\(statement) gave no rows")
            return ResultSet(columns: [])
        }
        return rows
    }

    static func column(_ name: String, _ result: ResultSet) -> [String] {
        guard let i = result.columns.firstIndex(of: name) else { return [] }
        return result.rows.map { $0[i].plainText }
    }

    static func error(_ statement: String) -> String {
        guard case .failure(let error) = run(statement) else { return "ok" }
        return DiagnosticRenderer.render(error)
    }

    @Test func theStatementsParseAndPrint() {
        for text in ["who mentioned Shoigu", #"who mentioned "Kim Jong Un" where source.country = US limit 2"#,
                     "entities where type = person order by mentions desc", "mentions where entity = Kremlin limit 3",
                     "count mentions by entity", "distinct type from entities"] {
            let (statement, diagnostics) = Parser.parse(Source(text))
            #expect(diagnostics.isEmpty, "\(text)")
            #expect(statement?.description == text)
        }
        let (_, diagnostics) = Parser.parse(Source("who sad x"))
        #expect(diagnostics.first?.message == "expected `said` or `mentioned` after `who`, found `sad`")
    }

    @Test func entitiesListEveryEntityWithItsColumns() {
        let all = Self.rows("entities")
        #expect(all.columns == ["entity", "type", "country", "aliases", "roles", "mentions", "articles"])
        #expect(all.rows.count == Self.store.entities.entities.count)
        // any alias, any case
        for name in ["Dmitri Peskov", "dmitry peskov", "Peskov"] {
            #expect(Self.column("entity", Self.rows(#"entities where entity = "\#(name)""#)) == ["Dmitry Peskov"], "\(name)")
        }
        #expect(Self.column("entity", Self.rows(#"entities where aliases = "Sergey Shoigu""#)) == ["Sergei Shoigu"])
        #expect(Self.column("entity", Self.rows("entities where aliases ~ shoigu")) == ["Sergei Shoigu"])
        let people = Self.rows("entities where type = person and mentions >= 5 order by mentions desc")
        let counts = Self.column("mentions", people).compactMap(Int.init)
        #expect(counts == counts.sorted(by: >) && counts.allSatisfy { $0 >= 5 })
        #expect(Self.column("type", people).allSatisfy { $0 == "person" })
    }

    @Test func mentionsAgreeWithTheEntities() {
        let mentions = Self.rows("mentions")
        #expect(mentions.columns == ["entity", "type", "article", "start", "end", "text", "source", "source_country", "sentence",
                                     "clause"])
        #expect(mentions.tableColumns == ["entity", "type", "article", "start", "end", "text", "source", "source_country"])
        // Boilerplate lines (captions, credits, bios) are left out unless the condition names them.
        #expect(mentions.rows.count == Self.store.entityCounts.reduce(0) { $0 + $1.mentions })
        #expect(Self.rows("mentions where boilerplate or not boilerplate").rows.count
            == Self.store.entities.entities.reduce(0) { $0 + $1.mentions.count })
        #expect(Self.rows("mentions where boilerplate").rows.count == Self.store.entityMentions.count { $0.isBoilerplate })
        let shoigu = Self.rows(#"mentions where entity = "Sergey Shoigu""#)
        #expect(Set(Self.column("text", shoigu)) == ["Sergei Shoigu", "Sergey Shoigu", "Shoigu"])
    }

    @Test func mentionsKnowTheirSentenceAndClause() {
        // Every mention lies in its sentence, and its clause in that sentence.
        let all = Self.rows("mentions")
        for row in all.rows {
            let text = row[5].plainText, sentence = row[8].plainText, clause = row[9].plainText
            #expect(sentence.contains(text) && clause.contains(text) && sentence.contains(clause), "\(text): \(clause) / \(sentence)")
        }
        // A sentence search finds every place of the sentence; a clause search only those of the clause.
        let bySentence = Self.rows(#"mentions where type = location and sentence ~ Seoul near/3 "said" and sentence ~ crossed"#)
        #expect(Set(Self.column("entity", bySentence)) == ["Seoul"])
        #expect(Self.rows("mentions where type = location and clause ~ crossed and article = 001").rows.isEmpty)
        let clauses = Self.rows("mentions where article = 003_7eb74552e98a5eb9 and type = facility and clause ~ stopped")
        #expect(Self.column("text", clauses) == ["Khasan railway station"])
        #expect(Self.column("clause", clauses).allSatisfy { $0.hasPrefix("it stopped at the Khasan railway station") })
        // Like every text field, `sentence` takes only text operators.
        guard case .failure(let error) = Self.run("mentions where sentence > 3") else {
            Issue.record("sentence > 3 is not an error"); return
        }
        #expect(DiagnosticRenderer.render(error).contains("`sentence` is text"))
    }

    @Test func anAgencyMatchesByAnyOfItsSpellings() {
        func ids(_ statement: String) -> [String] { Self.column("id", Self.rows(statement)) }
        let ap = ids("articles where source.agencies = AP")
        #expect(ap == ["003_7eb74552e98a5eb9", "004_b7d6da664c311baa"])
        #expect(ids(#"articles where source.agencies = "Associated Press""#) == ap)
        #expect(ids(#"articles where agencies in ("the associated press")"#) == ap)
        #expect(ids(#"articles where agencies = "Korean Central News Agency""#) == ids("articles where agencies = KCNA"))
        #expect(ids(#"articles where agencies != "Associated Press""#).count == Self.store.articles.count - ap.count)
        #expect(ids(#"articles where agencies = "Press""#).isEmpty)
    }

    @Test func whoMentionedCountsPerArticle() {
        let result = Self.rows("who mentioned putin")
        #expect(result.columns == ["article", "source", "source_country", "mentions"])
        let counts = Self.column("mentions", result).compactMap(Int.init)
        #expect(counts == counts.sorted(by: >))
        let putin = Self.store.entities.entity(named: "Putin")!.id
        #expect(counts.reduce(0, +) == Self.store.entityCounts[putin].mentions)
        #expect(Self.column("mentions", Self.rows(#"entities where entity = Putin"#)) == [String(counts.reduce(0, +))])
        #expect(Self.column("article", Self.rows("who mentioned Putin where source.country = US")) == ["004_b7d6da664c311baa"])
        #expect(Self.rows("count who mentioned Putin by source").rows.count == 2)
    }

    @Test func anUnknownNameSuggestsAnEntity() {
        #expect(Self.error("who mentioned Shoygu") == """
            <query>:1:15: error: no entity is called "Shoygu"
              who mentioned Shoygu
                            ^~~~~~
              did you mean `Shoigu`? `entities` lists every entity and its aliases
            """)
        #expect(Self.error("who mentioned Shoigu where kind = direct").contains("unknown field `kind` for mentions"))
        #expect(Self.error("entities where type = persn").contains("did you mean `person`?"))
        #expect(Self.error("entities where mentions ~ 3").contains("`mentions` is a number"))
    }

    @Test func explainShowsTheScans() {
        guard case .success(.text(let plan)) = Self.run("explain who mentioned Shoigu where source.country = US") else {
            Issue.record("no plan"); return
        }
        #expect(plan == """
            Project article, source, source_country, mentions
              Sort mentions desc, article asc
                Aggregate by article with count of mentions
                  Filter entity = 'Shoigu' and source.country = 'US' and boilerplate = 'no'
                    Scan mentions (est. \(Self.store.entityMentions.count) rows)
            """)
    }

    @Test func quotationsKnowTheirSpeakerEntity() {
        let all = Self.rows("quotes")
        #expect(all.columns.suffix(3) == ["speaker_type", "speaker_role", "sentence"])
        let people = Self.rows("quotes where speaker.type = person")
        #expect(!people.rows.isEmpty && Self.column("speaker_type", people).allSatisfy { $0 == "person" })
        #expect(Set(Self.column("speaker", Self.rows("quotes where speaker.role = \"Kremlin spokesman\""))) == ["Dmitry Peskov"])
        // cue classes partition the quotations `quotes` lists; a quotation in a passage the article
        // repeats is read once: left out unless asked for (`quotes where repeat`)
        let byClass = Self.rows("count quotes by cue_class")
        let repeats = Self.store.articles.reduce(0) { $0 + $1.annotations.quotations.count(where: \.isRepeat) }
        #expect(repeats > 0)
        #expect(Self.column("count", byClass).compactMap(Int.init).reduce(0, +) == all.rows.count)
        #expect(Self.rows("quotes where repeat").rows.count == repeats)
        #expect(Self.rows("count quotes by repeat").rows.count == 2)
        #expect(Self.error("quotes where cue_class = speach").contains("did you mean `speech`?"))
    }
}
