import Foundation
import Testing
@testable import NewsQuery

/// `grammar/newsq.ebnf` and the parser must agree: same keywords, every example parses and binds,
/// every rule referenced is defined, and each parse function's `///` rule is the grammar's rule.
@Suite struct GrammarTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let text = (try? String(contentsOf: root.appendingPathComponent("grammar/newsq.ebnf"), encoding: .utf8)) ?? ""
    static let grammar = EBNF(text)

    @Test func grammarFileIsThere() {
        #expect(!Self.text.isEmpty)
        #expect(Self.grammar.rules.keys.contains("statement"))
    }

    @Test func keywordTerminalsAreExactlyTheLexerKeywords() {
        let words = Set(Self.grammar.terminals.filter { $0.first?.isLetter == true })
        #expect(words == Set(Keyword.allKeywords))
        // …and the lexer reads each of them as that keyword, in any case.
        for word in words {
            #expect(Lexer.tokenize(Source(word.uppercased())).first?.kind == .keyword(Keyword(rawValue: word)!))
        }
    }

    @Test func everyReferencedRuleIsDefinedAndEveryRuleIsUsed() {
        let defined = Set(Self.grammar.rules.keys)
        let referenced = Set(Self.grammar.rules.values.flatMap { $0.references })
        #expect(referenced.subtracting(defined).isEmpty, "undefined: \(referenced.subtracting(defined).sorted())")
        #expect(defined.subtracting(referenced) == ["statement"], "unused: \(defined.subtracting(referenced).sorted())")
    }

    @Test func everyExampleParsesAndBinds() {
        #expect(Self.grammar.examples.count >= 8)
        for example in Self.grammar.examples {
            #expect(compileErrors(example) == "ok", "\(example)")
        }
    }

    @Test func everyExamplePrintsToAStatementThatParsesTheSame() {
        for example in Self.grammar.examples {
            let printed = parsed(example)
            #expect(parsed(printed) == printed, "\(example)")
        }
    }

    @Test func everyStatementKeywordStartsAnExample() {
        let starts = Set(Self.grammar.examples.compactMap { $0.split(separator: " ").first?.lowercased() })
        #expect(Set(Keyword.statementKeywords).subtracting(starts).isEmpty, "\(Set(Keyword.statementKeywords).subtracting(starts))")
    }

    @Test func parseFunctionsQuoteTheGrammar() throws {
        let parser = try String(contentsOf: Self.root.appendingPathComponent("Sources/NewsQuery/Syntax/Parser.swift"), encoding: .utf8)
        let quoted = parser.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("/// ") && $0.hasSuffix(" ;") && $0.contains(" = ") }
            .map { String($0.dropFirst(4)) }
        #expect(quoted.count >= 15)
        let rules = Set(Self.grammar.rules.values.map(\.normalized))
        for rule in quoted {
            #expect(rules.contains(EBNF.normalize(rule)), "not in grammar/newsq.ebnf: \(rule)")
        }
        // Every syntactic rule has its parse function (the lexical ones are the lexer's).
        let lexical: Set = ["word", "joiner", "word_char", "integer", "string", "letter", "digit", "string_char", "any_char"]
        let quotedNames = Set(quoted.compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(Set(Self.grammar.rules.keys).subtracting(lexical) == quotedNames)
    }
}

/// Just enough of an ISO EBNF reader for the checks above.
struct EBNF {
    struct Rule {
        var name: String
        var body: String
        var references: [String]
        /// `name = body ;` with runs of whitespace collapsed.
        var normalized: String { EBNF.normalize("\(name) = \(body) ;") }
    }

    var rules: [String: Rule] = [:]
    /// Every terminal ("…" or '…'), outside comments and special sequences.
    var terminals: [String] = []
    /// The text of every `(* example: … *)` comment.
    var examples: [String] = []

    init(_ text: String) {
        let chars = Array(text)
        var i = 0
        var current = ""        // the text of the rule being read, comments removed
        func flush() {
            let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
            current = ""
            guard let eq = trimmed.range(of: " = ") else { return }
            let name = trimmed[..<eq.lowerBound].trimmingCharacters(in: .whitespaces)
            let body = String(trimmed[eq.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
            rules[name] = Rule(name: name, body: body, references: EBNF.identifiers(in: body))
        }
        while i < chars.count {
            let c = chars[i]
            if c == "(", i + 1 < chars.count, chars[i + 1] == "*" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "*" && chars[j + 1] == ")") { j += 1 }
                let comment = String(chars[(i + 2)..<min(j, chars.count)]).trimmingCharacters(in: .whitespacesAndNewlines)
                if comment.hasPrefix("example:") {
                    examples.append(String(comment.dropFirst("example:".count)).trimmingCharacters(in: .whitespaces))
                }
                i = j + 2
            } else if c == "\"" || c == "'" || c == "?" {
                var j = i + 1
                while j < chars.count, chars[j] != c { j += 1 }
                let inner = String(chars[(i + 1)..<min(j, chars.count)])
                if c != "?" { terminals.append(inner) }
                current += String(chars[i...min(j, chars.count - 1)])
                i = j + 1
            } else if c == ";" {
                flush()
                i += 1
            } else {
                current.append(c)
                i += 1
            }
        }
    }

    static func normalize(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: " ;", with: ";")
    }

    /// Rule names used in a body (outside terminals and special sequences).
    static func identifiers(in body: String) -> [String] {
        var result: [String] = []
        var word = ""
        var quote: Character?
        for c in body + " " {
            if let q = quote { if c == q { quote = nil }; continue }
            if c == "\"" || c == "'" || c == "?" { quote = c; continue }
            if c.isLetter || c == "_" { word.append(c) } else {
                if !word.isEmpty { result.append(word) }
                word = ""
            }
        }
        return result
    }
}
