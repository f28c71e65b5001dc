/// An aligned text table for terminals: a header, a rule, one line per row (numbers right-aligned),
/// and a footer with the row count. When a width is given, the widest columns are cut to fit and
/// end with an ellipsis. Control characters from the data are shown escaped.
struct TableFormatter {
    var width: Int?
    static let minimumColumnWidth = 6

    func format(_ result: ResultSet) -> String {
        let header = result.columns
        let cells = result.rows.map { $0.map { TerminalSafe.escape($0.plainText) } }
        var widths = header.map(Self.displayWidth)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Self.displayWidth(cell)) }
        }
        if let width { fit(&widths, into: width) }
        func line(_ values: [String], numeric: (Int) -> Bool) -> String {
            values.enumerated().map { i, value in
                Self.pad(Self.truncate(value, to: widths[i]), to: widths[i], right: numeric(i))
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var out = line(header) { _ in false } + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in cells {
            out += line(row) { result.numericColumns.contains(header[$0]) } + "\n"
        }
        out += "(\(result.rows.count) \(result.rows.count == 1 ? "row" : "rows"))\n"
        return out
    }

    /// Shrinks the widest columns until the table fits (two spaces between columns).
    private func fit(_ widths: inout [Int], into total: Int) {
        let gaps = max(0, widths.count - 1) * 2
        while widths.reduce(0, +) + gaps > total {
            guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
                  widths[widest] > Self.minimumColumnWidth else { return }
            widths[widest] -= 1
        }
    }

    static let barWidth = 20

    /// Adds a column of bars, each as long as its row's `count` relative to the largest.
    static func withCountBars(_ result: ResultSet) -> ResultSet {
        guard let index = result.columns.firstIndex(of: "count") else { return result }
        let counts = result.rows.map { row -> Int in
            if case .int(let n) = row[index] { return max(0, n) }
            return 0
        }
        guard let largest = counts.max(), largest > 0 else { return result }
        var barred = result
        barred.columns.append("")
        for (i, count) in counts.enumerated() {
            let length = count == 0 ? 0 : max(1, Int((Double(count) / Double(largest) * Double(barWidth)).rounded()))
            barred.rows[i].append(.text(String(repeating: "█", count: length)))
        }
        return barred
    }

    static func displayWidth(_ s: String) -> Int { s.count }

    static func truncate(_ s: String, to width: Int) -> String {
        guard s.count > width else { return s }
        return String(s.prefix(max(0, width - 1))) + "…"
    }

    static func pad(_ s: String, to width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - s.count))
        return right ? padding + s : s + padding
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
