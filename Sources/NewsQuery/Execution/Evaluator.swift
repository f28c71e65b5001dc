/// Evaluates a bound condition on one row of the store. Comparisons are case-insensitive;
/// `!=` is exactly `not =`; a missing value compares as the empty string.
///
/// - `source = X` matches the outlet by name, by id (the name lower-cased with non-alphanumerics
///   removed, so `ustimespost` and `"US Times Post"` match `USTimesPost`) or by country code (`US`).
/// - `speaker = X` matches the canonical name, any alias of the speaker's entity ("Dmitri Peskov"
///   finds Dmitry Peskov), or, when X is one word, every speaker whose last name it is
///   (`speaker = Trump` finds Donald and Melania Trump).
/// - `source.agencies = X` matches an article that names the agency X by any of its spellings
///   (`"Associated Press"` finds AP).
/// - `field ~ TEXT` holds when the field's words match the search (`TextMatcher`: inflections,
///   prefixes, phrases, `near`).
/// - Numbers compare numerically; dates at the precision of the value (`date = 2023-09` is the month);
///   a missing value satisfies no `<`, `<=`, `>`, `>=`.
struct Evaluator {
    /// A row a condition is evaluated on.
    enum Row {
        case quote(QuoteID)
        case article(Int)
        /// A position in `store.facts.entries`.
        case fact(Int)
        /// An index in `store.entities.entities`.
        case entity(Int)
        /// A position in `store.entityMentions`.
        case mention(Int)
        /// A position in `store.sentences`.
        case sentence(Int)
        /// A position in `store.duplicates.pairs`.
        case duplicate(Int)
    }

    /// Fields of a near-duplicate pair that belong to its articles: a condition on one holds when it
    /// holds for either article (`duplicates where source = US`; `!=`: for neither).
    static let pairSideFields: Set<Field> = [.article, .source, .sourceCountry]

    let store: ArticleStore

    init(store: ArticleStore) {
        self.store = store
    }

    func matches(_ predicate: Predicate, _ row: Row) -> Bool {
        if case .duplicate(let n) = row, let field = Evaluator.field(of: predicate), Evaluator.pairSideFields.contains(field) {
            // `!=` is `not =`: neither article.
            if case .compare(_, .notEqual, let value) = predicate { return !matches(.compare(field, .equal, value: value), row) }
            let pair = store.duplicates.pairs[n]
            return matches(predicate, .article(pair.first)) || matches(predicate, .article(pair.second))
        }
        return switch predicate {
        case .and(let items): items.allSatisfy { matches($0, row) }
        case .or(let items): items.contains { matches($0, row) }
        case .not(let inner): !matches(inner, row)
        case .oneOf(let field, let values): values.contains { equals(field, $0, row) }
        case .matches(let field, let search): TextMatcher.matches(search, TextTokenizer.words(text(of: field, row) ?? ""))
        case .compare(let field, let op, let value):
            switch op {
            case .equal: equals(field, value, row)
            case .notEqual: !equals(field, value, row)
            case .less, .lessEqual, .greater, .greaterEqual:
                Evaluator.order(text(of: field, row), value, type: field.type).map { order in
                    switch op {
                    case .less: order < 0
                    case .lessEqual: order <= 0
                    case .greater: order > 0
                    default: order >= 0
                    }
                } ?? false
            case .contains, .in, .notIn: false   // bound as `.matches` and `.oneOf`
            }
        }
    }

    /// The field of a single comparison (nil for `and`, `or`, `not`).
    static func field(of predicate: Predicate) -> Field? {
        switch predicate {
        case .compare(let f, _, _), .oneOf(let f, _), .matches(let f, _): f
        case .and, .or, .not: nil
        }
    }

    /// How a row's value compares with a literal (-1, 0, 1): numbers numerically; dates at the
    /// literal's precision (`2023-09` compares the year and month). Nil when either is missing or
    /// not a number.
    static func order(_ actual: String?, _ value: String, type: Field.ValueType) -> Int? {
        guard let actual, !actual.isEmpty else { return nil }
        switch type {
        case .number:
            guard let a = Double(actual), let b = Double(value) else { return nil }
            return a < b ? -1 : a > b ? 1 : 0
        default:
            let a = type == .date ? String(actual.prefix(value.count)) : actual.lowercased()
            let b = type == .date ? value : value.lowercased()
            return a < b ? -1 : a > b ? 1 : 0
        }
    }

    /// The field's value on a row, typed (numbers as `.int`, missing as `.null`): for sorting and grouping.
    func value(of field: Field, _ row: Row) -> Value {
        guard let text = text(of: field, row) else { return .null }
        if field.type == .number, let n = Int(text) { return .int(n) }
        if field.type == .number, let d = Double(text) { return .number(d) }
        return .text(text)
    }

    /// The field's value on a row, as text (nil when unknown).
    func text(of field: Field, _ row: Row) -> String? {
        // The article is named by its index and read in place: an `Article` holds some twenty
        // references, and copying one per row and field was a fifth of a grouping query's time.
        let a: Int
        var q: Int?
        switch row {
        case .quote(let id): a = id.article; q = id.index
        case .article(let index): a = index
        case .fact(let n):
            let entry = store.facts.entries[n]
            return text(of: field, entry.fact, in: store.articles[entry.article])
        case .entity(let id):
            switch field {
            case .mentions: return String(store.entityCounts[id].mentions)
            case .articles: return String(store.entityCounts[id].articles)
            default: return text(of: field, entity: store.entities.entities[id])
            }
        case .mention(let n):
            let m = store.entityMentions[n]
            let a = store.articles[m.article]
            switch field {
            case .start: return String(m.span.start)
            case .end: return String(m.span.end)
            case .text: return a.text(of: m.span)
            case .source: return a.metadata.source
            case .sourceCountry: return a.metadata.country
            case .article: return a.id
            case .sentence: return a.line(of: m.sentence)
            case .clause: return a.line(of: Clause.span(around: m.span, in: m.sentence, of: a))
            case .boilerplate: return m.isBoilerplate ? "yes" : "no"
            default: return text(of: field, entity: store.entities.entities[m.entity])
            }
        case .sentence(let n):
            let row = store.sentences[n]
            a = row.article
            switch field {
            case .n: return String(row.n)
            case .start: return String(row.span.start)
            case .end: return String(row.span.end)
            case .text: return store.articles[a].line(of: row.span)
            case .boilerplate: return row.isBoilerplate ? "yes" : "no"
            case .repeat: return row.isRepeat ? "yes" : "no"
            case .quotes: return String(row.quotes)
            case .mentions: return String(row.mentions)
            case .words: return String(row.words)
            default: break   // the article's fields, below
            }
        case .duplicate(let n):
            let pair = store.duplicates.pairs[n]
            switch field {
            case .similarity: return FactRows.number(SentenceRows.rounded(pair.similarity)).plainText
            case .jaccard: return FactRows.number(SentenceRows.rounded(pair.jaccard)).plainText
            case .shared: return String(pair.shared)
            case .passages: return String(pair.passages)
            case .group: return String(pair.group)
            default: a = pair.first   // sorting by `article` or `source`: the first article's
            }
        }
        return text(of: field, row, article: a, quote: q)
    }

    /// A field of article `a` (and of its quotation `q`), both read in place in the store.
    private func text(of field: Field, _ row: Row, article a: Int, quote q: Int?) -> String? {
        let articles = store.articles
        switch field {
        case .source: return articles[a].metadata.source
        case .sourceCountry: return articles[a].metadata.country
        case .article: return articles[a].id
        case .language: return articles[a].metadata.language
        case .translatedFrom: return articles[a].metadata.translatedFrom
        case .date: return articles[a].metadata.date
        case .title: return articles[a].title
        case .sourceAgencies: return Evaluator.joined(articles[a].annotations.agencies)
        case .sourceByline: return articles[a].annotations.byline
        case .sourceTranslated: return Evaluator.isTranslated(articles[a]) ? "yes" : "no"
        case .sourceDateline: return articles[a].annotations.dateline?.location.map { articles[a].text(of: $0) }
        case .sourceDatelineCountry: return articles[a].annotations.dateline?.country
        case .speaker: return q.flatMap { articles[a].annotations.quotations[$0].speaker }
        case .speakerCountry: return q.flatMap { articles[a].annotations.quotations[$0].speakerCountry }
        case .kind: return q.map { articles[a].annotations.quotations[$0].kind.rawValue }
        case .text: return q.map { articles[a].text(of: articles[a].annotations.quotations[$0].content) }
        case .cue: return q.flatMap { articles[a].annotations.quotations[$0].cue.map { articles[a].text(of: $0) } }
        case .start: return q.map { String(articles[a].annotations.quotations[$0].content.start) }
        case .end: return q.map { String(articles[a].annotations.quotations[$0].content.end) }
        case .quotes:
            // a quotation in a passage the article repeats counts once (as `quotes` lists it)
            if case .article = row { return String(articles[a].annotations.quotations.count { !$0.isRepeat }) }
            return nil
        case .repeat: return q.map { articles[a].annotations.quotations[$0].isRepeat ? "yes" : "no" }
        case .sentence:
            guard let q else { return nil }
            return articles[a].line(of: articles[a].sentences(holding: articles[a].annotations.quotations[q].content))
        case .n, .words, .boilerplate, .similarity, .jaccard, .shared, .passages, .group: return nil
        case .cueClass: return q.map { articles[a].annotations.quotations[$0].cueClass.rawValue }
        case .speakerType, .speakerRole:
            guard let q, let e = store.speakerEntity(QuoteID(article: a, index: q)),
                  let entity = store.entities.entity(id: e) else { return nil }
            return field == .speakerType ? entity.type.rawValue : Evaluator.joined(entity.roles)
        case .value, .unit, .normalized, .dimension, .measure, .clause: return nil
        case .entity, .type, .country, .aliases, .roles, .mentions, .articles: return nil
        }
    }

    /// `a.lowercased() == b.lowercased()`, without building either string when both are ASCII (every
    /// row of a filter is compared this way).
    static func equalIgnoringCase(_ a: String, _ b: String) -> Bool {
        var ascii = true
        let same = a.utf8.elementsEqual(b.utf8) { x, y in
            if x >= 128 || y >= 128 { ascii = false; return x == y }
            return (x >= 65 && x <= 90 ? x | 0x20 : x) == (y >= 65 && y <= 90 ? y | 0x20 : y)
        }
        if same { return true }
        return !ascii && a.lowercased() == b.lowercased()
    }

    /// A field of an entity (`entities`, and the entity of a mention).
    func text(of field: Field, entity: Entity) -> String? {
        switch field {
        case .entity: return entity.name
        case .type: return entity.type.rawValue
        case .country: return entity.country
        case .aliases: return Evaluator.joined(entity.aliases)
        case .roles: return Evaluator.joined(entity.roles)
        case .mentions: return String(entity.mentions.count)
        case .articles: return String(entity.articles.count)
        default: return nil
        }
    }

    /// Several values in one field (aliases, roles): `=` matches any one of them.
    static let listSeparator = "; "
    /// `source.translated`: a translation credit line in the text, or `translated_from` metadata.
    static func isTranslated(_ article: Article) -> Bool {
        article.annotations.translationCredit != nil || !(article.metadata.translatedFrom ?? "").isEmpty
    }
    static func joined(_ items: [String]) -> String? { items.isEmpty ? nil : items.joined(separator: listSeparator) }

    /// A field of a fact (`numbers`): its own fields, and its article's.
    func text(of field: Field, _ fact: Fact, in article: Article) -> String? {
        switch field {
        case .kind: return fact.kind.rawValue
        case .value: return fact.value.map { FactRows.number($0).plainText }
        case .normalized: return fact.normalized.map { FactRows.number($0).plainText }
        case .unit: return fact.unit
        case .dimension: return fact.dimension.rawValue
        case .measure: return fact.measure
        case .text: return article.text(of: fact.span)
        case .date: return fact.date
        case .start: return String(fact.span.start)
        case .end: return String(fact.span.end)
        case .source: return article.metadata.source
        case .sourceCountry: return article.metadata.country
        case .article: return article.id
        case .language: return article.metadata.language
        case .translatedFrom: return article.metadata.translatedFrom
        case .title: return article.title
        case .sentence: return FactRows.sentence(fact, in: article)
        case .clause: return FactRows.clause(fact, in: article)
        case .boilerplate: return fact.isBoilerplate ? "yes" : "no"
        case .speaker, .speakerCountry, .cue, .quotes, .cueClass, .speakerType, .speakerRole: return nil
        case .entity, .type, .country, .aliases, .roles, .mentions, .articles: return nil
        case .sourceAgencies, .sourceByline, .sourceTranslated, .sourceDateline, .sourceDatelineCountry: return nil
        case .n, .words, .repeat, .similarity, .jaccard, .shared, .passages, .group: return nil
        }
    }

    private func equals(_ field: Field, _ value: String, _ row: Row) -> Bool {
        let actual = text(of: field, row)
        if Evaluator.equalIgnoringCase(actual ?? "", value) { return true }
        let wanted = value.lowercased()
        switch field.type {
        case .number, .date: return Evaluator.order(actual, value, type: field.type) == 0
        default: break
        }
        switch field {
        case .source:
            let id = Evaluator.outletID(actual ?? "")
            if !id.isEmpty, id == Evaluator.outletID(value) { return true }
            return text(of: .sourceCountry, row).map { Evaluator.equalIgnoringCase($0, value) } ?? false
        case .speaker:
            guard let actual else { return false }
            // Any alias of the speaker's entity names it ("Dmitri Peskov" finds Dmitry Peskov).
            if store.entities.entities(named: value).contains(where: { Evaluator.equalIgnoringCase($0.name, actual) }) {
                return true
            }
            guard !wanted.contains(" ") else { return false }
            return Evaluator.surname(of: actual) == wanted
        case .entity:
            // Any alias of the entity names it ("Dmitri Peskov" finds Dmitry Peskov), any case.
            let id: Int
            switch row {
            case .entity(let e): id = e
            case .mention(let n): id = store.entityMentions[n].entity
            default: return false
            }
            return store.entities.entities(named: value).contains { $0.id == id }
        case .aliases, .roles, .speakerRole:
            return (actual ?? "").components(separatedBy: Evaluator.listSeparator).contains { Evaluator.equalIgnoringCase($0, value) }
        case .sourceAgencies:
            // Any spelling of an agency names it (`"Associated Press"` finds AP), any case.
            let name = Evaluator.agencyNames[wanted] ?? value
            return (actual ?? "").components(separatedBy: Evaluator.listSeparator).contains { Evaluator.equalIgnoringCase($0, name) }
        case .dimension:
            // `dimension = distance` names length by its label.
            return Dimension(rawValue: actual ?? "")?.label == wanted
        default:
            return false
        }
    }

    /// Every spelling of an agency in `provenance-agencies.tsv`, lower-cased → its canonical name.
    static let agencyNames: [String: String] = Dictionary(
        Provenance.bundled.agencies.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })

    /// An outlet's id: its name lower-cased, letters and digits only ("USTimesPost" → "ustimespost").
    static func outletID(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    static func surname(of name: String) -> String? {
        name.split(whereSeparator: { $0 == " " }).last.map { $0.lowercased() }
    }

    /// Whether `phrase` occurs in `words` as consecutive words.
    static func containsPhrase(_ words: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if phrase.indices.allSatisfy({ words[start + $0] == phrase[$0] }) { return true }
        }
        return false
    }
}
