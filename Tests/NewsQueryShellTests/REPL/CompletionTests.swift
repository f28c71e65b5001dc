import Testing
import NewsQuery

@testable import NewsQueryShell

@Suite("Tab completion")
struct CompletionTests {
    let vocabulary = CompletionVocabulary(
        statements: ["who said", "quotes", "articles", "sources", "explain"],
        keywords: ["where", "limit", "and", "or", "not"],
        fields: ["source", "speaker", "speaker.country", "speaker.name", "date"],
        metaCommands: [".help", ".load", ".format", ".history", ".quit"],
        formats: ["table", "csv", "tsv", "json", "jsonl", "markdown"])

    func candidates(_ line: String, cursor: Int? = nil) -> (replaceFrom: Int, candidates: [String]) {
        complete(line: line, cursor: cursor ?? line.unicodeScalars.count, vocabulary: vocabulary)
    }

    @Test func statementKeywordAtStart() {
        let result = candidates("quo")
        #expect(result.replaceFrom == 0)
        #expect(result.candidates == ["quotes"])
    }

    @Test func emptyLineOffersStatementsAndMetaCommands() {
        let result = candidates("")
        #expect(result.candidates.contains("who said"))
        #expect(result.candidates.contains(".help"))
        #expect(result.candidates.count == 10)
    }

    @Test func twoWordStatementCompletesAsAUnit() {
        let result = candidates("who sa")
        #expect(result.replaceFrom == 0)
        #expect(result.candidates == ["who said"])
        let edit = CompletionEdit(line: "who sa", cursor: 6, replaceFrom: result.replaceFrom, candidates: result.candidates)
        #expect(edit == CompletionEdit(deleteCount: 6, insert: "who said ", listing: []))
    }

    @Test func firstWordOfATwoWordStatement() {
        #expect(candidates("wh").candidates == ["who said"])
        #expect(candidates("WHO S").candidates == ["who said"])
        #expect(candidates("  who  sa").replaceFrom == 2)
    }

    @Test func fieldAfterWhere() {
        let line = "who said \"price\" where sp"
        let result = candidates(line)
        #expect(result.replaceFrom == line.unicodeScalars.count - 2)
        #expect(result.candidates == ["speaker", "speaker.country", "speaker.name"])
    }

    @Test func fieldAfterAndOrNotAndParenthesis() {
        #expect(candidates("quotes where source = US and da").candidates == ["date"])
        #expect(candidates("quotes where not (so").candidates == ["source"])
        #expect(candidates("quotes where a = b or ").candidates.count == 5)
    }

    @Test func keywordsElsewhere() {
        #expect(candidates("quotes wh").candidates == ["where"])
        #expect(candidates("who said \"x\" where source = US li").candidates == ["limit"])
    }

    @Test func metaCommandAtLineStart() {
        #expect(candidates(".f").candidates == [".format"])
        #expect(candidates(".").candidates == [".format", ".help", ".history", ".load", ".quit"])
        #expect(candidates("quotes; .f").candidates == [])
    }

    @Test func formatNamesAfterFormat() {
        let result = candidates(".format js")
        #expect(result.replaceFrom == 8)
        #expect(result.candidates == ["json", "jsonl"])
        let edit = CompletionEdit(line: ".format js", cursor: 10, replaceFrom: 8, candidates: result.candidates)
        #expect(edit == CompletionEdit(deleteCount: 2, insert: "json", listing: ["json", "jsonl"]))
        #expect(candidates(".format ").candidates.count == 6)
    }

    @Test func statementStartsAgainAfterSemicolonAssignmentAndExplain() {
        #expect(candidates("quotes; who s").candidates == ["who said"])
        #expect(candidates("A = quo").candidates == ["quotes"])
        #expect(candidates("explain who s").candidates == ["who said"])
        #expect(candidates("explain who s").replaceFrom == 8)
    }

    @Test func nothingInsideAString() {
        #expect(candidates("who said \"wh").candidates == [])
    }

    @Test func cursorInTheMiddle() {
        let result = candidates("quo where", cursor: 3)
        #expect(result.replaceFrom == 0)
        #expect(result.candidates == ["quotes"])
    }

    @Test func commonPrefixWithoutProgressOnlyLists() {
        let edit = CompletionEdit(line: "quotes where speaker", cursor: 20, replaceFrom: 13,
                                  candidates: ["speaker", "speaker.country", "speaker.name"])
        #expect(edit == CompletionEdit(deleteCount: 0, insert: "", listing: ["speaker", "speaker.country", "speaker.name"]))
    }

    @Test func columnsFitTheWidth() {
        let formats = ["csv", "json", "jsonl", "markdown", "table", "tsv"]
        #expect(completionColumns(formats, width: 30) == ["csv       jsonl     table", "json      markdown  tsv"])
        #expect(completionColumns(formats, width: 20) == ["csv       markdown", "json      table", "jsonl     tsv"])
        #expect(completionColumns(formats, width: 5).count == 6)
    }

    @Test func standardVocabularyUsesTheLanguageTables() {
        let standard = CompletionVocabulary.standard()
        #expect(standard.statements.contains("who said"))
        #expect(standard.keywords.contains("where"))
        #expect(!standard.keywords.contains("who"))
        #expect(standard.metaCommands.contains(".history"))
        #expect(standard.formats.contains("json"))
    }

    // MARK: - Values from the store

    var withValues: CompletionVocabulary {
        var v = vocabulary
        v.fields += ["kind", "source.country"]
        v.values = [
            "speaker": ["Dmitry Peskov", "Dmitri Peskov", "Jake Sullivan", "Putin", "not"],
            "source": ["USTimesPost", "ustimespost", "US", "RU"],
            "kind": ["direct", "mixed", "indirect"],
        ]
        v.valueStatements = ["what did": "speaker"]
        return v
    }

    func values(_ line: String) -> (replaceFrom: Int, candidates: [String]) {
        complete(line: line, cursor: line.unicodeScalars.count, vocabulary: withValues)
    }

    @Test func speakerNamesAfterEqualsAreQuotedWhenTheyHoldSpaces() {
        let line = "quotes where speaker = Dm"
        let result = values(line)
        #expect(result.replaceFrom == 23)
        #expect(result.candidates == ["\"Dmitri Peskov\"", "\"Dmitry Peskov\""])
        // Tab grows the word to the common prefix, opening the quote, and lists both.
        let edit = CompletionEdit(line: line, cursor: 25, replaceFrom: 23, candidates: result.candidates)
        #expect(edit == CompletionEdit(deleteCount: 2, insert: "\"Dmitr", listing: result.candidates))
        #expect(values("quotes where speaker = Pu").candidates == ["Putin"])
        #expect(values("quotes where speaker = ").candidates.count == 5)
    }

    @Test func aKeywordValueIsQuoted() {
        #expect(values("quotes where speaker = no").candidates == ["\"not\""])
    }

    @Test func insideAnOpenStringTheValueCompletesAndCloses() {
        let line = "quotes where speaker = \"Dmitry P"
        let result = values(line)
        #expect(result.replaceFrom == 23)
        #expect(result.candidates == ["\"Dmitry Peskov\""])
        let edit = CompletionEdit(line: line, cursor: line.unicodeScalars.count, replaceFrom: 23, candidates: result.candidates)
        #expect(edit.insert == "\"Dmitry Peskov\" ")
        #expect(values("quotes where speaker = 'Jak").candidates == ["'Jake Sullivan'"])
        // Not a value position: nothing, as before.
        #expect(values("who said \"Dm").candidates == [])
    }

    @Test func aSurnameFindsTheFullNames() {
        #expect(values("quotes where speaker = Pesk").candidates == ["\"Dmitri Peskov\"", "\"Dmitry Peskov\""])
    }

    @Test func valuesAfterNotEqualsInListsAndWhatDid() {
        #expect(values("quotes where speaker != Ja").candidates == ["\"Jake Sullivan\""])
        #expect(values("quotes where speaker in (Ja").candidates == ["\"Jake Sullivan\""])
        #expect(values("quotes where speaker in (Putin, \"Jake Sullivan\", Dm").candidates.count == 2)
        #expect(values("what did Pu").candidates == ["Putin"])
        #expect(values("what did ").candidates.count == 5)
        #expect(values("wha").candidates == ["what did"])
    }

    @Test func outletsIdsAndCountriesAfterSource() {
        #expect(values("who said x where source = us").candidates == ["US", "USTimesPost", "ustimespost"])
        #expect(values("quotes where kind = d").candidates == ["direct"])
        #expect(values("quotes where kind = direct and source = R").candidates == ["RU"])
        // After the value, keywords again.
        #expect(values("quotes where kind = direct li").candidates == ["limit"])
    }

    @Test func speakerValuesIncludeTheAliasesOfTheirEntity() {
        let store = ArticleStore(documents: [
            Document(id: "a", text: "Talks\n\nKremlin spokesman Dmitri Peskov said the talks would be long and difficult.\n"),
            Document(id: "b", text: "Visit\n\n“The visit will be comprehensive,” said Kremlin spokesman Dmitry Peskov.\n"),
        ])
        let speakers = CompletionVocabulary.fieldValues(of: store)["speaker"] ?? []
        #expect(speakers.contains("Dmitri Peskov") && speakers.contains("Dmitry Peskov"), "\(speakers)")
        let standard = CompletionVocabulary.standard(store: store)
        #expect(complete(line: "quotes where speaker = Dmitri", cursor: 29, vocabulary: standard).candidates == ["\"Dmitri Peskov\""])
    }

    @Test func fieldValuesComeFromTheStore() {
        let store = ArticleStore(documents: [
            Document(id: "a1", text: "Title\n“We will win,” said Jane Roe.\n",
                     metadata: ArticleMetadata(source: "Daily Post", country: "GB", language: "en", date: "2023-09-12")),
            Document(id: "evil", text: "T\n“Hi,” said Jane Roe.\n", metadata: ArticleMetadata(source: "Bad\u{1B}[2J")),
        ])
        let values = CompletionVocabulary.fieldValues(of: store)
        #expect(values["speaker"] == ["Jane Roe"])
        #expect(values["source"] == ["Daily Post", "dailypost", "bad2j", "GB"])
        #expect(values["kind"] == QuoteKind.allCases.map(\.rawValue))
        #expect(values["article"] == ["a1", "evil"])
        #expect(values["date"] == ["2023-09-12"])
        let standard = CompletionVocabulary.standard(store: store)
        #expect(complete(line: "quotes where speaker = J", cursor: 24, vocabulary: standard).candidates == ["\"Jane Roe\""])
        #expect(complete(line: "quotes where source = D", cursor: 23, vocabulary: standard).candidates == ["\"Daily Post\"", "dailypost"])
        #expect(complete(line: "articles where date = 2023-0", cursor: 28, vocabulary: standard).candidates == ["2023-09-12"])
        #expect(complete(line: "sentences where boilerplate = y", cursor: 31, vocabulary: standard).candidates == ["yes"])
        #expect(complete(line: "sentences where rep", cursor: 19, vocabulary: standard).candidates == ["repeat"])
        #expect(complete(line: "dupl", cursor: 4, vocabulary: standard).candidates == ["duplicates"])
        if Keyword.allKeywords.contains("show") {
            #expect(complete(line: "show article a", cursor: 14, vocabulary: standard).candidates == ["a1"])
            #expect(complete(line: "sh", cursor: 2, vocabulary: standard).candidates == ["show", "show article"])
        }
        if Keyword.allKeywords.contains("context") {
            #expect(complete(line: "context e", cursor: 9, vocabulary: standard).candidates == ["evil"])
        }
    }

    // MARK: - Meta-command arguments and paths

    let files: [String: [DirectoryEntry]] = [
        ".": [DirectoryEntry(name: "corpus", isDirectory: true), DirectoryEntry(name: "notes.txt", isDirectory: false),
              DirectoryEntry(name: "data.csv", isDirectory: false), DirectoryEntry(name: ".hidden", isDirectory: true),
              DirectoryEntry(name: "cables.jsonl", isDirectory: false)],
        "corpus/": [DirectoryEntry(name: "a.txt", isDirectory: false), DirectoryEntry(name: "b.md", isDirectory: false),
                    DirectoryEntry(name: "sub", isDirectory: true)],
    ]

    func paths(_ line: String) -> (replaceFrom: Int, candidates: [String]) {
        complete(line: line, cursor: line.unicodeScalars.count, vocabulary: .standard(), listDirectory: { files[$0] })
    }

    @Test func loadCompletesFoldersAndArticleFiles() {
        #expect(paths(".load ").candidates == ["cables.jsonl", "corpus/", "notes.txt"])
        #expect(paths(".load c").candidates == ["cables.jsonl", "corpus/"])
        #expect(paths(".load co").candidates == ["corpus/"])
        let edit = CompletionEdit(line: ".load co", cursor: 8, replaceFrom: 6, candidates: ["corpus/"])
        #expect(edit.insert == "corpus/")  // no space after a folder
        let inside = paths(".load corpus/")
        #expect(inside.replaceFrom == 13)
        #expect(inside.candidates == ["a.txt", "b.md", "sub/"])
        #expect(paths(".load corpus/a.txt corpus/s").candidates == ["sub/"])
        #expect(paths(".load .h").candidates == [".hidden/"])
        #expect(paths(".load nowhere/x").candidates == [])
    }

    @Test func pathsWithBlanksCompleteEscaped() {
        let listing: [String: [DirectoryEntry]] = [
            ".": [DirectoryEntry(name: "News Articles", isDirectory: true), DirectoryEntry(name: "Newsletters", isDirectory: true)],
            "News Articles/": [DirectoryEntry(name: "day 1.txt", isDirectory: false)],
        ]
        func paths(_ line: String) -> (replaceFrom: Int, candidates: [String]) {
            complete(line: line, cursor: line.unicodeScalars.count, vocabulary: .standard(), listDirectory: { listing[$0] })
        }
        #expect(paths(".load News").candidates == ["News\\ Articles/", "Newsletters/"])
        #expect(paths(".load News\\ ").candidates == ["News\\ Articles/"])
        #expect(paths(".load News\\ ").replaceFrom == 6)
        let inside = paths(".load News\\ Articles/d")
        #expect(inside.candidates == ["day\\ 1.txt"])
        #expect(inside.replaceFrom == 21)
        let quoted = paths(".load \"News Articles/")
        #expect(quoted.candidates == ["day 1.txt"])
        #expect(quoted.replaceFrom == 21)
    }

    @Test func metaWordsReadQuotesAndEscapes() {
        #expect(MetaWord.split(".load News\\ Articles/ 'a b' \"c \\\" d\" e") == [".load", "News Articles/", "a b", "c \" d", "e"])
        #expect(MetaWord.split(MetaWord.escape("a b;'\"\\")) == ["a b;'\"\\"])
    }

    @Test func outputCompletesEveryFile() {
        #expect(paths(".output d").candidates == ["data.csv"])
    }

    @Test func metaCommandArgumentWords() {
        #expect(paths(".timer o").candidates == ["off", "on"])
        #expect(paths(".timer on ").candidates == [])
        #expect(paths(".help ex").candidates == ["explain"])
        #expect(paths(".help .l").candidates == [".load"])
        #expect(paths(".ou").candidates == [".output"])
        #expect(paths("  .fo").replaceFrom == 2)
    }

    @Test func quotingFollowsTheLexer() {
        #expect(quoteValue("Peskov", always: false) == "Peskov")
        #expect(quoteValue("Kim Jong-un", always: false) == "\"Kim Jong-un\"")
        #expect(quoteValue("Jong-un", always: false) == "Jong-un")
        #expect(quoteValue("2023-09-12", always: false) == "2023-09-12")
        #expect(quoteValue("O'Brien", always: false) == "\"O'Brien\"")
        #expect(quoteValue("say \"hi\"", always: false) == "\"say \\\"hi\\\"\"")
        #expect(quoteValue("where", always: false) == "\"where\"")
        #expect(quoteValue("-x", always: false) == "\"-x\"")
    }

    @Test func fieldsFollowTheStatement() {
        let standard = CompletionVocabulary.standard()
        func fields(_ line: String) -> [String] {
            complete(line: line, cursor: line.unicodeScalars.count, vocabulary: standard).candidates
        }
        #expect(fields("articles where ti") == ["title"])
        #expect(fields("quotes where ti") == [])
        #expect(fields("sources where ") == Array(Set(Schema.sourceFieldNames)).sorted())
        #expect(fields("explain who said x where sp") == ["speaker", "speaker.country", "speaker.role", "speaker.type"])
    }

    @Test func statementsTheLanguageGainsAreCompletedToo() {
        let standard = CompletionVocabulary.standard()
        // `let NAME = ` starts a statement again.
        #expect(complete(line: "let A = quo", cursor: 11, vocabulary: standard).candidates == ["quotes"])
        if Keyword.allKeywords.contains("what") {
            #expect(standard.statements.contains("what did"))
            #expect(standard.valueStatements["what did"] == "speaker")
        }
        if Keyword.allKeywords.contains("distinct") && Keyword.allKeywords.contains("from") {
            #expect(complete(line: "distinct sou", cursor: 12, vocabulary: standard).candidates.contains("source"))
            #expect(complete(line: "distinct source, ki", cursor: 19, vocabulary: standard).candidates == ["kind"])
            #expect(complete(line: "distinct source from who s", cursor: 26, vocabulary: standard).candidates == ["who said"])
            #expect(complete(line: "distinct source from quotes where sp", cursor: 36, vocabulary: standard).candidates
                    == ["speaker", "speaker.country", "speaker.role", "speaker.type"])
        }
        if Keyword.allKeywords.contains("mentioned") {
            #expect(complete(line: "who m", cursor: 5, vocabulary: standard).candidates == ["who mentioned"])
            #expect(complete(line: "entities where al", cursor: 17, vocabulary: standard).candidates == ["aliases"])
            #expect(complete(line: "ent", cursor: 3, vocabulary: standard).candidates == ["entities"])
        }
        if Keyword.allKeywords.contains("by") {
            #expect(complete(line: "count quotes by speaker, ki", cursor: 27, vocabulary: standard).candidates == ["kind"])
            #expect(complete(line: "count quotes by spe", cursor: 19, vocabulary: standard).candidates == ["speaker", "speaker.country", "speaker.role", "speaker.type"])
        }
    }

    @Test func namedResultsStartStatements() {
        var v = vocabulary
        v.resultNames = ["Prices", "peskov_quotes"]
        v.wrappingStatements = ["explain", "count"]
        #expect(complete(line: "Pr", cursor: 2, vocabulary: v).candidates == ["Prices"])
        #expect(complete(line: "count pes", cursor: 9, vocabulary: v).candidates == ["peskov_quotes"])
        #expect(complete(line: "", cursor: 0, vocabulary: v).candidates.contains("Prices"))
    }
}
