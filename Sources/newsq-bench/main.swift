// newsq-bench: stage timings of the release build, on one thread (see BENCHMARKS.md and `make bench`).
//
//   newsq-bench annotate [--runs N] [--annotate-only] PATH...
//                                             annotation throughput (MB/s of text) and store build time
//   newsq-bench dump PATH...                  every article's annotations, one line per item, for
//                                             checking that an optimisation changes no output
//   newsq-bench generate --articles N --seed S --out DIR [--from PATH...] [--given-names FILE]
//                                             a synthetic corpus of N articles recombined from real
//                                             ones (default: ../shared/polnear/train/text and
//                                             ../shared/seeds; names: the entity gazetteer's given
//                                             names); same seed, same bytes. Run from the package root
//   newsq-bench queries [--runs N] [--queries FILE] [--json FILE] DIR
//                                             load time, memory, and p50/p99 latency (wall clock) of
//                                             each statement of Sources/newsq-bench/peer/scale-queries.tsv; see Scale.swift
//   newsq-bench reopen [--runs N] --cache-dir DIR PATH...
//                                             a cold load that writes the annotation cache, then cached
//                                             reopens, with each step's wall-clock seconds (Reopen.swift)
//
// Files are read before the clock starts; only the stage itself is timed, in CPU seconds of the process
// (all threads), which other work on the machine does not inflate. Each run repeats the stage over
// every document; the report gives the best and the median run.
import BenchCorpus
import Foundation
import NewsQuery

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsq-bench: \(message)\n".utf8))
    exit(2)
}

func load(_ paths: [String]) -> [Document] {
    let result = CorpusLoader().load(paths: paths)
    for issue in result.issues { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
    guard !result.documents.isEmpty else { fail("no articles in \(paths.joined(separator: " "))") }
    return result.documents
}

/// CPU time of the whole process (all threads), in seconds: steady when other work shares the machine.
func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// CPU seconds spent in `body`.
func measure(_ body: () -> Void) -> Double {
    let start = cpuSeconds()
    body()
    return cpuSeconds() - start
}

func summary(_ label: String, _ times: [Double], bytes: Int) -> String {
    let sorted = times.sorted()
    let best = sorted[0], median = sorted[sorted.count / 2]
    let mb = Double(bytes) / 1_000_000
    return String(format: "%@: best %.3f s CPU (%.1f MB/s), median %.3f s CPU (%.1f MB/s), %d runs",
                  label, best, mb / best, median, mb / median, times.count)
}

func annotateBench(_ args: [String]) {
    var runs = 5
    var paths: [String] = []
    var annotateOnly = false
    var i = 0
    while i < args.count {
        if args[i] == "--runs", i + 1 < args.count, let n = Int(args[i + 1]), n > 0 { runs = n; i += 2; continue }
        if args[i] == "--annotate-only" { annotateOnly = true; i += 1; continue }
        paths.append(args[i]); i += 1
    }
    let documents = load(paths)
    let bytes = documents.reduce(0) { $0 + $1.text.utf8.count }
    print("\(documents.count) articles, \(bytes) bytes of text")
    let annotator = Annotator()
    var annotateTimes: [Double] = [], indexTimes: [Double] = []
    for _ in 0..<runs {
        var articles: [Article] = []
        articles.reserveCapacity(documents.count)
        annotateTimes.append(measure {
            for d in documents { articles.append(Article(document: d, annotations: annotator.annotate(d))) }
        })
        if annotateOnly { continue }
        indexTimes.append(measure {
            var store = ArticleStore()
            store.add(articles)
            precondition(store.articles.count == articles.count)
        })
    }
    print(summary("annotate (sentences, statements, speakers, boilerplate, credits, datelines)", annotateTimes, bytes: bytes))
    if !indexTimes.isEmpty { print(summary("store (entities, facts, indexes)", indexTimes, bytes: bytes)) }
}

func dump(_ paths: [String]) {
    let annotator = Annotator()
    for d in load(paths).sorted(by: { $0.id < $1.id }) {
        let a = annotator.annotate(d)
        func s(_ span: Span?) -> String { span.map { "\($0.start)-\($0.end)" } ?? "-" }
        print("\(d.id) sentences \(a.sentences.map { s($0) }.joined(separator: ",")) boilerplate \(a.boilerplate.map { s($0) }.joined(separator: ",")) repeats \(a.repeats.map { s($0) }.joined(separator: ","))")
        print("\(d.id) agencies \(a.agencies.joined(separator: "|")) byline \(a.byline ?? "-") translation \(s(a.translationCredit))")
        print("\(d.id) credits \(a.agencyCredits.map { "\($0.name)@\(s($0.span))" }.joined(separator: ",")) byline-at \(s(a.bylineSpan)) dateline \(s(a.dateline?.span))")
        for q in a.quotations {
            print("\(d.id) \(q.kind.rawValue) \(s(q.content)) cue \(s(q.cue)) mention \(s(q.speakerMention)) speaker \(q.speaker ?? "-") \(q.speakerCountry ?? "-") \(q.cueClass) repeat \(q.isRepeat)")
        }
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "annotate": annotateBench(Array(arguments.dropFirst()))
case "dump": dump(Array(arguments.dropFirst()))
case "generate": generate(Array(arguments.dropFirst()))
case "queries": queryBench(Array(arguments.dropFirst()))
case "reopen": reopenBench(Array(arguments.dropFirst()))
default: fail("""
    usage: newsq-bench annotate [--runs N] [--annotate-only] PATH... | newsq-bench dump PATH...
           newsq-bench generate --articles N --seed S --out DIR [--from PATH...] [--given-names FILE]
           newsq-bench queries [--runs N] [--queries FILE] [--json FILE] DIR
           newsq-bench reopen [--runs N] --cache-dir DIR PATH...
    """)
}
