import Foundation

/// JSON for analysis reports: snake_case, sorted keys, pretty-printed, stable bytes (`ReportJSON`).
/// A solve that ended without an optimum has no numbers: its values are written as the string "nan".
public enum AnalysisJSON {
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try ReportJSON.document(value, nonFinite: .strings)
    }
}
