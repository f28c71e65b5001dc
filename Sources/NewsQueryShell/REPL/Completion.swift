import NewsQuery

/// The words Tab completion offers, grouped by where they may appear. Filled by the caller
/// (the query language owns the keyword and field lists; the shell owns meta-commands).
public struct CompletionVocabulary: Sendable, Equatable {
    /// Words that start a statement; several-word statements ("who said") complete as a unit.
    public var statements: [String]
    /// Every other keyword, offered anywhere inside a statement that is not a field position.
    public var keywords: [String]
    /// Queryable field names, offered after `where`, `and`, `or`, `not` and `(`.
    public var fields: [String]
    /// Shell commands (".help", ".format", …), offered at the start of a line.
    public var metaCommands: [String]
    /// Output format names, offered after `.format `.
    public var formats: [String]
    /// Words (or punctuation) after which a field name is expected.
    public var fieldContexts: [String]
    /// Statements followed by another statement (`explain who said …`).
    public var wrappingStatements: [String]

    public init(
        statements: [String], keywords: [String], fields: [String],
        metaCommands: [String], formats: [String],
        fieldContexts: [String] = ["where", "and", "or", "not", "("],
        wrappingStatements: [String] = ["explain"]
    ) {
        self.statements = statements
        self.keywords = keywords
        self.fields = fields
        self.metaCommands = metaCommands
        self.formats = formats
        self.fieldContexts = fieldContexts
        self.wrappingStatements = wrappingStatements
    }

    /// The shell's meta-commands: the session's table plus the REPL's own `.history`.
    public static var standardMetaCommands: [String] { MetaCommand.names + [".history"] }

    /// Statement starts from the query language's keyword table; `who` always reads `who said`,
    /// so it completes as that unit.
    public static var languageStatements: [String] {
        Keyword.statementKeywords.map { $0 == Keyword.who.rawValue ? "who said" : $0 }
    }

    /// The keywords used inside a statement (the statement starts are offered separately).
    public static var languageKeywords: [String] {
        let starts = Set(Keyword.statementKeywords + [Keyword.said.rawValue])
        return Keyword.allKeywords.filter { !starts.contains($0) }
    }

    /// The vocabulary the interactive shell uses, built from the query language's public tables.
    public static func standard(
        statements: [String] = languageStatements,
        keywords: [String] = languageKeywords,
        fields: [String] = Schema.allFieldNames,
        metaCommands: [String] = standardMetaCommands,
        formats: [String] = OutputFormat.allCases.map(\.rawValue)
    ) -> CompletionVocabulary {
        CompletionVocabulary(
            statements: statements, keywords: keywords, fields: fields,
            metaCommands: metaCommands, formats: formats)
    }
}

/// Completion candidates for the text `line` with the cursor at `cursor` (an offset in Unicode
/// scalars, like `SourceRange`). Candidates replace the scalars `replaceFrom..<cursor`; they are
/// returned sorted and without duplicates. Pure: no I/O, no state.
///
/// - At the start of a statement: statements (a several-word statement such as "who said" is
///   matched against everything typed so far in the statement) and, at the start of the line,
///   meta-commands.
/// - After `.format `: the format names.
/// - After `where`, `and`, `or`, `not`, `(`: field names.
/// - Elsewhere: keywords.
/// - Inside an unterminated string: nothing.
public func complete(line: String, cursor: Int, vocabulary: CompletionVocabulary)
    -> (replaceFrom: Int, candidates: [String])
{
    let scalars = Array(line.unicodeScalars)
    let end = min(max(0, cursor), scalars.count)
    guard let tokens = CompletionToken.scan(scalars[0..<end]) else { return (end, []) }

    // The statement being typed: everything after the last `;`.
    let lastSemicolon = tokens.lastIndex { $0.kind == .punct && $0.text == ";" }
    let atLineStart = lastSemicolon == nil
    var statement = Array(tokens[(lastSemicolon.map { $0 + 1 } ?? 0)...])

    // The word under the cursor (possibly empty) and the tokens before it.
    let partial: String
    let partialStart: Int
    if let last = statement.last, last.kind == .word, last.end == end {
        partial = last.text
        partialStart = last.start
        statement.removeLast()
    } else {
        partial = ""
        partialStart = end
    }

    func matching(_ words: [String], prefix: String) -> [String] {
        let p = prefix.lowercased()
        return Array(Set(words.filter { $0.lowercased().hasPrefix(p) })).sorted()
    }

    // Meta-commands: only at the start of the line.
    if atLineStart {
        if statement.isEmpty && partial.hasPrefix(".") {
            return (partialStart, matching(vocabulary.metaCommands, prefix: partial))
        }
        if let first = statement.first, first.kind == .word, first.text.hasPrefix(".") {
            if statement.count == 1 && first.text.lowercased() == ".format" {
                return (partialStart, matching(vocabulary.formats, prefix: partial))
            }
            return (partialStart, [])
        }
    }

    // A named result `A = who said …` starts its statement after the `=`.
    var canBeMeta = atLineStart
    if statement.count >= 2, statement[0].kind == .word, statement[1].kind == .punct, statement[1].text == "=" {
        statement.removeFirst(2)
        canBeMeta = false
    }
    // `explain who said …`: a statement starts again after the wrapping word.
    while let first = statement.first, first.kind == .word,
        vocabulary.wrappingStatements.contains(where: { $0.lowercased() == first.text.lowercased() })
    {
        statement.removeFirst()
        canBeMeta = false
    }

    // Statement start: everything typed so far in the statement is words that begin a statement.
    if statement.allSatisfy({ $0.kind == .word }) {
        let typed = (statement.map(\.text) + [partial]).joined(separator: " ").lowercased()
        let statementMatches = vocabulary.statements.filter {
            $0.lowercased().split(separator: " ").joined(separator: " ").hasPrefix(typed)
        }
        if statement.isEmpty {
            var words = statementMatches
            if canBeMeta { words += vocabulary.metaCommands.filter { $0.lowercased().hasPrefix(typed) } }
            return (partialStart, Array(Set(words)).sorted())
        }
        if !statementMatches.isEmpty {
            return (statement[0].start, Array(Set(statementMatches)).sorted())
        }
    }

    if let previous = statement.last,
        vocabulary.fieldContexts.contains(where: { $0.lowercased() == previous.text.lowercased() })
    {
        return (partialStart, matching(vocabulary.fields, prefix: partial))
    }
    return (partialStart, matching(vocabulary.keywords, prefix: partial))
}

/// What Tab does with a completion result: how many scalars before the cursor to delete, the text
/// to insert in their place, and the candidates to list under the line (when more than one).
struct CompletionEdit: Equatable {
    var deleteCount: Int
    var insert: String
    var listing: [String]

    /// One candidate: it replaces the word, followed by a space (no space after a trailing `.`).
    /// Several: the word grows to their longest common prefix, and all of them are listed.
    init(line: String, cursor: Int, replaceFrom: Int, candidates: [String]) {
        let scalars = Array(line.unicodeScalars)
        let end = min(max(0, cursor), scalars.count)
        let start = min(max(0, replaceFrom), end)
        let typed = String(String.UnicodeScalarView(scalars[start..<end]))
        switch candidates.count {
        case 0:
            self.init(deleteCount: 0, insert: "", listing: [])
        case 1:
            let word = candidates[0]
            self.init(deleteCount: end - start, insert: word.hasSuffix(".") ? word : word + " ", listing: [])
        default:
            let common = longestCommonPrefix(candidates)
            if common.unicodeScalars.count > typed.unicodeScalars.count {
                self.init(deleteCount: end - start, insert: common, listing: candidates)
            } else {
                self.init(deleteCount: 0, insert: "", listing: candidates)
            }
        }
    }

    init(deleteCount: Int, insert: String, listing: [String]) {
        self.deleteCount = deleteCount
        self.insert = insert
        self.listing = listing
    }
}

/// Case-insensitive longest common prefix, spelled as in the first word.
func longestCommonPrefix(_ words: [String]) -> String {
    guard let first = words.first else { return "" }
    var prefix = Array(first.unicodeScalars)
    for word in words.dropFirst() {
        let other = Array(word.unicodeScalars)
        var n = 0
        while n < prefix.count, n < other.count,
            String(prefix[n]).lowercased() == String(other[n]).lowercased()
        {
            n += 1
        }
        prefix.removeSubrange(n...)
    }
    return String(String.UnicodeScalarView(prefix))
}

/// Lays candidates out in columns, as shells list completions (column-major, sorted down first).
func completionColumns(_ candidates: [String], width: Int) -> [String] {
    guard !candidates.isEmpty else { return [] }
    let cell = (candidates.map(\.count).max() ?? 0) + 2
    let columns = max(1, min(candidates.count, max(1, width) / cell))
    let rows = (candidates.count + columns - 1) / columns
    return (0..<rows).map { row in
        var text = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < candidates.count else { break }
            let word = candidates[index]
            let isLast = column == columns - 1 || index + rows >= candidates.count
            text += isLast ? word : word.padding(toLength: cell, withPad: " ", startingAt: 0)
        }
        return text
    }
}

/// A deliberately small tokenizer for completion: words, strings and single punctuation marks.
struct CompletionToken: Equatable {
    enum Kind: Equatable { case word, string, punct }
    var kind: Kind
    var text: String
    /// Scalar offsets in the line.
    var start: Int
    var end: Int

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "." || s == "*"
    }

    /// Tokens of `scalars`, or nil when it ends inside an unterminated string.
    static func scan(_ scalars: ArraySlice<Unicode.Scalar>) -> [CompletionToken]? {
        var tokens: [CompletionToken] = []
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
            } else if s == "\"" || s == "'" {
                let start = i
                i += 1
                var closed = false
                while i < scalars.endIndex {
                    if scalars[i] == "\\" { i += 2; continue }
                    if scalars[i] == s { closed = true; i += 1; break }
                    i += 1
                }
                if !closed { return nil }
                tokens.append(CompletionToken(kind: .string, text: text(scalars, start, i), start: start, end: i))
            } else if isWordScalar(s) {
                let start = i
                while i < scalars.endIndex, isWordScalar(scalars[i]) { i += 1 }
                tokens.append(CompletionToken(kind: .word, text: text(scalars, start, i), start: start, end: i))
            } else {
                tokens.append(CompletionToken(kind: .punct, text: String(s), start: i, end: i + 1))
                i += 1
            }
        }
        return tokens
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>, _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<min(end, scalars.endIndex)]))
    }
}
