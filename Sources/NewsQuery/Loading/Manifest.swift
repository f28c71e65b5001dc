import Yams

/// `corpus.yaml` beside the articles: metadata for the whole folder and per article id.
///
///     defaults:            # applies to every article in this folder and below
///       language: en
///     articles:
///       004_b7d6da664c311baa:
///         source: USTimesPost
///         country: US
struct Manifest: Sendable {
    static let fileName = "corpus.yaml"

    var defaults = ArticleMetadata()
    var articles: [String: ArticleMetadata] = [:]

    /// Metadata for one article id: the defaults, overridden by its own entry.
    func metadata(for id: String) -> ArticleMetadata {
        defaults.overridden(by: articles[id] ?? ArticleMetadata())
    }

    static func parse(_ text: String, path: String) -> (Manifest, [LoadIssue]) {
        var manifest = Manifest()
        var issues: [LoadIssue] = []
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .basic)   // values are read as written (MetadataField checks them): no tag resolution
        } catch let error as YamlError {
            let (line, column) = location(of: error)
            issues.append(LoadIssue(path, line: line, column: column, .error, "manifest is not valid YAML: \(describe(error))"))
            return (manifest, issues)
        } catch {
            issues.append(LoadIssue(path, .error, "manifest is not valid YAML"))
            return (manifest, issues)
        }
        guard let node else { return (manifest, issues) }
        guard let top = node.mapping else {
            issues.append(LoadIssue(path, line: 1, column: 1, .error, "manifest must be a mapping with 'defaults' and 'articles'"))
            return (manifest, issues)
        }
        for (key, value) in top {
            let line = key.mark?.line, column = key.mark?.column
            switch key.string {
            case "defaults":
                manifest.defaults = fields(value, path: path, issues: &issues)
            case "articles":
                guard let entries = value.mapping else {
                    issues.append(LoadIssue(path, line: line, column: column, .error, "'articles' must map article ids to their metadata"))
                    continue
                }
                for (id, entry) in entries {
                    guard let id = id.string else { continue }
                    manifest.articles[id] = fields(entry, path: path, issues: &issues)
                }
            default:
                issues.append(LoadIssue(path, line: line, column: column, .warning,
                                        "unknown manifest key '\(key.string ?? "")' (known: defaults, articles); ignored"))
            }
        }
        return (manifest, issues)
    }

    private static func fields(_ node: Node, path: String, issues: inout [LoadIssue]) -> ArticleMetadata {
        var metadata = ArticleMetadata()
        guard let mapping = node.mapping else {
            issues.append(LoadIssue(path, line: node.mark?.line, column: node.mark?.column, .warning, "expected a mapping of metadata fields; ignored"))
            return metadata
        }
        for (key, value) in mapping {
            MetadataField.assign(key.string ?? "", value, to: &metadata, path: path,
                                 line: key.mark?.line ?? 1, column: key.mark?.column ?? 1, issues: &issues)
        }
        return metadata
    }

    private static func location(of error: YamlError) -> (Int?, Int?) {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return (mark.line, mark.column)
        default:
            return (nil, nil)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}
