import Testing
@testable import NewsQuery

/// `what did`, `count … by`, `order by`, typed comparisons, `in`, text operators and named results,
/// end to end on hand-made stores.
@Suite struct QueryFeaturesTests {
    func dated(_ text: String, _ columns: [String]? = ["article", "speaker", "text"]) -> String {
        TinyStore.run(text, on: TinyStore.dated, columns: columns)
    }

    @Test func whatDidASpeakerSay() {
        // The store resolves both spellings to one entity, named by its first full form.
        #expect(dated("what did peskov say") == """
            article | speaker | text
            d1 | Dmitry Peskov | Arms deals are not planned
            d3 | Dmitry Peskov | No comment
            """)
        #expect(dated(#"what did "Dmitri Peskov" say"#) == dated("what did peskov say"))
        #expect(dated("what did Peskov say where kind = direct") == dated("quotes where speaker = Peskov and kind = direct"))
        // The rows are those of `quotes`.
        #expect(TinyStore.run("what did Putin say") == TinyStore.run("quotes where speaker = Putin"))
    }

    @Test func whoSaidCountsSpeechUnlessACueClassIsNamed() {
        let store = ArticleStore(articles: [
            TinyStore.article("c1", [Said("Prices will rise", by: "Ann Lee"),
                                     Said("prices will rise again", by: "Bo Chan", kind: .indirect, cueClass: .belief),
                                     Said("prices rose by half", by: "Gallup", kind: .indirect, cueClass: .data),
                                     Said("prices are high", by: "Cy Dunn", kind: .indirect, cueClass: .according)]),
        ])
        #expect(TinyStore.run("who said prices", on: store, columns: ["speaker"]) == "speaker\nAnn Lee\nCy Dunn")
        #expect(TinyStore.run("who said prices where cue_class = belief", on: store, columns: ["speaker"]) == "speaker\nBo Chan")
        #expect(TinyStore.run("who said prices where cue_class != speech", on: store, columns: ["speaker"]) == "speaker\nBo Chan\nCy Dunn\nGallup")
        // `quotes` lists every class.
        #expect(TinyStore.run("count quotes by cue_class", on: store) == "cue_class | count\naccording | 1\nbelief | 1\ndata | 1\nspeech | 1")
        #expect(TinyStore.run("explain who said prices", on: store).contains("cue_class in ('speech', 'according')"))
    }

    @Test func countByFieldsOrdersByCountThenKeys() {
        #expect(TinyStore.run("count quotes by speaker.country") == """
            speaker_country | count
            RU | 3
            US | 2
            FR | 1
             | 1
            """)
        #expect(TinyStore.run("count quotes by source, kind limit 3") == """
            source | kind | count
            USTimesPost | direct | 2
            Le Monde | direct | 1
            Le Monde | mixed | 1
            """)
        #expect(TinyStore.run("count who said price by source where kind = direct") == """
            source | count
            USTimesPost | 2
            Le Monde | 1
             | 1
            """)
        #expect(TinyStore.run("count articles by translated_from order by translated_from") == """
            translated_from | count
            fr | 1
             | 2
            """)
        #expect(TinyStore.run("count sources by country order by count asc, country desc") == """
            source_country | count
            US | 1
            FR | 1
             | 1
            """)
    }

    @Test func distinctListsTheValuesInOrder() {
        #expect(TinyStore.run("distinct speaker.country from quotes") == "speaker_country\nFR\nRU\nUS\n")
        #expect(TinyStore.run("distinct source, kind from who said price where kind != direct") == """
            source | kind
            Le Monde | mixed
            USTimesPost | indirect
            """)
        #expect(TinyStore.run("explain distinct kind from quotes order by kind desc limit 1") == """
            Project kind
              Limit 1
                Sort kind desc (empty last)
                  Aggregate by kind with count
                    Filter repeat = 'no'
                      Scan quotes (est. 7 rows)
            """)
    }

    @Test func countsAgreeWithTheRowsTheyCount() throws {
        guard case .success(.rows(let counts)) = Engine(store: TinyStore.sample).run(Source("count quotes by speaker")),
              case .success(.rows(let quotes)) = Engine(store: TinyStore.sample).run(Source("quotes")) else {
            Issue.record("expected rows"); return
        }
        let total = counts.rows.reduce(0) { sum, row in if case .int(let n) = row.last! { sum + n } else { sum } }
        #expect(total == quotes.rows.count)
        #expect(counts.numericColumns == ["count"])
    }

    @Test func orderByFieldsOfListedRows() {
        #expect(dated("quotes order by date desc, speaker", ["article", "speaker"]) == """
            article | speaker
            d3 | Dmitry Peskov
            d2 | John Kirby
            d2 | John Kirby
            d1 | Dmitry Peskov
            d1 | Sergei Lavrov
            """)
        #expect(dated("quotes order by start desc limit 2", ["article", "start"]) == """
            article | start
            d1 | 83
            d2 | 82
            """)
        #expect(TinyStore.run("articles order by source desc", columns: ["id", "source"]) == """
            id | source
            a1 | USTimesPost
            a2 | Le Monde
            a3 | 
            """)
        #expect(TinyStore.run("who said price order by speaker limit 2") == """
            speaker | speaker_country | count | articles
            Emmanuel Macron | FR | 1 | a2
            Janet Yellen | US | 1 | a1
            """)
    }

    @Test func numbersAndDatesCompareByValue() {
        #expect(dated("articles where date >= 2023-09-11", ["id", "date"]) == "id | date\nd2 | 2023-09-12\nd3 | 2023-10-01")
        #expect(dated("articles where date = 2023-09", ["id"]) == "id\nd1\nd2")
        #expect(dated("articles where date < 2023-10 and date > 2023-09-10", ["id"]) == "id\nd2")
        #expect(dated("articles where date = 2023", ["id"]) == "id\nd1\nd2\nd3")
        #expect(dated("articles where quotes >= 2", ["id", "quotes"]) == "id | quotes\nd1 | 2\nd2 | 2")
        #expect(dated("quotes where start < 60 and end > 50", ["article", "start", "end"]) == "article | start | end\nd1 | 33 | 59\nd2 | 30 | 61")
        // A missing date satisfies no ordering comparison.
        #expect(TinyStore.run("articles where date < 3000", columns: ["id"]) == "id")
    }

    @Test func inLists() {
        #expect(TinyStore.run("quotes where speaker.country in (fr, US)", columns: ["speaker"]) == """
            speaker
            Joe Biden
            Janet Yellen
            Emmanuel Macron
            """)
        #expect(TinyStore.run("quotes where kind not in (direct, indirect)", columns: ["speaker"]) == "speaker\nEmmanuel Macron")
        #expect(TinyStore.run("quotes where speaker in (putin, \"Joe Biden\")", columns: ["article", "speaker"]) == """
            article | speaker
            a1 | Joe Biden
            a2 | Vladimir Putin
            a3 | Vladimir Putin
            """)
    }

    @Test func prefixesInflectionsAndNear() {
        #expect(dated("who said pric*", ["speaker"]) == "speaker\nJohn Kirby")
        #expect(dated(#"quotes where text ~ ="arms deal""#) == "article | speaker | text")
        #expect(dated(#"quotes where text ~ ="arms deals""#) == "article | speaker | text\nd1 | Dmitry Peskov | Arms deals are not planned")
        #expect(dated(#"quotes where text ~ ="arm deals""#) == "article | speaker | text")
        #expect(dated(#"quotes where text ~ "arm deal""#) == "article | speaker | text\nd1 | Dmitry Peskov | Arms deals are not planned")
        #expect(dated(#"quotes where text ~ "arms" near/2 "deal""#) == """
            article | speaker | text
            d1 | Dmitry Peskov | Arms deals are not planned
            d1 | Sergei Lavrov | The deal on arms was never discussed
            d2 | John Kirby | A deal for arms would be a mistake
            """)
        #expect(dated(#"quotes where text ~ "arms" near/1 "deal""#) == "article | speaker | text\nd1 | Dmitry Peskov | Arms deals are not planned")
        #expect(dated(#"who said deal near/6 mistake"#, ["speaker", "count"]) == "speaker | count\nJohn Kirby | 1")
        #expect(dated(#"who said deal near/5 mistake"#, ["speaker", "count"]) == "speaker | count")
        #expect(dated(#"articles where title ~ tit*"#, ["id"]) == "id\nd1\nd2\nd3")
    }

    @Test func indexAndScanGiveTheSameAnswers() {
        for text in [#"who said pric* or "arms deal" or =deals"#, #"who said "arm" near/3 "deals" and not mistake"#, "who said planning",
                     #"quotes where text ~ ("deal" near "arm") and kind = direct"#] {
            let results = [true, false].map { useIndex -> ResultSet? in
                guard case .success(let bound) = Engine.compile(Source(text)) else { return nil }
                let planner = Planner(store: TinyStore.dated, options: .init(useIndex: useIndex))
                return Executor(store: TinyStore.dated).run(planner.plan(bound.query!))
            }
            #expect(results[0] != nil && results[0] == results[1], "\(text)")
        }
    }

    @Test func namedResultsAreRowSources() {
        var environment = Environment()
        #expect(TinyStore.run("let putin = what did Putin say", environment: &environment) == "let putin: 2 quotations")
        #expect(TinyStore.run("putin where source.country = FR", columns: ["article", "text"], environment: &environment) == """
            article | text
            a2 | The oil price matters
            """)
        #expect(TinyStore.run("count putin by article", environment: &environment) == "article | count\na2 | 1\na3 | 1")
        #expect(TinyStore.run("let top = who said price limit 1", environment: &environment) == "let top: 1 speaker")
        #expect(TinyStore.run("top", environment: &environment) == "speaker | speaker_country | count | articles\nVladimir Putin | RU | 2 | a2, a3")
        // `where` on a grouped result filters the quotations it groups; its order and limit stay.
        #expect(TinyStore.run("top where source = US", environment: &environment) == """
            speaker | speaker_country | count | articles
            Janet Yellen | US | 1 | a1
            """)
        // A listed result's limit is part of its rows.
        #expect(TinyStore.run("let first = quotes order by start desc limit 2", environment: &environment) == "let first: 2 quotations")
        #expect(TinyStore.run("first where kind = direct", columns: ["article", "start"], environment: &environment) == """
            article | start
            a1 | 112
            """)
        // Redefining a name in terms of itself narrows it.
        _ = TinyStore.run("let putin = putin where article = a3", environment: &environment)
        #expect(TinyStore.run("putin", columns: ["article"], environment: &environment) == "article\na3")
        #expect(environment.names == ["first", "putin", "top"])
        #expect(environment.listing.rows.map { $0.map(\.plainText) } == [
            ["first", "quotes order by start desc limit 2"],
            ["putin", "putin where article = a3"],
            ["top", "who said price limit 1"],
        ])
        #expect(TinyStore.run("explain putin", environment: &environment) == """
            Project quote row (21 columns)
              Named putin
                Filter article = 'a3'
                  Named putin
                    Filter speaker = 'Putin' and repeat = 'no'
                      Scan quotes (est. 7 rows)
            """)
    }

    @Test func theOneArgumentRunForgetsNames() {
        let engine = Engine(store: TinyStore.sample)
        guard case .success(.text(let text)) = engine.run(Source("let x = quotes")) else { Issue.record("expected text"); return }
        #expect(text == "let x: 7 quotations")
        guard case .failure = engine.run(Source("x")) else { Issue.record("expected an error"); return }
    }
}
