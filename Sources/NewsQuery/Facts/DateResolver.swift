import Foundation

/// Turns the dates `NumberExtractor` found in one article into ISO dates, against an anchor: the
/// article's `metadata.date` when known, else the first complete date the text gives (a day, month
/// and year; or a weekday with a day and month, whose year is the first one on or after the latest
/// year the article names in which that day falls on that weekday). Every resolved date keeps its
/// evidence; what cannot be resolved stays unresolved, with the reason.
///
/// - A day and month without a year take the anchor's year; a month alone, `YYYY-MM`.
/// - A weekday is the nearest day with that name to the anchor (`this`, `last`, `next` move it by a
///   week when the anchor is the publication date).
/// - `this week`/`last week` is the anchor's week (Monday to Sunday) or the one before; `N years ago`,
///   the anchor's year minus N; `yesterday`, the day before the publication date.
struct DateResolver {
    /// A complete date the others are resolved against.
    struct Anchor: Hashable, Sendable {
        var year: Int, month: Int, day: Int
        /// How the anchor was found ("article date 2023-09-13", "'Sunday September 10' (143): …").
        var evidence: String
        /// The publication date (metadata) rather than a date the text names.
        var isPublication: Bool
        var iso: String { DateResolver.iso(year, month, day) }
    }

    /// The anchor for an article: its date, else the first complete date in its facts.
    static func anchor(metadataDate: String?, facts: [Fact], text: (Span) -> String) -> Anchor? {
        if let date = metadataDate {
            let parts = date.split(separator: "-").compactMap { Int($0) }
            if parts.count == 3 { return Anchor(year: parts[0], month: parts[1], day: parts[2], evidence: "article date \(date)", isPublication: true) }
        }
        let mentions = facts.compactMap { f in f.mention.map { (f, $0) } }
        if let (f, m) = mentions.first(where: { $0.1.isComplete }) {
            return Anchor(year: m.year!, month: m.month!, day: m.day!, evidence: "“\(text(f.span))” (\(f.span.start))", isPublication: false)
        }
        let years = mentions.compactMap(\.1.year)
        for (f, m) in mentions {
            guard let month = m.month, let day = m.day, let weekday = m.weekday, let latest = years.max() else { continue }
            // The weekday repeats every 28 years at most: the first matching year from the latest named.
            for y in latest...(latest + 28) where DateResolver.weekday(y, month, day) == weekday {
                return Anchor(year: y, month: month, day: day,
                              evidence: "“\(text(f.span))” (\(f.span.start)): \(DateResolver.weekdayNames[weekday - 1]) in \(y), the first such year from \(latest), the latest year the article names",
                              isPublication: false)
            }
        }
        return nil
    }

    /// The ISO date (or month, year, range) of a mention and its evidence; nil date when unresolved.
    static func resolve(_ m: DateMention, anchor: Anchor?, yearOnly: (year: Int, evidence: String)? = nil) -> (date: String?, evidence: String) {
        let year = m.year ?? anchor?.year ?? yearOnly?.year
        let yearEvidence = m.year != nil ? "as written" : anchor.map { "year from \($0.evidence)" } ?? yearOnly?.evidence ?? ""
        if let month = m.month {
            guard let year else { return (nil, "no year: the article has no date and names no complete date") }
            if let day = m.day {
                let start = iso(year, month, day)
                if let end = m.dayEnd { return ("\(start)/\(iso(year, month, end))", yearEvidence) }
                return (start, yearEvidence)
            }
            return (String(format: "%04d-%02d", year, month), yearEvidence)
        }
        if let y = m.year, m.month == nil, m.weekday == nil { return (String(format: "%04d", y), "as written") }
        guard let anchor else { return (nil, "relative date: the article has no date and names no complete date") }
        let anchorDay = days(anchor.year, anchor.month, anchor.day)
        if let weekday = m.weekday {
            let current = DateResolver.weekday(anchor.year, anchor.month, anchor.day)
            var diff = weekday - current
            if diff > 3 { diff -= 7 }
            if diff < -3 { diff += 7 }
            if diff == 3, anchor.isPublication { diff = -4 }   // news reports mostly look back
            if let w = m.week, anchor.isPublication, w != 0 { diff += 7 * w }
            let (y, mo, d) = civil(anchorDay + diff)
            return (iso(y, mo, d), "\(weekdayNames[weekday - 1]) nearest to \(anchor.iso) (\(anchor.evidence))")
        }
        if let offset = m.dayOffset {
            guard anchor.isPublication else { return (nil, "relative to the publication date, which is unknown") }
            let (y, mo, d) = civil(anchorDay + offset)
            return (iso(y, mo, d), "from \(anchor.evidence)")
        }
        if let w = m.week {
            let unit = m.agoUnit ?? "week"
            switch unit {
            case "month":
                var y = anchor.year, mo = anchor.month + w
                if mo < 1 { mo += 12; y -= 1 } else if mo > 12 { mo -= 12; y += 1 }
                return (String(format: "%04d-%02d", y, mo), "month of \(anchor.iso) (\(anchor.evidence))")
            case "year":
                return (String(format: "%04d", anchor.year + w), "year of \(anchor.iso) (\(anchor.evidence))")
            default:
                let monday = anchorDay - (DateResolver.weekday(anchor.year, anchor.month, anchor.day) - 1) + 7 * w
                let (y1, m1, d1) = civil(monday), (y2, m2, d2) = civil(monday + 6)
                return ("\(iso(y1, m1, d1))/\(iso(y2, m2, d2))", "week of \(anchor.iso) (\(anchor.evidence))")
            }
        }
        if let (amount, unit) = m.ago {
            // Any number can be written before `ago`; past a million units no text means a date, and
            // beyond Int's range the conversion would trap.
            guard abs(amount) <= 1_000_000 else { return (nil, "\(unit)s ago: too many to count back") }
            let n = Int(amount)
            switch unit {
            case "year": return (String(format: "%04d", anchor.year - n), "\(n) years before \(anchor.iso) (\(anchor.evidence))")
            case "month":
                let total = anchor.year * 12 + anchor.month - 1 - n
                return (String(format: "%04d-%02d", total / 12, total % 12 + 1), "\(n) months before \(anchor.iso) (\(anchor.evidence))")
            case "day", "week":
                let (y, mo, d) = civil(anchorDay - n * (unit == "week" ? 7 : 1))
                return (iso(y, mo, d), "\(n) \(unit)s before \(anchor.iso) (\(anchor.evidence))")
            default: return (nil, "no calendar unit")
            }
        }
        return (nil, "unresolved")
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }

    /// Days since 1970-01-01 (proleptic Gregorian).
    static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ z: Int) -> (Int, Int, Int) {
        let z = z + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday.
    static func weekday(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let z = days(y, m, d)   // 1970-01-01 was a Thursday (4)
        return ((z % 7 + 7) % 7 + 3) % 7 + 1
    }
}
