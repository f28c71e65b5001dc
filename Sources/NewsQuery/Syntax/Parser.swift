/// Recursive descent over the lexer's tokens, one function per rule of `grammar/newsq.ebnf` (each
/// quotes its rule). Errors are collected as `Diagnostic`s; after one, the parser is in panic mode
/// (follow-on errors are dropped) until `synchronize()` skips to the next clause keyword, so one run
/// can report an error in the `where` clause and another in the `limit` clause. Parentheses and `not`
/// nest at most `maxDepth` levels, so no input can exhaust the stack.
struct Parser {
    static let maxDepth = 256

    private let tokens: [Token]
    private var index = 0
    /// The range of the last token consumed (where a node that ends here ends).
    private var lastRange = SourceRange(0, 0)
    private(set) var diagnostics: [Diagnostic] = []
    private var panicking = false
    private var depth = 0

    init(tokens: [Token]) {
        self.tokens = tokens.last?.kind == .endOfInput ? tokens : tokens + [Token(kind: .endOfInput, text: "", range: SourceRange(0, 0))]
    }

    /// Lexes and parses one statement; the statement is nil, or not to be trusted, when there are diagnostics.
    static func parse(_ source: Source) -> (statement: Statement?, diagnostics: [Diagnostic]) {
        var parser = Parser(tokens: Lexer.tokenize(source))
        let statement = parser.parseStatement()
        return (statement, parser.diagnostics)
    }

    // MARK: - Statements

    /// statement = [ "explain" ] , query , { ";" } ;
    mutating func parseStatement() -> Statement? {
        while current.kind == .semicolon { advance() }
        let start = current.range
        if current.kind == .endOfInput {
            report("empty statement", at: start, hint: Parser.statementsHint)
            return nil
        }
        var explain: SourceRange?
        if check(.explain) { explain = advance().range }
        guard let query = parseQuery() else { return nil }
        while current.kind == .semicolon { advance() }
        if current.kind != .endOfInput {
            reportUnexpected(expected: "end of statement")
        }
        return diagnostics.isEmpty ? Statement(query: query, explain: explain, range: start.union(query.range)) : nil
    }

    /// query = row_source , [ where_clause ] , [ limit_clause ] ;
    mutating func parseQuery() -> Query? {
        let rowSource = parseRowSource()
        if rowSource == nil { synchronize() }
        var filter: Condition?
        var limit: LimitClause?
        clauses: while true {
            switch current.kind {
            case .keyword(.where):
                if filter != nil {
                    report("duplicate `where` clause", at: current.range, hint: "combine conditions with `and` or `or`")
                } else if limit != nil {
                    report("`where` must come before `limit`", at: current.range)
                }
                if let clause = parseWhereClause() { filter = clause } else { synchronize() }
            case .keyword(.limit):
                if limit != nil { report("duplicate `limit` clause", at: current.range) }
                if let clause = parseLimitClause() { limit = clause } else { synchronize() }
            case .endOfInput, .semicolon:
                break clauses
            default:
                var hint: String?
                if case .whoSaid = rowSource, filter == nil, limit == nil {
                    switch current.kind {
                    case .word, .string, .number:
                        hint = "to search for a phrase, quote the words together (\"oil price\"); to require both, join them with `and`"
                    default: break
                    }
                }
                reportUnexpected(expected: "`where`, `limit` or end of statement", suggesting: ["where", "limit"], hint: hint)
                advance()
                synchronize()
            }
        }
        guard let rowSource else { return nil }
        return Query(source: rowSource, filter: filter, limit: limit, range: rowSource.range.union(lastRange))
    }

    /// row_source = "who" , "said" , text_expr | "quotes" | "articles" | "sources" ;
    mutating func parseRowSource() -> RowSourceSyntax? {
        let token = current
        switch token.kind {
        case .keyword(.who):
            advance()
            guard check(.said) else {
                reportUnexpected(expected: "`said` after `who`", suggesting: ["said"])
                return nil
            }
            advance()
            guard let text = parseTextExpr() else { return nil }
            return .whoSaid(text, range: token.range.union(text.range))
        case .keyword(.quotes): advance(); return .quotes(range: token.range)
        case .keyword(.articles): advance(); return .articles(range: token.range)
        case .keyword(.sources): advance(); return .sources(range: token.range)
        case .keyword(.explain):
            report("`explain` takes a query, not another `explain`", at: token.range)
            return nil
        case .word(let word):
            let suggestion = Suggestion.didYouMean(word, among: Keyword.statementKeywords)
            report("unknown statement `\(word)`", at: token.range, hint: suggestion + Parser.statementsHint)
            return nil
        default:
            reportUnexpected(expected: "a statement", hint: Parser.statementsHint)
            return nil
        }
    }

    /// where_clause = "where" , condition ;
    mutating func parseWhereClause() -> Condition? {
        advance()
        return parseCondition()
    }

    /// limit_clause = "limit" , integer ;
    mutating func parseLimitClause() -> LimitClause? {
        let keyword = advance()
        guard case .number(let count) = current.kind else {
            reportUnexpected(expected: "a number after `limit`")
            return nil
        }
        let token = advance()
        guard count >= 0 else {
            report("`limit` takes a non-negative integer", at: token.range)
            return nil
        }
        return LimitClause(count: count, range: keyword.range.union(token.range))
    }

    // MARK: - Text search

    /// text_expr = text_and , { "or" , text_and } ;
    mutating func parseTextExpr() -> TextExpr? {
        guard let first = parseTextAnd() else { return nil }
        var items = [first]
        while check(.or) {
            advance()
            guard let next = parseTextAnd() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .or(items, range: first.range.union(items[items.count - 1].range))
    }

    /// text_and = text_unary , { "and" , text_unary } ;
    mutating func parseTextAnd() -> TextExpr? {
        guard let first = parseTextUnary() else { return nil }
        var items = [first]
        while check(.and) {
            advance()
            guard let next = parseTextUnary() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .and(items, range: first.range.union(items[items.count - 1].range))
    }

    /// text_unary = "not" , text_unary | text_primary ;
    mutating func parseTextUnary() -> TextExpr? {
        guard check(.not) else { return parseTextPrimary() }
        let keyword = current
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        advance()
        guard let inner = parseTextUnary() else { return nil }
        return .not(inner, range: keyword.range.union(inner.range))
    }

    /// text_primary = string | word | integer | "(" , text_expr , ")" ;
    mutating func parseTextPrimary() -> TextExpr? {
        let token = current
        switch token.kind {
        case .string(let s): advance(); return .term(TextTerm(text: s, quoted: true, range: token.range))
        case .word(let w): advance(); return .term(TextTerm(text: w, quoted: false, range: token.range))
        case .number: advance(); return .term(TextTerm(text: token.text, quoted: false, range: token.range))
        case .leftParen:
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            advance()
            guard let inner = parseTextExpr() else { return nil }
            guard let close = expectClosingParen() else { return nil }
            return Parser.widened(inner, to: token.range.union(close.range))
        case .keyword(let k):
            report("expected text to search for, found keyword `\(k.rawValue)`", at: token.range,
                   hint: "quote it to search for the word: \"\(k.rawValue)\"")
            return nil
        default:
            reportUnexpected(expected: "text to search for", hint: "for example: who said \"price\"")
            return nil
        }
    }

    // MARK: - Conditions

    /// condition = conjunction , { "or" , conjunction } ;
    mutating func parseCondition() -> Condition? {
        guard let first = parseConjunction() else { return nil }
        var items = [first]
        while check(.or) {
            advance()
            guard let next = parseConjunction() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .or(items, range: first.range.union(items[items.count - 1].range))
    }

    /// conjunction = negation , { "and" , negation } ;
    mutating func parseConjunction() -> Condition? {
        guard let first = parseNegation() else { return nil }
        var items = [first]
        while check(.and) {
            advance()
            guard let next = parseNegation() else { return nil }
            items.append(next)
        }
        return items.count == 1 ? first : .and(items, range: first.range.union(items[items.count - 1].range))
    }

    /// negation = "not" , negation | primary ;
    mutating func parseNegation() -> Condition? {
        guard check(.not) else { return parsePrimary() }
        let keyword = current
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        advance()
        guard let inner = parseNegation() else { return nil }
        return .not(inner, range: keyword.range.union(inner.range))
    }

    /// primary = comparison | "(" , condition , ")" ;
    mutating func parsePrimary() -> Condition? {
        let token = current
        guard token.kind == .leftParen else { return parseComparison() }
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        advance()
        guard let inner = parseCondition() else { return nil }
        guard let close = expectClosingParen() else { return nil }
        return Parser.widened(inner, to: token.range.union(close.range))
    }

    /// comparison = field , operator , value ;
    /// field = word ;
    /// operator = "=" | "!=" | "~" ;
    mutating func parseComparison() -> Condition? {
        let fieldToken = current
        guard case .word(let name) = fieldToken.kind else {
            reportUnexpected(expected: "a field name", hint: fieldToken.kind == .endOfInput ? "for example: where source = US" : nil)
            return nil
        }
        advance()
        let op: ComparisonOperator
        switch current.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .tilde: op = .contains
        default:
            reportUnexpected(expected: "`=`, `!=` or `~` after `\(name)`")
            return nil
        }
        advance()
        guard let value = parseValue() else { return nil }
        return .comparison(Comparison(field: Identifier(name: name, range: fieldToken.range), op: op, value: value))
    }

    /// value = string | word | integer ;
    mutating func parseValue() -> Literal? {
        let token = current
        switch token.kind {
        case .string(let s): advance(); return Literal(text: s, quoted: true, range: token.range)
        case .word(let w): advance(); return Literal(text: w, quoted: false, range: token.range)
        case .number: advance(); return Literal(text: token.text, quoted: false, range: token.range)
        case .keyword(let k):
            report("expected a value, found keyword `\(k.rawValue)`", at: token.range,
                   hint: "quote it to use it as a value: \"\(k.rawValue)\"")
            return nil
        default:
            reportUnexpected(expected: "a value")
            return nil
        }
    }

    // MARK: - Helpers

    private var current: Token { tokens[index] }

    private func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        lastRange = token.range
        return token
    }

    private mutating func expectClosingParen() -> Token? {
        guard current.kind == .rightParen else {
            reportUnexpected(expected: "`)`")
            return nil
        }
        return advance()
    }

    /// One level deeper into parentheses or `not`; past `maxDepth` it reports once and skips the
    /// rest of the statement.
    private mutating func enterNesting() -> Bool {
        guard depth < Parser.maxDepth else {
            report("expression is nested too deeply", at: current.range,
                   hint: "at most \(Parser.maxDepth) levels of parentheses and `not` are allowed")
            index = tokens.count - 1
            return false
        }
        depth += 1
        return true
    }

    /// Records a diagnostic unless a previous one has not been recovered from yet.
    private mutating func report(_ message: String, at range: SourceRange, hint: String? = nil) {
        guard !panicking else { return }
        panicking = true
        diagnostics.append(Diagnostic(message, at: range, hint: hint))
    }

    /// "expected X, found Y" at the current token; a lexer error token reports its own message.
    private mutating func reportUnexpected(expected: String, suggesting candidates: [String] = [], hint: String? = nil) {
        let token = current
        if case .error(let message, let errorHint) = token.kind {
            report(message, at: token.range, hint: errorHint)
            return
        }
        var extra = hint
        if case .word(let word) = token.kind, let close = Suggestion.closest(to: word, among: candidates) {
            extra = "did you mean `\(close)`?" + (hint.map { " \($0)" } ?? "")
        }
        report("expected \(expected), found \(token.description)", at: token.range, hint: extra)
    }

    /// Skips to the next clause keyword, `;` or the end, and leaves panic mode.
    private mutating func synchronize() {
        while true {
            switch current.kind {
            case .keyword(.where), .keyword(.limit), .semicolon, .endOfInput:
                panicking = false
                return
            default:
                advance()
            }
        }
    }

    private static let statementsHint = "statements: who said, quotes, articles, sources, explain"

    /// The same node with its range widened to include the parentheses around it.
    private static func widened(_ expr: TextExpr, to range: SourceRange) -> TextExpr {
        switch expr {
        case .term: return expr
        case .and(let items, _): return .and(items, range: range)
        case .or(let items, _): return .or(items, range: range)
        case .not(let inner, _): return .not(inner, range: range)
        }
    }

    private static func widened(_ condition: Condition, to range: SourceRange) -> Condition {
        switch condition {
        case .comparison: return condition
        case .and(let items, _): return .and(items, range: range)
        case .or(let items, _): return .or(items, range: range)
        case .not(let inner, _): return .not(inner, range: range)
        }
    }
}
