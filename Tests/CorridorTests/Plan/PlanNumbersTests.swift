@testable import Corridor
import XCTest

/// `PlanNumbers.clean`: noise goes, values stay — worked out by hand.
final class PlanNumbersTests: XCTestCase {
    func testNoiseAroundIntegersAndZero() {
        XCTAssertEqual(PlanNumbers.clean(1499.9999999997), 1500)
        XCTAssertEqual(PlanNumbers.clean(2.0000000001), 2)
        XCTAssertEqual(PlanNumbers.clean(4e-10), 0)
        XCTAssertEqual(PlanNumbers.clean(-4e-10), 0)
        XCTAssertEqual(PlanNumbers.clean(-0.0).sign, .plus)
        XCTAssertEqual(PlanNumbers.clean(1_000_000.0000005), 1_000_000)
    }

    /// Above 1,000 the distance to an integer that counts as noise stops growing at 1e-6: 1e-9
    /// relative of 2.6e9 is 2.6, which printed a fuzz run's 2,613,640,006.594 as 2,613,640,007.
    func testLargeValuesKeepTheirFraction() {
        XCTAssertEqual(PlanNumbers.clean(2_613_640_006.594), 2_613_640_006.59)
        XCTAssertEqual(PlanNumbers.clean(1e9 + 0.5), 1e9 + 0.5)
        XCTAssertEqual(PlanNumbers.clean(1e9 + 4e-7), 1e9)
    }

    /// Other values keep 12 significant digits.
    func testTwelveSignificantDigits() {
        XCTAssertEqual(PlanNumbers.clean(0.1 + 0.2), 0.3)
        XCTAssertEqual(PlanNumbers.clean(1.0 / 3), 0.333333333333)
        XCTAssertEqual(PlanNumbers.clean(11_459_333.333333332), 11_459_333.3333)
        XCTAssertEqual(PlanNumbers.clean(2.5), 2.5)
        XCTAssertEqual(PlanNumbers.clean(.infinity), .infinity)
    }
}
