/// Turns a document into annotations: sentences, then reported statements with their speakers.
/// (Interface fixed; the pipeline behind it lives in this folder.)
public struct Annotator: Sendable {
    let gazetteer: Gazetteer
    /// Also report beliefs and intentions ("X believes that ...") as indirect statements.
    var includeBeliefs = false
    /// Direct quotations with no speaker are kept only from this many words on (shorter ones are mostly scare
    /// quotes and titles; on PolNeAR train every unattributed quotation costs end-to-end precision).
    var minUnattributedWords = 40

    public init() { self.init(gazetteer: .bundled) }

    /// An annotator over explicitly loaded gazetteers (tests, harnesses).
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public func annotate(_ document: Document) -> ArticleAnnotations {
        let scalars = [Unicode.Scalar](scalarsOf: document.text)
        let start = min(max(0, document.bodyStart), scalars.count)
        let tokens = tokenize(scalars, from: start)
        let sentenceRanges = SentenceSplitter(gazetteer: gazetteer).split(tokens)
        let sentences = sentenceRanges.map { Span(tokens.tokens[$0.lowerBound].start, tokens.tokens[$0.upperBound - 1].end) }
        let quotes = QuoteMarkFinder().find(scalars, from: start)
        var extractor = ReportedSpeechExtractor(gazetteer: gazetteer, scalars: scalars, tokens: tokens, sentences: sentenceRanges)
        extractor.includeBeliefs = includeBeliefs
        extractor.minUnattributedWords = minUnattributedWords
        let found = extractor.extract(quotes: quotes)
        let resolver = SpeakerResolver(gazetteer: gazetteer, scalars: scalars, tokens: tokens,
                                       sentences: sentenceRanges)
        var quotations: [Quotation] = []
        quotations.reserveCapacity(found.count)
        var recent: (name: String, country: String?, token: Int)?
        for f in found.sorted(by: { ($0.mention?.lowerBound ?? Int.max) < ($1.mention?.lowerBound ?? Int.max) }) {
            var q = Quotation(content: f.content, kind: f.kind, cue: f.cue, speakerMention: f.mentionSpan, cueClass: f.cueClass)
            if let m = f.mention {
                let (name, country) = resolver.resolve(m, recent: recent)
                q.speaker = name
                q.speakerCountry = country
                if let name, m.count > 1 || gazetteer.pronouns[tokens.lowers[m.lowerBound]] == nil, resolver.isPerson(name) {
                    recent = (name, country, m.lowerBound)
                }
            }
            quotations.append(q)
        }
        let provenance = Provenance.bundled
        // One pass over the lines serves boilerplate, repeats, the dateline and credits.
        let (boilerplate, repeats, dateline, credits) = ScalarText.with(scalars) { text in
            let lines = Provenance.lines(text, from: start)
            let boilerplate = provenance.boilerplate(text, lines: lines, gazetteer: gazetteer)
            let repeats = provenance.repeats(text, lines: lines, sentences: sentences, boilerplate: boilerplate)
            let dateline = DatelineFinder.bundled.find(text, lines: lines, title: document.title)
            return (boilerplate, repeats, dateline, provenance.credits(text, lines: lines, boilerplate: boilerplate, dateline: dateline))
        }
        quotations.removeAll { boilerplate.covers($0.content) }
        for i in quotations.indices where repeats.covers(quotations[i].content) { quotations[i].isRepeat = true }
        quotations.sort { $0.content < $1.content }
        var annotations = ArticleAnnotations(sentences: sentences, quotations: quotations, boilerplate: boilerplate, repeats: repeats)
        annotations.agencies = credits.agencies
        annotations.agencyCredits = credits.agencyCredits
        annotations.byline = credits.byline
        annotations.bylineSpan = credits.bylineSpan
        annotations.translationCredit = credits.translationCredit
        annotations.dateline = dateline
        return annotations
    }
}
