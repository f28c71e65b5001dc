import Foundation

/// The annotation cache: an annotated store saved to one binary file, so that reopening an unchanged
/// corpus skips annotation and index building.
///
/// The file holds every article's annotations under a key that hashes what annotation reads (id,
/// title, text, body start, metadata), and a snapshot of the corpus-wide parts (entities, facts,
/// sentences, word indexes) valid for exactly that list of keys. Reopening:
/// - every key as saved: the store is restored whole (no annotation, no index building);
/// - some files changed, added or removed: the unchanged ones take their saved annotations, only the
///   others are annotated, and the corpus-wide parts are built again (they depend on every article);
/// - a file written by another build of newsq, or with other gazetteers (the fingerprint differs),
///   or damaged (its checksum or its structure is wrong): not trusted; everything is annotated again
///   and the file is rewritten.
/// The file is written atomically (a temporary file renamed into place), so a crash or Ctrl-C while it
/// is written leaves the previous version.
public struct StoreCache: Sendable {
    /// Bumped whenever the layout below changes (the fingerprint also changes with every build).
    static let formatVersion = 4
    static let magic = Array("NEWSQ-CACHE\n".utf8)

    public let file: URL

    public init(file: URL) { self.file = file }

    /// The cache directory: `$NEWSQ_CACHE_DIR`, else `$XDG_CACHE_HOME/newsq`, else `~/.cache/newsq`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let dir = environment["NEWSQ_CACHE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        if let dir = environment["XDG_CACHE_HOME"], !dir.isEmpty { return URL(fileURLWithPath: dir).appendingPathComponent("newsq") }
        if let home = environment["HOME"], !home.isEmpty { return URL(fileURLWithPath: home).appendingPathComponent(".cache/newsq") }
        return nil
    }

    /// The cache file in `directory` for a corpus given as `paths`: one file per set of paths (made
    /// absolute, in any order), so a file added to a corpus folder reuses the folder's cache.
    public static func file(for paths: [String], in directory: URL) -> URL {
        let absolute = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.sorted()
        var hasher = ContentHasher()
        for path in absolute { hasher.add(path) }
        return directory.appendingPathComponent("corpus-\(hasher.digest).nqcache")
    }

    // MARK: - Keys

    /// The key of an article's annotations: a hash of everything annotation reads.
    static func key(id: String, title: String, text: String, bodyStart: Int, metadata: ArticleMetadata) -> Digest {
        var hasher = ContentHasher()
        hasher.add(id)
        hasher.add(title)
        hasher.add(text)
        hasher.add(bodyStart)
        for field in ArticleMetadata.keys {
            if let value = metadata[field] { hasher.add(1); hasher.add(value) } else { hasher.add(0) }
        }
        return hasher.digest
    }

    static func key(_ d: Document) -> Digest {
        key(id: d.id, title: d.title, text: d.text, bodyStart: d.bodyStart, metadata: d.metadata)
    }

    static func key(_ a: Article) -> Digest {
        key(id: a.id, title: a.title, text: a.text, bodyStart: a.bodyStart, metadata: a.metadata)
    }

    /// What makes a cache written by another build unusable: the format, the executable that wrote it
    /// (size and modification time: any rebuild of newsq changes the rules it may apply), and the
    /// bundled gazetteers' bytes (they can change without a rebuild of the executable).
    static let fingerprint: Digest = {
        var hasher = ContentHasher()
        hasher.add(formatVersion)
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hasher.add(Int(info.st_size))
            hasher.add(Int(info.st_mtim.tv_sec))
            hasher.add(Int(info.st_mtim.tv_nsec))
        } else if let path = Bundle.main.executablePath {
            hasher.add(path)
        }
        if let folder = Bundle.module.url(forResource: "gazetteers", withExtension: nil),
           let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) {
            for name in names.sorted() {
                hasher.add(name)
                if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                    data.withUnsafeBytes { hasher.add($0) }
                }
            }
        }
        return hasher.digest
    }()

    // MARK: - Reading

    /// What a cache file holds, checked.
    struct Contents {
        /// Annotations by key.
        var annotations: [Digest: ArticleAnnotations]
        /// The keys of the snapshot's articles, in store order.
        var keys: [Digest]
        /// The corpus-wide parts, undecoded until a load can use them.
        var snapshot: [UInt8]
    }

    enum ReadOutcome {
        case missing
        /// Written by another build (`stale`) or damaged (`corrupt`): the reason, for the load's notes.
        case unusable(String)
        case found(Contents)
    }

    /// Reads and checks the cache file.
    func read() -> ReadOutcome {
        guard let data = FileManager.default.contents(atPath: file.path) else { return .missing }
        let bytes = [UInt8](data)
        return bytes.withUnsafeBufferPointer { buffer in
            var r = BinaryReader(buffer)
            do {
                guard let head = try? r.bytes(Self.magic.count), head.elementsEqual(Self.magic) else {
                    return .unusable("is not a newsq cache file")
                }
                let version = try r.int()
                let fingerprint = try Digest(from: &r)
                guard version == Self.formatVersion, fingerprint == Self.fingerprint else {
                    return .unusable("was written by another build of newsq")
                }
                let length = Int(truncatingIfNeeded: try r.fixed64())
                let checksum = try Digest(from: &r)
                guard length == r.remaining else {
                    return .unusable("damaged (\(r.remaining) bytes where the header says \(length))")
                }
                let payload = try r.bytes(length)
                var hasher = ContentHasher()
                hasher.add(UnsafeRawBufferPointer(payload))
                guard hasher.digest == checksum else { return .unusable("damaged (checksum mismatch)") }
                var p = BinaryReader(payload)
                let count = try p.count()
                var annotations: [Digest: ArticleAnnotations] = [:]
                annotations.reserveCapacity(count)
                var keys: [Digest] = []
                keys.reserveCapacity(count)
                for _ in 0..<count {
                    let key = try Digest(from: &p)
                    annotations[key] = try ArticleAnnotations(from: &p)
                    keys.append(key)
                }
                let snapshot = Array(try p.bytes(p.remaining))
                return .found(Contents(annotations: annotations, keys: keys, snapshot: snapshot))
            } catch {
                return .unusable("damaged (\(error))")
            }
        }
    }

    // MARK: - Writing

    /// Saves the store: its articles' annotations (as the annotator found them) and its corpus-wide parts.
    func write(_ store: ArticleStore) throws {
        var payload = BinaryWriter()
        payload.uint(UInt64(store.articles.count))
        for article in store.articles {
            payload.write(Self.key(article))
            payload.write(article.annotatorOutput)
        }
        // Four sections, each after its length, so that a reopen decodes them at once, one per core.
        func section(_ write: (inout BinaryWriter) -> Void) {
            var part = BinaryWriter()
            write(&part)
            payload.uint(UInt64(part.bytes.count))
            payload.raw(part.bytes)
        }
        section { $0.write(store.speakerResolutions); $0.write(store.speakerEntities.map(Int.init)); $0.write(store.entities.entities) }
        section { $0.write(store.facts.entries); $0.write(store.sentences) }
        section { $0.write(store.sentenceIndex) }
        section { $0.write(store.quoteIndex) }

        var hasher = ContentHasher()
        payload.bytes.withUnsafeBytes { hasher.add($0) }
        var file = BinaryWriter(capacity: payload.bytes.count + 64)
        file.raw(Self.magic)
        file.int(Self.formatVersion)
        file.write(Self.fingerprint)
        file.fixed64(UInt64(payload.bytes.count))
        file.write(hasher.digest)
        file.raw(payload.bytes)
        try AtomicFile.write(file.bytes, to: self.file)
    }

    /// The store's corpus-wide parts from a snapshot, with `articles` (in store order, their keys
    /// those the snapshot was written for).
    static func restore(_ snapshot: [UInt8], articles: [Article]) throws -> ArticleStore {
        enum Part {
            case people([ArticleStore.SpeakerResolution], [Int], [Entity], EntityTable)
            case rows([FactTable.Entry], [SentenceRow])
            case index(InvertedIndex)
        }
        struct Section: @unchecked Sendable { let bytes: UnsafeBufferPointer<UInt8> }   // read-only, alive until all are read
        let articleCount = articles.count
        return try snapshot.withUnsafeBufferPointer { buffer in
            var r = BinaryReader(buffer)
            var sections: [Section] = []
            for _ in 0..<4 { sections.append(Section(bytes: try r.bytes(try r.count()))) }
            guard r.remaining == 0 else { throw CacheFormatError("\(r.remaining) bytes after the snapshot") }
            let parts = EntityResolver.parallelMap(Array(sections.enumerated())) { k, section -> Result<Part, Error> in
                Result {
                    var r = BinaryReader(section.bytes)
                    let part: Part
                    switch k {
                    case 0:
                        let speakers: [ArticleStore.SpeakerResolution] = try r.read()
                        let speakerEntities: [Int] = try r.read()
                        let entities: [Entity] = try r.read()
                        // indexes into the articles must be in range: the queries index arrays with them
                        guard entities.allSatisfy({ $0.mentions.allSatisfy { $0.article < articleCount && $0.article >= 0 }
                                  && $0.articles.allSatisfy { $0 < articleCount && $0 >= 0 } }),
                              entities.enumerated().allSatisfy({ $0.offset == $0.element.id }) else {
                            throw CacheFormatError("an entity points outside the corpus")
                        }
                        part = .people(speakers, speakerEntities, entities,
                                       EntityResolver.table(entities: entities, articleCount: articleCount, gazetteer: .bundled, lexicon: .bundled))
                    case 1: part = .rows(try r.read(), try r.read())
                    default: part = .index(try InvertedIndex(from: &r))
                    }
                    guard r.remaining == 0 else { throw CacheFormatError("\(r.remaining) bytes after section \(k)") }
                    return part
                }
            }
            guard case .people(let speakers, let speakerEntities, let entities, let table) = try parts[0].get(),
                  case .rows(let facts, let sentences) = try parts[1].get(),
                  case .index(let sentenceIndex) = try parts[2].get(), case .index(let quoteIndex) = try parts[3].get() else {
                throw CacheFormatError("sections out of order")
            }
            let n = articleCount
            guard facts.allSatisfy({ $0.article >= 0 && $0.article < n }),
                  sentences.allSatisfy({ $0.article >= 0 && $0.article < n }),
                  speakerEntities.count == articles.reduce(0, { $0 + $1.annotations.quotations.count }),
                  speakerEntities.allSatisfy({ $0 >= -1 && $0 < entities.count }),
                  speakers.allSatisfy({ $0.article >= 0 && $0.article < n && $0.quote >= 0
                      && $0.quote < articles[$0.article].annotations.quotations.count }) else {
                throw CacheFormatError("an index points outside the corpus")
            }
            return ArticleStore(restoring: articles, speakers: speakers, speakerEntities: speakerEntities.map { Int32($0) }, entities: table,
                                facts: FactTable(entries: facts), sentences: sentences, sentenceIndex: sentenceIndex, quoteIndex: quoteIndex)
        }
    }
}

/// What the cache did for a load.
public struct CacheReport: Sendable, Equatable {
    /// Articles whose annotations came from the cache.
    public var reused = 0
    /// Articles annotated.
    public var annotated = 0
    /// The whole store came from the cache (no index was built).
    public var restored = false
    /// Wall-clock seconds of each step (`newsq-bench reopen` reports them): "keys", "read" (the file,
    /// checked, and the annotations), "restore" (the snapshot), "annotate", "build", "write".
    public var seconds: [String: Double] = [:]
    /// Why the cache file was not used, or could not be written (warnings).
    public var problems: [LoadIssue] = []

    public init() {}
}

extension StoreCache {
    /// The store of `documents` (ids unique), from the cache where it can be, else annotated by
    /// `annotate` (which may return nil: cancelled, and so is this) and built; a store that was not
    /// restored whole is then saved.
    public func store(for documents: [Document], annotate: ([Document]) -> [ArticleAnnotations]?) -> (store: ArticleStore, report: CacheReport)? {
        var report = CacheReport()
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap(_ step: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            report.seconds[step, default: 0] += Double(now - clock) / 1e9
            clock = now
        }
        let ordered = documents.sorted { $0.id < $1.id }
        let keys = ordered.map(Self.key)
        lap("keys")
        var cached: [Digest: ArticleAnnotations] = [:]
        let contents = read()
        lap("read")
        switch contents {
        case .missing: break
        case .unusable(let reason): report.problems.append(LoadIssue(file.path, .warning, "annotation cache \(reason); not used, annotating again"))
        case .found(let contents):
            if contents.keys == keys {
                let articles = zip(ordered, keys).map { Article(document: $0, annotations: contents.annotations[$1]!) }
                do {
                    let store = try Self.restore(contents.snapshot, articles: articles)
                    lap("restore")
                    report.reused = articles.count
                    report.restored = true
                    return (store, report)
                } catch {
                    report.problems.append(LoadIssue(file.path, .warning, "annotation cache damaged (\(error)); not used, annotating again"))
                }
            } else {
                cached = contents.annotations
            }
        }
        var annotations = keys.map { cached[$0] }
        let missing = annotations.indices.filter { annotations[$0] == nil }
        guard let fresh = annotate(missing.map { ordered[$0] }) else { return nil }
        lap("annotate")
        for (i, a) in zip(missing, fresh) { annotations[i] = a }
        report.reused = ordered.count - missing.count
        report.annotated = missing.count
        let store = ArticleStore(articles: zip(ordered, annotations).map { Article(document: $0, annotations: $1!) })
        lap("build")
        do {
            try write(store)
            lap("write")
        } catch {
            report.problems.append(LoadIssue(file.path, .warning, "cannot write the annotation cache (\(error.localizedDescription)); the next load annotates again"))
        }
        return (store, report)
    }
}
