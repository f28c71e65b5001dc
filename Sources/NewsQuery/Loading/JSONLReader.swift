import Foundation

/// One article per line: `{"id": …, "title": …, "text": …, "source": …, …}`; metadata keys may also
/// sit in a nested `"metadata"` object. A bad line is reported with its line number and skipped.
enum JSONLReader {
    /// A line longer than `maxLineBytes` (`Limits.maxArticleBytes`) is skipped with a warning.
    static func read(_ text: String, path: String, manifest: Manifest?, maxLineBytes: Int = Limits.standard.maxArticleBytes,
                     into result: inout LoadResult) {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.utf8.count > maxLineBytes {
                result.issues.append(LoadIssue(path, line: lineNumber, column: 1, .warning,
                                               CorpusLoader.tooLarge(line.utf8.count, limit: maxLineBytes, what: "record") + "; line skipped"))
                continue
            }
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    result.issues.append(LoadIssue(path, line: lineNumber, column: 1, .error, "expected a JSON object; line skipped"))
                    continue
                }
                object = parsed
            } catch {
                let column = (error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int
                result.issues.append(LoadIssue(path, line: lineNumber, column: column.map { $0 + 1 } ?? 1, .error,
                                               "invalid JSON; line skipped"))
                continue
            }
            guard let id = stringValue(object["id"]), !id.isEmpty else {
                result.issues.append(LoadIssue(path, line: lineNumber, column: 1, .error, "record has no \"id\"; line skipped"))
                continue
            }
            guard let body = object["text"] as? String else {
                result.issues.append(LoadIssue(path, line: lineNumber, column: 1, .error, "record '\(id)' has no string \"text\"; line skipped"))
                continue
            }
            var own = ArticleMetadata()
            var fields = object
            if let nested = object["metadata"] as? [String: Any] {
                fields.merge(nested) { top, _ in top }
            }
            for key in fields.keys.sorted() where !["id", "title", "text", "metadata"].contains(key) {
                guard let value = stringValue(fields[key]) else { continue }
                MetadataField.assign(key, value, to: &own, path: path, line: lineNumber, column: 1, issues: &result.issues)
            }
            let metadata = (manifest?.metadata(for: id) ?? ArticleMetadata()).overridden(by: own)
            let title = (object["title"] as? String) ?? Document.firstNonEmptyLine(of: body, from: 0)
            result.documents.append(Document(id: id, text: body, origin: "\(path):\(lineNumber)", bodyStart: 0,
                                             title: title, metadata: metadata))
        }
    }

    private static func stringValue(_ value: Any?) -> String? {
        switch value {
        case let s as String: s
        case let n as NSNumber: n.stringValue
        default: nil
        }
    }
}
