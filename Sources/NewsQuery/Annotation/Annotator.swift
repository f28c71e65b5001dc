/// Turns a document into annotations: sentences, then reported statements with their speakers.
/// (Interface fixed; the pipeline behind it lives in this folder.)
public struct Annotator: Sendable {
    public init() {}

    public func annotate(_ document: Document) -> ArticleAnnotations {
        ArticleAnnotations()
    }
}
