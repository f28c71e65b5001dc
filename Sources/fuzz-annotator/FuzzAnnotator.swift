// fuzz-annotator: a libFuzzer target for annotation and everything built on it. Arbitrary bytes become an
// article's text (invalid UTF-8 decoded lossily; the loader rejects it, but any String must annotate),
// which is annotated, checked (every span lies within the text, as `Article.scalars` promises), put in
// a store (entities, facts, sentences, indexes) and queried with fixed statements that read each part
// of it, formatted as the shell would. A crash, a trap, a hang or a span outside the text is a bug.
//
// Built and run only by `make fuzz`, which compiles it with -sanitize=fuzzer,address -DFUZZING; the
// entry point (at the end) then runs libFuzzer's driver on `LLVMFuzzerTestOneInput`.
#if FUZZING
import CLibFuzzer
#endif
import Foundation
import NewsQuery

private let annotator = Annotator()

/// Metadata like the bundled corpus's, so that dates resolve against the article's date and
/// source filters have something to compare.
private let metadata = ArticleMetadata(source: "Fuzz Times", country: "US", language: "en", date: "2023-09-12")

private let statements = [
    "quotes", "who said \"the\"", "entities", "mentions", "numbers", "compare numbers", "disagreements",
    "sentences", "count sentences by boilerplate", "show article fuzz",
]

private func check(_ span: Span, _ what: String, within count: Int) {
    guard 0 <= span.start, span.start <= span.end, span.end <= count else {
        fatalError("fuzz-annotator: \(what) \(span.start)..<\(span.end) is outside the text (0..<\(count))")
    }
}

private func show(_ outcome: Result<QueryOutcome, QueryError>) {
    var text = ""
    switch outcome {
    case .success(.rows(let rows)):
        text = ResultFormatter(format: .table, width: 80).format(rows) + ResultFormatter(format: .jsonl).format(rows)
    case .success(.text(let plain)): text = plain
    case .failure(let error): text = DiagnosticRenderer.render(error)
    }
    // Keeps the work from being optimised away without printing anything.
    if text.utf8.count == Int.max { print(text) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let document = Document(id: "fuzz", text: text, metadata: metadata)
    let annotations = annotator.annotate(document)
    let count = text.unicodeScalars.count
    for span in annotations.sentences { check(span, "sentence", within: count) }
    for span in annotations.boilerplate { check(span, "boilerplate line", within: count) }
    for span in annotations.repeats { check(span, "repeat", within: count) }
    for quote in annotations.quotations {
        check(quote.content, "quotation", within: count)
        if let cue = quote.cue { check(cue, "cue", within: count) }
        if let mention = quote.speakerMention { check(mention, "speaker mention", within: count) }
    }
    let engine = Engine(store: ArticleStore(articles: [Article(document: document, annotations: annotations)]))
    for statement in statements { show(engine.run(Source(statement))) }
    // `context` of the first quotations reads the text around them (sentence neighbours, flags).
    for quote in annotations.quotations.prefix(3) { show(engine.run(Source("context fuzz:\(quote.content.start)"))) }
    return 0
}

// An executable target needs an entry point of its own: SwiftPM renames it and points `main` at it when
// linking (so libFuzzer's `main` cannot be used), and plain `swift build` and `swift test` build every
// target. Under FUZZING it runs libFuzzer's driver (flags, corpus folders, crash files) on `fuzz`;
// otherwise the binary only says how to fuzz.
@main enum Entry {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
        #else
        FileHandle.standardError.write(Data("fuzz-annotator: built without libFuzzer; run `make fuzz`\n".utf8))
        exit(2)
        #endif
    }
}
