import Testing
@testable import NewsQuery

/// `numbers`, `compare numbers` and `disagreements`.
@Suite struct FactStatementParserTests {
    @Test func factStatementsParseAndPrint() {
        #expect(parsed("NUMBERS where unit = km order by normalized desc limit 3") == "numbers where unit = km order by normalized desc limit 3")
        #expect(parsed(#"compare numbers where measure ~ "distance""#) == #"compare numbers where measure ~ "distance""#)
        #expect(parsed("disagreements where dimension = date;") == "disagreements where dimension = date")
        #expect(parsed("count numbers by unit") == "count numbers by unit")
        #expect(parsed("let d = disagreements") == "let d = disagreements")
    }

    @Test func compareTakesNumbers() {
        #expect(parsed("compare quotes") == """
            <query>:1:9: error: expected `numbers` after `compare`, found keyword `quotes`
              compare quotes
                      ^~~~~~
              for example: compare numbers where measure ~ distance
            """)
        #expect(parsed("compare numbrs").contains("did you mean `numbers`?"))
    }

    @Test func factFieldsAreChecked() {
        #expect(compileErrors("numbers where kind = quantity and value >= 100 and date >= 2023-09") == "ok")
        #expect(compileErrors("numbers where kind = direct") == """
            <query>:1:22: error: unknown fact kind `direct`
              numbers where kind = direct
                                   ^~~~~~
              kinds: quantity, date
            """)
        #expect(compileErrors("numbers where measure > 3").contains("`>` compares numbers and dates; `measure` is text"))
        #expect(compileErrors("numbers where speaker = Putin").contains("unknown field `speaker` for numbers"))
        #expect(compileErrors("disagreements order by difference desc") == "ok")
        #expect(compileErrors("compare numbers order by speaker").contains("cannot order by `speaker`: it is not a column of this result"))
    }
}
