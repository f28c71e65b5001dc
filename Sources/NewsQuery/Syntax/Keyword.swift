/// The reserved words of the query language. Keywords are case-insensitive (`WHO SAID` = `who said`);
/// a reserved word used as a value must be quoted (`speaker = "not"`).
/// The table also feeds tab completion in the shell.
public enum Keyword: String, CaseIterable, Sendable {
    case who, said, quotes, articles, sources, explain
    case `where`, limit
    case and, or, not

    /// Words that may begin a statement, in the order a help text lists them.
    public static let statementKeywords: [String] = ["who", "quotes", "articles", "sources", "explain"]

    /// Every keyword, lower-case.
    public static let allKeywords: [String] = allCases.map(\.rawValue)

    /// The keyword spelled by `word`, ignoring case; nil for any other word.
    static func lookup(_ word: String) -> Keyword? { Keyword(rawValue: word.lowercased()) }

    /// The keywords that begin a statement, as enum cases.
    static let statementStarts: [Keyword] = [.who, .quotes, .articles, .sources, .explain]

    /// How the keyword reads in messages: `who` → "`who`".
    var quoted: String { "`\(rawValue)`" }
}
