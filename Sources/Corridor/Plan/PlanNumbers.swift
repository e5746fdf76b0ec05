import Foundation

/// How plan quantities are rounded for output: solver noise such as 1499.9999999997 becomes 1500,
/// values below 1e-9 become 0 (contract §3), and other values keep 12 significant digits so that
/// noise in the last bits never shows (and output stays byte-identical across runs).
public enum PlanNumbers {
    public static let zeroTolerance = 1e-9
    /// How far a printed value may be from the solver's, relative to it: 12 significant digits are
    /// within 5e-12 (1,234,567.891234567 prints as 1,234,567.89123, 4.6e-6 off, 3.7e-12 of it).
    public static let relativeRounding = 1e-11

    /// The most `clean` can move `value`: to 0 below 1e-9, to an integer within `integerTolerance`
    /// (500.0000004 prints as 500; below 0.5 the nearest integer is 0, reached only by zeroing), or
    /// to 12 significant digits.
    public static func largestCleaningError(_ value: Double) -> Double {
        let magnitude = abs(value)
        if magnitude < zeroTolerance { return zeroTolerance }
        let rounding = relativeRounding * magnitude
        return magnitude < 0.5 ? rounding : max(integerTolerance(magnitude), rounding)
    }

    /// Values this close to an integer are that integer: 1e-9 relative, but at most 1e-6, so that
    /// an objective of 2,613,640,006.594 is not printed as 2,613,640,007 (a fuzz run found it).
    static func integerTolerance(_ value: Double) -> Double {
        min(1e-9 * max(1, abs(value)), 1e-6)
    }

    public static func clean(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        if abs(value) < zeroTolerance { return 0 }
        let nearest = value.rounded()
        if abs(value - nearest) <= integerTolerance(value) { return nearest == 0 ? 0 : nearest }
        let scale = pow(10, Double(12 - Int(log10(abs(value)).rounded(.up))))
        let rounded = (value * scale).rounded() / scale
        return rounded.isFinite ? rounded : value
    }

    /// A number as plain text for machines and messages: a whole number without a decimal point
    /// ("1500"), anything else in Swift's shortest round-trip form ("0.25", "1e-12"); no thousands
    /// separators, no locale. Used for CSV cells and for values quoted in input diagnostics.
    static func plain(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
