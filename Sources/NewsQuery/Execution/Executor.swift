/// Runs a `LogicalPlan` on the in-memory store. Intermediate results are quotation numbers (positions
/// in `store.quoteIDs`, which are also the index's document numbers), article indexes, or a table;
/// all stay in store order (article id, then text offset) unless a `sort` says otherwise, so the
/// output is deterministic.
struct Executor {
    /// What an operator hands to its parent.
    enum Rows {
        /// Positions in `store.quoteIDs`, ascending.
        case quotes([Int])
        /// Indexes in `store.articles`, ascending.
        case articles([Int])
        /// Positions in `store.facts.entries`, ascending.
        case facts([Int])
        /// Entity ids (`store.entities.entities`), ascending.
        case entities([Int])
        /// Positions in `store.entityMentions`, ascending.
        case mentions([Int])
        /// Positions in `store.sentences`, ascending.
        case sentences([Int])
        /// Positions in `store.duplicates.pairs` (most similar first).
        case duplicates([Int])
        case table(columns: [String], rows: [[Value]])
    }

    let store: ArticleStore
    private let evaluator: Evaluator

    init(store: ArticleStore) {
        self.store = store
        self.evaluator = Evaluator(store: store)
    }

    func run(_ plan: LogicalPlan) -> ResultSet {
        switch execute(plan) {
        case .quotes(let numbers): QuoteRows.resultSet(numbers.map { store.quoteIDs[$0] }, in: store)
        case .articles(let indexes): articleResultSet(indexes, columns: Planner.articleColumns)
        case .facts(let numbers): FactRows.resultSet(numbers, in: store)
        case .entities(let ids): EntityRows.entityResultSet(ids, in: store)
        case .mentions(let numbers): EntityRows.mentionResultSet(numbers, in: store)
        case .sentences(let numbers): SentenceRows.resultSet(numbers, in: store)
        case .duplicates(let numbers): SentenceRows.duplicateResultSet(numbers, in: store)
        case .table(let columns, let rows):
            ResultSet(columns: columns, rows: rows, numericColumns: Executor.numeric(columns, rows),
                      tableColumns: columns == QuoteRows.columns ? QuoteRows.tableColumns
                          : columns == Planner.articleColumns ? Array(columns.prefix(8))
                          : columns == EntityRows.mentionColumns ? EntityRows.mentionTableColumns
                          : columns == SentenceRows.columns ? SentenceRows.tableColumns
                          : columns == SentenceRows.duplicateColumns ? SentenceRows.duplicateTableColumns
                          : FactRows.tableColumns(for: columns))
        }
    }

    func execute(_ plan: LogicalPlan) -> Rows {
        switch plan {
        case .scan(.quotes, _): return .quotes(Array(store.quoteIDs.indices))
        case .scan(.articles, _): return .articles(Array(store.articles.indices))
        case .scan(.numbers, _): return .facts(Array(store.facts.entries.indices))
        case .scan(.entities, _): return .entities(Array(store.entities.entities.indices))
        case .scan(.mentions, _): return .mentions(Array(store.entityMentions.indices))
        case .scan(.sentences, _): return .sentences(Array(store.sentences.indices))
        case .scan(.duplicates, _), .nearDuplicates: return .duplicates(Array(store.duplicates.pairs.indices))
        case .compareFacts(let threshold, let input):
            return .table(columns: FactRows.compareColumns,
                          rows: FactRows.compare(numbers(execute(input)), in: store, threshold: threshold))
        case .disagreements(let tolerance, let threshold, let input):
            return .table(columns: FactRows.disagreementColumns,
                          rows: FactRows.disagreements(numbers(execute(input)), in: store, tolerance: tolerance, threshold: threshold))
        case .speakerCounts:
            return .table(columns: Grouping.count([.speaker]).columns,
                          rows: store.quoteCountsBySpeaker.map { [$0.speaker.map(Value.text) ?? .null, .int($0.count)] })
        case .indexLookup(let lookup):
            return relabel(phraseDocuments(lookup.phrase, in: lookup.index), like: plan)
        case .indexNear(let near):
            // the rarer side first; the other is then gathered only in the documents that side holds
            let leftFirst = documentFrequency(near.left, in: near.index) <= documentFrequency(near.right, in: near.index)
            let first = phraseStarts(leftFirst ? near.left : near.right, in: near.index)
            let second = phraseStarts(leftFirst ? near.right : near.left, in: near.index, within: Set(first.keys))
            let (left, right) = leftFirst ? (first, second) : (second, first)
            return relabel(right.keys.filter { document in
                guard let a = left[document], let b = right[document] else { return false }
                return TextMatcher.isNear(a, near.left.slots.count, b, near.right.slots.count, distance: near.distance)
            }.sorted(), like: plan)
        case .named(_, let input): return execute(input)
        case .intersect(let inputs):
            let sets = inputs.map { numbers(execute($0)) }
            guard var result = sets.first.map(Set.init) else { return relabel([], like: plan) }
            for other in sets.dropFirst() { result.formIntersection(other) }
            return relabel(result.sorted(), like: inputs[0])
        case .union(let inputs):
            var result = Set<Int>()
            for input in inputs { result.formUnion(numbers(execute(input))) }
            return relabel(result.sorted(), like: inputs.first ?? .scan(.quotes, estimate: 0))
        case .except(let left, let right):
            let removed = Set(numbers(execute(right)))
            return relabel(numbers(execute(left)).filter { !removed.contains($0) }, like: left)
        case .filter(let predicate, let input):
            switch execute(input) {
            case .quotes(let ns): return .quotes(ns.filter { evaluator.matches(predicate, .quote(store.quoteIDs[$0])) })
            case .articles(let ns): return .articles(ns.filter { evaluator.matches(predicate, .article($0)) })
            case .facts(let ns): return .facts(ns.filter { evaluator.matches(predicate, .fact($0)) })
            case .entities(let ns): return .entities(ns.filter { evaluator.matches(predicate, .entity($0)) })
            case .mentions(let ns): return .mentions(ns.filter { evaluator.matches(predicate, .mention($0)) })
            case .sentences(let ns): return .sentences(ns.filter { evaluator.matches(predicate, .sentence($0)) })
            case .duplicates(let ns): return .duplicates(ns.filter { evaluator.matches(predicate, .duplicate($0)) })
            case .table: preconditionFailure("filters apply to quotations, articles or facts")
            }
        case .aggregate(let grouping, let input):
            return aggregate(grouping, execute(input))
        case .sort(let keys, let input):
            switch execute(input) {
            case .table(let columns, let table):
                return .table(columns: columns, rows: Executor.sorted(table, by: keys, columns: columns))
            case .quotes(let ns):
                return .quotes(sorted(ns, by: keys) { .quote(store.quoteIDs[$0]) })
            case .articles(let ns):
                return .articles(sorted(ns, by: keys) { .article($0) })
            case .facts(let ns):
                return .facts(sorted(ns, by: keys) { .fact($0) })
            case .entities(let ns):
                return .entities(sorted(ns, by: keys) { .entity($0) })
            case .mentions(let ns):
                return .mentions(sorted(ns, by: keys) { .mention($0) })
            case .sentences(let ns):
                return .sentences(sorted(ns, by: keys) { .sentence($0) })
            case .duplicates(let ns):
                return .duplicates(sorted(ns, by: keys) { .duplicate($0) })
            }
        case .limit(let count, let input):
            switch execute(input) {
            case .quotes(let ns): return .quotes(Array(ns.prefix(count)))
            case .articles(let ns): return .articles(Array(ns.prefix(count)))
            case .facts(let ns): return .facts(Array(ns.prefix(count)))
            case .entities(let ns): return .entities(Array(ns.prefix(count)))
            case .mentions(let ns): return .mentions(Array(ns.prefix(count)))
            case .sentences(let ns): return .sentences(Array(ns.prefix(count)))
            case .duplicates(let ns): return .duplicates(Array(ns.prefix(count)))
            case .table(let columns, let rows): return .table(columns: columns, rows: Array(rows.prefix(count)))
            }
        case .project(let columns, let input):
            switch execute(input) {
            case .quotes(let ns):
                let full = QuoteRows.resultSet(ns.map { store.quoteIDs[$0] }, in: store)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .articles(let ns):
                let full = articleResultSet(ns, columns: Planner.articleColumns)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .facts(let ns):
                let full = FactRows.resultSet(ns, in: store)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .entities(let ns):
                let full = EntityRows.entityResultSet(ns, in: store)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .mentions(let ns):
                let full = EntityRows.mentionResultSet(ns, in: store)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .sentences(let ns):
                let full = SentenceRows.resultSet(ns, in: store)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .duplicates(let ns):
                let full = SentenceRows.duplicateResultSet(ns, in: store)
                return .table(columns: columns, rows: Executor.select(columns, from: full.columns, full.rows))
            case .table(let have, let rows):
                return .table(columns: columns, rows: Executor.select(columns, from: have, rows))
            }
        }
    }

    // MARK: - Operators

    /// Quotation numbers → positions where the phrase begins, from the index's postings: a word of
    /// the text fills a slot when it is one of the slot's index words. The rarest slot is read first,
    /// and each other slot only in the documents every slot read so far holds (`within`, when given,
    /// restricts the first as well).
    private func phraseStarts(_ phrase: PhraseSlots, in index: IndexLookup.Index, within: Set<Int>? = nil) -> [Int: [Int]] {
        guard !phrase.slots.isEmpty else { return [:] }
        let words = self.words(index)
        let order = phrase.slots.indices.sorted { Self.frequency(of: phrase.slots[$0], in: words) < Self.frequency(of: phrase.slots[$1], in: words) }
        var candidates = within
        var positions = [[Int: [Int]]](repeating: [:], count: phrase.slots.count)   // per slot: document → positions
        for slot in order {
            var byDocument: [Int: [Int]] = [:]
            for word in phrase.slots[slot] {
                words.forEachPosting(of: word) { document, at in
                    if let candidates, !candidates.contains(document) { return }
                    byDocument[document, default: []].append(contentsOf: at.lazy.map { Int($0) })
                }
            }
            if phrase.slots[slot].count > 1 { for d in byDocument.keys { byDocument[d]!.sort() } }
            positions[slot] = byDocument
            candidates = Set(byDocument.keys)
            if byDocument.isEmpty { return [:] }
        }
        guard phrase.slots.count > 1 else { return positions[0] }
        var result: [Int: [Int]] = [:]
        for document in candidates ?? [] {
            let perSlot = positions.map { Set($0[document] ?? []) }
            let starts = TextMatcher.starts(slotPositions: perSlot)
            if !starts.isEmpty { result[document] = starts }
        }
        return result
    }

    /// The documents holding the phrase, ascending. A one-word phrase (the common search) needs no
    /// positions: its words' documents, merged.
    private func phraseDocuments(_ phrase: PhraseSlots, in index: IndexLookup.Index) -> [Int] {
        guard phrase.slots.count == 1 else { return phraseStarts(phrase, in: index).keys.sorted() }
        let words = self.words(index)
        var documents: [Int] = []
        for word in phrase.slots[0] { words.forEachPosting(of: word) { document, _ in documents.append(document) } }
        if phrase.slots[0].count > 1 {
            documents.sort()
            var unique: [Int] = []
            unique.reserveCapacity(documents.count)
            for d in documents where unique.last != d { unique.append(d) }
            return unique
        }
        return documents
    }

    /// How many documents hold some word of the phrase's rarest slot (an upper bound of its matches).
    private func documentFrequency(_ phrase: PhraseSlots, in index: IndexLookup.Index) -> Int {
        let words = self.words(index)
        return phrase.slots.map { Self.frequency(of: $0, in: words) }.min() ?? 0
    }

    /// How many documents hold some word of a slot (counted once per word).
    private static func frequency(of slot: [String], in words: InvertedIndex) -> Int {
        slot.reduce(0) { $0 + words.documentFrequency($1) }
    }

    /// The word index a look-up reads.
    private func words(_ index: IndexLookup.Index) -> InvertedIndex {
        index == .sentenceIndex ? store.sentenceIndex : store.quoteIndex
    }

    /// Row numbers sorted by field values (stable; empty values last when the key says so).
    private func sorted(_ numbers: [Int], by keys: [SortKey], row: (Int) -> Evaluator.Row) -> [Int] {
        let order = Executor.sortedIndices(count: numbers.count, keys: keys) { i, k in
            keys[k].field.map { evaluator.value(of: $0, row(numbers[i])) } ?? .null
        }
        return order.map { numbers[$0] }
    }

    private func aggregate(_ grouping: Grouping, _ input: Rows) -> Rows {
        switch grouping {
        case .count(let fields):
            // Groups in first-seen order; the sort above decides the output order.
            let rowOf: (Int) -> Evaluator.Row
            switch input {
            case .quotes: rowOf = { .quote(store.quoteIDs[$0]) }
            case .facts: rowOf = { .fact($0) }
            case .entities: rowOf = { .entity($0) }
            case .mentions: rowOf = { .mention($0) }
            case .sentences: rowOf = { .sentence($0) }
            case .duplicates: rowOf = { .duplicate($0) }
            default: rowOf = { .article($0) }
            }
            func value(_ field: Field, _ row: Evaluator.Row) -> Value {
                let v = evaluator.value(of: field, row)
                if case .text(let t) = v, t.isEmpty { return .null }
                return v
            }
            // One field (the common case) is keyed by its value alone, without building an array per row.
            if fields.count == 1, let field = fields.first {
                var counts = FirstSeenCounts<Value>()
                for n in numbers(input) { counts.add(value(field, rowOf(n))) }
                return .table(columns: grouping.columns, rows: zip(counts.keys, counts.counts).map { [$0, .int($1)] })
            }
            var counts = FirstSeenCounts<[Value]>()
            for n in numbers(input) {
                let row = rowOf(n)
                counts.add(fields.map { value($0, row) })
            }
            return .table(columns: grouping.columns, rows: zip(counts.keys, counts.counts).map { $0 + [.int($1)] })
        case .article:
            return .table(columns: grouping.columns, rows: EntityRows.byArticle(numbers(input), in: store))
        case .speaker:
            // Groups in first-seen order; the sort above decides the output order.
            var order: [String?] = []
            var groups: [String?: [QuoteID]] = [:]
            for id in numbers(input).map({ store.quoteIDs[$0] }) {
                let speaker = store.quotation(id).speaker
                if groups[speaker] == nil { order.append(speaker) }
                groups[speaker, default: []].append(id)
            }
            let rows: [[Value]] = order.map { speaker in
                let ids = groups[speaker]!
                let countries = Set(ids.compactMap { store.quotation($0).speakerCountry }).sorted()
                var articleIDs: [String] = []
                for id in ids where articleIDs.last != store.article(id).id { articleIDs.append(store.article(id).id) }
                return [speaker.map(Value.text) ?? .null, countries.isEmpty ? .null : .text(countries.joined(separator: ", ")),
                        .int(ids.count), .list(articleIDs.map(Value.text))]
            }
            return .table(columns: grouping.columns, rows: rows)
        case .source:
            var order: [String?] = []
            var groups: [String?: [Int]] = [:]
            for index in numbers(input) {
                let source = store.articles[index].metadata.source
                if groups[source] == nil { order.append(source) }
                groups[source, default: []].append(index)
            }
            let rows: [[Value]] = order.map { source in
                let indexes = groups[source]!
                let countries = Set(indexes.compactMap { store.articles[$0].metadata.country }).sorted()
                let quotes = indexes.reduce(0) { $0 + store.articles[$1].annotations.quotations.count { !$0.isRepeat } }
                return [source.map(Value.text) ?? .null, countries.isEmpty ? .null : .text(countries.joined(separator: ", ")),
                        .int(indexes.count), .int(quotes)]
            }
            return .table(columns: grouping.columns, rows: rows)
        }
    }

    private func articleResultSet(_ indexes: [Int], columns: [String]) -> ResultSet {
        let rows: [[Value]] = indexes.map { index in
            let article = store.articles[index]
            func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
            return [.text(article.id), .text(article.title), text(article.metadata.source), text(article.metadata.country),
                    text(article.metadata.language), text(article.metadata.translatedFrom), text(article.metadata.date),
                    .int(article.annotations.quotations.count { !$0.isRepeat }),
                    article.annotations.agencies.isEmpty ? .null : .list(article.annotations.agencies.map(Value.text)),
                    text(article.annotations.byline), .text(Evaluator.isTranslated(article) ? "yes" : "no")]
        }
        // A terminal table leaves out the provenance columns (agencies, byline, translated); other formats show them.
        return ResultSet(columns: Planner.articleColumns, rows: rows, numericColumns: ["quotes"],
                         tableColumns: Array(Planner.articleColumns.prefix(8)))
    }

    // MARK: - Helpers

    private func numbers(_ rows: Rows) -> [Int] {
        switch rows {
        case .quotes(let ns), .articles(let ns), .facts(let ns), .entities(let ns), .mentions(let ns), .sentences(let ns),
             .duplicates(let ns): ns
        case .table: preconditionFailure("set operations apply to quotations, articles or facts")
        }
    }

    private func relabel(_ numbers: [Int], like plan: LogicalPlan) -> Rows {
        switch Executor.relation(of: plan) {
        case .articles: .articles(numbers)
        case .quotes: .quotes(numbers)
        case .numbers: .facts(numbers)
        case .entities: .entities(numbers)
        case .mentions: .mentions(numbers)
        case .sentences: .sentences(numbers)
        case .duplicates: .duplicates(numbers)
        }
    }

    /// The base relation a set-valued plan produces.
    static func relation(of plan: LogicalPlan) -> Relation {
        switch plan {
        case .scan(let r, _): r
        case .indexLookup(let lookup): lookup.index.relation
        case .intersect(let inputs), .union(let inputs): inputs.first.map(relation) ?? .quotes
        case .except(let left, _): relation(of: left)
        case .indexNear(let near): near.index.relation
        case .compareFacts, .disagreements: .numbers
        case .nearDuplicates: .duplicates
        case .speakerCounts: .quotes
        case .filter(_, let input), .aggregate(_, let input), .sort(_, let input), .limit(_, let input), .project(_, let input),
             .named(_, let input):
            relation(of: input)
        }
    }

    static func select(_ wanted: [String], from columns: [String], _ rows: [[Value]]) -> [[Value]] {
        guard wanted != columns else { return rows }
        let positions = wanted.map { columns.firstIndex(of: $0) }
        return rows.map { row in positions.map { $0.map { row[$0] } ?? .null } }
    }

    /// Columns to right-align: those whose values are all numbers (by name when there are no rows).
    static func numeric(_ columns: [String], _ rows: [[Value]]) -> Set<String> {
        guard !rows.isEmpty else {
            return Set(columns).intersection(QuoteRows.numericColumns.union(FactRows.numericColumns).union(EntityRows.numericColumns)
                .union(SentenceRows.numericColumns).union(SentenceRows.duplicateNumericColumns)
                .union(["count", "quotes"]))
        }
        var result = Set<String>()
        for (i, column) in columns.enumerated() {
            var sawNumber = false, allNumbers = true
            for row in rows {
                switch row[i] {
                case .int, .number: sawNumber = true
                case .null: break
                default: allNumbers = false
                }
            }
            if sawNumber && allNumbers { result.insert(column) }
        }
        return result
    }

    /// Stable sort by the keys; text compares case-insensitively (then exactly), numbers numerically.
    static func sorted(_ rows: [[Value]], by keys: [SortKey], columns: [String]) -> [[Value]] {
        let resolved = keys.compactMap { key in columns.firstIndex(of: key.column).map { (key, $0) } }
        let order = sortedIndices(count: rows.count, keys: resolved.map(\.0)) { row, k in rows[row][resolved[k].1] }
        return order.map { rows[$0] }
    }

    /// A value ready to be sorted: its text and lower case computed once.
    struct SortValue {
        /// An integer, another number, or anything else (sorted by its text).
        enum Kind { case int, number, text }
        let kind: Kind
        let int: Int
        let double: Double
        let text: String
        let lower: String
        init(_ value: Value) {
            switch value {
            case .int(let i): kind = .int; int = i
            case .number: kind = .number; int = 0
            default: kind = .text; int = 0
            }
            double = value.doubleValue ?? 0
            text = value.plainText
            lower = text.lowercased()
        }
    }

    /// The order (stable) of `count` rows under the sort keys; `value(row, k)` is a row's value for key
    /// k. Each value is prepared once, in one flat array read in place by the comparisons.
    static func sortedIndices(count: Int, keys: [SortKey], value: (Int, Int) -> Value) -> [Int] {
        let n = keys.count
        var prepared: [SortValue] = []
        prepared.reserveCapacity(count * n)
        for row in 0..<count { for k in 0..<n { prepared.append(SortValue(value(row, k))) } }
        let descending = keys.map(\.descending), emptyLast = keys.map(\.emptyLast)
        return prepared.withUnsafeBufferPointer { p in
            (0..<count).sorted { a, b in
                for k in 0..<n {
                    let order = compare(p[a * n + k], p[b * n + k], descending: descending[k], emptyLast: emptyLast[k])
                    if order != 0 { return order < 0 }
                }
                return a < b
            }
        }
    }

    /// The order of two values under a sort key: -1 when `x` comes first (empty values last when the
    /// key says so; numbers by value; anything else by its text, ignoring case first).
    static func compare(_ x: borrowing SortValue, _ y: borrowing SortValue, descending: Bool, emptyLast: Bool) -> Int {
        if emptyLast, x.text.isEmpty != y.text.isEmpty { return x.text.isEmpty ? 1 : -1 }
        let order: Int
        switch (x.kind, y.kind) {
        case (.int, .int): order = x.int < y.int ? -1 : x.int > y.int ? 1 : 0
        case (.int, .number), (.number, .int), (.number, .number): order = x.double < y.double ? -1 : x.double > y.double ? 1 : 0
        default:
            if x.lower != y.lower { order = x.lower < y.lower ? -1 : 1 } else { order = x.text < y.text ? -1 : x.text > y.text ? 1 : 0 }
        }
        return descending ? -order : order
    }
}
