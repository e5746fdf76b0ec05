import Corridor
import CorridorTestSupport
import XCTest

/// Naming failure elements on the command line: border rules between countries whose codes hold
/// "-" (ISO 3166-2 subdivisions such as GB-SCT), and ids holding commas through `\,`.
final class FailureElementTests: XCTestCase {
    private let network = """
    periods: 3
    commodities: [{id: c}]
    hubs:
      - {id: "EDI", country: "GB-SCT"}
      - {id: "LON", country: "GB-ENG"}
      - {id: "CAL", country: "FR"}
    links:
      - {id: "north, fast", from: EDI, to: LON, transit: 1}
      - {id: chunnel, from: LON, to: CAL, transit: 1}
    borders:
      - {from: "GB-SCT", to: "GB-ENG", delay: 0, both_ways: true}
      - {from: "GB-ENG", to: "FR", delay: 1}
    movements:
      - {id: m, commodity: c, from: EDI, to: CAL, quantity: 1}
    """

    func testListsSplitOnUnescapedCommas() {
        XCTAssertEqual(FailureElement.names(inList: "a,b"), ["a", "b"])
        XCTAssertEqual(FailureElement.names(inList: #"north\, fast,hub:LON"#), ["north, fast", "hub:LON"])
        XCTAssertEqual(FailureElement.names(inList: #"back\\,slash\x\"#), [#"back\"#, #"slash\x\"#])
        XCTAssertEqual(FailureElement.names(inList: ""), [""])
    }

    func testBordersBetweenHyphenatedCountries() throws {
        let loaded = try Fixtures.network(network)
        for spelling in ["GB-SCT-GB-ENG", "GB-SCT>GB-ENG", "border:GB-SCT→GB-ENG"] {
            let found = try FailureElement.named([spelling], in: loaded)
            XCTAssertEqual(found.map(\.label), ["border GB-SCT→GB-ENG"], spelling)
        }
        XCTAssertEqual(try FailureElement.named(["GB-ENG-GB-SCT", "GB-ENG-FR"], in: loaded).map(\.label),
                       ["border GB-ENG→GB-SCT", "border GB-ENG→FR"])
        XCTAssertThrowsError(try FailureElement.named(["GB-SCT-FR"], in: loaded), "no such rule")
    }

    func testAnIdWithACommaIsNamedEscaped() throws {
        let loaded = try Fixtures.network(network)
        let found = try FailureElement.named(FailureElement.names(inList: #"north\, fast"#), in: loaded)
        XCTAssertEqual(found.map(\.label), ["link north, fast EDI→LON"])
        XCTAssertThrowsError(try FailureElement.named(FailureElement.names(inList: "north, fast"), in: loaded)) { error in
            XCTAssertEqual((error as? InputError)?.diagnostics.map(\.path), ["north", "fast"])
        }
    }

    /// A name that is several kinds of element needs its prefix (it silently took all of them), and
    /// only one prefix is read: `link:hub:X` is the link whose id is `hub:X` (it took hub X).
    func testPrefixesSettleNamesOfSeveralKinds() throws {
        let loaded = try Fixtures.network("""
        periods: 3
        commodities: [{id: c}]
        hubs: [{id: X, country: SE}, {id: Y, country: SE}, {id: Z, country: SE}]
        links:
          - {id: X, from: Y, to: Z, transit: 1}
          - {id: "hub:X", from: Z, to: Y, transit: 1}
        movements: [{id: m, commodity: c, from: Y, to: Z, quantity: 1}]
        """)
        XCTAssertEqual(try FailureElement.named(["link:hub:X"], in: loaded).map(\.label), ["link hub:X Z→Y"])
        XCTAssertEqual(try FailureElement.named(["hub:X"], in: loaded).map(\.label), ["hub X"])
        XCTAssertEqual(try FailureElement.named(["link:X"], in: loaded).map(\.label), ["link X Y→Z"])
        XCTAssertThrowsError(try FailureElement.named(["X"], in: loaded)) { error in
            XCTAssertEqual((error as? InputError)?.diagnostics.map(\.message), ["is a link and a hub; say which: link:X or hub:X"])
        }
    }
}
