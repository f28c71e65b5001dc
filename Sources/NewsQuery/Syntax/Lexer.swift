/// Turns a statement's text into tokens. It never throws: anything it cannot read becomes an
/// `.error` token carrying the message, so the parser reports it at the right place and goes on.
///
/// Whitespace separates tokens; `#` starts a comment to the end of the line; a backslash at the end
/// of a line continues the statement on the next (scripts and the REPL use it).
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ source: Source) { self.scalars = source.scalars }

    /// All tokens, ending with exactly one `.endOfInput`.
    static func tokenize(_ source: Source) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    mutating func next() -> Token {
        skipTrivia()
        let start = position
        guard let c = peek() else { return Token(kind: .endOfInput, text: "", range: SourceRange(start, start)) }
        switch c {
        case "\"", "'": return string(quote: c)
        case "=": position += 1; return make(.equal, from: start)
        case "~": position += 1; return make(.tilde, from: start)
        case "(": position += 1; return make(.leftParen, from: start)
        case ")": position += 1; return make(.rightParen, from: start)
        case ";": position += 1; return make(.semicolon, from: start)
        case "!":
            position += 1
            if peek() == "=" { position += 1; return make(.notEqual, from: start) }
            return make(.error(message: "unexpected character `!`", hint: "did you mean `!=`?"), from: start)
        case "<" where peek(1) == ">":
            position += 2
            return make(.error(message: "unexpected `<>`", hint: "did you mean `!=`?"), from: start)
        case "<":
            position += 1
            if peek() == "=" { position += 1; return make(.lessEqual, from: start) }
            return make(.less, from: start)
        case ">":
            position += 1
            if peek() == "=" { position += 1; return make(.greaterEqual, from: start) }
            return make(.greater, from: start)
        case ",": position += 1; return make(.comma, from: start)
        case "/": position += 1; return make(.slash, from: start)
        case "*":
            position += 1
            while peek().map(Lexer.isWordScalar) == true { position += 1 }
            return make(.error(message: "a wildcard `*` must follow the start of a word",
                               hint: "for example: pric* (words beginning with \"pric\"); a leading or lone `*` is not allowed"),
                        from: start)
        case "-" where peek(1).map(Lexer.isDigit) == true:
            position += 1
            return word(from: start)
        default:
            if Lexer.isWordScalar(c) { return word(from: start) }
            position += 1
            let shown = TerminalSafe.escape(String(c))
            return make(.error(message: "unexpected character `\(shown)`", hint: nil), from: start)
        }
    }

    // MARK: - Pieces

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" {
                position += 1
            } else if c == "\\", peek(1) == "\n" {
                position += 2
            } else if c == "\\", peek(1) == "\r", peek(2) == "\n" {
                position += 3
            } else if c == "#" {
                while let d = peek(), d != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    /// A quoted string: `"…"` or `'…'`; a backslash takes the next character literally.
    private mutating func string(quote: Unicode.Scalar) -> Token {
        let start = position
        position += 1
        var value = String.UnicodeScalarView()
        while let c = peek() {
            if c == quote {
                position += 1
                return make(.string(String(value)), from: start)
            }
            if c == "\\", let escaped = peek(1) {
                value.append(escaped)
                position += 2
                continue
            }
            value.append(c)
            position += 1
        }
        // Unterminated: the error points at the opening quote.
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        return Token(kind: .error(message: "unterminated string", hint: "close it with \(quote)"),
                     text: text, range: .at(start))
    }

    /// A bare word or a number. Word characters are letters, digits and `_`; a `-` or `.` between
    /// word characters stays inside (`Kim-Putin`, `speaker.country`, `2023-09-12`), and so does a `:`
    /// (a quotation id `002_9bb85a162a50f120:1824`). A `*` right after
    /// a word (not a number) ends it and makes it a prefix wildcard (`pric*`).
    private mutating func word(from start: Int) -> Token {
        while let c = peek() {
            if Lexer.isWordScalar(c) {
                position += 1
            } else if (c == "-" || c == "." || c == ":"), position > start, Lexer.isWordScalar(scalars[position - 1]),
                      let d = peek(1), Lexer.isWordScalar(d) {
                position += 1
            } else {
                break
            }
        }
        // A `*` right after the word makes it a prefix wildcard (`pric*`); it stays in the word's text.
        if peek() == "*", !scalars[start..<position].allSatisfy({ Lexer.isDigit($0) || $0 == "-" }) {
            position += 1
            if peek() == "*" || peek().map(Lexer.isWordScalar) == true {
                while peek() == "*" || peek().map(Lexer.isWordScalar) == true { position += 1 }
                return make(.error(message: "a wildcard `*` can only end a word", hint: "for example: pric*"), from: start)
            }
            return make(.word(String(String.UnicodeScalarView(scalars[start..<position]))), from: start)
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.unicodeScalars.allSatisfy(Lexer.isDigit) {
            guard let value = Int(text) else {
                return make(.error(message: "number `\(text)` is too large", hint: "numbers go from \(Int.min) to \(Int.max)"), from: start)
            }
            return make(.number(value), from: start)
        }
        if text.hasPrefix("-") {
            return make(.error(message: "unexpected `\(text)`", hint: nil), from: start)
        }
        if let keyword = Keyword.lookup(text) { return make(.keyword(keyword), from: start) }
        return make(.word(text), from: start)
    }

    // MARK: - Helpers

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private func make(_ kind: TokenKind, from start: Int) -> Token {
        Token(kind: kind, text: String(String.UnicodeScalarView(scalars[start..<position])),
              range: SourceRange(start, position))
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }
}
