// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "NewsQuery",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "newsq", targets: ["newsq"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libedit's native histedit API, reached through non-variadic static inline wrappers.
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Core: loading, annotation, store, query language, planning, execution, output.
        .target(
            name: "NewsQuery",
            dependencies: [.product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/gazetteers")]
        ),
        // The shell: command line, REPL, line editor, meta-commands, bundled corpus.
        .target(
            name: "NewsQueryShell",
            dependencies: [
                "NewsQuery", "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: [.copy("Resources/corpus")]
        ),
        .executableTarget(name: "newsq", dependencies: ["NewsQueryShell"]),
        // Stage timings, the synthetic corpus and query latency for BENCHMARKS.md (`make bench`,
        // `make bench-scale`); not shipped.
        .target(name: "BenchCorpus"),
        .executableTarget(name: "newsq-bench", dependencies: ["NewsQuery", "BenchCorpus"], exclude: ["peer"]),
        // libFuzzer targets (`make fuzz`, which builds them with -sanitize=fuzzer into .build/fuzz); a plain
        // build makes binaries that only say so. Not shipped. CLibFuzzer declares libFuzzer's driver.
        .systemLibrary(name: "CLibFuzzer"),
        .executableTarget(name: "fuzz-query", dependencies: ["NewsQuery", "CLibFuzzer"]),
        .executableTarget(name: "fuzz-annotator", dependencies: ["NewsQuery", "CLibFuzzer"]),
        .testTarget(name: "NewsQueryTests", dependencies: ["NewsQuery"]),
        .testTarget(name: "NewsQueryShellTests", dependencies: ["NewsQueryShell", "NewsQuery"]),
        .testTarget(name: "BenchCorpusTests", dependencies: ["BenchCorpus", "NewsQuery"]),
    ]
)
