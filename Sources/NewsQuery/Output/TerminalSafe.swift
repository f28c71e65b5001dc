/// Makes text from articles and files safe to print on a terminal: control characters and escape
/// sequences are shown escaped (`\e`, `\u{9b}`), never written raw. Tabs and newlines are kept
/// only when `keepLayout` is true.
public enum TerminalSafe {
    public static func escape(_ text: String, keepLayout: Bool = false) -> String {
        var needs = false
        for s in text.unicodeScalars where isControl(s) {
            if keepLayout && (s == "\n" || s == "\t") { continue }
            needs = true; break
        }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if keepLayout && (s == "\n" || s == "\t") { out.append(s); continue }
            guard isControl(s) else { out.append(s); continue }
            let repr: String
            switch s {
            case "\u{1B}": repr = "\\e"
            case "\n": repr = "\\n"
            case "\t": repr = "\\t"
            case "\r": repr = "\\r"
            default: repr = "\\u{\(String(s.value, radix: 16))}"
            }
            out.append(contentsOf: repr.unicodeScalars)
        }
        return String(out)
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value)
    }
}
