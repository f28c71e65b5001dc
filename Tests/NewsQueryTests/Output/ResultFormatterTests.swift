import Testing
@testable import NewsQuery

@Suite struct ResultFormatterTests {
    let result = ResultSet(columns: ["speaker", "count", "text"],
                           rows: [[.text("Dmitry Peskov"), .int(12), .text("a, \"b\"\tc")],
                                  [.null, .int(3), .text("line\nbreak \u{1B}[2J")]],
                           numericColumns: ["count"])

    @Test func tableAlignsAndEscapesControlCharacters() {
        #expect(ResultFormatter(format: .table).format(result) == """
        speaker        count  text
        -------------  -----  -----------------
        Dmitry Peskov     12  a, "b"\\tc
                           3  line\\nbreak \\e[2J
        (2 rows)

        """)
    }

    @Test func tableFitsTheWidthWithAnEllipsis() {
        let out = ResultFormatter(format: .table, width: 30).format(result)
        for line in out.split(separator: "\n") { #expect(line.count <= 30) }
        #expect(out.contains("…"))
    }

    @Test func tablesShowTheTableColumnsAndOtherFormatsAll() {
        var narrowed = result
        narrowed.tableColumns = ["text", "speaker"]
        #expect(ResultFormatter(format: .table).format(narrowed).hasPrefix("text               speaker\n"))
        #expect(ResultFormatter(format: .markdown).format(narrowed).hasPrefix("| text | speaker |\n"))
        #expect(ResultFormatter(format: .csv).format(narrowed).hasPrefix("speaker,count,text\n"))
    }

    @Test func countBarsAreProportionalToTheLargestCount() {
        let counts = ResultSet(columns: ["speaker", "count"], rows: [[.text("A"), .int(10)], [.text("B"), .int(5)], [.text("C"), .int(0)]],
                               numericColumns: ["count"])
        #expect(ResultFormatter(format: .table, countBars: true).format(counts) == """
        speaker  count
        -------  -----  --------------------
        A           10  ████████████████████
        B            5  ██████████
        C            0
        (3 rows)

        """)
        #expect(!ResultFormatter(format: .csv, countBars: true).format(counts).contains("█"))
    }

    @Test func csvQuotesAsRFC4180() {
        #expect(ResultFormatter(format: .csv).format(result) == "speaker,count,text\nDmitry Peskov,12,\"a, \"\"b\"\"\tc\"\n,3,\"line\nbreak \u{1B}[2J\"\n")
    }

    @Test func tsvEscapesTabsAndNewlines() {
        #expect(ResultFormatter(format: .tsv).format(result) == "speaker\tcount\ttext\nDmitry Peskov\t12\ta, \"b\"\\tc\n\t3\tline\\nbreak \u{1B}[2J\n")
    }

    @Test func jsonKeepsColumnOrderTypesAndNulls() {
        #expect(ResultFormatter(format: .jsonl).format(result) == """
        {"speaker": "Dmitry Peskov", "count": 12, "text": "a, \\"b\\"\\tc"}
        {"speaker": null, "count": 3, "text": "line\\nbreak \\u001b[2J"}

        """)
        #expect(ResultFormatter(format: .json).format(ResultSet(columns: ["a"])) == "[]\n")
        #expect(ResultFormatter(format: .json).format(ResultSet(columns: ["a"], rows: [[.list([.text("x"), .int(1)])]])) == "[\n  {\"a\": [\"x\", 1]}\n]\n")
    }

    @Test func markdownEscapesPipes() {
        let md = ResultFormatter(format: .markdown).format(ResultSet(columns: ["a", "n"], rows: [[.text("x|y"), .int(1)]], numericColumns: ["n"]))
        #expect(md == "| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n")
    }
}
