/// Writes result sets in each output format. Every format is deterministic; `table` and `markdown`
/// escape control characters so that article text can never drive the terminal.
public struct ResultFormatter: Sendable {
    public var format: OutputFormat
    /// Table width limit in columns (the terminal's width), or nil for no limit.
    public var width: Int?
    /// Tables get a proportional bar beside a `count` column (for terminals: the shape of an
    /// answer at a glance).
    public var countBars: Bool

    public init(format: OutputFormat, width: Int? = nil, countBars: Bool = false) {
        self.format = format
        self.width = width
        self.countBars = countBars
    }

    public func format(_ result: ResultSet) -> String {
        let forPeople = result.tableColumns.map(result.projected) ?? result
        switch format {
        case .table: return TableFormatter(width: width).format(countBars ? TableFormatter.withCountBars(forPeople) : forPeople)
        case .markdown: return MarkdownFormatter.format(forPeople)
        case .csv: return DelimitedFormatter.csv(result)
        case .tsv: return DelimitedFormatter.tsv(result)
        case .json: return JSONFormatter.array(result)
        case .jsonl: return JSONFormatter.lines(result)
        }
    }
}

enum DelimitedFormatter {
    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
    static func csv(_ result: ResultSet) -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return lines(result, separator: ",", field: field)
    }

    /// Tab-separated; tabs, newlines and backslashes inside a field are written `\t`, `\n`, `\\`.
    static func tsv(_ result: ResultSet) -> String {
        func field(_ s: String) -> String {
            guard s.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\\" }) else { return s }
            return s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        }
        return lines(result, separator: "\t", field: field)
    }

    private static func lines(_ result: ResultSet, separator: String, field: (String) -> String) -> String {
        var out = result.columns.map(field).joined(separator: separator) + "\n"
        for row in result.rows {
            out += row.map { field($0.plainText) }.joined(separator: separator) + "\n"
        }
        return out
    }
}

enum JSONFormatter {
    static func array(_ result: ResultSet) -> String {
        guard !result.rows.isEmpty else { return "[]\n" }
        return "[\n" + result.rows.map { "  " + object($0, columns: result.columns) }.joined(separator: ",\n") + "\n]\n"
    }

    static func lines(_ result: ResultSet) -> String {
        result.rows.map { object($0, columns: result.columns) + "\n" }.joined()
    }

    /// One row as a JSON object with keys in column order.
    static func object(_ row: [Value], columns: [String]) -> String {
        "{" + zip(columns, row).map { "\(string($0)): \(value($1))" }.joined(separator: ", ") + "}"
    }

    static func value(_ v: Value) -> String {
        switch v {
        case .null: "null"
        case .int(let i): String(i)
        case .number(let d): d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
        case .text(let s): string(s)
        case .list(let items): "[" + items.map(value).joined(separator: ", ") + "]"
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

enum MarkdownFormatter {
    static func format(_ result: ResultSet) -> String {
        func cell(_ s: String) -> String {
            TerminalSafe.escape(s).replacingOccurrences(of: "|", with: "\\|")
        }
        var out = "| " + result.columns.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + result.columns.map { result.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for row in result.rows {
            out += "| " + row.map { cell($0.plainText) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
