/// The reserved words of the query language. Keywords are case-insensitive (`WHO SAID` = `who said`);
/// a reserved word used as a value or search word must be quoted (`speaker = "not"`). Five keywords
/// are also field or column names and may stand where a field is expected: `article`, `count`, `quotes`, `articles`,
/// `mentions`.
/// The table also feeds tab completion in the shell.
public enum Keyword: String, CaseIterable, Sendable {
    case who, said, what, did, say, quotes, articles, sources, count, by, distinct, from
    case numbers, compare, disagreements, sentences, duplicates
    case entities, mentions, mentioned
    case explain, `let`, show, article, context
    case `where`, order, asc, desc, limit
    case and, or, not, `in`, near

    /// Words that may begin a statement, in the order a help text lists them.
    public static let statementKeywords: [String] = [
        "who", "what", "quotes", "articles", "sources", "entities", "mentions", "numbers", "compare", "disagreements", "sentences", "duplicates", "count", "distinct", "explain", "let",
        "show", "context",
    ]

    /// Every keyword, lower-case.
    public static let allKeywords: [String] = allCases.map(\.rawValue)

    /// The keyword spelled by `word`, ignoring case; nil for any other word.
    static func lookup(_ word: String) -> Keyword? { Keyword(rawValue: word.lowercased()) }

    /// The keywords that begin a statement, as enum cases.
    static let statementStarts: [Keyword] = statementKeywords.compactMap { Keyword(rawValue: $0) }

    /// Keywords that also name a field or a result column (`where article = …`, `order by count`).
    static let fieldKeywords: Set<Keyword> = [.article, .count, .quotes, .articles, .mentions]

    /// How the keyword reads in messages: `who` → "`who`".
    var quoted: String { "`\(rawValue)`" }
}
