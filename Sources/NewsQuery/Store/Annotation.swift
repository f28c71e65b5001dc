/// How a statement is reported.
public enum QuoteKind: String, Sendable, CaseIterable, Codable {
    /// Every word inside quotation marks: `"We expect a meeting," he said.`
    case direct
    /// A reported clause with a quoted fragment: `warned it would "pay a price"`.
    case mixed
    /// Reported speech without quotation marks: `Peskov said the summit would be held soon`.
    case indirect
}

/// A reported statement found in an article. Spans are Unicode-scalar offsets into the article text.
public struct Quotation: Hashable, Sendable {
    /// The reported content. For direct quotations: what lies inside the marks.
    public var content: Span
    public var kind: QuoteKind
    /// The reporting cue ("said", "according to", "told").
    public var cue: Span?
    /// The mention the statement is attributed to ("Kremlin spokesman Dmitry Peskov", "he").
    public var speakerMention: Span?
    /// The canonical name of the speaker ("Dmitry Peskov"); for a pronoun, its antecedent when found.
    public var speaker: String?
    /// ISO 3166-1 alpha-2 code of the speaker's country, where the text or a gazetteer supports it.
    public var speakerCountry: String?
    /// What the cue reports: speech (said, wrote), belief (believes, fears), data (a poll shows), according.
    public var cueClass: CueClass
    /// The content lies inside a passage that repeats an earlier one of the same article
    /// (`ArticleAnnotations.repeats`): listed by `quotes`, counted once by `count quotes` and `who said`.
    public var isRepeat: Bool

    public init(content: Span, kind: QuoteKind, cue: Span? = nil, speakerMention: Span? = nil,
                speaker: String? = nil, speakerCountry: String? = nil, cueClass: CueClass = .speech, isRepeat: Bool = false) {
        self.content = content; self.kind = kind; self.cue = cue
        self.speakerMention = speakerMention; self.speaker = speaker; self.speakerCountry = speakerCountry
        self.cueClass = cueClass; self.isRepeat = isRepeat
    }
}

/// Everything the annotator finds in one article.
public struct ArticleAnnotations: Hashable, Sendable {
    /// Sentence spans, in text order, covering the body (front matter excluded).
    public var sentences: [Span]
    /// Reported statements, in text order of their content.
    public var quotations: [Quotation]
    /// Lines that are not the article (navigation, photo credits and captions, sign-up and ad blurbs,
    /// author bios), in text order. Quotations and numbers inside them are left out.
    public var boilerplate: [Span]
    /// Later verbatim copies of a passage of the same article (a repeated headline and lede), in text order.
    public var repeats: [Span]
    /// News agencies and outlets the body names as sources (canonical names from
    /// `provenance-agencies.tsv`, first-seen order): `source.agencies`.
    public var agencies: [String] = []
    /// Where the body names them: every credit, in text order (an agency named twice has two).
    public var agencyCredits: [AgencyCredit] = []
    /// The author named by a "By NAME" line or an author bio: `source.byline`.
    public var byline: String?
    /// Where the byline's name is written.
    public var bylineSpan: Span?
    /// A translation credit line ("Translation by NAME"): with `translated_from`, `source.translated`.
    public var translationCredit: Span?
    /// The dateline opening the body (`WASHINGTON (AP) —`): `source.dateline`, `source.dateline_country`.
    public var dateline: Dateline?

    public init(sentences: [Span] = [], quotations: [Quotation] = [], boilerplate: [Span] = [], repeats: [Span] = []) {
        self.sentences = sentences
        self.quotations = quotations
        self.boilerplate = boilerplate
        self.repeats = repeats
    }
}

/// A news agency or outlet named in an article's body: its canonical name and the span of the words
/// that name it ("the Associated Press" → AP).
public struct AgencyCredit: Hashable, Sendable {
    public var name: String
    public var span: Span
    public init(name: String, span: Span) { self.name = name; self.span = span }
}
