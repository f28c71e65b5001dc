import Foundation
import Testing
@testable import NewsQuery

/// `sentences`: rows, fields, text operators, boilerplate left out by default and shown on request
/// (checked against the boilerplate spans of `../shared/seeds/gold.json`), and the `sentence` of a
/// quotation and the `boilerplate` of a mention.
@Suite struct SentenceQueryTests {
    static let seeds: ArticleStore = {
        let documents = CorpusLoader().load(paths: [Repo.root + "/examples/corpus"]).documents
        return ArticleStore(documents: documents)
    }()

    static func run(_ statement: String, columns: [String]? = nil) -> String {
        TinyStore.run(statement, on: seeds, columns: columns)
    }

    static func rows(_ statement: String) -> [[String: String]] {
        guard case .success(.rows(let result)) = Engine(store: seeds).run(Source(statement)) else { return [] }
        return result.rows.map { Dictionary(uniqueKeysWithValues: zip(result.columns, $0.map(\.plainText))) }
    }

    /// A small annotated article: the annotator's sentences, one row each, numbered in text order.
    @Test func sentencesAreRowsInTextOrderWithTheirCounts() {
        let text = """
            Talks in Vladivostok

            The summit opened on Tuesday. "We expect a comprehensive visit," Peskov said. Prices of grain rose.
            """
        let store = ArticleStore(documents: [Document(id: "s1", text: text)])
        let out = TinyStore.run("sentences", on: store, columns: ["n", "text", "quotes", "words", "boilerplate", "repeat"])
        #expect(out == """
            n | text | quotes | words | boilerplate | repeat
            1 | Talks in Vladivostok | 0 | 3 | no | no
            2 | The summit opened on Tuesday. | 0 | 5 | no | no
            3 | "We expect a comprehensive visit," Peskov said. | 1 | 7 | no | no
            4 | Prices of grain rose. | 0 | 4 | no | no
            """)
        // Offsets index the file; `start`/`end` give the sentence back.
        for row in store.sentences {
            #expect(store.articles[row.article].text(of: row.span) == store.articles[row.article].line(of: row.span))
        }
        // Text operators as on quotes: inflections, prefixes, phrases, near.
        #expect(TinyStore.run("sentences where text ~ price", on: store, columns: ["n"]) == "n\n4")
        #expect(TinyStore.run("sentences where text ~ =price", on: store, columns: ["n"]) == "n")
        #expect(TinyStore.run("sentences where text ~ summ*", on: store, columns: ["n"]) == "n\n2")
        #expect(TinyStore.run(#"sentences where text ~ "comprehensive visit""#, on: store, columns: ["n"]) == "n\n3")
        #expect(TinyStore.run("sentences where text ~ (expect near/3 visit)", on: store, columns: ["n"]) == "n\n3")
        #expect(TinyStore.run("sentences where text ~ (expect near/2 visit)", on: store, columns: ["n"]) == "n")
        #expect(TinyStore.run("sentences where quotes > 0 or n = 1 order by n desc", on: store, columns: ["n"]) == "n\n3\n1")
        #expect(TinyStore.run("count sentences by quotes", on: store) == "quotes | count\n0 | 3\n1 | 1")
    }

    @Test func boilerplateIsLeftOutUnlessTheConditionNamesIt() {
        #expect(Self.rows(#"sentences where text ~ "Amazon Prime""#).isEmpty)
        #expect(Self.rows(#"sentences where text ~ "Amazon Prime" and boilerplate"#).count == 4)
        #expect(Self.rows(#"sentences where text ~ "Amazon Prime" and boilerplate = yes"#).count == 4)
        #expect(Self.rows(#"sentences where boilerplate = no"#).count == Self.rows("sentences").count)
        #expect(Self.rows("sentences").allSatisfy { $0["boilerplate"] == "no" })
        // Grouping by it shows both sides.
        let counts = Self.rows("count sentences by boilerplate")
        #expect(Set(counts.map { $0["boilerplate"]! }) == ["yes", "no"])
        let total = counts.reduce(0) { $0 + Int($1["count"]!)! }
        #expect(total == Self.seeds.sentences.count)
        // The plan says so.
        #expect(Self.run("explain sentences where text ~ lunch") == """
            Project sentence row (16 columns)
              Filter boilerplate = 'no'
                IndexLookup sentenceIndex "lunch" (est. 2 rows)
            """)
        #expect(!Self.run("explain sentences where not boilerplate").contains("and boilerplate = 'no'"))
        // A name keeps what its query chose.
        var environment = Environment()
        _ = TinyStore.run("let b = sentences where boilerplate", on: Self.seeds, environment: &environment)
        #expect(TinyStore.run("b where article = 003_7eb74552e98a5eb9", on: Self.seeds, columns: ["text"], environment: &environment)
            == "text\nKCNA / AP / Scanpix / LETA\nKCNA / AP / Scanpix / LETA\nKCNA / AP / Scanpix / LETA")
    }

    /// The gold's boilerplate spans are exactly covered by `sentences where boilerplate`: every gold
    /// span lies inside the rows, and every row lies inside a gold span.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: GoldAnswersTests.goldPath), "gold.json is absent"))
    func boilerplateRowsAreTheGoldsBoilerplate() throws {
        let data = try #require(FileManager.default.contents(atPath: GoldAnswersTests.goldPath))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let articles = try #require(json["articles"] as? [[String: Any]])
        var gold: [String: [Span]] = [:]
        for article in articles {
            let id = try #require(article["id"] as? String)
            for span in article["boilerplate"] as? [[String: Any]] ?? [] {
                gold[id, default: []].append(Span(span["start"] as! Int, span["end"] as! Int))
            }
        }
        #expect(gold.values.joined().count == 18)
        var found: [String: [Span]] = [:]
        for row in Self.rows("sentences where boilerplate") {
            found[row["article"]!, default: []].append(Span(Int(row["start"]!)!, Int(row["end"]!)!))
        }
        for (id, spans) in gold {
            for span in spans {
                let inside = found[id, default: []].filter { span.contains($0) }
                let covered = inside.reduce(0) { $0 + $1.length }
                let text = span.length - Self.seeds.articles.first { $0.id == id }!.text(of: span).filter(\.isWhitespace).count
                #expect(covered >= text, "gold boilerplate \(id) \(span) not covered by boilerplate rows: \(inside)")
            }
        }
        for (id, spans) in found {
            for span in spans {
                #expect(gold[id, default: []].contains { $0.contains(span) }, "\(id) \(span) is boilerplate but not in the gold")
            }
        }
    }

    /// `text ~` on sentences is answered from the sentence index; filtering every sentence gives the same rows.
    @Test func theSentenceIndexAgreesWithAScan() throws {
        let searches = ["price", "=prices", "pric*", #""formal lunch""#, "(train near/3 Pyongyang)", "(price and not weapons)",
                        "(Putin or Peskov)", "(not Kim)", #"("armored train" near/10 Vladivostok)"#, "zzz", "(weapon* and (price or deal*))"]
        for search in searches {
            let source = Source("sentences where text ~ \(search) and (boilerplate or not boilerplate)")
            guard case .success(let bound) = Engine.compile(source), let query = bound.query else {
                Issue.record("does not compile: \(search)"); continue
            }
            let indexed = Planner(store: Self.seeds).plan(query)
            let scanned = Planner(store: Self.seeds, options: .init(useIndex: false)).plan(query)
            #expect(Explain.render(indexed).contains("sentenceIndex"), "\(search)")
            #expect(!Explain.render(scanned).contains("sentenceIndex"), "\(search)")
            #expect(Executor(store: Self.seeds).run(indexed).rows == Executor(store: Self.seeds).run(scanned).rows, "\(search)")
        }
        #expect(Self.rows("sentences where text ~ (price and weapon*)").count == 3)
    }

    @Test func repeatsAreFlagged() {
        // 000 repeats its headline and lede.
        let repeats = Self.rows("sentences where repeat and not boilerplate")
        #expect(repeats.map { $0["article"]! } == ["000_801eace45a2133ac", "000_801eace45a2133ac"])
        #expect(repeats.first?["text"]?.hasPrefix("Kim Jong-un is on a train to Vladivostok") == true)
    }

    @Test func quotationsKnowTheirSentence() {
        let out = Self.run(#"quotes where sentence ~ "Russian media" and kind = direct"#, columns: ["quote", "sentence"])
        #expect(out == """
            quote | sentence
            002_9bb85a162a50f120:1824 | “Our countries cooperate on sensitive issues that should not be the subject of public broadcast and announcements,” Peskov told Russian media.
            """)
        // Tables keep their columns; machine formats get `sentence`.
        #expect(!QuoteRows.tableColumns.contains("sentence"))
        #expect(QuoteRows.columns.last == "sentence")
    }

    @Test func mentionsKnowWhetherTheyAreInBoilerplate() {
        let captions = Self.rows("mentions where boilerplate and entity = Putin")
        #expect(captions.map { $0["article"]! } == ["002_9bb85a162a50f120"])
        // Left out by default, with a note when nothing else matches.
        #expect(Self.rows("mentions where not boilerplate and entity = Putin").count == Self.rows("mentions where entity = Putin").count)
        #expect(Self.rows("mentions where entity = Putin and (boilerplate or not boilerplate)").count
            == Self.rows("mentions where entity = Putin").count + 1)
        #expect(Self.run("who mentioned LETA") == """
            article | source | source_country | mentions
            note: boilerplate is left out: 3 mentions in boilerplate lines match (`where boilerplate`, or `and boilerplate` after a condition, shows them)
            """)
        #expect(Self.run("who mentioned LETA where boilerplate", columns: ["article", "mentions"]) == "article | mentions\n003_7eb74552e98a5eb9 | 3")
        #expect(Self.run("entities where entity = LETA", columns: ["mentions", "articles"]) == "mentions | articles\n0 | 0")
    }

    @Test func yesNoFieldsAreCheckedWhereWritten() {
        #expect(Self.run("sentences where boilerplate = maybe") == """
            <query>:1:31: error: expected yes or no for `boilerplate`, found maybe
              sentences where boilerplate = maybe
                                            ^~~~~
              for example: boilerplate = yes, or `boilerplate` alone, or `not boilerplate`
            """)
        #expect(Self.run("sentences where repeat ~ yes").contains("error: `~` searches text; `repeat` is yes or no"))
        #expect(Self.run("sentences where boilerplate > no").contains("error: `>` compares numbers and dates; `boilerplate` is yes or no"))
        #expect(Self.run("quotes where boilerplate").contains("1:14: error: unknown field `boilerplate` for quotes"))
        // Only a yes/no field may stand alone.
        #expect(Self.run("sentences where text").contains("error: expected `=`, `!=`, `<`, `<=`, `>`, `>=`, `~` or `in` after `text`"))
        #expect(Self.run("sentences where nn > 3").contains("did you mean `n`?"))
        #expect(Self.run("sentences where boilerplate = true", columns: ["article"]).split(separator: "\n").count == 25)
    }
}
