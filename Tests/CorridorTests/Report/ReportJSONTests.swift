import Foundation
import XCTest
@testable import Corridor

/// The shared encoder settings, byte for byte: snake_case, sorted keys, unescaped slashes, the two
/// layouts, and what happens to non-finite numbers.
final class ReportJSONTests: XCTestCase {
    private struct Sample: Encodable {
        var zetaValue: Double
        var alphaPath: String
        var items: [Int]
    }

    private let sample = Sample(zetaValue: 1.5, alphaPath: "a/b", items: [1, 2])

    func testPrettyDocumentEndsInANewline() throws {
        let text = String(decoding: try ReportJSON.document(sample), as: UTF8.self)
        XCTAssertEqual(text, """
        {
          "alpha_path" : "a/b",
          "items" : [
            1,
            2
          ],
          "zeta_value" : 1.5
        }

        """)
    }

    func testSingleLine() throws {
        let data = try ReportJSON.encoder(layout: .singleLine).encode(sample)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"{"alpha_path":"a/b","items":[1,2],"zeta_value":1.5}"#)
    }

    func testNonFiniteNumbers() throws {
        XCTAssertThrowsError(try ReportJSON.document(Sample(zetaValue: .nan, alphaPath: "", items: [])))
        let values: [Double] = [.nan, .infinity, -.infinity, 2]
        let data = try ReportJSON.encoder(layout: .singleLine, nonFinite: .strings).encode(values)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["nan","inf","-inf",2]"#)
    }

    /// Analysis reports write a failed solve's numbers as "nan".
    func testAnalysisJSONWritesNonFiniteNumbersAsStrings() throws {
        let failed = ScenarioMetrics.failed("time limit")
        let text = String(decoding: try AnalysisJSON.encode(failed), as: UTF8.self)
        XCTAssertTrue(text.contains("\"delivered_pct\" : \"nan\""), text)
    }
}
