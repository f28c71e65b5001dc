import Yams

/// YAML front matter at the top of a text file: `---` on the first line, metadata, then `---` (or `...`).
enum FrontMatter {
    struct Parsed {
        var metadata = ArticleMetadata()
        var title: String?
        /// Scalar offset of the first character after the closing fence line.
        var bodyStart = 0
        var issues: [LoadIssue] = []
    }

    /// Finds and parses front matter in `scalars`. No front matter: bodyStart 0, empty metadata.
    /// Whether the text's first line, trimmed, is `---` (what `parse` looks for first).
    static func mayOpen(_ text: String) -> Bool {
        let first = text.utf8.prefix { $0 != 0x0A }
        return String(Substring(first)).trimmingWhitespace() == "---"
    }

    static func parse(_ scalars: [Unicode.Scalar], path: String) -> Parsed {
        var parsed = Parsed()
        guard let firstLineEnd = lineEnd(scalars, from: 0),
              lineText(scalars, 0, firstLineEnd).trimmingWhitespace() == "---" else { return parsed }
        var lineStart = firstLineEnd + 1
        while lineStart <= scalars.count {
            let end = lineEnd(scalars, from: lineStart) ?? scalars.count
            let text = lineText(scalars, lineStart, end).trimmingWhitespace()
            if text == "---" || text == "..." {
                let yaml = lineText(scalars, firstLineEnd + 1, lineStart)
                parsed.bodyStart = min(end + 1, scalars.count)
                decode(yaml, path: path, firstLine: 2, into: &parsed)
                return parsed
            }
            if end >= scalars.count { break }
            lineStart = end + 1
        }
        parsed.issues.append(LoadIssue(path, line: 1, column: 1, .warning,
                                       "front matter opened with '---' is never closed; the file is read as plain text"))
        return parsed
    }

    private static func decode(_ yaml: String, path: String, firstLine: Int, into parsed: inout Parsed) {
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic) else { return }   // values are read as written
            guard let mapping = node.mapping else {
                parsed.issues.append(LoadIssue(path, line: firstLine, column: 1, .warning, "front matter is not a mapping of keys to values; ignored"))
                return
            }
            for (key, value) in mapping {
                let name = key.string ?? ""
                let line = firstLine + (key.mark?.line ?? 1) - 1
                if name == "title" {
                    parsed.title = value.string
                    continue
                }
                MetadataField.assign(name, value, to: &parsed.metadata, path: path, line: line,
                                     column: key.mark?.column ?? 1, issues: &parsed.issues)
            }
        } catch let error as YamlError {
            parsed.issues.append(LoadIssue(path, line: firstLine, column: 1, .warning, "front matter is not valid YAML (\(error)); ignored"))
        } catch {
            parsed.issues.append(LoadIssue(path, line: firstLine, column: 1, .warning, "front matter is not valid YAML; ignored"))
        }
    }

    static func lineEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        while i < scalars.count { if scalars[i] == "\n" { return i }; i += 1 }
        return nil
    }

    static func lineText(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        start < end ? String(scalars: scalars[start..<min(end, scalars.count)]) : ""
    }
}
