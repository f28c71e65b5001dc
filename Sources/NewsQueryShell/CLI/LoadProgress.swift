import Foundation

/// Where a load is: `Session.load` reports each step, and the command line draws it (`ProgressLine`).
public enum LoadProgress: Equatable, Sendable {
    case reading
    case cache
    case annotating(done: Int, of: Int)
    case indexing
    case done
}

/// One line on standard error showing how far a long load is, redrawn in place: nothing for a load
/// that ends within half a second, and the line is erased when the load ends, so what follows
/// (the banner, results) starts on a clean line. Only used when standard error is a terminal.
final class ProgressLine {
    private let started = DispatchTime.now()
    private var lastDrawn: UInt64 = 0
    private var shown = false
    private let write: (String) -> Void
    private let width: () -> Int

    init(write: @escaping (String) -> Void, width: @escaping () -> Int) {
        self.write = write
        self.width = width
    }

    func update(_ progress: LoadProgress) {
        let now = DispatchTime.now().uptimeNanoseconds
        if progress == .done {
            if shown { write("\r\u{1B}[K") }
            shown = false
            return
        }
        // short loads draw nothing; long ones redraw at most ten times a second
        guard now - started.uptimeNanoseconds >= 500_000_000, now - lastDrawn >= 100_000_000 else { return }
        lastDrawn = now
        shown = true
        let line = Self.text(progress, width: width())
        write("\r\u{1B}[K" + line)
    }

    /// The line for a step: `annotating  4,096 / 10,000 articles  [#######.........]  40%`.
    static func text(_ progress: LoadProgress, width: Int) -> String {
        switch progress {
        case .reading: return "reading files…"
        case .cache: return "reading the annotation cache…"
        case .indexing: return "building indexes (entities, facts, words)…"
        case .done: return ""
        case .annotating(let done, let total):
            let fraction = total > 0 ? Double(done) / Double(total) : 1
            let label = "annotating \(grouped(done)) / \(grouped(total)) articles"
            let percent = " \(Int(fraction * 100))%"
            let barWidth = max(0, min(40, width - label.count - percent.count - 5))
            guard barWidth >= 10 else { return label + percent }
            let filled = Int(fraction * Double(barWidth))
            return label + "  [" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]" + percent
        }
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
