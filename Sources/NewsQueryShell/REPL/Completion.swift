import Foundation
import NewsQuery

/// The words Tab completion offers, grouped by where they may appear. Filled by the caller
/// (the query language owns the keyword and field lists, the store the values; the shell owns
/// meta-commands).
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
    /// Values offered after `FIELD = `, `FIELD != `, `FIELD in (` and after `,` in such a list,
    /// by lower-case field name (aliases included). Raw values: quoted when offered, as needed.
    public var values: [String: [String]]
    /// The fields each statement accepts, by its first word (`articles` → article fields); a
    /// statement not listed gets `fields`.
    public var statementFields: [String: [String]]
    /// Statement openings followed by a value of a field: `what did ` → `speaker`.
    public var valueStatements: [String: String]
    /// Words offered as the first argument of a meta-command (`.timer ` → on, off); by default
    /// the formats after `.format`.
    public var metaArguments: [String: [String]]
    /// Words after which a statement (a row source) starts again (`from`).
    public var restartWords: [String]
    /// Named results (`let NAME = …`), offered where a statement or row source starts.
    public var resultNames: [String]
    /// Meta-commands whose argument is a file path (`.load `, `.output `).
    public var pathCommands: [String]
    /// File extensions `.load` offers (folders are always offered); empty: every file.
    public var loadableExtensions: Set<String>

    public init(
        statements: [String], keywords: [String], fields: [String],
        metaCommands: [String], formats: [String],
        fieldContexts: [String] = ["where", "and", "or", "not", "("],
        wrappingStatements: [String] = ["explain"],
        values: [String: [String]] = [:],
        statementFields: [String: [String]] = [:],
        valueStatements: [String: String] = [:],
        metaArguments: [String: [String]]? = nil,
        restartWords: [String] = [],
        resultNames: [String] = [],
        pathCommands: [String] = [".load", ".output"],
        loadableExtensions: Set<String> = CorpusLoader.articleExtensions
    ) {
        self.statements = statements
        self.keywords = keywords
        self.fields = fields
        self.metaCommands = metaCommands
        self.formats = formats
        self.fieldContexts = fieldContexts
        self.wrappingStatements = wrappingStatements
        self.values = values
        self.statementFields = statementFields
        self.valueStatements = valueStatements
        self.metaArguments = metaArguments ?? [".format": formats]
        self.restartWords = restartWords
        self.resultNames = resultNames
        self.pathCommands = pathCommands
        self.loadableExtensions = loadableExtensions
    }

    /// The shell's meta-commands: the session's table plus the REPL's own `.history`.
    public static var standardMetaCommands: [String] { MetaCommand.names + [".history"] }

    /// Statement starts from the query language's keyword table; `who` always reads `who said` or
    /// `who mentioned`, so each completes as a unit.
    public static var languageStatements: [String] {
        Keyword.statementKeywords.flatMap { keyword -> [String] in
            if keyword == Keyword.who.rawValue { return has("mentioned") ? ["who said", "who mentioned"] : ["who said"] }
            return [keyword == "what" && has("did") ? "what did" : keyword]
        }
    }

    /// The keywords used inside a statement (the statement starts are offered separately).
    public static var languageKeywords: [String] {
        let starts = Set(Keyword.statementKeywords + [Keyword.said.rawValue, Keyword.mentioned.rawValue])
        return Keyword.allKeywords.filter { !starts.contains($0) }
    }

    /// Statement openings followed by a value, for the statements the language has (their
    /// keywords are in its table): `what did SPEAKER say`, `show article ID`, `context ID START`.
    public static var languageValueStatements: [String: String] {
        var openings: [String: String] = [:]
        if has("what") && has("did") { openings["what did"] = "speaker" }
        if has("show") && has("article") { openings["show article"] = "article" }
        if has("context") { openings["context"] = "article" }
        return openings
    }

    /// Statements that take another row source after them: `explain who said …`, `count quotes by …`.
    public static var languageWrappingStatements: [String] { ["explain", "count"].filter(has) }

    /// Words after which a field name comes: `where`, `and`, `or`, `not`, `(`, and `by`
    /// (`count … by`, `order by`) when the language has it.
    public static var languageFieldContexts: [String] { ["where", "and", "or", "not", "("] + ["by", "distinct"].filter(has) }

    /// Words after which a row source starts again: `distinct speaker from who said …`.
    public static var languageRestartWords: [String] { ["from"].filter(has) }

    /// The schema's fields per statement: quotations for `who said`, `what did` and `quotes`.
    public static var languageStatementFields: [String: [String]] {
        var fields = ["who": Schema.quoteFieldNames, "quotes": Schema.quoteFieldNames,
                      "articles": Schema.articleFieldNames, "sources": Schema.sourceFieldNames]
        if has("what") { fields["what"] = Schema.quoteFieldNames }
        if has("entities") { fields["entities"] = Schema.entityFieldNames }
        if has("mentions") { fields["mentions"] = Schema.mentionFieldNames }
        if has("sentences") { fields["sentences"] = Schema.sentenceFieldNames }
        if has("duplicates") { fields["duplicates"] = Schema.duplicateFieldNames }
        return fields
    }

    private static func has(_ keyword: String) -> Bool { Keyword.allKeywords.contains(keyword) }

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
            metaCommands: metaCommands, formats: formats,
            fieldContexts: languageFieldContexts,
            wrappingStatements: languageWrappingStatements,
            statementFields: languageStatementFields,
            valueStatements: languageValueStatements,
            metaArguments: MetaCommand.argumentWords(formats: formats),
            restartWords: languageRestartWords)
    }

    /// The standard vocabulary plus the values found in `store`.
    public static func standard(store: ArticleStore) -> CompletionVocabulary {
        var vocabulary = standard()
        vocabulary.values = fieldValues(of: store)
        return vocabulary
    }

    /// The values each field takes in `store`, for completion after `FIELD =`: speakers, outlet
    /// names with their ids and country codes, kinds, languages, article ids, dates. Values that
    /// hold control characters are left out (they would be echoed raw on the terminal).
    public static func fieldValues(of store: ArticleStore) -> [String: [String]] {
        var speakers: [String] = [], speakerCountries: [String] = []
        var outlets: [String] = [], countries: [String] = [], languages: [String] = []
        var articles: [String] = [], dates: [String] = []
        for article in store.articles {
            articles.append(article.id)
            let metadata = article.metadata
            if let source = metadata.source { outlets.append(source) }
            if let country = metadata.country { countries.append(country) }
            languages += [metadata.language, metadata.translatedFrom].compactMap { $0 }
            if let date = metadata.date { dates.append(date) }
            for quotation in article.annotations.quotations {
                if let speaker = quotation.speaker { speakers.append(speaker) }
                if let country = quotation.speakerCountry { speakerCountries.append(country) }
            }
        }
        // Every alias of a speaker's entity names it too (`speaker = "Dmitri Peskov"`).
        let speakerNames = Set(speakers.map { $0.lowercased() })
        for entity in store.entities.entities where speakerNames.contains(entity.name.lowercased()) {
            speakers += entity.aliases.filter { $0.contains(" ") || $0 == entity.name }
        }
        func clean(_ words: [String]) -> [String] {
            var seen = Set<String>()
            return words.filter { word in
                !word.isEmpty && !word.unicodeScalars.contains(where: isControlScalar) && seen.insert(word.lowercased()).inserted
            }
        }
        let outletIDs = outlets.map(outletID)
        var values: [String: [String]] = [
            "speaker": clean(speakers),
            "speaker.country": clean(speakerCountries),
            "source": clean(outlets + outletIDs + countries),
            "source.country": clean(countries),
            "country": clean(countries),
            "kind": QuoteKind.allCases.map(\.rawValue),
            "language": clean(languages),
            "translated_from": clean(languages),
            "source.language": clean(languages),
            "article": clean(articles),
            "id": clean(articles),
            "date": clean(dates),
            "boilerplate": ["yes", "no"],
            "repeat": ["yes", "no"],
        ]
        // Only fields the language knows.
        let known = Set(Schema.allFieldNames)
        values = values.filter { known.contains($0.key) }
        return values
    }

    /// An outlet's id as `source = X` accepts it: the name lower-cased, letters and digits only
    /// (the rule the evaluator applies; "USTimesPost" → "ustimespost").
    static func outletID(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }
}

func isControlScalar(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value)
}

/// One directory entry, for completing paths.
struct DirectoryEntry: Equatable {
    var name: String
    var isDirectory: Bool
}

/// The entries of a folder on disk (nil when it cannot be listed).
func listDirectoryOnDisk(_ path: String) -> [DirectoryEntry]? {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
    return names.map { name in
        var isDirectory: ObjCBool = false
        let full = path.hasSuffix("/") ? path + name : path + "/" + name
        _ = FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory)
        return DirectoryEntry(name: name, isDirectory: isDirectory.boolValue)
    }
}

/// Completion candidates for the text `line` with the cursor at `cursor` (an offset in Unicode
/// scalars, like `SourceRange`). Candidates replace the scalars `replaceFrom..<cursor`; they are
/// returned sorted and without duplicates. Pure apart from `listDirectory` (for paths).
///
/// - At the start of a statement: statements (a several-word statement such as "who said" is
///   matched against everything typed so far in the statement) and, at the start of the line,
///   meta-commands.
/// - After a meta-command: its argument words (`.format `, `.timer `, `.help `) or, after
///   `.load ` and `.output `, file paths (the last path component is replaced; folders end in `/`).
/// - A statement starts again after `;`, `let NAME =`, `explain`, `count` and `from`; named
///   results are offered there too.
/// - After `where`, `and`, `or`, `not`, `(`, `by`, `distinct` (and `,` in a list after the last
///   two): field names, those of the statement's rows.
/// - After `FIELD =`, `FIELD !=`, `FIELD [not] in (`, `what did `, `show article `, `context `:
///   the field's values from the store, quoted as needed; also inside a string just opened there
///   (`speaker = "Dmi`). A word of a name finds it too (`Pesk` → "Dmitry Peskov").
/// - Elsewhere: keywords.
/// - Inside any other unterminated string: nothing.
public func complete(line: String, cursor: Int, vocabulary: CompletionVocabulary)
    -> (replaceFrom: Int, candidates: [String])
{
    complete(line: line, cursor: cursor, vocabulary: vocabulary, listDirectory: listDirectoryOnDisk)
}

func complete(line: String, cursor: Int, vocabulary: CompletionVocabulary,
              listDirectory: (String) -> [DirectoryEntry]?) -> (replaceFrom: Int, candidates: [String])
{
    let scalars = Array(line.unicodeScalars)
    let end = min(max(0, cursor), scalars.count)

    if let meta = completeMetaCommand(scalars[0..<end], vocabulary: vocabulary, listDirectory: listDirectory) {
        return meta
    }

    let (tokens, openString) = CompletionToken.scanAllowingOpenString(scalars[0..<end])

    // The statement being typed: everything after the last `;`.
    let lastSemicolon = tokens.lastIndex { $0.kind == .punct && $0.text == ";" }
    let atLineStart = lastSemicolon == nil
    var statement = Array(tokens[(lastSemicolon.map { $0 + 1 } ?? 0)...])

    // Inside a string: only a value can be completed (`speaker = "Dmi`).
    if let openString {
        guard let field = valueField(before: statement, vocabulary: vocabulary) else { return (end, []) }
        let quote = scalars[openString]
        let typed = unescapeString(scalars[(openString + 1)..<end])
        let candidates = matchingValues(vocabulary.values[field.lowercased()] ?? [], prefix: typed)
            .map { quoteValue($0, quote: quote, always: true) }
        return (openString, candidates)
    }

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

    // A named result `let A = who said …` (or `A = …`) starts its statement after the `=`.
    var canBeMeta = atLineStart
    if statement.count >= 3, statement[0].kind == .word, statement[0].text.lowercased() == "let",
        statement[1].kind == .word, statement[2].kind == .punct, statement[2].text == "="
    {
        statement.removeFirst(3)
        canBeMeta = false
    } else if statement.count >= 2, statement[0].kind == .word, statement[1].kind == .punct, statement[1].text == "=",
        !vocabulary.fields.contains(where: { $0.lowercased() == statement[0].text.lowercased() })
    {
        statement.removeFirst(2)
        canBeMeta = false
    }
    // `distinct speaker from who said …`: a row source starts again after `from`.
    if let restart = statement.lastIndex(where: { token in
        token.kind == .word && vocabulary.restartWords.contains { $0.lowercased() == token.text.lowercased() }
    }) {
        statement.removeFirst(restart + 1)
        canBeMeta = false
    }
    // `explain who said …`: a statement starts again after the wrapping word.
    while let first = statement.first, first.kind == .word,
        vocabulary.wrappingStatements.contains(where: { $0.lowercased() == first.text.lowercased() })
    {
        statement.removeFirst()
        canBeMeta = false
    }

    // A value: `speaker = Pes`, `source != `, `speaker in (a, `, `what did `.
    if let field = valueField(before: statement, vocabulary: vocabulary) {
        let candidates = matchingValues(vocabulary.values[field.lowercased()] ?? [], prefix: partial)
            .map { quoteValue($0, quote: "\"", always: false) }
        return (partialStart, candidates)
    }

    // Statement start: everything typed so far in the statement is words that begin a statement.
    if statement.allSatisfy({ $0.kind == .word }) {
        let typed = (statement.map(\.text) + [partial]).joined(separator: " ").lowercased()
        let statementMatches = (vocabulary.statements + vocabulary.valueStatements.keys + vocabulary.resultNames).filter {
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

    // A field list: `count quotes by speaker, ` and `distinct source, `.
    var inFieldList = false
    if let previous = statement.last, previous.kind == .punct, previous.text == ",",
        let listStart = statement.lastIndex(where: { $0.kind == .word && ["by", "distinct"].contains($0.text.lowercased()) }),
        vocabulary.fieldContexts.contains(where: { $0.lowercased() == statement[listStart].text.lowercased() })
    {
        inFieldList = statement[(listStart + 1)...].allSatisfy { $0.kind == .word || $0.text == "," }
    }
    if let previous = statement.last,
        inFieldList || vocabulary.fieldContexts.contains(where: { $0.lowercased() == previous.text.lowercased() })
    {
        let head = statement.first.map { $0.text.lowercased() } ?? ""
        return (partialStart, matching(vocabulary.statementFields[head] ?? vocabulary.fields, prefix: partial))
    }
    return (partialStart, matching(vocabulary.keywords, prefix: partial))
}

/// The field whose value comes next after `tokens` (the statement typed so far, without the
/// word under the cursor), or nil when no value is expected there.
func valueField(before tokens: [CompletionToken], vocabulary: CompletionVocabulary) -> String? {
    func isField(_ token: CompletionToken) -> Bool {
        token.kind == .word && vocabulary.fields.contains { $0.lowercased() == token.text.lowercased() }
    }
    func isPunct(_ token: CompletionToken, _ text: String) -> Bool { token.kind == .punct && token.text == text }
    let n = tokens.count
    // what did …
    let words = tokens.map { $0.text.lowercased() }.joined(separator: " ")
    if tokens.allSatisfy({ $0.kind == .word }), let field = vocabulary.valueStatements[words] { return field }
    guard let last = tokens.last else { return nil }
    // FIELD = / FIELD != (the lexer's `!=` is two marks here)
    if isPunct(last, "=") {
        if n >= 2, isField(tokens[n - 2]) { return tokens[n - 2].text }
        if n >= 3, isPunct(tokens[n - 2], "!"), tokens[n - 2].end == last.start, isField(tokens[n - 3]) {
            return tokens[n - 3].text
        }
        return nil
    }
    // FIELD in ( v, v, …
    if isPunct(last, "(") || isPunct(last, ",") {
        var i = n - 1
        if isPunct(last, ",") {
            while i >= 0, tokens[i].kind != .punct || tokens[i].text == "," { i -= 1 }
            guard i >= 0, isPunct(tokens[i], "(") else { return nil }
        }
        if i >= 2, tokens[i - 1].kind == .word, tokens[i - 1].text.lowercased() == "in" {
            // FIELD in ( / FIELD not in (
            if isField(tokens[i - 2]) { return tokens[i - 2].text }
            if i >= 3, tokens[i - 2].kind == .word, tokens[i - 2].text.lowercased() == "not", isField(tokens[i - 3]) {
                return tokens[i - 3].text
            }
        }
    }
    return nil
}

/// Values that start with `prefix` (ignoring case), or, when none does, values with a word that
/// does (`Pesk` → "Dmitry Peskov"); sorted, ignoring case.
func matchingValues(_ values: [String], prefix: String) -> [String] {
    let p = prefix.lowercased()
    var found = values.filter { $0.lowercased().hasPrefix(p) }
    if found.isEmpty, !p.isEmpty {
        found = values.filter { value in
            value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).contains { $0.hasPrefix(p) }
        }
    }
    return found.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
}

/// `value` as the lexer reads it back: bare when it is one word that is not a keyword, else in
/// quotes with `\` before a quote or backslash inside.
func quoteValue(_ value: String, quote: Unicode.Scalar = "\"", always: Bool) -> String {
    if !always, isBareWord(value), Keyword(rawValue: value.lowercased()) == nil { return value }
    var out = String.UnicodeScalarView()
    out.append(quote)
    for s in value.unicodeScalars {
        if s == quote || s == "\\" { out.append("\\") }
        out.append(s)
    }
    out.append(quote)
    return String(out)
}

/// A word as the query language's lexer reads it: letters, digits, `_`, with `-` or `.` only
/// between them.
func isBareWord(_ text: String) -> Bool {
    func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark
    }
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last, isWordScalar(first), isWordScalar(last) else { return false }
    for (i, s) in scalars.enumerated() where !isWordScalar(s) {
        guard s == "-" || s == ".", isWordScalar(scalars[i - 1]), isWordScalar(scalars[i + 1]) else { return false }
    }
    return true
}

private func unescapeString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var out = String.UnicodeScalarView()
    var escaped = false
    for s in scalars {
        if !escaped && s == "\\" { escaped = true; continue }
        escaped = false
        out.append(s)
    }
    return String(out)
}

/// Completion on a line that starts with a meta-command, or nil when it does not. Arguments are
/// read as `MetaWord`s, so paths with blanks complete escaped (`News\ Articles/`).
private func completeMetaCommand(_ scalars: ArraySlice<Unicode.Scalar>, vocabulary: CompletionVocabulary,
                                 listDirectory: (String) -> [DirectoryEntry]?) -> (replaceFrom: Int, candidates: [String])?
{
    let end = scalars.endIndex
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }), scalars[first] == "." else { return nil }
    let words = MetaWord.split(scalars)
    let cursorInWord = words.last.map { $0.range.upperBound == end } ?? false
    let command = words[0].text.lowercased()
    if words.count == 1 && cursorInWord {
        let candidates = vocabulary.metaCommands.filter { $0.lowercased().hasPrefix(command) }
        return (words[0].range.lowerBound, Array(Set(candidates)).sorted())
    }
    let partial = cursorInWord ? words[words.count - 1] : MetaWord(text: "", range: end..<end, sources: [], openQuote: nil)
    let argumentIndex = cursorInWord ? words.count - 2 : words.count - 1
    if vocabulary.pathCommands.contains(command) {
        let extensions = command == ".load" ? vocabulary.loadableExtensions : []
        let (baseStart, names) = completePath(partial.text, extensions: extensions, listDirectory: listDirectory)
        // Replace from the line offset of the last component's first character.
        let from = baseStart < partial.sources.count ? partial.sources[baseStart]
            : (partial.range.isEmpty ? partial.range.lowerBound : partial.range.upperBound)
        let quoted = partial.openQuote != nil
        return (from, names.map { quoted ? $0 : MetaWord.escape($0) })
    }
    guard argumentIndex == 0, let words = vocabulary.metaArguments[command] else { return (partial.range.lowerBound, []) }
    let p = partial.text.lowercased()
    return (partial.range.lowerBound, Array(Set(words.filter { $0.lowercased().hasPrefix(p) })).sorted())
}

/// Entries of the folder named by `partial` (up to its last `/`) whose names start with the rest;
/// folders end in `/`. Returns the offset (in scalars of `partial`) where the last component
/// starts, and the names. Hidden entries only when the component starts with `.`; `~/` is the
/// home folder. With `extensions`, only files with one of them (and folders) are offered.
func completePath(_ partial: String, extensions: Set<String>,
                  listDirectory: (String) -> [DirectoryEntry]?) -> (baseStart: Int, names: [String])
{
    let scalars = Array(partial.unicodeScalars)
    let slash = scalars.lastIndex(of: "/")
    let directoryPart = slash.map { String(String.UnicodeScalarView(scalars[...$0])) } ?? ""
    let base = slash.map { String(String.UnicodeScalarView(scalars[($0 + 1)...])) } ?? partial
    var directory = directoryPart.isEmpty ? "." : directoryPart
    if directory == "~/" || directory.hasPrefix("~/") {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        directory = home + "/" + directory.dropFirst(2)
    }
    guard let entries = listDirectory(directory) else { return (scalars.count - base.unicodeScalars.count, []) }
    let names = entries.compactMap { entry -> String? in
        guard entry.name.hasPrefix(base), base.hasPrefix(".") || !entry.name.hasPrefix("."),
            !entry.name.unicodeScalars.contains(where: isControlScalar)
        else { return nil }
        if entry.isDirectory { return entry.name + "/" }
        if !extensions.isEmpty, !extensions.contains((entry.name as NSString).pathExtension.lowercased()) { return nil }
        return entry.name
    }
    return (scalars.count - base.unicodeScalars.count, Array(Set(names)).sorted())
}

/// What Tab does with a completion result: how many scalars before the cursor to delete, the text
/// to insert in their place, and the candidates to list under the line (when more than one).
struct CompletionEdit: Equatable {
    var deleteCount: Int
    var insert: String
    var listing: [String]

    /// One candidate: it replaces the word, followed by a space (none after a trailing `.`, nor
    /// after a folder's `/`).
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
            self.init(deleteCount: end - start, insert: word.hasSuffix(".") || word.hasSuffix("/") ? word : word + " ", listing: [])
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
        let (tokens, open) = scanAllowingOpenString(scalars)
        return open == nil ? tokens : nil
    }

    /// Tokens of `scalars`, and where an unterminated string at the end starts (its quote).
    /// A `-` between word characters stays in the word, as in the language (`2023-09-12`).
    static func scanAllowingOpenString(_ scalars: ArraySlice<Unicode.Scalar>) -> (tokens: [CompletionToken], openString: Int?) {
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
                if !closed { return (tokens, start) }
                tokens.append(CompletionToken(kind: .string, text: text(scalars, start, i), start: start, end: i))
            } else if isWordScalar(s) {
                let start = i
                while i < scalars.endIndex {
                    if isWordScalar(scalars[i]) {
                        i += 1
                    } else if scalars[i] == "-", i + 1 < scalars.endIndex, isWordScalar(scalars[i + 1]) {
                        i += 1
                    } else {
                        break
                    }
                }
                tokens.append(CompletionToken(kind: .word, text: text(scalars, start, i), start: start, end: i))
            } else {
                tokens.append(CompletionToken(kind: .punct, text: String(s), start: i, end: i + 1))
                i += 1
            }
        }
        return (tokens, nil)
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>, _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<min(end, scalars.endIndex)]))
    }
}
