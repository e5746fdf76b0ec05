import CorridorTestSupport
import Foundation
import XCTest

/// `corridor verify` on bad networks and bad plans: exit 2 naming the file (and the field), like
/// `plan` and `validate` on the same input.
final class BadVerifyInputTests: XCTestCase {
    func testVerifyWithBadNetwork() throws {
        let directory = TemporaryDirectory()
        let network = try directory.write("net.yaml", Data([0xFF, 0x00, 0xFE]))
        let plan = try directory.write("plan.json", "{}")
        assertInvalid(CLI.run(["verify", network, plan]), naming: network, message: "(binary or corrupted file?)", "verify")
    }

    func testVerifyWithBadPlan() throws {
        let directory = TemporaryDirectory()
        let network = try directory.write("net.yaml", BadInputFixture.validNetwork)
        for (name, contents) in [("empty.json", ""), ("array.json", "[1, 2]"), ("trunc.json", "{\"status\": \"opt")] {
            let plan = try directory.write(name, contents)
            assertInvalid(CLI.run(["verify", network, plan]), naming: plan, "verify with \(name)")
        }
        // The network given twice: not JSON, and the message says what a plan is.
        assertInvalid(CLI.run(["verify", network, network]), naming: network,
                      message: "is not valid JSON (Invalid value around character 0.); a plan is the JSON that corridor plan --format json writes",
                      "verify NET NET")
        // Both from standard input: the network would take it all and the plan find it empty.
        let bothStdin = CLI.run(["verify", "-", "-"], stdin: Data(BadInputFixture.validNetwork.utf8))
        XCTAssertEqual(bothStdin.status, 2)
        XCTAssertTrue(bothStdin.err.contains("the network and the plan cannot both be read from standard input (-)"), bothStdin.err)
        // Valid JSON whose period is not a whole number: the field, not "not valid JSON" (a fuzz run's find).
        let planned = CLI.run(["plan", network, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.err)
        let edited = planned.out.replacingOccurrences(of: "\"depart\" : 0", with: "\"depart\" : 1.5")
        XCTAssertNotEqual(edited, planned.out)
        let fraction = try directory.write("depart.json", edited)
        assertInvalid(CLI.run(["verify", network, fraction]), naming: fraction, message: "legs[0].depart: expected a whole number, found 1.5",
                      "verify with depart 1.5")
        // Beyond 1e12, whether it decodes as an integer (1e13), does not (1e20, 1e300) or overflows a
        // Double (1e400): one message, as in a network file (1e13 was taken and 1e20 "not whole").
        for bad in ["1e13", "1e20", "1e300", "1e400"] {
            let plan = try directory.write("depart.json", planned.out.replacingOccurrences(of: "\"depart\" : 0", with: "\"depart\" : \(bad)"))
            assertInvalid(CLI.run(["verify", network, plan]), naming: plan,
                          message: "legs[0].depart: number 1", "verify with depart \(bad)")
            XCTAssertTrue(CLI.run(["verify", network, plan]).err.contains("is out of range (numbers may not exceed 1e12 in magnitude)"))
        }
        // An itinerary's legs are indices (whole numbers); a movement's legs are objects.
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(planned.out.utf8)) as? [String: Any])
        var movements = try XCTUnwrap(object["movements"] as? [[String: Any]])
        var itineraries = try XCTUnwrap(movements[0]["itineraries"] as? [[String: Any]])
        XCTAssertEqual(itineraries[0]["legs"] as? [Int], [0])
        itineraries[0]["legs"] = [0.5]
        movements[0]["itineraries"] = itineraries
        object["movements"] = movements
        let fractional = try directory.write("index.json", String(decoding: JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        assertInvalid(CLI.run(["verify", network, fractional]), naming: fractional,
                      message: "movements[0].itineraries[0].legs[0]: expected a whole number, found 0.5", "verify with leg index 0.5")
        // Not JSON (NaN), with the line Foundation found it on.
        let nan = try directory.write("nan.json", planned.out.replacingOccurrences(of: "\"depart\" : 0", with: "\"depart\" : NaN"))
        let result = CLI.run(["verify", network, nan])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.err.hasPrefix(nan + ":"), result.err)
        XCTAssertTrue(result.err.contains(": is not valid JSON (Invalid value around character"), result.err)
    }

    /// A plan file gets the checks a network file gets: a directory, a file over the size limit (a
    /// sparse one, refused from its size without being read) or an unreadable standard input is
    /// refused the way `plan` refuses it.
    func testVerifyRefusesDirectoriesAndOversizedPlansLikePlan() throws {
        let directory = TemporaryDirectory()
        let network = try directory.write("net.yaml", BadInputFixture.validNetwork)
        assertInvalid(CLI.run(["verify", network, directory.url.path]), naming: directory.url.path,
                      message: "is a directory, not a plan file", "verify NETWORK DIRECTORY")
        let huge = try directory.write("huge.json", "{")
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: (1 << 30) + 1)
        try handle.close()
        for arguments in [["plan", huge], ["verify", network, huge]] {
            assertInvalid(CLI.run(arguments), naming: huge, message: "is larger than 1024 MiB", maxSeconds: RunBound.quick,
                          arguments[0] + " huge.json")
        }
        assertInvalid(CLI.run(["verify", network, "-"], input: .file(directory.url.path)), naming: "-",
                      message: "cannot be read", "verify NETWORK - < directory")
        let missing = directory.url.appendingPathComponent("none.json").path
        assertInvalid(CLI.run(["verify", network, missing]), naming: missing, message: "no such file", "verify missing")
    }

    /// A hand-edited plan whose bottleneck names an unknown kind of capacity: exit 2, the four words listed.
    func testVerifyWithAnUnknownBottleneckKind() throws {
        let directory = TemporaryDirectory()
        let network = Fixtures.dataset("tiny.yaml")
        let planned = CLI.run(["plan", network, "--format", "json"])
        XCTAssertEqual(planned.status, 0, planned.err)
        let edited = planned.out.replacingOccurrences(of: "\"kind\" : \"border\"", with: "\"kind\" : \"Border\"")
            .replacingOccurrences(of: "\"kind\":\"border\"", with: "\"kind\":\"Border\"")
        XCTAssertNotEqual(edited, planned.out, "tiny's plan has a border bottleneck to edit")
        let plan = try directory.write("plan.json", edited)
        assertInvalid(CLI.run(["verify", network, plan]), naming: plan,
                      message: "\"Border\" is not a kind of capacity (link, border, storage or handling)", "verify")
    }
}
