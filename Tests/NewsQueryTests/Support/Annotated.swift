@testable import NewsQuery

/// A text annotated as one article, with a function giving the text of a span (nil for nil): what the
/// annotation rule tests read their results through.
func annotated(_ text: String, beliefs: Bool = false) -> (ArticleAnnotations, (Span?) -> String?) {
    var annotator = Annotator()
    annotator.includeBeliefs = beliefs
    let result = annotator.annotate(Document(id: "t", text: text))
    let scalars = Array(text.unicodeScalars)
    return (result, { span in span.map { String(scalars: scalars[$0.start..<$0.end]) } })
}
