import Foundation
import Testing
@testable import NewsQuery

/// `duplicates`: a wire story republished under another headline with a paragraph more is found;
/// unrelated articles, and one that quotes a sentence of the story, are not; the index's candidates
/// miss no pair that comparing every pair finds; the seed articles are not duplicates of each other.
@Suite struct NearDuplicateTests {
    static let wire = """
        Ukraine grain corridor reopens after weeks of talks

        Ships carrying grain left the port of Odesa on Monday for the first time in six weeks, after
        negotiators agreed on new inspection rules for the Black Sea corridor.
        Officials said at least twelve vessels were waiting to load wheat and corn, and that the first
        convoy would reach the Bosphorus by Wednesday if the weather held.
        The agreement follows months of disputes over insurance, mines drifting near the coast and the
        pace of inspections in Istanbul, which traders blamed for pushing up prices across Africa.
        Analysts cautioned that the deal could collapse again if attacks on port facilities resumed,
        but said the reopening would ease pressure on importers in Egypt, Kenya and Lebanon.
        """

    /// The same copy under another headline, with a closing paragraph of its own.
    static let republished = "Grain ships sail from Odesa as Black Sea deal holds"
        + wire.drop { $0 != "\n" } + """

        In Nairobi, flour millers welcomed the news and said bread prices could fall before the end of
        the year, although fuel costs remained a concern for bakeries across the region.
        """

    static let unrelated = """
        City council approves new cycling lanes

        The city council voted on Thursday to build forty kilometres of protected cycling lanes over the
        next three years, despite objections from shop owners on the main boulevard.
        The mayor said the plan would cut traffic and make streets safer for children walking to school.
        """

    /// Quotes one sentence of the wire story inside a different article.
    static let quoting = """
        Wheat futures fall in Chicago

        Wheat futures fell sharply in Chicago trading. Ships carrying grain left the port of Odesa on
        Monday for the first time in six weeks, a report said. Traders also watched the weather in the
        American Midwest, where a dry summer has cut yields of soybeans and corn, and the strength of the
        dollar, which makes exports from the United States more expensive for buyers abroad.
        """

    /// A shorter copy: the first paragraphs of the story under a new headline.
    static let shortened = """
        Odesa grain ships on the move

        Ships carrying grain left the port of Odesa on Monday for the first time in six weeks, after
        negotiators agreed on new inspection rules for the Black Sea corridor.
        Officials said at least twelve vessels were waiting to load wheat and corn, and that the first
        convoy would reach the Bosphorus by Wednesday if the weather held.
        """

    /// Two articles of one group (a story and its copies) and one pair of another.
    static let groups = ArticleStore(documents: [
        Document(id: "wire", text: wire), Document(id: "repub", text: republished), Document(id: "short", text: shortened),
        Document(id: "city", text: unrelated), Document(id: "city2", text: "Cycling plan passes\n\n" + unrelated),
    ])

    static let store = ArticleStore(documents: [
        Document(id: "wire", text: wire, metadata: ArticleMetadata(source: "Wire Agency", country: "GB")),
        Document(id: "repub", text: republished, metadata: ArticleMetadata(source: "Nairobi Daily", country: "KE")),
        Document(id: "city", text: unrelated, metadata: ArticleMetadata(source: "Town Post", country: "US")),
        Document(id: "wheat", text: quoting, metadata: ArticleMetadata(source: "Farm Journal", country: "US")),
    ])

    @Test func aRepublishedStoryIsFoundAndNothingElse() {
        let out = TinyStore.run("duplicates", on: Self.store,
                                columns: ["article", "other", "similarity", "passages", "source", "other_source"])
        #expect(out == """
            article | other | similarity | passages | source | other_source
            repub | wire | 0.93 | 1 | Nairobi Daily | Wire Agency
            """)
        let pair = try! #require(Self.store.duplicates.pairs.first)
        #expect(pair.jaccard > 0.6 && pair.jaccard < 0.9)
        #expect(pair.shared > 80)
        // Either article of the pair answers `article`, `source`, `source.country`; `!=` means neither.
        for condition in ["article = wire", "article = repub", "source = KE", "source.country = GB", "similarity >= 0.9", "similarity < 0.95",
                          "passages = 1", "source != US"] {
            #expect(TinyStore.run("duplicates where \(condition)", on: Self.store, columns: ["article"]) == "article\nrepub",
                    "\(condition)")
        }
        for condition in ["article = city", "source = US", "source != KE", "jaccard > 0.95", "not (article = wire)"] {
            #expect(TinyStore.run("duplicates where \(condition)", on: Self.store, columns: ["article"]).hasPrefix("article\nnote:"),
                    "\(condition)")
        }
        #expect(TinyStore.run("count duplicates by source", on: Self.store) == "source | count\nNairobi Daily | 1")
    }

    @Test func copiesOfOneStoryFormAGroup() {
        let out = TinyStore.run("duplicates", on: Self.groups, columns: ["group", "article", "other", "similarity"])
        #expect(out == """
            group | article | other | similarity
            1 | city | city2 | 1
            2 | repub | wire | 0.93
            2 | repub | short | 0.9
            2 | short | wire | 0.9
            """)
        #expect(TinyStore.run("count duplicates by group", on: Self.groups) == "group | count\n2 | 3\n1 | 1")
        #expect(TinyStore.run("duplicates where group = 2 and article = short", on: Self.groups, columns: ["other"]) == "other\nshort\nwire")
    }

    @Test func thePlanShowsTheOperator() {
        #expect(TinyStore.run("explain duplicates where similarity > 0.7 order by jaccard desc limit 3", on: Self.store) == """
            Project group, article, other, similarity, jaccard, shared, passages, source, other_source, title, other_title
              Limit 3
                Sort jaccard desc (empty last)
                  Filter similarity > '0.7'
                    NearDuplicates 5-word shingles, shared/shorter >= 0.5, shared >= 5 (candidates from the shingle index; 4 articles, est. 1 row)
            """)
    }

    @Test func theSeedsHaveNoneAndSaySo() {
        let seeds = SentenceQueryTests.seeds
        #expect(seeds.duplicates.pairs.isEmpty)
        #expect(TinyStore.run("duplicates", on: seeds) == """
            group | article | other | similarity | jaccard | shared | passages | source | other_source | title | other_title
            note: no near-duplicate articles (similarity >= 0.5: shared 5-word shingles over those of the shorter article, at least 5 shared)
            """)
    }

    @Test func boilerplateIsNotCompared() {
        // Two short articles that share only their boilerplate (a sign-up blurb and navigation).
        let tail = "\n\nSign up now for a 30-day free trial\n\nBack to top button\n\nRelated Articles\n"
        let a = "Harbour reopens\n\nThe harbour reopened to fishing boats after the storm damaged two piers last week." + tail
        let b = "Museum extends hours\n\nThe museum will stay open until nine on Fridays to draw visitors after work." + tail
        let store = ArticleStore(documents: [Document(id: "a", text: a), Document(id: "b", text: b)])
        #expect(store.articles.allSatisfy { !$0.annotations.boilerplate.isEmpty })
        #expect(store.duplicates.pairs.isEmpty)
    }

    /// Articles drawn from a small vocabulary, some of them copies of others with words changed, cut
    /// or added: the index finds exactly the pairs that comparing every pair with every other finds.
    @Test func theIndexMissesNoPair() {
        var rng = SplitMix(seed: 7)
        let vocabulary = (0..<60).map { "w\($0)" }
        var texts: [String] = []
        for i in 0..<80 {
            if i >= 10, rng.next() % 3 == 0 {
                // A copy of an earlier article, edited.
                var words = texts[Int(rng.next() % UInt64(i))].split(separator: " ").map(String.init)
                let edits = Int(rng.next() % 40)
                for _ in 0..<edits {
                    let at = Int(rng.next() % UInt64(words.count))
                    switch rng.next() % 3 {
                    case 0: words[at] = vocabulary[Int(rng.next() % 60)]
                    case 1: if words.count > 10 { words.remove(at: at) }
                    default: words.insert(vocabulary[Int(rng.next() % 60)], at: at)
                    }
                }
                if rng.next() % 2 == 0 { words += (0..<Int(rng.next() % 80)).map { _ in vocabulary[Int(rng.next() % 60)] } }
                texts.append(words.joined(separator: " "))
            } else {
                texts.append((0..<(20 + Int(rng.next() % 150))).map { _ in vocabulary[Int(rng.next() % 60)] }.joined(separator: " "))
            }
        }
        let articles = texts.enumerated().map { i, text in
            Article(document: Document(id: String(format: "a%03d", i), text: text), annotations: ArticleAnnotations())
        }
        let found = NearDuplicates(articles: articles).pairs
        // Every pair, compared directly.
        let sets = articles.map { Set(NearDuplicates.shingleSequence($0)) }
        var expected: [(Int, Int)] = []
        for a in sets.indices {
            for b in sets.indices where b > a {
                let shared = sets[a].intersection(sets[b]).count
                let smaller = min(sets[a].count, sets[b].count)
                if smaller > 0, shared >= NearDuplicates.minShared, Double(shared) / Double(smaller) >= NearDuplicates.threshold {
                    expected.append((a, b))
                }
            }
        }
        #expect(expected.count >= 5, "the generator should make copies")
        #expect(found.map { "\($0.first)-\($0.second)" }.sorted() == expected.map { "\($0.0)-\($0.1)" }.sorted())
        // Most similar first.
        #expect(zip(found, found.dropFirst()).allSatisfy { $0.similarity >= $1.similarity })
    }
}

/// A small deterministic generator for tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
