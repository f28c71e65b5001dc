/// What kind of lexeme a token is. The lexer never throws: what it cannot read becomes `.error`.
enum TokenKind: Hashable, Sendable {
    case keyword(Keyword)
    /// A bare word: a field name (`speaker.country`), a code (`US`), a date (`2023-09-12`), a search word,
    /// a name (`peskov`). A word may end in `*` (`pric*`, a prefix wildcard): the `*` is part of its text.
    case word(String)
    /// A quoted string, with escapes resolved (the text between the quotes).
    case string(String)
    /// An integer (optionally negative: the parser decides where that is allowed).
    case number(Int)
    case equal          // =
    case notEqual       // !=
    case tilde          // ~
    case less           // <
    case lessEqual      // <=
    case greater        // >
    case greaterEqual   // >=
    case comma          // ,
    case slash          // /
    case leftParen      // (
    case rightParen     // )
    case semicolon      // ;
    /// Something the lexer could not read; `message` is the diagnostic, `hint` an optional extra line.
    case error(message: String, hint: String?)
    case endOfInput
}

/// One lexeme with its text and where it stands in the `Source` (Unicode-scalar offsets).
struct Token: Hashable, Sendable {
    var kind: TokenKind
    var text: String
    var range: SourceRange

    /// How the token reads in an error message: "keyword `where`", "word `spkr`", "end of statement".
    var description: String {
        switch kind {
        case .keyword(let k): "keyword `\(k.rawValue)`"
        case .word(let w): "`\(w)`"
        case .string: "string \(text)"
        case .number: "number \(text)"
        case .equal, .notEqual, .tilde, .less, .lessEqual, .greater, .greaterEqual, .comma, .slash,
             .leftParen, .rightParen, .semicolon: "`\(text)`"
        case .error: "`\(text)`"
        case .endOfInput: "end of statement"
        }
    }
}
