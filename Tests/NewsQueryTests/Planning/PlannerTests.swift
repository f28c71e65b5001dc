import Testing
@testable import NewsQuery

@Suite struct PlannerTests {
    func explain(_ text: String, useIndex: Bool = true) -> String {
        guard case .success(let bound) = Engine.compile(Source(text)) else { return "error" }
        let planner = Planner(store: TinyStore.sample, options: .init(useIndex: useIndex))
        return Explain.render(planner.plan(bound.query!))
    }

    @Test func whoSaidUsesTheIndexUnderTheFilter() {
        #expect(TinyStore.run("explain who said price where source = US limit 10") == """
            Project speaker, speaker_country, count, articles
              Limit 10
                Sort count desc, speaker asc (empty last)
                  Aggregate by speaker
                    Filter source = 'US' and cue_class in ('speech', 'according') and repeat = 'no'
                      IndexLookup quoteIndex "price" {price, prices} (est. 6 rows)
            """)
    }

    @Test func phraseEstimateIsTheRarestWord() {
        #expect(explain(#"who said "oil price""#).hasSuffix(#"IndexLookup quoteIndex "oil price" {oil} {price, prices} (est. 2 rows)"#))
    }

    @Test func booleanSearchBecomesSetOperations() {
        #expect(explain("who said price and not (oil or peace) or meeting") == """
            Project speaker, speaker_country, count, articles
              Sort count desc, speaker asc (empty last)
                Aggregate by speaker
                  Filter cue_class in ('speech', 'according') and repeat = 'no'
                    Union
                      Except
                        IndexLookup quoteIndex "price" {price, prices} (est. 6 rows)
                        Union
                          IndexLookup quoteIndex "oil" (est. 2 rows)
                          IndexLookup quoteIndex "peace" (est. 1 row)
                      IndexLookup quoteIndex "meeting" (est. 1 row)
            """)
        #expect(explain("who said not war") == """
            Project speaker, speaker_country, count, articles
              Sort count desc, speaker asc (empty last)
                Aggregate by speaker
                  Filter cue_class in ('speech', 'according') and repeat = 'no'
                    Except
                      Scan quotes (est. 7 rows)
                      IndexLookup quoteIndex "war" (est. 0 rows)
            """)
    }

    @Test func textConjunctsOfAConditionUseTheIndex() {
        #expect(explain(#"quotes where text ~ "the price" and not (kind = direct or speaker.country = 'RU') limit 2"#) == """
            Project quote row (21 columns)
              Limit 2
                Filter not (kind = 'direct' or speaker.country = 'RU') and repeat = 'no'
                  IndexLookup quoteIndex "the price" {the} {price, prices} (est. 4 rows)
            """)
    }

    @Test func withoutTheIndexTextTermsFilterAScan() {
        #expect(explain("who said price and oil", useIndex: false) == """
            Project speaker, speaker_country, count, articles
              Sort count desc, speaker asc (empty last)
                Aggregate by speaker
                  Filter text ~ ('price' and 'oil') and cue_class in ('speech', 'according') and repeat = 'no'
                    Scan quotes (est. 7 rows)
            """)
        // Same answer either way.
        let plan = { (useIndex: Bool) -> ResultSet in
            let bound = try! Engine.compile(Source("who said price and not oil")).get()
            return Executor(store: TinyStore.sample).run(Planner(store: TinyStore.sample, options: .init(useIndex: useIndex)).plan(bound.query!))
        }
        #expect(plan(true) == plan(false))
    }

    @Test func countingEveryQuotationBySpeakerReadsTheSpeakerIndexWithTheScansAnswer() throws {
        #expect(explain("count quotes by speaker") == """
            Project speaker, count
              Sort count desc, speaker asc (empty last)
                IndexCount quotes by speaker (the speaker index, without repeats; est. \(TinyStore.sample.quoteCountsBySpeaker.count) rows)
            """)
        // any other input or grouping is grouped row by row
        #expect(explain("count quotes by speaker where kind = direct").contains("Aggregate by speaker with count"))
        #expect(explain("count quotes by speaker, source").contains("Aggregate by speaker, source with count"))
        #expect(explain("count quotes by speaker, repeat").contains("Aggregate by"))
        #expect(explain("count quotes by speaker", useIndex: false).contains("Aggregate by speaker with count"))
        // the same rows either way, on the tiny store and on the bundled corpus (speakers named by entity)
        for store in [TinyStore.sample, GoldAnswersTests.store] {
            let run = { (useIndex: Bool, text: String) -> ResultSet in
                let bound = try! Engine.compile(Source(text)).get()
                return Executor(store: store).run(Planner(store: store, options: .init(useIndex: useIndex)).plan(bound.query!))
            }
            for text in ["count quotes by speaker", "count quotes by speaker order by speaker desc limit 3"] {
                #expect(run(true, text) == run(false, text), "\(text)")
            }
            #expect(!run(true, "count quotes by speaker").rows.isEmpty)
        }
    }

    @Test func articlesAndSources() {
        #expect(TinyStore.run("explain articles where source.country = fr") == """
            Project id, title, source, country, language, translated_from, date, quotes, agencies, byline, translated
              Filter source.country = 'fr'
                Scan articles (est. 3 rows)
            """)
        #expect(TinyStore.run("EXPLAIN sources where country = \"it's\"") == """
            Project source, country, articles, quotes
              Sort source asc (empty last)
                Aggregate by source
                  Filter source.country = 'it''s'
                    Scan articles (est. 3 rows)
            """)
    }

    @Test func prefixesAndNearReadTheIndex() {
        #expect(explain("who said pri* and not rising") == """
            Project speaker, speaker_country, count, articles
              Sort count desc, speaker asc (empty last)
                Aggregate by speaker
                  Filter cue_class in ('speech', 'according') and repeat = 'no'
                    Except
                      IndexLookup quoteIndex "pri*" {price, prices} (est. 6 rows)
                      IndexLookup quoteIndex "rising" (est. 1 row)
            """)
        #expect(explain(#"quotes where text ~ "oil" near/2 "price" limit 1"#) == """
            Project quote row (21 columns)
              Limit 1
                Filter repeat = 'no'
                  IndexNear quoteIndex "oil" near/2 "price" {oil} / {price, prices} (est. 2 rows)
            """)
        #expect(explain(#"who said zzz* near war"#).contains(#"IndexNear quoteIndex "zzz*" near/5 "war" {} / {} (est. 0 rows)"#))
    }

    @Test func countsSortByCountThenKeys() {
        #expect(explain("count quotes by speaker, source where kind = direct limit 3") == """
            Project speaker, source, count
              Limit 3
                Sort count desc, speaker asc (empty last), source asc (empty last)
                  Aggregate by speaker, source with count
                    Filter kind = 'direct' and repeat = 'no'
                      Scan quotes (est. 7 rows)
            """)
        #expect(explain("count articles by date order by date desc") == """
            Project date, count
              Sort date desc (empty last)
                Aggregate by date with count
                  Scan articles (est. 3 rows)
            """)
    }

    @Test func listedRowsSortByFields() {
        #expect(explain("articles where date >= 2023-09 and source.country in (us, fr) order by date desc, id") == """
            Project id, title, source, country, language, translated_from, date, quotes, agencies, byline, translated
              Sort date desc (empty last), article asc (empty last)
                Filter date >= '2023-09' and source.country in ('us', 'fr')
                  Scan articles (est. 3 rows)
            """)
    }

    @Test func thePlanChangesWithTheFilter() {
        let a = explain(#"who said "price" where source = US"#)
        let b = explain(#"who said "price" where speaker.country = US"#)
        #expect(a != b)
        #expect(b.contains("Filter speaker.country = 'US'"))
    }
}
