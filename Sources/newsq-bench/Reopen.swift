import Foundation
import NewsQuery

/// `reopen [--runs N] --cache-dir DIR PATH...`: the annotation cache (issue 7). A cold load (read,
/// annotate, build, write the cache; the cache file is removed first), then N cached reopens
/// (read the files, key them, read and check the cache, restore the store), each step's wall-clock
/// seconds, the cache file's size and the text's.
func reopenBench(_ args: [String]) {
    var runs = 5
    var directory: String?
    var paths: [String] = []
    var i = 0
    while i < args.count {
        let value = i + 1 < args.count ? args[i + 1] : nil
        switch args[i] {
        case "--runs": runs = value.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? runs; i += 2
        case "--cache-dir": directory = value; i += 2
        default: paths.append(args[i]); i += 1
        }
    }
    guard let directory, !paths.isEmpty else { fail("usage: newsq-bench reopen [--runs N] --cache-dir DIR PATH...") }
    let cache = StoreCache(file: StoreCache.file(for: paths, in: URL(fileURLWithPath: directory)))
    try? FileManager.default.removeItem(at: cache.file)

    func open(_ label: String) {
        let start = wallSeconds()
        let documents = CorpusLoader().load(paths: paths).documents
        let read = wallSeconds() - start
        guard let (store, report) = cache.store(for: documents, annotate: { annotateInParallel($0).map(\.annotatorOutput) }) else {
            fail("cancelled")
        }
        let total = wallSeconds() - start
        let steps = ["keys", "read", "restore", "annotate", "build", "write"].compactMap { step in
            report.seconds[step].map { String(format: "%@ %.3f", step, $0) }
        }
        print(String(format: "%@: %.3f s (files %.3f, %@); %d articles: %d from the cache, %d annotated%@", label, total, read,
                     steps.joined(separator: ", "), store.articles.count, report.reused, report.annotated,
                     report.problems.isEmpty ? "" : "; " + report.problems.map(\.description).joined(separator: "; ")))
    }
    open("cold load")
    let size = (try? FileManager.default.attributesOfItem(atPath: cache.file.path)[.size] as? Int) ?? 0
    print("cache file: \(size) bytes")
    for run in 1...runs { open("reopen \(run)") }
    print(String(format: "peak memory: %d MB", peakMemory() / 1_000_000))
}
