import Corridor
import CorridorTestSupport
import Foundation
import XCTest

/// Manifest errors: each problem reported once, where it stands; sweeps of kinds without a value and
/// empty sweeps are errors, not silently empty batches.
final class BatchManifestTests: XCTestCase {
    private func problems(_ text: String) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.yaml")
        try Data(("base: \(Fixtures.dataset("tiny.yaml"))\n" + text).utf8).write(to: file)
        do {
            _ = try BatchManifest.load(path: file.path)
            XCTFail("accepted:\n\(text)")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func testASweepsFieldsAreReportedOnce() throws {
        let found = try problems("scenarios: [{id: s, sweep: {kind: link_capacity, values: [1, 2, 3], colour: red}}]\n")
        XCTAssertEqual(found.map(\.path), ["scenarios[0].sweep.colour", "scenarios[0].sweep.link"], "\(found)")
    }

    /// A field of another kind (`link` on scale_quantities) was ignored in silence — every movement
    /// was scaled, not the link's; `value` on a kind without one likewise. Both are errors now.
    func testFieldsOfAnotherKindAreErrors() throws {
        let found = try problems("""
        scenarios:
          - {id: a, overrides: [{kind: scale_quantities, value: 2, link: e10}]}
          - {id: b, overrides: [{kind: remove_link, link: e10, value: 3}]}
          - {id: c, overrides: [{kind: horizon, value: 8, from: "NO"}]}
          - {id: d, sweep: {kind: scale_quantities, values: [1], link: e10}}

        """)
        XCTAssertEqual(found.map(\.path), ["scenarios[0].overrides[0].link", "scenarios[1].overrides[0].value",
                                           "scenarios[2].overrides[0].from", "scenarios[3].sweep.link"], "\(found)")
        XCTAssertEqual(found.first?.message, "scale_quantities has no link (its fields: kind, value, movements)")
        XCTAssertEqual(found[1].message, "remove_link takes no value")
    }

    /// An empty network path was run (exit 1, "is a directory"); it is a manifest error (exit 2).
    func testAnEmptyNetworkPathIsAnError() throws {
        let found = try problems("scenarios: [{id: a, network: \"\"}]\n")
        XCTAssertEqual(found.map(\.path), ["scenarios[0].network"], "\(found)")
        XCTAssertEqual(found.first?.message, "must not be empty")
    }

    func testBadSweepValuesAreReportedWhereTheyStand() throws {
        let found = try problems("scenarios: [{id: s, sweep: {kind: scale_quantities, values: [1, -2, 0]}}]\n")
        XCTAssertEqual(found.map(\.path), ["scenarios[0].sweep.values[1]", "scenarios[0].sweep.values[2]"])
        XCTAssertEqual(found.map(\.message), ["a quantity factor must be positive, found -2",
                                              "a quantity factor must be positive, found 0"])
    }

    func testEmptyAndValuelessSweepsAreErrors() throws {
        let unknown = try problems("scenarios: [{id: s, sweep: {kind: bogus, values: []}}]\n")
        XCTAssertEqual(unknown.map(\.path), ["scenarios[0].sweep.kind", "scenarios[0].sweep.values"])
        let valueless = try problems("scenarios: [{id: s, sweep: {kind: remove_link, link: e10, values: [1, 2]}}]\n")
        XCTAssertEqual(valueless.map(\.message), ["remove_link takes no value, so it cannot be swept"])
    }

    /// `values` and `range` together are an error (one of them used to be ignored silently).
    func testASweepWithValuesAndRangeIsAnError() throws {
        let found = try problems("scenarios: [{id: s, sweep: {kind: scale_quantities, values: [1, 2], range: [1, 3, 1]}}]\n")
        XCTAssertEqual(found.map(\.path), ["scenarios[0].sweep.range"])
        XCTAssertEqual(found.map(\.message), ["a sweep takes values or range, not both"])
    }

    /// Whole numbers too large for a shift or a horizon say so, not "must be a whole number".
    func testHugeWholeNumbersGetTheirRangeMessage() throws {
        let found = try problems("""
        scenarios:
          - {id: a, overrides: [{kind: shift_due, value: 2147483647}]}
          - {id: b, overrides: [{kind: horizon, value: 2147483648}]}
          - {id: c, overrides: [{kind: shift_release, value: 1.5}]}
          - {id: d, overrides: [{kind: customs_delay, from: "NO", to: SE, value: 1000001}]}
          - {id: e, overrides: [{kind: customs_delay, from: "NO", to: SE, value: -1}]}
        """)
        // A delay override has the limit a delay in a network file has (contract-readings 14).
        XCTAssertEqual(found.map(\.message), ["must be between -1000000000 and 1000000000, found 2147483647",
                                              "the horizon must be between 1 and 1000000, found 2147483648",
                                              "must be a whole number, found 1.5",
                                              "a delay must be between 0 and 1000000, found 1000001",
                                              "a delay must be between 0 and 1000000, found -1"])
    }

    func testPlainOverridesStillRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-manifest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("m.yaml")
        try Data("""
        base: \(Fixtures.dataset("tiny.yaml"))
        scenarios:
          - id: a
            overrides: [{kind: remove_link, link: e10}, {kind: customs_delay, from: "NO", to: SE, value: 2}]
          - id: b
            sweep: {kind: shift_due, range: [0, 2, 1], movements: [m1]}
        """.utf8).write(to: file)
        let manifest = try BatchManifest.load(path: file.path)
        XCTAssertEqual(manifest.scenarios.map(\.id), ["a", "b/shift_due=0", "b/shift_due=1", "b/shift_due=2"])
        XCTAssertEqual(manifest.scenarios[0].overrides, [.removeLink("e10"), .customsDelay(from: "NO", to: "SE", delay: 2)])
        XCTAssertEqual(manifest.scenarios[3].overrides, [.shiftDue(2, movements: ["m1"])])
    }
}
