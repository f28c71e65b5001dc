import Testing

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
}
