import Foundation

/// Numbers for people: thousands separators, at most two decimals, no locale surprises
/// (the same bytes on every machine).
public enum Readable {
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        let scale = 100.0
        let rounded = (value * scale).rounded() / scale
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = magnitude.rounded(.down)
        var digits = String(format: "%.0f", whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let fraction = magnitude - whole
        if fraction > 0.5 / scale {
            var decimalsText = String(format: "%.2f", fraction).dropFirst(1)  // ".25"
            while decimalsText.hasSuffix("0") { decimalsText.removeLast() }
            grouped += decimalsText
        }
        return (negative && rounded != 0 ? "-" : "") + grouped
    }

    /// A count and its noun, singular for 1: "1 direction", "4 directions", "2 countries".
    public static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// A count with thousands separators: 1326 → "1,326".
    static func count(_ value: Int) -> String { number(Double(value)) }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value)
    }
}
