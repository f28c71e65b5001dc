import Foundation

/// Builds a synthetic news corpus of any size from real articles, for the scale benchmarks
/// (`newsq-bench generate`, BENCHMARKS.md). Each generated article takes a real headline and 5–15
/// real paragraphs, in contiguous runs from one to three source articles, then varies them: the
/// people named in it (full names drawn from the texts: a known given name and a surname, beside a
/// reporting verb, at least twice) are swapped for
/// others from that pool, consistently within the article (`Donald Trump` → `Paul Ryan` also
/// turns `Trump` into `Ryan`), and amounts (numbers above 31 that are not years, money, percentages)
/// are scaled by 0.6–1.4. Outlet, country and date go in a `corpus.yaml` beside the articles: the
/// outlet is the source article's publisher for 60 % of the articles, else one of eight outlets
/// of other countries, so that `where source = …` and `source.country` filters select something.
///
/// Everything comes from a seeded generator, one per article: the same sources, seed and count
/// give a byte-identical corpus (articles are built on every core, written in order). Articles go in folders of 1,000 (`s000/`, `s001/`…), each with its
/// own manifest, and every file is written atomically (a hidden temporary file, then a rename).
public struct CorpusGenerator: Sendable {
    public struct Source: Sendable {
        public var name: String
        public var publisher: String?
        public var date: String?
        public var headline: String
        public var paragraphs: [String]
    }

    public struct Outlet: Sendable {
        public var name: String
        public var country: String
        public var translatedFrom: String?
    }

    public struct Article: Sendable, Equatable {
        public var id: String
        public var text: String
        public var source: String
        public var country: String
        public var translatedFrom: String?
        public var date: String?
    }

    public let sources: [Source]
    /// Full names ("First Last") seen beside a reporting verb at least twice, sorted.
    public let names: [String]
    let nameSet: Set<String>

    static let publishers: [String: String] = [
        "breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "New York Times", "politico": "Politico",
        "usa-today": "USA Today", "wash-post": "Washington Post", "west-journal": "Western Journalism",
    ]
    static let foreignOutlets: [Outlet] = [
        Outlet(name: "Evening Courier", country: "GB"), Outlet(name: "Northern Chronicle", country: "GB"),
        Outlet(name: "Le Quotidien", country: "FR", translatedFrom: "fr"),
        Outlet(name: "Rheinische Rundschau", country: "DE", translatedFrom: "de"),
        Outlet(name: "Pacific Herald", country: "AU"), Outlet(name: "Maple Ledger", country: "CA"),
        Outlet(name: "Moscow Observer", country: "RU", translatedFrom: "ru"), Outlet(name: "Delhi Dispatch", country: "IN"),
    ]
    static let reportingVerbs: Set<String> = ["said", "says", "told", "added", "wrote", "argued", "explained", "asked"]

    /// Sources are (file name, text) pairs; the first non-empty line of a text is its headline,
    /// every other non-empty line a paragraph. Texts with no paragraph are left out. `givenNames`
    /// (lower case) tell a person's name from "Capitol Hill" or "Brookings Institution": the
    /// project's gazetteer `entity-given-names.txt` (see `readGivenNames`).
    public init(texts: [(name: String, text: String)], givenNames: Set<String>) {
        var sources: [Source] = []
        for (name, text) in texts.sorted(by: { $0.name < $1.name }) {
            let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard lines.count >= 2 else { continue }
            let parts = name.split(separator: "_")
            let publisher = parts.first.flatMap { Self.publishers[String($0)] }
            let date = parts.count > 1 && Self.isDate(parts[1]) ? String(parts[1]) : nil
            sources.append(Source(name: name, publisher: publisher, date: date, headline: lines[0], paragraphs: Array(lines.dropFirst())))
        }
        self.sources = sources
        self.names = Self.speakerNames(in: sources, givenNames: givenNames)
        self.nameSet = Set(names)
    }

    /// Reads the `.txt` files directly in each folder (or the files given).
    public static func readTexts(_ paths: [String]) throws -> [(name: String, text: String)] {
        var result: [(name: String, text: String)] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw GeneratorError("no such file or folder: \(path)")
            }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }.sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                result.append(((file as NSString).lastPathComponent, text))
            }
        }
        return result
    }

    /// The names of a one-per-line list (`#` comments), lower-cased.
    public static func readGivenNames(_ path: String) throws -> Set<String> {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// Article `index` (from 0) of the corpus with this seed.
    public func article(_ index: Int, seed: UInt64) -> Article {
        var random = SeededRandom(seed: seed, index: index)
        // Paragraphs: a run from a primary article, then runs from up to two others.
        let target = random.int(in: 5...15)
        let primary = random.element(of: sources)
        var paragraphs: [String] = []
        var source = primary
        for part in 0..<3 where paragraphs.count < target {
            if part > 0 { source = random.element(of: sources) }
            let want = part == 2 ? target - paragraphs.count : min(target - paragraphs.count, random.int(in: 3...target))
            let count = min(want, source.paragraphs.count)
            let start = random.int(in: 0...(source.paragraphs.count - count))
            paragraphs += source.paragraphs[start..<(start + count)]
        }
        while paragraphs.count < 5 { paragraphs.append(random.element(of: random.element(of: sources).paragraphs)) }

        // People: every pool name present is swapped for another pool name, full and last name alike.
        var full: [String: String] = [:], last: [String: String] = [:]
        for name in namesIn(paragraphs) {
            var other = random.element(of: names)
            if other == name, names.count > 1 { other = names[(names.firstIndex(of: name)! + 1) % names.count] }
            full[name] = other
            if let a = Self.lastName(name), let b = Self.lastName(other), last[a] == nil { last[a] = b }
        }
        let headline = Self.vary(primary.headline, full: full, last: last, random: &random)
        let varied = paragraphs.map { Self.vary($0, full: full, last: last, random: &random) }

        let outlet: Outlet
        if let publisher = primary.publisher, random.unit() < 0.6 {
            outlet = Outlet(name: publisher, country: "US")
        } else {
            outlet = random.element(of: Self.foreignOutlets)
        }
        let text = ([headline] + varied).joined(separator: "\n\n") + "\n"
        return Article(id: String(format: "g%06d", index), text: text, source: outlet.name, country: outlet.country,
                       translatedFrom: outlet.translatedFrom, date: primary.date)
    }

    /// Writes `count` articles under `directory` (which must be missing or empty), 1,000 per folder,
    /// each folder with its `corpus.yaml`. Returns the number of bytes of text written.
    @discardableResult
    public func write(articles count: Int, seed: UInt64, to directory: String) throws -> Int {
        guard !sources.isEmpty else { throw GeneratorError("no source article has a headline and a paragraph") }
        let fm = FileManager.default
        if fm.fileExists(atPath: directory),
           let entries = try? fm.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            throw GeneratorError("\(directory) is not empty; remove it first")
        }
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var bytes = 0
        var shardStart = 0
        while shardStart < count {
            let shard = directory + String(format: "/s%03d", shardStart / 1000)
            try fm.createDirectory(atPath: shard, withIntermediateDirectories: true)
            var manifest = "# Generated by `newsq-bench generate --seed \(seed)`: outlets and countries are assigned, not real.\n"
            manifest += "defaults:\n  language: en\narticles:\n"
            // Articles are independent (one generator each): built on every core, written in order.
            let indexes = Array(shardStart..<min(shardStart + 1000, count))
            let built = Built(indexes.count)
            DispatchQueue.concurrentPerform(iterations: indexes.count) { k in built.set(k, article(indexes[k], seed: seed)) }
            for article in built.articles {
                let data = Data(article.text.utf8)
                bytes += data.count
                try Self.writeAtomically(data, to: shard + "/" + article.id + ".txt")
                manifest += "  \(article.id):\n    source: \"\(article.source)\"\n    country: \(article.country)\n"
                if let language = article.translatedFrom { manifest += "    translated_from: \(language)\n" }
                if let date = article.date { manifest += "    date: \(date)\n" }
            }
            try Self.writeAtomically(Data(manifest.utf8), to: shard + "/corpus.yaml")
            shardStart += 1000
        }
        return bytes
    }

    static func writeAtomically(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw GeneratorError("cannot write \(temporary)")
        }
        guard rename(temporary, path) == 0 else { throw GeneratorError("cannot rename \(temporary) to \(path)") }
    }

    // MARK: - Varying a paragraph

    /// The text with pool names swapped and amounts scaled, word by word (a word is a run of letters
    /// and inner hyphens; an amount a run of digits with inner `,` or `.`).
    static func vary(_ text: String, full: [String: String], last: [String: String], random: inout SeededRandom) -> String {
        let s = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        func word(from start: Int) -> Int {
            var j = start
            while j < s.count, isLetter(s[j]) || (s[j] == "-" && j + 1 < s.count && isLetter(s[j + 1]) && j > start) { j += 1 }
            return j
        }
        while i < s.count {
            let c = s[i]
            if isLetter(c), i == 0 || !isLetter(s[i - 1]) {
                let end = word(from: i)
                let first = String(String.UnicodeScalarView(s[i..<end]))
                // "First Last" as one name, else a last name alone.
                if end + 1 < s.count, s[end] == " ", isLetter(s[end + 1]) {
                    let end2 = word(from: end + 1)
                    let pair = first + " " + String(String.UnicodeScalarView(s[(end + 1)..<end2]))
                    if let replacement = full[pair] {
                        out.append(contentsOf: replacement.unicodeScalars)
                        i = end2
                        continue
                    }
                }
                out.append(contentsOf: (last[first] ?? first).unicodeScalars)
                i = end
                continue
            }
            if isDigit(c), i == 0 || !(isDigit(s[i - 1]) || isLetter(s[i - 1])) {
                var end = i
                while end < s.count, isDigit(s[end]) || ((s[end] == "," || s[end] == ".") && end + 1 < s.count && isDigit(s[end + 1])) { end += 1 }
                let written = String(String.UnicodeScalarView(s[i..<end]))
                let money = i > 0 && (s[i - 1] == "$" || s[i - 1] == "£" || s[i - 1] == "€")
                let percent = end < s.count && s[end] == "%" || s.count >= end + 8 && String(String.UnicodeScalarView(s[end..<min(s.count, end + 8)])) == " percent"
                let factor = 0.6 + 0.8 * random.unit()
                out.append(contentsOf: scaled(written, by: factor, always: money || percent).unicodeScalars)
                i = end
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// An amount as written, times `factor`, in the same style (decimals, thousands separators).
    /// Years (1900–2099) and numbers up to 31 (days of the month) are kept unless `always`.
    static func scaled(_ written: String, by factor: Double, always: Bool) -> String {
        let plain = written.replacingOccurrences(of: ",", with: "")
        guard let value = Double(plain), plain.filter({ $0 == "." }).count <= 1 else { return written }
        let decimals = plain.contains(".") ? plain.count - 1 - plain.distance(from: plain.startIndex, to: plain.firstIndex(of: ".")!) : 0
        if !always, decimals == 0, value <= 31 || (plain.count == 4 && (1900...2099).contains(Int(value))) { return written }
        if plain.hasPrefix("0"), plain.count > 1, decimals == 0 { return written }  // zip codes, ids
        var result = String(format: "%.\(decimals)f", value * factor)
        if decimals == 0, value >= 1, result == "0" { result = "1" }
        if written.contains(",") {
            let integer = result.prefix { $0 != "." }
            let rest = result.dropFirst(integer.count)
            var grouped = ""
            for (k, digit) in integer.reversed().enumerated() {
                if k > 0, k % 3 == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            result = String(grouped.reversed()) + rest
        }
        return result
    }

    // MARK: - Names

    /// "First Last" pairs of capitalised words, the first a given name, next to a reporting verb
    /// ("Paul Ryan said", "said Paul Ryan"), seen at least twice in the sources.
    static func speakerNames(in sources: [Source], givenNames: Set<String>) -> [String] {
        var counts: [String: Int] = [:]
        for source in sources {
            for paragraph in source.paragraphs {
                let words = paragraph.split(whereSeparator: { !($0.isLetter || $0 == "-") }).map(String.init)
                guard words.count >= 3 else { continue }
                for k in 0..<(words.count - 1) {
                    let a = words[k], b = words[k + 1]
                    guard isCapitalized(a), isCapitalized(b), givenNames.contains(a.lowercased()),
                          b.prefix(while: { $0 != "-" }).count >= 2 else { continue }
                    let before = k > 0 && reportingVerbs.contains(words[k - 1])
                    let after = k + 2 < words.count && reportingVerbs.contains(words[k + 2])
                    if before || after { counts[a + " " + b, default: 0] += 1 }
                }
            }
        }
        return counts.filter { $0.value >= 2 }.keys.sorted()
    }

    /// The pool names in these paragraphs, in order of first appearance.
    func namesIn(_ paragraphs: [String]) -> [String] {
        var found: [String] = [], seen: Set<String> = []
        for paragraph in paragraphs {
            let words = paragraph.split(whereSeparator: { !($0.isLetter || $0 == "-") })
            for k in words.indices.dropLast() where words[k].first?.isUppercase == true {
                let pair = String(words[k]) + " " + String(words[k + 1])
                if nameSet.contains(pair), seen.insert(pair).inserted { found.append(pair) }
            }
        }
        return found
    }

    static func isCapitalized(_ word: String) -> Bool {
        guard word.count >= 2, let first = word.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return word.dropFirst().allSatisfy { $0.isLowercase || $0 == "-" || $0.isUppercase && word.contains("-") }
    }

    static func lastName(_ name: String) -> String? {
        name.split(separator: " ").last.map(String.init)
    }

    static func isDate(_ s: Substring) -> Bool {
        let parts = s.split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

/// Articles built concurrently, kept in their order.
private final class Built: @unchecked Sendable {
    private var items: [CorpusGenerator.Article?]
    private let lock = NSLock()
    init(_ count: Int) { items = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ article: CorpusGenerator.Article) { lock.lock(); items[i] = article; lock.unlock() }
    var articles: [CorpusGenerator.Article] { items.map { $0! } }
}

public struct GeneratorError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
