import Foundation

/// The one JSON encoder setup of Corridor's outputs, so that the same value is always the same bytes:
/// snake_case keys, sorted, slashes unescaped, pretty-printed documents (plans, analysis reports)
/// or single-line records (JSON Lines). Non-finite numbers are an encoding error unless written as
/// the strings "inf", "-inf" and "nan" (for solves that ended without an optimum).
public enum ReportJSON {
    /// How the output is laid out.
    public enum Layout: Sendable {
        /// Indented over several lines: a document.
        case pretty
        /// One line, no whitespace: a record of a JSON Lines file.
        case singleLine
    }

    /// What happens to infinities and NaN.
    public enum NonFinite: Sendable {
        /// Encoding throws, as plain JSON has no such numbers.
        case refuse
        /// Written as the strings "inf", "-inf" and "nan".
        case strings
    }

    /// A fresh encoder with Corridor's settings.
    public static func encoder(layout: Layout = .pretty, nonFinite: NonFinite = .refuse) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        switch layout {
        case .pretty: encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        case .singleLine: encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }
        if nonFinite == .strings {
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                          negativeInfinity: "-inf", nan: "nan")
        }
        return encoder
    }

    /// `value` as a pretty-printed document ending in a newline.
    public static func document<T: Encodable>(_ value: T, nonFinite: NonFinite = .refuse) throws -> Data {
        var data = try encoder(layout: .pretty, nonFinite: nonFinite).encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
