import Foundation

/// The shipped data files (gazetteers, lexicons): UTF-8, one row per line, columns separated by
/// tabs, `#` comment lines and blank lines skipped. One reader serves the annotator, the entity
/// layer and the facts extractor.
enum DataFile {
    /// The rows of `name` in `directory` with their 1-based line numbers; a row with fewer than
    /// `minColumns` columns or an empty first column is a `Gazetteer.ParseError` naming file and line.
    static func rows(_ name: String, in directory: URL, minColumns: Int) throws -> [(Int, [String])] {
        let url = directory.appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw Gazetteer.ParseError(file: name, line: 0, message: "cannot read \(url.path)")
        }
        var out: [(Int, [String])] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
            if cols.count < minColumns || cols[0].isEmpty {
                throw Gazetteer.ParseError(file: name, line: n + 1, message: "expected \(minColumns) tab-separated columns, found \(cols.count)")
            }
            out.append((n + 1, cols))
        }
        return out
    }
}
