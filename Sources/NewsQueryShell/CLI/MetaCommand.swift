import Dispatch
import NewsQuery

/// The meta-commands, one table that also generates `.help`, `.help TOPIC` and what Tab offers
/// after each command.
struct MetaCommand: Sendable {
    let name: String
    let arguments: String
    let help: String
    /// More about it, shown by `.help NAME` (may be empty).
    let details: String
    /// A line to try, shown by `.help NAME`.
    let example: String
    /// Words Tab offers as the first argument (paths are completed separately).
    let argumentWords: [String]
    let run: @Sendable (Session, [String], _ at: (origin: String, line: Int, column: Int)) -> Session.Outcome

    init(name: String, arguments: String, help: String, details: String = "", example: String, argumentWords: [String] = [],
         run: @escaping @Sendable (Session, [String], _ at: (origin: String, line: Int, column: Int)) -> Session.Outcome) {
        self.name = name
        self.arguments = arguments
        self.help = help
        self.details = details
        self.example = example
        self.argumentWords = argumentWords
        self.run = run
    }

    static let all: [MetaCommand] = [
        MetaCommand(name: ".help", arguments: "[TOPIC]", help: "show statements and meta-commands, or one of them in detail",
                    example: ".help who") { _, args, at in
            guard let topic = args.first else { return Session.Outcome(output: helpText) }
            guard let text = HelpTopic.text(for: args.joined(separator: " ")) else {
                let suggestion = Suggestion.closest(to: topic.lowercased(), among: HelpTopic.names).map { " (did you mean \($0)?)" } ?? ""
                return Session.Outcome(error: "\(at.origin):\(at.line):\(at.column): error: no help on '\(TerminalSafe.escape(topic))'\(suggestion); topics: \(HelpTopic.names.joined(separator: ", "))")
            }
            return Session.Outcome(output: text)
        },
        MetaCommand(name: ".load", arguments: "PATH ...", help: "load more articles (.txt, .md, .jsonl files or folders)",
                    details: "Files that cannot be read are named and skipped. Ctrl-C stops a long load; nothing is added then.",
                    example: ".load articles/") { session, args, at in
            guard !args.isEmpty else { return usageError(".load", at) }
            let started = DispatchTime.now()
            let (loaded, notes, cancelled) = session.load(args, shouldCancel: session.shouldCancel)
            if cancelled {
                return Session.Outcome(notes: notes, error: "load cancelled (Ctrl-C); nothing was loaded; still \(session.summary)")
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            let time = session.timer ? " (\(Session.duration(seconds)))" : ""
            return Session.Outcome(output: "loaded \(loaded) \(loaded == 1 ? "article" : "articles"); now \(session.summary)\(time)\n", notes: notes)
        },
        MetaCommand(name: ".format", arguments: "NAME", help: "set the output format: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", "),
                    example: ".format csv", argumentWords: OutputFormat.allCases.map(\.rawValue)) { session, args, at in
            guard args.count == 1 else {
                return args.isEmpty ? Session.Outcome(output: "format: \(session.format.rawValue)\n") : usageError(".format", at)
            }
            guard let format = OutputFormat(rawValue: args[0].lowercased()) else {
                return Session.Outcome(error: "\(at.origin):\(at.line):\(at.column): error: unknown format '\(TerminalSafe.escape(args[0]))' (choose one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            session.format = format
            return Session.Outcome()
        },
        MetaCommand(name: ".output", arguments: "[FILE]", help: "send results to FILE (saved when .output changes or newsq ends)",
                    details: """
                    `.output` alone sends results to the terminal again. The file is written next to its final
                    name and renamed into place when .output changes or newsq ends, so it is never seen
                    half-written. Results sent to a file are never cut by .maxrows.
                    """,
                    example: ".output quotes.csv") { session, args, at in
            guard args.count <= 1 else { return usageError(".output", at) }
            return session.redirectOutput(to: args.first, at: at)
        },
        MetaCommand(name: ".timer", arguments: "on|off", help: "show the row count and elapsed time after each result",
                    example: ".timer on", argumentWords: ["on", "off"]) { session, args, at in
            guard args.count <= 1 else { return usageError(".timer", at) }
            guard let setting = args.first?.lowercased() else { return Session.Outcome(output: "timer: \(session.timer ? "on" : "off")\n") }
            switch setting {
            case "on": session.timer = true
            case "off": session.timer = false
            default: return usageError(".timer", at)
            }
            return Session.Outcome()
        },
        MetaCommand(name: ".maxrows", arguments: "N", help: "rows the REPL shows before cutting a result (0: all)",
                    details: "Longer results end with \"… N more rows\". Scripts, -e and .output files get every row.",
                    example: ".maxrows 1000") { session, args, at in
            guard args.count <= 1 else { return usageError(".maxrows", at) }
            guard let value = args.first else {
                return Session.Outcome(output: "maxrows: \(session.maxRows.map(String.init) ?? "0 (all)")\n")
            }
            guard let n = Int(value), n >= 0 else { return usageError(".maxrows", at) }
            session.maxRows = n == 0 ? nil : n
            return Session.Outcome()
        },
        MetaCommand(name: ".vars", arguments: "", help: "list the named results (let NAME = QUERY) and their queries",
                    example: ".vars") { session, args, at in
            guard args.isEmpty else { return usageError(".vars", at) }
            return session.listNames()
        },
        MetaCommand(name: ".quit", arguments: "", help: "leave newsq (Ctrl-D works too)", example: ".quit") { _, _, _ in
            Session.Outcome(quit: true)
        },
    ]

    static var names: [String] { all.map(\.name) }

    /// What Tab offers after each meta-command (the REPL's `.history` takes nothing).
    static func argumentWords(formats: [String]) -> [String: [String]] {
        var words: [String: [String]] = [:]
        for command in all where !command.argumentWords.isEmpty { words[command.name] = command.argumentWords }
        words[".format"] = formats
        words[".help"] = HelpTopic.names
        return words
    }

    static func run(_ text: String, in session: Session, origin: String, line: Int, column: Int) -> Session.Outcome {
        // A `;` may end the line, as it ends statements.
        var body = Substring(text)
        while let last = body.last, last == " " || last == "\t" { body = body.dropLast() }
        if body.hasSuffix(";"), !body.hasSuffix("\\;") { body = body.dropLast() }
        var words = MetaWord.split(String(body))
        let trimmedName = words.removeFirst().lowercased()
        words.removeAll { $0.isEmpty }
        guard let command = all.first(where: { $0.name == trimmedName || (trimmedName == ".exit" && $0.name == ".quit") }) else {
            let suggestion = Suggestion.closest(to: trimmedName, among: names).map { " (did you mean \($0)?)" } ?? ""
            return Session.Outcome(error: "\(origin):\(line):\(column): error: unknown meta-command '\(TerminalSafe.escape(trimmedName))'\(suggestion); .help lists them")
        }
        return command.run(session, words, (origin, line, column))
    }

    static func usageError(_ name: String, _ at: (origin: String, line: Int, column: Int)) -> Session.Outcome {
        let command = all.first { $0.name == name }!
        return Session.Outcome(error: "\(at.origin):\(at.line):\(at.column): error: usage: \(name) \(command.arguments)")
    }

    static var usageWidth: Int {
        max(all.map { ($0.name + " " + $0.arguments).count }.max() ?? 0,
            HelpTopic.statements.map(\.usage.count).max() ?? 0)
    }

    static var helpText: String {
        let width = usageWidth
        func row(_ usage: String, _ text: String) -> String {
            "  " + usage + String(repeating: " ", count: max(1, width - usage.count + 2)) + text + "\n"
        }
        var out = "Statements (end with ; or a new line; keywords are case-insensitive):\n"
        for topic in HelpTopic.statements + HelpTopic.clauses { out += row(topic.usage, topic.summary) }
        out += "\nMeta-commands:\n"
        for command in all {
            out += row(command.name + (command.arguments.isEmpty ? "" : " " + command.arguments), command.help)
        }
        out += row(".history", "list the statements entered (Up, Down and Ctrl-R recall them)")
        out += "\n.help TOPIC explains one: " + HelpTopic.names.joined(separator: ", ") + "\n"
        return out
    }
}

/// `.help TOPIC`: the statements (one per statement keyword of the language), conditions, and
/// the meta-commands (from their table). The text lives here and nowhere else: the overview
/// `.help` prints is built from the same entries.
struct HelpTopic: Sendable {
    /// The keyword that names the topic.
    let name: String
    let usage: String
    let summary: String
    let details: String
    let examples: [String]

    /// One entry per statement keyword (`Keyword.statementKeywords`), in that order.
    static let statements: [HelpTopic] = Keyword.statementKeywords.map { keyword in
        statementTopics[keyword] ?? HelpTopic(name: keyword, usage: keyword, summary: "see grammar/newsq.ebnf", details: "", examples: [])
    }

    private static let statementTopics: [String: HelpTopic] = [
        "who": HelpTopic(
            name: "who", usage: "who said TEXT [where COND] [limit N] | who mentioned NAME [where COND]",
            summary: "speakers of statements containing TEXT; articles mentioning an entity",
            details: """
            who said: one row per speaker: how many of their reported statements contain TEXT, and in
            which articles. TEXT is a word or a "quoted phrase" (whole words, any case), a prefix (pric*),
            or two of them within N words (A near/N B), combined with and, or, not and parentheses.
            who mentioned: one row per article that mentions the entity NAME (by any of its aliases,
            any case), with its outlet and number of mentions, most mentions first.
            """,
            examples: [#"who said "price""#, #"who said price and not weapons where source = US limit 5"#,
                       #"who said "arms" near/5 "deal""#, "who mentioned Shoigu"]),
        "entities": HelpTopic(
            name: "entities", usage: "entities [where COND] [order by …] [limit N]",
            summary: "people, organisations, places… resolved across the articles",
            details: """
            One row per entity: its canonical name, type, country, aliases, roles, and its numbers of
            mentions and of articles. `entity = X` and `aliases = X` match any alias, any case.
            """,
            examples: ["entities where type = person order by mentions desc", "entities where aliases ~ peskov"]),
        "mentions": HelpTopic(
            name: "mentions", usage: "mentions [where COND] [order by …] [limit N]",
            summary: "one row per mention of an entity",
            details: """
            Each mention with its entity, type, article, offsets, the text as written, outlet and country,
            and the sentence and clause it is in (`sentence ~ …`, `clause ~ …`).
            """,
            examples: ["mentions where entity = Kremlin", "count mentions by entity, source where type = person",
                       "mentions where type = location and clause ~ (cross* or stop*)"]),
        "what": HelpTopic(
            name: "what", usage: "what did SPEAKER say [where COND] [limit N]",
            summary: "the statements of one speaker",
            details: """
            One row per statement attributed to SPEAKER (a name, quoted when it has spaces, or a
            last name alone). Tab after `what did ` offers the speakers in the loaded articles.
            """,
            examples: ["what did Peskov say", #"what did "Jake Sullivan" say limit 3"#]),
        "numbers": HelpTopic(
            name: "numbers", usage: "numbers [where COND] [order by …] [limit N]",
            summary: "quantities and dates found in the articles",
            details: """
            One row per quantity (1,200 kilometers, 60 km/h, 18 months) or date (Sunday, September 12),
            with its value, unit, the value normalised to a base unit, its dimension (length, speed,
            date, …), the words of what it measures, and the sentence and clause it is in: a search on
            `clause` ties a date to the event its clause reports.
            """,
            examples: ["numbers where dimension = length", "count numbers by dimension",
                       "numbers where kind = date and clause ~ (left and Pyongyang)"]),
        "compare": HelpTopic(
            name: "compare", usage: "compare numbers [where COND]",
            summary: "the same kind of fact side by side, article by article",
            details: """
            Groups quantities of one dimension that measure the same thing (shared measure words and
            places) and lays them side by side, normalised, with the sentence each comes from.
            """,
            examples: [#"compare numbers where measure ~ "distance""#]),
        "disagreements": HelpTopic(
            name: "disagreements", usage: "disagreements [where COND]",
            summary: "facts on which articles differ beyond a tolerance",
            details: """
            Facts compared as by `compare numbers` whose normalised values differ by more than the
            tolerance (dates must match exactly), each with the evidence sentence from every side.
            """,
            examples: ["disagreements", "disagreements where dimension = length"]),
        "sentences": HelpTopic(
            name: "sentences", usage: "sentences [where COND] [order by …] [limit N]",
            summary: "one row per sentence of the articles",
            details: """
            Each sentence with its article, position (n), offsets, text, whether it is boilerplate or
            repeats an earlier passage, and its numbers of quotations, entity mentions and words. Text
            searches work as on quotes (text ~ (price near/3 weapons)). Boilerplate lines (navigation,
            photo credits, captions, ads, author bios) are their own rows and are left out unless the
            condition names them: `sentences where boilerplate` lists them.
            """,
            examples: ["sentences where text ~ (price near/3 weapons)", "sentences where boilerplate",
                       "count sentences by article where quotes > 0"]),
        "duplicates": HelpTopic(
            name: "duplicates", usage: "duplicates [where COND] [order by …] [limit N]",
            summary: "pairs of near-duplicate articles (republished copy)",
            details: """
            One row per pair of articles whose bodies share 5-word shingles (boilerplate left out) making
            up at least half of the shorter one's: similarity (that share), jaccard, shared shingles,
            shared passages, and both outlets; pairs sharing an article (a story and its copies) have one
            group number. `article = X` and `source = X` hold for either article.
            """,
            examples: ["duplicates", "duplicates where source = US"]),
        "quotes": HelpTopic(
            name: "quotes", usage: "quotes [where COND] [limit N]",
            summary: "one row per reported statement",
            details: """
            Every reported statement with its article, offsets, speaker, cue and kind (direct,
            mixed or indirect). Tables show the main columns; csv, tsv, json and jsonl keep them all.
            """,
            examples: ["quotes where speaker = Peskov and kind = direct", #"quotes where text ~ "formal lunch" limit 3"#]),
        "articles": HelpTopic(
            name: "articles", usage: "articles [where COND] [limit N]",
            summary: "the loaded articles",
            details: "One row per article: id, title, outlet, country, language, translation source, date.",
            examples: ["articles where translated_from = fr", "articles where country = US"]),
        "sources": HelpTopic(
            name: "sources", usage: "sources [where COND]",
            summary: "the outlets, with their articles and quotations",
            details: "One row per outlet (articles without one share a row), with its countries and counts.",
            examples: ["sources", "sources where country = US"]),
        "count": HelpTopic(
            name: "count", usage: "count ROWS by FIELD, ... [where COND]",
            summary: "rows counted by the values of fields",
            details: """
            ROWS is quotes, articles, who said TEXT, what did SPEAKER say or a name given by let.
            One row per distinct value (or combination of values) of the fields, with its count.
            """,
            examples: ["count quotes by speaker", #"count who said "price" by source.country"#]),
        "distinct": HelpTopic(
            name: "distinct", usage: "distinct FIELD, ... from ROWS",
            summary: "the different values of fields",
            details: """
            ROWS is quotes, articles, who said TEXT, what did SPEAKER say or a name given by let.
            One row per distinct value (or combination of values) of the fields.
            """,
            examples: ["distinct speaker.country from quotes where kind = direct", #"distinct source, kind from who said "price""#]),
        "let": HelpTopic(
            name: "let", usage: "let NAME = QUERY",
            summary: "name a result to use again",
            details: "The rows of QUERY are kept under NAME, which can then stand where quotes or articles would.",
            examples: [#"let P = who said "price""#, "count P by speaker"]),
        "show": HelpTopic(
            name: "show", usage: "show article ID",
            summary: "the text of one article",
            details: "Prints the article's title, metadata and text (control characters shown escaped).",
            examples: ["show article 004_b7d6da664c311baa"]),
        "context": HelpTopic(
            name: "context", usage: "context ARTICLE START",
            summary: "the text around an offset of an article",
            details: """
            START is an offset as the start column of quotes gives it (Unicode scalars from the start of the file):
            the quotation there, in its sentences; an offset in no quotation shows its sentence between its
            neighbours (the sentence column of sentences is such an id, ARTICLE:START).
            """,
            examples: ["context 004_b7d6da664c311baa 682"]),
        "explain": HelpTopic(
            name: "explain", usage: "explain STATEMENT",
            summary: "the plan a statement runs",
            details: "Prints the operators a statement runs, innermost last, with the index or scan each uses.",
            examples: [#"explain who said "price" where source = US"#]),
    ]

    /// Conditions: the fields come from the language's schema.
    static let conditions = HelpTopic(
        name: "where", usage: "... where COND",
        summary: "conditions on rows (.help where lists the fields)",
        details: """
        COND: FIELD = VALUE, FIELD != VALUE, FIELD in (VALUE, ...), FIELD ~ "words" (the field
        contains the words), and for dates and numbers <, <=, >, >=; joined with and, or, not and
        parentheses; comparisons ignore case. `source = X` matches an outlet
        by name, id or country code; `speaker = Peskov` matches every speaker with that last name.
        Fields of who said and quotes: \(Schema.quoteFieldNames.joined(separator: ", ")).
        Fields of articles: \(Schema.articleFieldNames.joined(separator: ", ")).
        Fields of sources: \(Schema.sourceFieldNames.joined(separator: ", ")).
        Fields of entities: \(Schema.entityFieldNames.joined(separator: ", ")).
        Fields of mentions and who mentioned: \(Schema.mentionFieldNames.joined(separator: ", ")).
        Fields of sentences: \(Schema.sentenceFieldNames.joined(separator: ", ")).
        Fields of duplicates: \(Schema.duplicateFieldNames.joined(separator: ", ")).
        A yes/no field (boilerplate, repeat) alone is a condition: sentences where boilerplate.
        Tab after `speaker = ` or `source = ` offers the values in the loaded articles.
        """,
        examples: ["quotes where (kind = direct or kind = mixed) and source.country != US limit 10"])

    static let order = HelpTopic(
        name: "order", usage: "... order by FIELD [desc], ...", summary: "sort the rows",
        details: "Sorts by the fields or result columns given, ascending unless desc follows; ties keep their order.",
        examples: ["quotes where speaker = Peskov order by start desc limit 2", "count quotes by speaker order by count desc"])

    static let limit = HelpTopic(
        name: "limit", usage: "... limit N", summary: "at most N rows",
        details: "Keeps the first N rows of the result, in its order.",
        examples: ["quotes limit 5"])

    /// The clauses a query may end with.
    static var clauses: [HelpTopic] {
        Keyword.allKeywords.contains("order") ? [conditions, order, limit] : [conditions, limit]
    }

    /// Every topic name: statement keywords, clauses, then the meta-commands.
    static var names: [String] {
        statements.map(\.name) + clauses.map(\.name) + MetaCommand.names + [".history"]
    }

    /// The text for `.help TOPIC` (`who`, `who said`, `.load` or `load`), nil for an unknown topic.
    static func text(for topic: String) -> String? {
        var key = topic.lowercased().split(separator: " ").joined(separator: " ")
        if key == "who said" || key == "said" { key = "who" }
        if key == "what did" || key == "order by" { key = String(key.prefix { $0 != " " }) }
        if key == "exit" || key == ".exit" { key = ".quit" }
        if let entry = (statements + clauses).first(where: { $0.name == key }) {
            var out = entry.usage + "\n  " + entry.summary + "\n\n" + entry.details + "\n"
            if !entry.examples.isEmpty { out += "\nExamples:\n" + entry.examples.map { "  " + $0 + "\n" }.joined() }
            return out
        }
        if key == ".history" || key == "history" {
            return ".history\n  list the statements entered, oldest first (Up, Down and Ctrl-R recall them)\n"
        }
        let metaName = key.hasPrefix(".") ? key : "." + key
        if let command = MetaCommand.all.first(where: { $0.name == metaName }) {
            return command.name + (command.arguments.isEmpty ? "" : " " + command.arguments) + "\n  " + command.help
                + (command.details.isEmpty ? "" : "\n\n" + command.details) + "\n\nExample:\n  " + command.example + "\n"
        }
        return nil
    }
}
