/// What one input may cost: the largest article loaded, and the longest and deepest statement run.
/// A value handed to `CorpusLoader` and `Engine` (never a global); each bound is raised by the
/// command-line option its message names (`Limits.option(_:)`).
public struct Limits: Hashable, Sendable {
    /// The largest article file (`.txt`, `.md`) or JSONL line, in bytes; a larger one is skipped
    /// with a warning, and the others load.
    public var maxArticleBytes: Int
    /// How deep parentheses and `not` may nest in a statement.
    public var maxQueryDepth: Int
    /// The longest statement, in bytes of UTF-8.
    public var maxQueryBytes: Int

    public init(maxArticleBytes: Int = Limits.standard.maxArticleBytes,
                maxQueryDepth: Int = Limits.standard.maxQueryDepth,
                maxQueryBytes: Int = Limits.standard.maxQueryBytes) {
        self.maxArticleBytes = maxArticleBytes
        self.maxQueryDepth = maxQueryDepth
        self.maxQueryBytes = maxQueryBytes
    }

    /// 16 MiB of article (hundreds of times the longest PolNeAR article; 10 MB of prose on one line
    /// loads in under two minutes in a debug build); 256 levels of nesting; 64 KiB of statement.
    public static let standard = Limits(maxArticleBytes: 16 << 20, maxQueryDepth: 256, maxQueryBytes: 64 << 10)

    /// The deepest nesting `--max-query-depth` accepts: each level costs stack in the parser, binder,
    /// planner and evaluator, and statements run on a thread whose stack is sized for the limit
    /// (`stackBytes`), so this bounds that stack.
    public static let deepestQueryDepth = 100_000

    /// Stack for a thread that runs statements nested `maxQueryDepth` deep (at least 8 MiB).
    public var stackBytes: Int {
        max(8 << 20, maxQueryDepth * Limits.stackBytesPerLevel)
    }

    /// Stack for one level of nesting through the whole pipeline, with room to spare: 100,000 levels of
    /// `not` and of parentheses ran in a debug build (the hungriest) with it; the tests run 10,000 and 20,000.
    static let stackBytesPerLevel = 32 << 10

    public enum Kind: Sendable { case articleBytes, queryDepth, queryBytes }

    /// The command-line option that raises a limit.
    public static func option(_ kind: Kind) -> String {
        switch kind {
        case .articleBytes: "--max-article-bytes"
        case .queryDepth: "--max-query-depth"
        case .queryBytes: "--max-query-bytes"
        }
    }

    /// "16 MiB", "64 KiB", "1,000 bytes": a size as a person reads it.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(grouped(bytes)) bytes"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
