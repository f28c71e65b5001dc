// The scale benchmarks of issue 7 (`make bench-scale`, BENCHMARKS.md): a seeded synthetic corpus,
// and the latency of a fixed set of statements on it. Unlike the stage timings these are wall-clock
// times (what a user waits for), so other work on the machine inflates them.
import BenchCorpus
import Foundation
import NewsQuery

/// `generate --articles N --seed S --out DIR [--from PATH...] [--given-names FILE]`
func generate(_ args: [String]) {
    var count: Int?, seed: UInt64?, out: String?
    var from: [String] = []
    var givenNames = "Sources/NewsQuery/Resources/gazetteers/entity-given-names.txt"
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : nil
        switch args[i] {
        case "--articles": count = value.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }; i += 2
        case "--seed": seed = value.flatMap { UInt64($0) }; i += 2
        case "--out": out = value; i += 2
        case "--from": if let value { from.append(value) }; i += 2
        case "--given-names": givenNames = value ?? givenNames; i += 2
        default: fail("generate: unknown argument \(args[i])")
        }
    }
    guard let count, let seed, let out else { fail("usage: newsq-bench generate --articles N --seed S --out DIR [--from PATH...] [--given-names FILE]") }
    if from.isEmpty { from = ["../shared/polnear/train/text", "../shared/seeds"] }
    let start = Date()
    do {
        let generator = CorpusGenerator(texts: try CorpusGenerator.readTexts(from),
                                        givenNames: try CorpusGenerator.readGivenNames(givenNames))
        let bytes = try generator.write(articles: count, seed: seed, to: out)
        print(String(format: "%d articles, %d bytes of text, in %@ (from %d source articles, %d names; seed %llu) in %.1f s",
                     count, bytes, out, generator.sources.count, generator.names.count, seed, Date().timeIntervalSince(start)))
    } catch {
        fail("generate: \(error)")
    }
}

/// One statement of the query set: a name shared with the SQLite peer, and the statement.
struct BenchQuery {
    var name: String
    var statement: String
}

/// The query set: `Sources/newsq-bench/peer/scale-queries.tsv`, one query a line: name, newsq statement, SQLite peer.
func readQueries(_ path: String) -> [BenchQuery] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
    return text.split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#"), !line.allSatisfy(\.isWhitespace) else { return nil }
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 2 else { fail("\(path): expected NAME<TAB>STATEMENT<TAB>SQL: \(line)") }
        return BenchQuery(name: String(fields[0]), statement: String(fields[1]))
    }
}

/// Peak resident memory of the process so far, in bytes (Linux reports KB).
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

func wallSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// Nearest-rank percentile of sorted values.
func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[max(0, min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))]
}

/// Annotates on every core, as the shell does, keeping the documents' order.
func annotateInParallel(_ documents: [Document]) -> [Article] {
    final class Slots: @unchecked Sendable {
        var items: [Article?]
        let lock = NSLock()
        init(_ count: Int) { items = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ article: Article) { lock.lock(); items[i] = article; lock.unlock() }
    }
    let annotator = Annotator()
    let slots = Slots(documents.count)
    DispatchQueue.concurrentPerform(iterations: documents.count) { i in
        slots.set(i, Article(document: documents[i], annotations: annotator.annotate(documents[i])))
    }
    return slots.items.map { $0! }
}

struct QueryTiming: Codable {
    var name: String
    var statement: String
    var runs: Int
    var p50_ms: Double
    var p99_ms: Double
    /// Rows of the answer, and for grouped answers the sum of their `count` column.
    var rows: Int
    var total: Int?
}

struct ScaleReport: Codable {
    var articles: Int
    var quotations: Int
    var repeated_quotations: Int
    var text_bytes: Int
    var load_seconds: Double
    var peak_memory_bytes: Int
    var memory_bytes_per_article: Int
    var queries: [QueryTiming]
}

/// `queries [--runs N] [--queries FILE] [--json FILE] [--cache-dir DIR] [--export FILE] PATH...`: with
/// `--cache-dir`, the store is read from the annotation cache there when the corpus is unchanged (as
/// `newsq` does); else it is built (read, annotate on every core, store). `--export` writes every
/// quotation as JSONL, as `newsq --format jsonl -e quotes` does.
func queryBench(_ args: [String]) {
    var runs = 50
    var cacheDirectory: String?
    var queryFile = "Sources/newsq-bench/peer/scale-queries.tsv"
    var jsonFile: String?
    var exportFile: String?
    var paths: [String] = []
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : nil
        switch args[i] {
        case "--runs": runs = value.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? runs; i += 2
        case "--queries": queryFile = value ?? queryFile; i += 2
        case "--json": jsonFile = value; i += 2
        case "--export": exportFile = value; i += 2
        case "--cache-dir": cacheDirectory = value; i += 2
        default: paths.append(args[i]); i += 1
        }
    }
    guard !paths.isEmpty else { fail("usage: newsq-bench queries [--runs N] [--queries FILE] [--json FILE] [--cache-dir DIR] [--export FILE] PATH...") }
    let queries = readQueries(queryFile)

    // Load, as `newsq DIR` does: read, annotate on every core, build the store (entities, facts, indexes).
    let memoryBefore = peakMemory()
    let loadStart = wallSeconds()
    let documents = load(paths)
    var store = ArticleStore()
    var how = "read, annotate on all cores, store"
    if let cacheDirectory {
        let cache = StoreCache(file: StoreCache.file(for: paths, in: URL(fileURLWithPath: cacheDirectory)))
        guard let (cached, report) = cache.store(for: documents, annotate: { annotateInParallel($0).map(\.annotatorOutput) }) else { fail("cancelled") }
        store = cached
        how = report.annotated == 0 ? "read the files, restore from the cache" : "read, annotate \(report.annotated) on all cores, store, write the cache"
    } else {
        store.add(annotateInParallel(documents))
    }
    let loadSeconds = wallSeconds() - loadStart
    let memoryAfterLoad = peakMemory()
    let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
    let repeated = store.quoteIDs.count { store.quotation($0).isRepeat }
    let engine = Engine(store: store)
    print(String(format: "%d articles, %d bytes of text (%d per article), %d quotations (%d in repeated passages)",
                 documents.count, bytes, bytes / documents.count, store.quoteIDs.count, repeated))
    print(String(format: "load (%@): %.2f s wall, %.1f MB/s", how, loadSeconds, Double(bytes) / 1e6 / loadSeconds))
    let perArticle = (memoryAfterLoad - memoryBefore) / documents.count
    print(String(format: "peak memory after load: %.1f MB (%d bytes per article, %.1f × the text)",
                 Double(memoryAfterLoad) / 1e6, perArticle, Double(memoryAfterLoad - memoryBefore) / Double(bytes)))

    var timings: [QueryTiming] = []
    print("")
    print("query                 p50 ms    p99 ms   rows   total  statement")
    for query in queries {
        let source = Source(query.statement, name: query.name)
        let result: ResultSet
        switch engine.run(source) {
        case .success(.rows(let rows)): result = rows
        case .success(.text): fail("\(query.name): `\(query.statement)` gives text, not rows")
        case .failure(let error): fail("\(query.name): \(error)")
        }
        var times: [Double] = []
        times.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = wallSeconds()
            let outcome = engine.run(source)
            times.append(wallSeconds() - start)
            guard case .success(.rows(let again)) = outcome, again.rows.count == result.rows.count else { fail("\(query.name): answer changed") }
        }
        times.sort()
        var total: Int?
        if let column = result.columns.firstIndex(of: "count") {
            total = result.rows.reduce(0) { sum, row in if case .int(let n) = row[column] { sum + n } else { sum } }
        }
        let timing = QueryTiming(name: query.name, statement: query.statement, runs: runs,
                                 p50_ms: percentile(times, 50) * 1000, p99_ms: percentile(times, 99) * 1000,
                                 rows: result.rows.count, total: total)
        timings.append(timing)
        let name = timing.name.padding(toLength: max(18, timing.name.count), withPad: " ", startingAt: 0)
        let totalText = total.map(String.init) ?? "-"
        print(name + String(format: " %9.3f %9.3f %6d ", timing.p50_ms, timing.p99_ms, timing.rows)
              + String(repeating: " ", count: max(0, 7 - totalText.count)) + totalText + "  " + timing.statement)
    }
    let peak = peakMemory()
    print(String(format: "\npeak memory after the queries: %.1f MB; %d runs per statement after one warm-up", Double(peak) / 1e6, runs))
    // Every quotation as `newsq --format jsonl -e quotes` writes them (the SQLite peer loads these), from
    // the store just loaded, after the timings (so that the memory figures are the queries'): `newsq`
    // would not read this program's cache (each build has its own).
    if let exportFile {
        guard case .success(.rows(let all)) = engine.run(Source("quotes")) else { fail("quotes: no rows") }
        do { try ResultFormatter(format: .jsonl).format(all).write(toFile: exportFile, atomically: true, encoding: .utf8) }
        catch { fail("cannot write \(exportFile): \(error)") }
    }
    if let jsonFile {
        let report = ScaleReport(articles: documents.count, quotations: store.quoteIDs.count, repeated_quotations: repeated,
                                 text_bytes: bytes, load_seconds: loadSeconds, peak_memory_bytes: peak,
                                 memory_bytes_per_article: perArticle, queries: timings)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(report).write(to: URL(fileURLWithPath: jsonFile)) } catch { fail("cannot write \(jsonFile): \(error)") }
    }
}
