import Foundation
import Testing
@testable import NewsQuery

/// The annotation cache (`StoreCache`): a store restored from it, or rebuilt from part of it, answers
/// every statement exactly as a store built from scratch; a damaged or foreign file is never trusted.
@Suite("Cache: the annotation cache")
struct StoreCacheTests {
    static let corpus = Repo.root + "/Sources/NewsQueryShell/Resources/corpus"

    /// Statements over every row source, in a machine format that prints every field.
    static let statements = [
        "quotes", "who said \"price\"", "count quotes by speaker", "entities", "mentions",
        "numbers where boilerplate or not boilerplate", "sentences where boilerplate or not boilerplate",
        "articles", "sources", "disagreements", "duplicates", "what did Peskov say",
        "sentences where text ~ train", "quotes where text ~ \"Putin\" near/5 \"Kim\"",
    ]

    static func answers(_ store: ArticleStore) -> [String] {
        let engine = Engine(store: store)
        return statements.map { statement in
            switch engine.run(Source(statement)) {
            case .success(.rows(let rows)): return ResultFormatter(format: .jsonl).format(rows) + rows.notes.joined(separator: "\n")
            case .success(.text(let text)): return text
            case .failure(let error): return "error: \(error)"
            }
        }
    }

    static func documents(_ paths: [String]) -> [Document] { CorpusLoader().load(paths: paths).documents }

    static func annotate(_ documents: [Document]) -> [ArticleAnnotations] {
        documents.map { Annotator().annotate($0) }
    }

    /// The store for `documents` through `cache`, counting the articles it asked to annotate.
    static func open(_ cache: StoreCache, _ documents: [Document]) -> (ArticleStore, CacheReport, annotated: Int) {
        var asked = 0
        let (store, report) = cache.store(for: documents) { asked += $0.count; return annotate($0) }!
        return (store, report, asked)
    }

    @Test func aReopenedCorpusIsRestoredWholeAndAnswersAsAFreshBuild() throws {
        let dir = TempDirectory()
        let documents = Self.documents([Self.corpus])
        let fresh = ArticleStore(documents: documents)
        let cache = StoreCache(file: URL(fileURLWithPath: dir.path + "/c.nqcache"))

        let (first, report1, annotated1) = Self.open(cache, documents)
        #expect(annotated1 == documents.count && report1.annotated == documents.count && !report1.restored)
        #expect(FileManager.default.fileExists(atPath: cache.file.path))

        let (second, report2, annotated2) = Self.open(cache, Self.documents([Self.corpus]))
        #expect(annotated2 == 0)
        #expect(report2.restored && report2.reused == documents.count && report2.problems.isEmpty)

        let expected = Self.answers(fresh)
        #expect(expected.contains { $0.contains("Peskov") }, "the statements should have answers to compare")
        #expect(Self.answers(first) == expected)
        #expect(Self.answers(second) == expected)
        #expect(second.quoteIDs == fresh.quoteIDs)
        #expect(second.entities.entities == fresh.entities.entities)
        #expect(second.facts.entries == fresh.facts.entries)
        #expect(second.sentences == fresh.sentences)
        #expect(second.entityMentions == fresh.entityMentions)
        #expect(second.articles.map(\.annotations) == fresh.articles.map(\.annotations))
    }

    @Test func aChangedFileIsAnnotatedAloneAndAddedOrRemovedFilesAreFollowed() throws {
        let dir = TempDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.corpus) {
            dir.write("corpus/" + name, try Data(contentsOf: URL(fileURLWithPath: Self.corpus + "/" + name)))
        }
        let corpus = dir.path + "/corpus"
        let cache = StoreCache(file: URL(fileURLWithPath: dir.path + "/c.nqcache"))
        _ = Self.open(cache, Self.documents([corpus]))

        // one article edited: the Kremlin spokesman now says something else
        let edited = corpus + "/002_9bb85a162a50f120.txt"
        let text = try String(contentsOfFile: edited, encoding: .utf8)
        try (text + "\n“The talks were useful,” Kremlin spokesman Dmitry Peskov said on Friday.\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let documents = Self.documents([corpus])
        let (store, report, annotated) = Self.open(cache, documents)
        #expect(annotated == 1 && report.annotated == 1 && report.reused == documents.count - 1 && !report.restored)
        #expect(Self.answers(store) == Self.answers(ArticleStore(documents: documents)))
        #expect(store.quoteIDs.contains { store.article($0).text(of: store.quotation($0).content).contains("useful") })

        // a new article, then one removed
        dir.write("corpus/new.txt", "Talks\n\n“We expect a long meeting,” said Dmitry Peskov.\n")
        let more = Self.documents([corpus])
        let (withNew, report3, annotated3) = Self.open(cache, more)
        #expect(annotated3 == 1 && report3.reused == more.count - 1)
        #expect(Self.answers(withNew) == Self.answers(ArticleStore(documents: more)))
        try FileManager.default.removeItem(atPath: corpus + "/001_272ebe8368280a41.txt")
        let fewer = Self.documents([corpus])
        let (withoutOne, report4, annotated4) = Self.open(cache, fewer)
        #expect(annotated4 == 0 && report4.reused == fewer.count && !report4.restored)
        #expect(Self.answers(withoutOne) == Self.answers(ArticleStore(documents: fewer)))
        // and that store was saved: the next reopen restores it whole
        #expect(Self.open(cache, fewer).1.restored)
    }

    @Test func metadataFromAManifestIsPartOfTheKey() throws {
        let dir = TempDirectory()
        dir.write("corpus/a.txt", "Talks\n\n“We expect a long meeting,” said Dmitry Peskov on Sunday.\n")
        dir.write("corpus/corpus.yaml", "articles:\n  a:\n    source: Daily Post\n    country: GB\n    date: 2023-09-10\n")
        let cache = StoreCache(file: URL(fileURLWithPath: dir.path + "/c.nqcache"))
        _ = Self.open(cache, Self.documents([dir.path + "/corpus"]))
        dir.write("corpus/corpus.yaml", "articles:\n  a:\n    source: Daily Post\n    country: US\n    date: 2023-09-12\n")
        let documents = Self.documents([dir.path + "/corpus"])
        let (store, report, annotated) = Self.open(cache, documents)
        #expect(annotated == 1 && !report.restored)
        #expect(store.articles[0].metadata.country == "US")
        #expect(Self.answers(store) == Self.answers(ArticleStore(documents: documents)))
    }

    /// Damage anywhere in the file (a flipped byte, a cut, the header of another build, not a cache
    /// at all) is noticed: a warning names the file and why, everything is annotated again, the
    /// answers are right, and the file is rewritten (the next reopen restores it whole).
    @Test(arguments: ["flip", "truncate", "fingerprint", "garbage", "empty"])
    func aDamagedOrForeignCacheIsNeverTrusted(_ damage: String) throws {
        let dir = TempDirectory()
        let documents = Self.documents([Self.corpus])
        let cache = StoreCache(file: URL(fileURLWithPath: dir.path + "/c.nqcache"))
        _ = Self.open(cache, documents)
        var bytes = [UInt8](try Data(contentsOf: cache.file))
        switch damage {
        case "flip": bytes[bytes.count * 2 / 3] ^= 0x20
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "fingerprint": bytes[StoreCache.magic.count + 1] ^= 0xFF   // after the magic and the version
        case "garbage": bytes = Array("hello, I am not a cache\n".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: cache.file)

        let (store, report, annotated) = Self.open(cache, documents)
        #expect(annotated == documents.count && !report.restored)
        #expect(report.problems.count == 1)
        let warning = report.problems.first?.description ?? ""
        #expect(warning.hasPrefix(cache.file.path + ": warning: annotation cache"), "\(warning)")
        let reason = ["flip": "damaged (checksum mismatch)", "truncate": "damaged", "fingerprint": "another build",
                      "garbage": "not a newsq cache file", "empty": "not a newsq cache file"][damage]!
        #expect(warning.contains(reason), "\(warning)")
        #expect(Self.answers(store) == Self.answers(ArticleStore(documents: documents)))
        #expect(Self.open(cache, documents).1.restored)
    }

    @Test func aCacheThatCannotBeWrittenIsAWarningNotAFailure() throws {
        let dir = TempDirectory()
        dir.write("blocker", "a file where the cache folder should be")
        let cache = StoreCache(file: URL(fileURLWithPath: dir.path + "/blocker/c.nqcache"))
        let documents = Self.documents([Self.corpus])
        let (store, report, _) = Self.open(cache, documents)
        #expect(store.articles.count == documents.count)
        #expect(report.problems.map(\.description).contains { $0.contains("cannot write the annotation cache") })
    }

    @Test func theCacheFileIsNamedByTheCorpusPathsInAnyOrderAndForm() {
        let folder = URL(fileURLWithPath: "/tmp/cache")
        let a = StoreCache.file(for: ["/data/x", "/data/y"], in: folder)
        #expect(a == StoreCache.file(for: ["/data/y", "/data/./x"], in: folder))
        #expect(a != StoreCache.file(for: ["/data/x"], in: folder))
        #expect(a.deletingLastPathComponent().path == folder.path)
        #expect(StoreCache.defaultDirectory(environment: ["NEWSQ_CACHE_DIR": "/c", "HOME": "/h"])?.path == "/c")
        #expect(StoreCache.defaultDirectory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.path == "/x/newsq")
        #expect(StoreCache.defaultDirectory(environment: ["HOME": "/h"])?.path == "/h/.cache/newsq")
        #expect(StoreCache.defaultDirectory(environment: [:]) == nil)
    }

    @Test func theByteFormatReadsBackWhatItWroteAndRefusesShortInput() throws {
        var w = BinaryWriter()
        let ints = [0, 1, -1, 63, 64, -64, 127, 128, 300, Int.max, Int.min]
        w.write(ints)
        w.write("Wladiwostok → Владивосток")
        w.write(Optional<String>.none)
        w.double(-0.25)
        let bytes = w.bytes
        try bytes.withUnsafeBufferPointer { buffer throws in
            var r = BinaryReader(buffer)
            let readInts = try r.read([Int].self)
            let text = try r.string()
            let none = try r.read(String?.self)
            let double = try r.double()
            #expect(readInts == ints)
            #expect(text == "Wladiwostok → Владивосток")
            #expect(none == nil)
            #expect(double == -0.25)
            #expect(r.remaining == 0)
            #expect(throws: CacheFormatError.self) { _ = try r.int() }
        }
        // a count larger than the bytes left is damage, not an allocation
        var big = BinaryWriter()
        big.uint(UInt64(1) << 40)
        let bigBytes = big.bytes
        bigBytes.withUnsafeBufferPointer { buffer in
            var r = BinaryReader(buffer)
            #expect(throws: CacheFormatError.self) { _ = try r.read([Int].self) }
        }
    }

    @Test func contentKeysChangeWithAnyByte() {
        var a = ContentHasher(), b = ContentHasher(), c = ContentHasher()
        a.add("abc"); a.add("d")
        b.add("ab"); b.add("cd")
        c.add("abc"); c.add("d")
        #expect(a.digest != b.digest)
        #expect(a.digest == c.digest)
        let text = String(repeating: "Kim Jong Un's armoured train ", count: 100)
        let d1 = Document(id: "x", text: text), d2 = Document(id: "x", text: text + " ")
        #expect(StoreCache.key(d1) != StoreCache.key(d2))
        #expect(StoreCache.key(d1) == StoreCache.key(Document(id: "x", text: text)))
    }
}
