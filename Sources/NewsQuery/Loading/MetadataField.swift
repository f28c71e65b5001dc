import Foundation
import Yams

/// Checks and assigns one metadata field, from front matter, a manifest or a JSONL record.
enum MetadataField {
    /// Assigns a YAML value; problems become warnings naming the file, line and field.
    static func assign(_ name: String, _ value: Node, to metadata: inout ArticleMetadata,
                       path: String, line: Int, column: Int, issues: inout [LoadIssue]) {
        guard let text = value.scalar?.string else {
            issues.append(LoadIssue(path, line: line, column: column, .warning, "field '\(name)' must be a single value; ignored"))
            return
        }
        assign(name, text, to: &metadata, path: path, line: line, column: column, issues: &issues)
    }

    static func assign(_ name: String, _ rawValue: String, to metadata: inout ArticleMetadata,
                       path: String, line: Int?, column: Int?, issues: inout [LoadIssue]) {
        guard ArticleMetadata.keys.contains(name) else {
            issues.append(LoadIssue(path, line: line, column: column, .warning,
                                    "unknown metadata field '\(name)' (known: \(ArticleMetadata.keys.joined(separator: ", "))); ignored"))
            return
        }
        let value = rawValue.trimmingWhitespace()
        guard !value.isEmpty else { return }
        if let problem = check(name, value) {
            issues.append(LoadIssue(path, line: line, column: column, .warning, "field '\(name)': \(problem); ignored"))
            return
        }
        metadata[name] = normalized(name, value)
    }

    /// Why a value is not acceptable for a field, or nil.
    static func check(_ name: String, _ value: String) -> String? {
        switch name {
        case "country":
            return ISOCodes.bundled.countries.contains(value.uppercased()) ? nil
                : "'\(value)' is not an ISO 3166-1 alpha-2 country code (such as US, RU, KP)"
        case "language", "translated_from":
            return ISOCodes.bundled.languages.contains(value.lowercased()) ? nil
                : "'\(value)' is not an ISO 639 language code (such as en, fr, or three letters: eng)"
        case "date":
            return isISODate(value) ? nil : "'\(value)' is not an ISO date (YYYY-MM-DD)"
        default:
            return nil
        }
    }

    static func normalized(_ name: String, _ value: String) -> String {
        switch name {
        case "country": value.uppercased()
        case "language", "translated_from": value.lowercased()
        default: value
        }
    }

    static func isISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        return year > 0 && (1...12).contains(month) && (1...31).contains(day)
    }
}

/// The country and language codes a manifest may use (`gazetteers/iso-codes.tsv`).
struct ISOCodes: Sendable {
    var countries: Set<String> = []
    var languages: Set<String> = []

    static let bundled: ISOCodes = {
        guard let url = Bundle.module.url(forResource: "gazetteers", withExtension: nil),
              let rows = try? DataFile.rows("iso-codes.tsv", in: url, minColumns: 2) else {
            fatalError("NewsQuery: gazetteers/iso-codes.tsv is missing from the bundle")
        }
        var codes = ISOCodes()
        for (_, row) in rows {
            if row[1] == "country" { codes.countries.insert(row[0].uppercased()) }
            if row[1] == "language" { codes.languages.insert(row[0].lowercased()) }
        }
        return codes
    }()
}
