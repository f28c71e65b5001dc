/// Notes for an empty answer whose filter would have matched a neighbouring field: `source` and
/// `source.country` (the outlet) against `speaker.country` (or else `speaker`), and `speaker.country`
/// against the outlet.
/// The answer stays empty; the note says where the value does occur. A speaker or an outlet that
/// matches nothing gets the nearest known name ("did you mean Peskov?").
struct NeighbourHints {
    let store: ArticleStore

    func notes(for query: BoundQuery) -> [String] {
        let evaluator = Evaluator(store: store)
        var notes: [String] = []
        for conjunct in Planner.conjuncts(query.filter) {
            guard case .compare(let field, .equal, let value) = conjunct else { continue }
            switch field {
            case .source, .sourceCountry:
                guard !store.articles.indices.contains(where: { evaluator.matches(conjunct, .article($0)) }) else { continue }
                let speakers = store.quoteIDs.filter { store.quotation($0).speakerCountry.map { Evaluator.equalIgnoringCase($0, value) } ?? false }.count
                if speakers > 0 {
                    notes.append("no outlet matches \(value); \(speakers) \(speakers == 1 ? "quotation has" : "quotations have") speaker.country = \(value)")
                    continue
                }
                let byName = Predicate.compare(.speaker, .equal, value: value)
                let named = store.quoteIDs.filter { evaluator.matches(byName, .quote($0)) }.count
                if named > 0 {
                    notes.append("no outlet matches \(value); \(named) \(named == 1 ? "quotation has" : "quotations have") speaker = \(value)")
                    continue
                }
                let outlets = Set(store.articles.compactMap(\.metadata.source)).sorted()
                if field == .source, let close = Suggestion.closest(to: value, among: outlets) {
                    notes.append("no outlet matches \(value); did you mean \(close)?")
                }
            case .speaker where query.relation == .quotes:
                guard !store.quoteIDs.contains(where: { evaluator.matches(conjunct, .quote($0)) }) else { continue }
                var names = Set<String>()
                for id in store.quoteIDs {
                    guard let speaker = store.quotation(id).speaker else { continue }
                    names.insert(speaker)
                    if let last = speaker.split(separator: " ").last, speaker.contains(" ") { names.insert(String(last)) }
                }
                if let close = Suggestion.closest(to: value, among: names.sorted()) {
                    notes.append("no speaker matches \(value); did you mean \(close)?")
                }
            case .speakerCountry where query.relation == .quotes:
                guard !store.quoteIDs.contains(where: { evaluator.matches(conjunct, .quote($0)) }) else { continue }
                let outlet = Predicate.compare(.source, .equal, value: value)
                let articles = store.articles.indices.filter { evaluator.matches(outlet, .article($0)) }
                if !articles.isEmpty {
                    let quotes = articles.reduce(0) { $0 + store.articles[$1].annotations.quotations.count { !$0.isRepeat } }
                    notes.append("no speaker has speaker.country = \(value); \(quotes) \(quotes == 1 ? "quotation is" : "quotations are") from outlets matching source = \(value)")
                }
            default:
                continue
            }
        }
        return notes
    }
}
