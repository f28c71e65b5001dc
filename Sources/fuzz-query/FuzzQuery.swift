// fuzz-query: a libFuzzer target for the whole statement pipeline (Lexer → Parser → Binder → Planner →
// Executor → output). Arbitrary bytes become a statement (invalid UTF-8 is decoded lossily: the REPL and
// scripts only ever see valid text, but the pipeline must hold for any String) and run against the
// bundled example corpus, loaded once; errors are rendered and answers formatted, as the shell would.
// The same text is also run as a script (statements split, one environment, so `let` names are seen
// by later statements) and under `explain`. A crash, a trap or a hang is a bug.
//
// Built and run only by `make fuzz`, which compiles it with -sanitize=fuzzer,address -DFUZZING; the
// entry point (at the end) then runs libFuzzer's driver on `LLVMFuzzerTestOneInput`.
#if FUZZING
import CLibFuzzer
#endif
import Foundation
import NewsQuery

/// The bundled corpus (examples/corpus), found from this file's path so the binary runs from any folder.
private let store: ArticleStore = {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/corpus").standardized.path
    let loaded = CorpusLoader().load(paths: [corpus])
    guard !loaded.documents.isEmpty, loaded.errors.isEmpty else {
        fatalError("fuzz-query: cannot load \(corpus): \(loaded.issues)")
    }
    return ArticleStore(documents: loaded.documents)
}()

private let engine = Engine(store: store)

/// What the shell does with an outcome: render the error, or format the rows (a table for people and
/// JSON lines for machines: the two formatters that share least code).
private func show(_ outcome: Result<QueryOutcome, QueryError>) {
    var text = ""
    switch outcome {
    case .success(.rows(let rows)):
        text = ResultFormatter(format: .table, width: 80, countBars: true).format(rows)
        text += ResultFormatter(format: .jsonl).format(rows)
    case .success(.text(let plain)): text = plain
    case .failure(let error): text = DiagnosticRenderer.render(error)
    }
    // Keeps the work from being optimised away without printing anything.
    if text.utf8.count == Int.max { print(text) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    show(engine.run(Source(text)))
    show(engine.run(Source("explain " + text)))
    var environment = Environment()
    for statement in StatementSplitter.split(Source(text, name: "fuzz.nq")).prefix(8) {
        show(engine.run(statement, environment: &environment))
    }
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
        FileHandle.standardError.write(Data("fuzz-query: built without libFuzzer; run `make fuzz`\n".utf8))
        exit(2)
        #endif
    }
}
