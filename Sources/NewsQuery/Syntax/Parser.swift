/// Recursive descent over the lexer's tokens, one function per rule of `grammar/newsq.ebnf` (each
/// quotes its rule). Errors are collected as `Diagnostic`s; after one, the parser is in panic mode
/// (follow-on errors are dropped) until `synchronize()` skips to the next clause keyword, so one run
/// can report an error in the `where` clause and another in the `limit` clause. Parentheses and `not`
/// nest at most `maxDepth` levels (`Limits.maxQueryDepth`), so no input can exhaust the stack.
struct Parser {
    /// The deepest nesting of parentheses and `not` accepted.
    let maxDepth: Int

    private let tokens: [Token]
    private var index = 0
    /// The range of the last token consumed (where a node that ends here ends).
    private var lastRange = SourceRange(0, 0)
    private(set) var diagnostics: [Diagnostic] = []
    private var panicking = false
    private var depth = 0
    /// The field of the last `~` comparison, for a hint when its search seems to go on after `and`/`or`.
    private var lastTextField: String?

    init(tokens: [Token], maxDepth: Int = Limits.standard.maxQueryDepth) {
        self.maxDepth = maxDepth
        self.tokens = tokens.last?.kind == .endOfInput ? tokens : tokens + [Token(kind: .endOfInput, text: "", range: SourceRange(0, 0))]
    }

    /// Lexes and parses one statement; the statement is nil, or not to be trusted, when there are diagnostics.
    static func parse(_ source: Source, maxDepth: Int = Limits.standard.maxQueryDepth) -> (statement: Statement?, diagnostics: [Diagnostic]) {
        var parser = Parser(tokens: Lexer.tokenize(source), maxDepth: maxDepth)
        let statement = parser.parseStatement()
        return (statement, parser.diagnostics)
    }

    // MARK: - Statements

    /// statement = ( [ "explain" ] , query | binding | show_article | quote_context ) , { ";" } ;
    mutating func parseStatement() -> Statement? {
        while current.kind == .semicolon { advance() }
        let start = current.range
        if current.kind == .endOfInput {
            report("empty statement", at: start, hint: Parser.statementsHint)
            return nil
        }
        let kind: Statement.Kind?
        switch current.kind {
        case .keyword(.let): kind = parseBinding()
        case .keyword(.show): kind = parseShowArticle()
        case .keyword(.context): kind = parseQuoteContext()
        default:
            var explain: SourceRange?
            if check(.explain) { explain = advance().range }
            kind = parseQuery().map { .query($0, explain: explain) }
        }
        guard let kind else { return nil }
        while current.kind == .semicolon { advance() }
        if current.kind != .endOfInput {
            reportUnexpected(expected: "end of statement")
        }
        return diagnostics.isEmpty ? Statement(kind: kind, range: start.union(lastRange)) : nil
    }

    /// binding = "let" , name , "=" , query ;
    mutating func parseBinding() -> Statement.Kind? {
        advance()
        guard let name = parseName() else { return nil }
        guard current.kind == .equal else {
            reportUnexpected(expected: "`=` after `let \(name.name)`", hint: "for example: let peskov = what did Peskov say")
            return nil
        }
        advance()
        if check(.let) || check(.explain) || check(.show) || check(.context) {
            report("`let` takes a query, not `\(current.text.lowercased())`", at: current.range)
            return nil
        }
        guard let query = parseQuery() else { return nil }
        return .binding(name: name, query: query)
    }

    /// name = word ;
    mutating func parseName() -> Identifier? {
        let token = current
        switch token.kind {
        case .word(let word):
            advance()
            guard word.unicodeScalars.allSatisfy({ Lexer.isWordScalar($0) }), let first = word.unicodeScalars.first,
                  !Lexer.isDigit(first) else {
                report("a name is letters, digits and `_`, starting with a letter: `\(word)` is not one", at: token.range)
                return nil
            }
            return Identifier(name: word, range: token.range)
        case .keyword(let k):
            report("`\(k.rawValue)` is a keyword and cannot be a name", at: token.range, hint: "choose another name, e.g. my_\(k.rawValue)")
            return nil
        default:
            reportUnexpected(expected: "a name after `let`", hint: "for example: let peskov = what did Peskov say")
            return nil
        }
    }

    /// show_article = "show" , "article" , value ;
    mutating func parseShowArticle() -> Statement.Kind? {
        advance()
        guard check(.article) else {
            reportUnexpected(expected: "`article` after `show`", suggesting: ["article"], hint: "for example: show article 001_272ebe8368280a41")
            return nil
        }
        advance()
        guard let id = parseValue(expected: "an article id") else { return nil }
        return .showArticle(id)
    }

    /// quote_context = "context" , value , [ integer ] ;
    mutating func parseQuoteContext() -> Statement.Kind? {
        advance()
        guard var article = parseValue(expected: "a quotation id (ARTICLE:START) or an article id") else { return nil }
        // One quotation id, `ARTICLE:START`.
        if current.kind == .endOfInput || current.kind == .semicolon, let colon = article.text.lastIndex(of: ":"),
           let start = Int(article.text[article.text.index(after: colon)...]), start >= 0 {
            let id = String(article.text[..<colon])
            let split = article.range.start + (article.quoted ? 1 : 0) + id.unicodeScalars.count
            let offset = Literal(text: String(start), quoted: false, range: SourceRange(split + 1, article.range.end - (article.quoted ? 1 : 0)))
            article = Literal(text: id, quoted: article.quoted, range: SourceRange(article.range.start, split))
            return .context(article: article, start: offset)
        }
        let token = current
        guard case .number(let n) = token.kind else {
            reportUnexpected(expected: "the quotation's start offset after the article id",
                             hint: "for example: context 002_9bb85a162a50f120 1824 or context 002_9bb85a162a50f120:1824 (the `article` and `start` columns of `quotes`)")
            return nil
        }
        advance()
        guard n >= 0 else { report("a start offset is not negative", at: token.range); return nil }
        return .context(article: article, start: Literal(text: token.text, quoted: false, range: token.range))
    }

    /// query = row_source , [ where_clause ] , [ order_clause ] , [ limit_clause ] ;
    mutating func parseQuery() -> Query? {
        let rowSource = parseRowSource()
        if rowSource == nil { synchronize() }
        var filter: Condition?
        var order: [SortItem]?
        var limit: LimitClause?
        clauses: while true {
            switch current.kind {
            case .keyword(.where):
                if filter != nil {
                    report("duplicate `where` clause", at: current.range, hint: "combine conditions with `and` or `or`")
                } else if order != nil {
                    report("`where` must come before `order by`", at: current.range)
                } else if limit != nil {
                    report("`where` must come before `limit`", at: current.range)
                }
                if let clause = parseWhereClause() { filter = clause } else { synchronize() }
            case .keyword(.order):
                if order != nil {
                    report("duplicate `order by` clause", at: current.range, hint: "list several keys after one `order by`, separated by commas")
                } else if limit != nil {
                    report("`order by` must come before `limit`", at: current.range)
                }
                if let clause = parseOrderClause() { order = clause } else { synchronize() }
            case .keyword(.limit):
                if limit != nil { report("duplicate `limit` clause", at: current.range) }
                if let clause = parseLimitClause() { limit = clause } else { synchronize() }
            case .endOfInput, .semicolon:
                break clauses
            default:
                var hint: String?
                if case .whoSaid = rowSource, filter == nil, limit == nil, order == nil {
                    switch current.kind {
                    case .word, .string, .number:
                        hint = "to search for a phrase, quote the words together (\"oil price\"); to require both, join them with `and`"
                    default: break
                    }
                }
                reportUnexpected(expected: "`where`, `order by`, `limit` or end of statement", suggesting: ["where", "order", "limit"], hint: hint)
                advance()
                synchronize()
            }
        }
        guard let rowSource else { return nil }
        return Query(source: rowSource, filter: filter, order: order ?? [], limit: limit, range: rowSource.range.union(lastRange))
    }

    /// row_source = "who" , "said" , text_expr | "who" , "mentioned" , value | "what" , "did" , value , "say" | "quotes" | "articles" | "sources" | "entities" | "mentions" | "numbers" | "compare" , "numbers" | "disagreements" | "sentences" | "duplicates" | "count" , row_source , "by" , field , { "," , field } | "distinct" , field , { "," , field } , "from" , row_source | name ;
    mutating func parseRowSource() -> RowSourceSyntax? {
        let token = current
        switch token.kind {
        case .keyword(.who):
            advance()
            if check(.mentioned) {
                advance()
                guard let name = parseValue(expected: "a name") else { return nil }
                return .whoMentioned(name, range: token.range.union(name.range))
            }
            guard check(.said) else {
                reportUnexpected(expected: "`said` or `mentioned` after `who`", suggesting: ["said", "mentioned"])
                return nil
            }
            advance()
            guard let text = parseTextExpr() else { return nil }
            return .whoSaid(text, range: token.range.union(text.range))
        case .keyword(.what):
            advance()
            guard check(.did) else {
                reportUnexpected(expected: "`did` after `what`", suggesting: ["did"], hint: "for example: what did Peskov say")
                return nil
            }
            advance()
            guard let speaker = parseValue(expected: "a speaker") else { return nil }
            guard check(.say) else {
                var hint = "for example: what did \"Dmitry Peskov\" say"
                if case .word = current.kind, !speaker.quoted { hint = "quote a name of several words: what did \"\(speaker.text) \(current.text)\" say" }
                reportUnexpected(expected: "`say` after the speaker", suggesting: ["say"], hint: hint)
                return nil
            }
            let end = advance()
            return .whatDid(speaker, range: token.range.union(end.range))
        case .keyword(.quotes): advance(); return .quotes(range: token.range)
        case .keyword(.articles): advance(); return .articles(range: token.range)
        case .keyword(.sources): advance(); return .sources(range: token.range)
        case .keyword(.entities): advance(); return .entities(range: token.range)
        case .keyword(.mentions): advance(); return .mentions(range: token.range)
        case .keyword(.numbers): advance(); return .numbers(range: token.range)
        case .keyword(.disagreements): advance(); return .disagreements(range: token.range)
        case .keyword(.sentences): advance(); return .sentences(range: token.range)
        case .keyword(.duplicates): advance(); return .duplicates(range: token.range)
        case .keyword(.compare):
            advance()
            guard check(.numbers) else {
                reportUnexpected(expected: "`numbers` after `compare`", suggesting: ["numbers"],
                                 hint: "for example: compare numbers where measure ~ distance")
                return nil
            }
            let end = advance()
            return .compareNumbers(range: token.range.union(end.range))
        case .keyword(.count):
            advance()
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            if check(.by) || current.kind == .endOfInput {
                reportUnexpected(expected: "rows to count", hint: "for example: count quotes by speaker")
                return nil
            }
            guard let inner = parseRowSource() else { return nil }
            if check(.where) {
                report("in `count`, `where` comes after the `by` fields", at: current.range,
                       hint: "for example: count quotes by speaker where source = US")
                index = tokens.count - 1   // the rest would only report follow-on errors
                return nil
            }
            guard check(.by) else {
                reportUnexpected(expected: "`by` and the fields to count by", suggesting: ["by"], hint: "for example: count quotes by speaker, source")
                return nil
            }
            advance()
            var fields: [Identifier] = []
            repeat {
                if !fields.isEmpty { advance() }
                guard let field = parseField() else { return nil }
                fields.append(field)
            } while current.kind == .comma
            return .count(inner, by: fields, range: token.range.union(lastRange))
        case .keyword(.distinct):
            advance()
            guard enterNesting() else { return nil }
            defer { depth -= 1 }
            var fields: [Identifier] = []
            repeat {
                if !fields.isEmpty { advance() }
                guard let field = parseField() else { return nil }
                fields.append(field)
            } while current.kind == .comma
            guard check(.from) else {
                reportUnexpected(expected: "`from` and the rows", suggesting: ["from"], hint: "for example: distinct speaker from quotes")
                return nil
            }
            advance()
            guard let inner = parseRowSource() else { return nil }
            return .distinct(fields, from: inner, range: token.range.union(inner.range))
        case .keyword(.explain):
            report("`explain` takes a query, not another `explain`", at: token.range)
            return nil
        case .keyword(.let), .keyword(.show), .keyword(.context):
            report("`\(token.text.lowercased())` must begin the statement", at: token.range)
            return nil
        case .word:
            return parseName().map { .name($0) }
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

    /// order_clause = "order" , "by" , sort_key , { "," , sort_key } ;
    mutating func parseOrderClause() -> [SortItem]? {
        advance()
        guard check(.by) else {
            reportUnexpected(expected: "`by` after `order`", suggesting: ["by"], hint: "for example: order by date desc")
            return nil
        }
        advance()
        var keys: [SortItem] = []
        repeat {
            if !keys.isEmpty { advance() }
            guard let key = parseSortKey() else { return nil }
            keys.append(key)
        } while current.kind == .comma
        return keys
    }

    /// sort_key = field , [ "asc" | "desc" ] ;
    mutating func parseSortKey() -> SortItem? {
        guard let field = parseField() else { return nil }
        var descending = false
        if check(.asc) || check(.desc) {
            descending = check(.desc)
            advance()
        }
        return SortItem(field: field, descending: descending, range: field.range.union(lastRange))
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
        guard let items = separated(by: .or, { $0.parseTextAnd() }) else { return nil }
        return items.count == 1 ? items[0] : .or(items, range: items[0].range.union(items[items.count - 1].range))
    }

    /// text_and = text_unary , { "and" , text_unary } ;
    mutating func parseTextAnd() -> TextExpr? {
        guard let items = separated(by: .and, { $0.parseTextUnary() }) else { return nil }
        return items.count == 1 ? items[0] : .and(items, range: items[0].range.union(items[items.count - 1].range))
    }

    /// text_unary = "not" , text_unary | text_near ;
    mutating func parseTextUnary() -> TextExpr? {
        guard check(.not) else { return parseTextNear() }
        let keyword = current
        guard enterNesting() else { return nil }
        defer { depth -= 1 }
        advance()
        guard let inner = parseTextUnary() else { return nil }
        return .not(inner, range: keyword.range.union(inner.range))
    }

    /// text_near = text_primary , [ "near" , [ "/" , integer ] , text_primary ] ;
    mutating func parseTextNear() -> TextExpr? {
        guard let left = parseTextPrimary() else { return nil }
        guard check(.near) else { return left }
        advance()
        var distance = Parser.defaultNearDistance
        if current.kind == .slash {
            advance()
            let token = current
            guard case .number(let n) = token.kind else {
                reportUnexpected(expected: "a number of words after `near/`", hint: "for example: \"arms\" near/5 \"deal\"")
                return nil
            }
            advance()
            guard n >= 1 else {
                report("`near/N` takes a positive number of words", at: token.range)
                return nil
            }
            distance = n
        }
        guard let right = parseTextPrimary() else { return nil }
        if check(.near) {
            report("`near` joins two terms; put parentheses around one side or use `and`", at: current.range)
            return nil
        }
        return .near(left, right, distance: distance, range: left.range.union(right.range))
    }

    /// text_primary = [ "=" ] , ( string | word | integer ) | "(" , text_expr , ")" ;
    mutating func parseTextPrimary() -> TextExpr? {
        var exact: SourceRange?
        if current.kind == .equal {
            exact = advance().range
            switch current.kind {
            case .string, .word, .number: break
            default:
                reportUnexpected(expected: "a word or a quoted phrase after `=`", hint: "for example: who said =price (this form only)")
                return nil
            }
        }
        let token = current
        let range = exact.map { $0.union(token.range) } ?? token.range
        switch token.kind {
        case .string(let s): advance(); return .term(TextTerm(text: s, quoted: true, exact: exact != nil, range: range))
        case .word(let w): advance(); return .term(TextTerm(text: w, quoted: false, exact: exact != nil, range: range))
        case .number: advance(); return .term(TextTerm(text: token.text, quoted: false, exact: exact != nil, range: range))
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
        guard let items = separated(by: .or, { $0.parseConjunction() }) else { return nil }
        return items.count == 1 ? items[0] : .or(items, range: items[0].range.union(items[items.count - 1].range))
    }

    /// conjunction = negation , { "and" , negation } ;
    mutating func parseConjunction() -> Condition? {
        guard let items = separated(by: .and, { $0.parseNegation() }) else { return nil }
        return items.count == 1 ? items[0] : .and(items, range: items[0].range.union(items[items.count - 1].range))
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

    /// comparison = field , [ operator , value | "~" , text_near | [ "not" ] , "in" , value_list ] ;
    /// operator = "=" | "!=" | "<" | "<=" | ">" | ">=" ;
    mutating func parseComparison() -> Condition? {
        guard let field = parseField() else { return nil }
        let opToken = current
        let op: ComparisonOperator
        switch opToken.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessEqual: op = .lessEqual
        case .greater: op = .greater
        case .greaterEqual: op = .greaterEqual
        case .tilde:
            advance()
            guard let text = parseTextNear() else { return nil }
            lastTextField = field.name
            return .comparison(Comparison(field: field, op: .contains, operand: .text(text), range: field.range.union(text.range)))
        case .keyword(.in), .keyword(.not):
            advance()
            let negated = opToken.kind == .keyword(.not)
            if negated {
                guard check(.in) else {
                    reportUnexpected(expected: "`in` after `\(field.name) not`", hint: "for example: speaker.country not in (RU, US)")
                    return nil
                }
                advance()
            }
            guard let values = parseValueList() else { return nil }
            return .comparison(Comparison(field: field, op: negated ? .notIn : .in, operand: .list(values), range: field.range.union(lastRange)))
        case _ where Parser.endsCondition(opToken.kind) && Schema.booleanFieldNames.contains(field.name.lowercased()):
            // A yes/no field alone: `where boilerplate`, `where not repeat`.
            return .comparison(Comparison(field: field, op: .equal, operand: .flag, range: field.range))
        default:
            var hint: String?
            if let search = lastTextField, index >= 2, tokens[index - 2].kind == .keyword(.and) || tokens[index - 2].kind == .keyword(.or) {
                let joiner = tokens[index - 2].text.lowercased()
                hint = "after `~`, `\(joiner)` joins conditions; to search for several words, use parentheses: \(search) ~ (… \(joiner) \(field.name))"
            }
            reportUnexpected(expected: "`=`, `!=`, `<`, `<=`, `>`, `>=`, `~` or `in` after `\(field.name)`", hint: hint)
            return nil
        }
        advance()
        guard let value = parseValue() else { return nil }
        return .comparison(Comparison(field: field, op: op, operand: .value(value), range: field.range.union(value.range)))
    }

    /// field = word | "article" | "count" | "quotes" | "articles" | "mentions" ;
    mutating func parseField() -> Identifier? {
        let token = current
        switch token.kind {
        case .word(let name):
            advance()
            return Identifier(name: name, range: token.range)
        case .keyword(let k) where Keyword.fieldKeywords.contains(k):
            advance()
            return Identifier(name: k.rawValue, range: token.range)
        default:
            reportUnexpected(expected: "a field name", hint: token.kind == .endOfInput ? "for example: where source = US" : nil)
            return nil
        }
    }

    /// value_list = "(" , value , { "," , value } , ")" ;
    mutating func parseValueList() -> [Literal]? {
        guard current.kind == .leftParen else {
            reportUnexpected(expected: "`(` and a list of values", hint: "for example: source.country in (US, FR)")
            return nil
        }
        advance()
        var values: [Literal] = []
        repeat {
            if !values.isEmpty { advance() }
            guard let value = parseValue() else { return nil }
            values.append(value)
        } while current.kind == .comma
        guard expectClosingParen() != nil else { return nil }
        return values
    }

    /// value = string | word | integer ;
    mutating func parseValue(expected: String = "a value") -> Literal? {
        let token = current
        switch token.kind {
        case .string(let s): advance(); return Literal(text: s, quoted: true, range: token.range)
        case .word(let w): advance(); return Literal(text: w, quoted: false, range: token.range)
        case .number: advance(); return Literal(text: token.text, quoted: false, range: token.range)
        case .keyword(let k):
            report("expected \(expected), found keyword `\(k.rawValue)`", at: token.range,
                   hint: "quote it to use it as a value: \"\(k.rawValue)\"")
            return nil
        default:
            reportUnexpected(expected: expected)
            return nil
        }
    }

    // MARK: - Helpers

    private var current: Token { tokens[index] }

    private func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    /// `operand , { KEYWORD , operand }`: the operands in order, or nil when one fails to parse.
    /// Chains are kept flat (not nested), so thousands of terms never deepen the recursion.
    private mutating func separated<T>(by keyword: Keyword, _ operand: (inout Parser) -> T?) -> [T]? {
        guard let first = operand(&self) else { return nil }
        var items = [first]
        while check(keyword) {
            advance()
            guard let next = operand(&self) else { return nil }
            items.append(next)
        }
        return items
    }

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
        guard depth < maxDepth else {
            report("expression is nested too deeply", at: current.range,
                   hint: "at most \(maxDepth) levels of parentheses and `not` are allowed; \(Limits.option(.queryDepth)) N raises the limit")
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
            case .keyword(.where), .keyword(.order), .keyword(.limit), .semicolon, .endOfInput:
                panicking = false
                return
            default:
                advance()
            }
        }
    }

    static let statementsHint = "statements: who said, who mentioned, what did … say, quotes, articles, sources, entities, mentions, numbers, compare numbers, disagreements, sentences, duplicates, count … by, distinct … from, explain, let, show article, context"

    /// Tokens that may follow a complete condition.
    static func endsCondition(_ kind: TokenKind) -> Bool {
        switch kind {
        case .endOfInput, .semicolon, .rightParen, .keyword(.and), .keyword(.or), .keyword(.order), .keyword(.limit): true
        default: false
        }
    }

    /// `near` without `/N`.
    static let defaultNearDistance = 5

    /// The same node with its range widened to include the parentheses around it.
    private static func widened(_ expr: TextExpr, to range: SourceRange) -> TextExpr {
        switch expr {
        case .term: return expr
        case .near(let a, let b, let n, _): return .near(a, b, distance: n, range: range)
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
