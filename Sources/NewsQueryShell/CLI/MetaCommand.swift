import NewsQuery

/// The meta-commands, one table that also generates `.help`.
struct MetaCommand: Sendable {
    let name: String
    let arguments: String
    let help: String
    let run: @Sendable (Session, [String], _ at: (origin: String, line: Int, column: Int)) -> Session.Outcome

    static let all: [MetaCommand] = [
        MetaCommand(name: ".help", arguments: "", help: "show statements and meta-commands") { _, _, _ in
            Session.Outcome(output: helpText)
        },
        MetaCommand(name: ".load", arguments: "PATH ...", help: "load more articles (.txt, .md, .jsonl files or folders)") { session, args, at in
            guard !args.isEmpty else { return usageError(".load", at) }
            let (loaded, notes) = session.load(args)
            return Session.Outcome(output: "loaded \(loaded) \(loaded == 1 ? "article" : "articles"); now \(session.summary)\n", notes: notes)
        },
        MetaCommand(name: ".format", arguments: "NAME", help: "set the output format: " + OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) { session, args, at in
            guard args.count == 1 else {
                return args.isEmpty ? Session.Outcome(output: "format: \(session.format.rawValue)\n") : usageError(".format", at)
            }
            guard let format = OutputFormat(rawValue: args[0].lowercased()) else {
                return Session.Outcome(error: "\(at.origin):\(at.line):\(at.column): error: unknown format '\(args[0])' (choose one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            session.format = format
            return Session.Outcome()
        },
        MetaCommand(name: ".quit", arguments: "", help: "leave newsq (Ctrl-D works too)") { _, _, _ in
            Session.Outcome(quit: true)
        },
    ]

    static var names: [String] { all.map(\.name) }

    static func run(_ text: String, in session: Session, origin: String, line: Int, column: Int) -> Session.Outcome {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let name = words.removeFirst().lowercased()
        let trimmedName = name.hasSuffix(";") ? String(name.dropLast()) : name
        if let last = words.last, last.hasSuffix(";") { words[words.count - 1] = String(last.dropLast()) }
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

    static var helpText: String {
        var out = """
        Statements (end with ; or a new line; keywords are case-insensitive):
          who said "TEXT" [where COND] [limit N]   speakers of quotations containing TEXT
          quotes [where COND] [limit N]            one row per reported statement
          articles [where COND] [limit N]          the loaded articles
          sources                                  the outlets, with their articles and quotations
          explain STATEMENT                        the plan a statement runs
        COND: FIELD = VALUE, FIELD != VALUE, and, or, not, ( ).  `source = US` matches an outlet
        by name, id or country code; `speaker.country = US` is the speaker's country.

        Meta-commands:

        """
        let width = all.map { ($0.name + " " + $0.arguments).count }.max() ?? 0
        for command in all {
            let usage = command.name + (command.arguments.isEmpty ? "" : " " + command.arguments)
            out += "  " + usage + String(repeating: " ", count: width - usage.count + 2) + command.help + "\n"
        }
        return out
    }
}
