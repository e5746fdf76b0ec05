import Corridor
import XCTest

/// Sweep scenario ids: plain decimal text, six places at most, no trailing zeros or dot.
final class ScenarioOverrideTests: XCTestCase {
    func testSlugNumbers() {
        let cases: [(Double, String)] = [(0.5, "0.5"), (1, "1"), (1.25, "1.25"), (2.0000001, "2"), (1e-7, "0"),
                                         (-1e-7, "0"), (0.1234567, "0.123457"), (-0.25, "-0.25")]
        for (value, text) in cases {
            XCTAssertEqual(ScenarioOverride.scaleQuantities(value, movements: nil).slug, "scale_quantities=\(text)", "\(value)")
        }
        XCTAssertEqual(ScenarioOverride.scaleLinkCapacity(link: "l", factor: 3.10).slug, "link_capacity:l=3.1")
    }
}
