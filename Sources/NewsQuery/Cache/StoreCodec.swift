/// How each part of the store is written to the cache and read back (`BinaryFormat`). Every stored
/// field is written, in declaration order; `StoreCacheTests` checks that a store read back answers
/// exactly as the store written.

extension Span: BinaryCodable {
    func encode(to w: inout BinaryWriter) { w.int(start); w.int(end - start) }
    init(from r: inout BinaryReader) throws {
        let start = try r.int()
        self.init(start, start + (try r.int()))
    }
}

extension QuoteKind: BinaryCodable {}
extension Gazetteer.VerbClass: BinaryCodable {}
extension EntityType: BinaryCodable {}
extension Dimension: BinaryCodable {}
extension Fact.Kind: BinaryCodable {}

extension Quotation: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.write(content); w.write(kind); w.write(cue); w.write(speakerMention)
        w.write(speaker); w.write(speakerCountry); w.write(cueClass); w.bool(isRepeat)
    }
    init(from r: inout BinaryReader) throws {
        self.init(content: try r.read(), kind: try r.read(), cue: try r.read(), speakerMention: try r.read(),
                  speaker: try r.read(), speakerCountry: try r.read(), cueClass: try r.read(), isRepeat: try r.bool())
    }
}

extension AgencyCredit: BinaryCodable {
    func encode(to w: inout BinaryWriter) { w.write(name); w.write(span) }
    init(from r: inout BinaryReader) throws { self.init(name: try r.read(), span: try r.read()) }
}

extension Dateline: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.write(span); w.write(place); w.write(region); w.write(date); w.write(agency)
        w.write(agencyName); w.write(country)
    }
    init(from r: inout BinaryReader) throws {
        self.init(span: try r.read(), place: try r.read(), region: try r.read(), date: try r.read(),
                  agency: try r.read(), agencyName: try r.read(), country: try r.read())
    }
}

extension ArticleAnnotations: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.write(sentences); w.write(quotations); w.write(boilerplate); w.write(repeats)
        w.write(agencies); w.write(agencyCredits); w.write(byline); w.write(bylineSpan)
        w.write(translationCredit); w.write(dateline)
    }
    init(from r: inout BinaryReader) throws {
        self.init(sentences: try r.read(), quotations: try r.read(), boilerplate: try r.read(), repeats: try r.read())
        agencies = try r.read()
        agencyCredits = try r.read()
        byline = try r.read()
        bylineSpan = try r.read()
        translationCredit = try r.read()
        dateline = try r.read()
    }
}

extension EntityMention: BinaryCodable {
    func encode(to w: inout BinaryWriter) { w.int(article); w.write(span) }
    init(from r: inout BinaryReader) throws { self.init(article: try r.int(), span: try r.read()) }
}

extension Entity: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.int(id); w.write(name); w.write(type); w.write(aliases); w.write(roles); w.write(country)
        w.write(mentions); w.write(articles)
    }
    init(from r: inout BinaryReader) throws {
        self.init(id: try r.int(), name: try r.read(), type: try r.read(), aliases: try r.read(), roles: try r.read(),
                  country: try r.read(), mentions: try r.read(), articles: try r.read())
    }
}

extension DateMention: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.write(year); w.write(month); w.write(day); w.write(dayEnd); w.write(weekday); w.write(week)
        w.write(dayOffset); w.write(agoAmount); w.write(agoUnit)
    }
    init(from r: inout BinaryReader) throws {
        self.init(year: try r.read(), month: try r.read(), day: try r.read())
        dayEnd = try r.read()
        weekday = try r.read()
        week = try r.read()
        dayOffset = try r.read()
        agoAmount = try r.read()
        agoUnit = try r.read()
    }
}

extension Fact: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.write(kind); w.write(span); w.write(value); w.write(unit); w.write(dimension); w.write(normalized)
        w.write(normalizedUnit); w.write(date); w.write(evidence); w.write(measure); w.write(measureWords)
        w.write(sentence); w.write(qualifier); w.write(mention); w.bool(isBoilerplate)
    }
    init(from r: inout BinaryReader) throws {
        self.init(kind: try r.read(), span: try r.read(), value: try r.read(), unit: try r.read(),
                  dimension: try r.read(), normalized: try r.read(), normalizedUnit: try r.read(),
                  date: try r.read(), evidence: try r.read(), measure: try r.read(), measureWords: try r.read(),
                  sentence: try r.read(), qualifier: try r.read(), mention: try r.read(), isBoilerplate: try r.bool())
    }
}

extension FactTable.Entry: BinaryCodable {
    func encode(to w: inout BinaryWriter) { w.int(article); w.write(fact) }
    init(from r: inout BinaryReader) throws { self.init(article: try r.int(), fact: try r.read()) }
}

extension SentenceRow: BinaryCodable {
    func encode(to w: inout BinaryWriter) {
        w.int(article); w.int(n); w.write(span); w.bool(isBoilerplate); w.bool(isRepeat)
        w.int(quotes); w.int(mentions); w.int(words)
    }
    init(from r: inout BinaryReader) throws {
        self.init(article: try r.int(), n: try r.int(), span: try r.read(), isBoilerplate: try r.bool(),
                  isRepeat: try r.bool(), quotes: try r.int(), mentions: try r.int(), words: try r.int())
    }
}

extension InvertedIndex: BinaryCodable {
    /// Words in sorted order (the same bytes for the same index, whatever the dictionary's order);
    /// documents and positions as gaps from the previous one, which are small.
    func encode(to w: inout BinaryWriter) {
        w.int(documentCount)
        let words = lists.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        w.uint(UInt64(words.count))
        for word in words {
            let list = lists[word]!
            w.write(word)
            w.uint(UInt64(list.documentCount))
            var previousDocument = 0
            list.forEach { document, positions in
                w.int(document - previousDocument)
                previousDocument = document
                w.uint(UInt64(positions.count))
                var previous = 0
                for p in positions { w.int(Int(p) - previous); previous = Int(p) }
            }
        }
    }

    init(from r: inout BinaryReader) throws {
        let documentCount = try r.int()
        let wordCount = try r.count()
        var lists: [String: PostingList] = [:]
        lists.reserveCapacity(wordCount)
        for _ in 0..<wordCount {
            let word = try r.string()
            let n = try r.count()
            var list = PostingList()
            var document = -1
            for _ in 0..<n {
                let gap = try r.int()
                // ascending documents inside the corpus, ascending positions: what `add` builds
                let base = max(document, 0)
                guard gap > 0 || (document < 0 && gap == 0), gap < documentCount - base else {
                    throw CacheFormatError("a word's documents are out of order")
                }
                document = base + gap
                let m = try r.count()
                list.data.append(UInt32(truncatingIfNeeded: document))
                list.data.append(UInt32(truncatingIfNeeded: m))
                var p = 0
                for k in 0..<m {
                    let step = try r.int()
                    guard step > 0 || (k == 0 && step == 0), step <= Int(UInt32.max) - p else {
                        throw CacheFormatError("a word's positions are out of order")
                    }
                    p += step
                    list.data.append(UInt32(truncatingIfNeeded: p))
                }
                list.documentCount += 1
            }
            lists[word] = list
        }
        self.init(lists: lists, documentCount: documentCount)
    }
}

extension ArticleStore.SpeakerResolution: BinaryCodable {
    func encode(to w: inout BinaryWriter) { w.int(article); w.int(quote); w.write(speaker); w.write(country) }
    init(from r: inout BinaryReader) throws {
        self.init(article: try r.int(), quote: try r.int(), speaker: try r.read(), country: try r.read())
    }
}
