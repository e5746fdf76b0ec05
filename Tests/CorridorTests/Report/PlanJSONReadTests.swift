import CorridorTestSupport
import Foundation
import XCTest
@testable import Corridor

/// `PlanJSON.read` gives a plan file the checks a network file gets (`InputBytes`): a missing file,
/// a directory or an oversized file is one `InputError` naming it, and a written plan reads back equal.
final class PlanJSONReadTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("corridor-planjson-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The one diagnostic of reading `path` as a plan, and of reading it as a network.
    private func refusals(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> (plan: String, network: String) {
        func describe(_ read: () throws -> Void) -> String {
            do {
                try read()
                XCTFail("\(path) was read", file: file, line: line)
            } catch let error as InputError {
                XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
                return error.diagnostics.first?.description ?? ""
            } catch {
                XCTFail("not an InputError: \(error)", file: file, line: line)
            }
            return ""
        }
        return (describe { _ = try PlanJSON.read(path: path) }, describe { _ = try DocumentReader.read(path: path) })
    }

    func testMissingFile() {
        let path = directory.appendingPathComponent("none.json").path
        let found = refusals(path)
        XCTAssertEqual(found.plan, "\(path): no such file")
        XCTAssertEqual(found.network, found.plan)
    }

    func testDirectory() {
        let found = refusals(directory.path)
        XCTAssertEqual(found.plan, "\(directory.path): is a directory, not a plan file")
        XCTAssertEqual(found.network, "\(directory.path): is a directory, not a network file")
    }

    /// A sparse file one byte over the limit is refused from its size, before anything is read.
    func testOversizedFileIsRefusedUnread() throws {
        let url = directory.appendingPathComponent("huge.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data("{".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(DocumentReader.maximumBytes) + 1)
        try handle.close()
        let start = Date()
        let found = refusals(url.path)
        XCTAssertEqual(found.plan, "\(url.path): is larger than 1024 MiB")
        XCTAssertEqual(found.network, found.plan)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "the file was read instead of refused by its size")
    }

    func testWrittenPlanReadsBackEqual() throws {
        let plan = try Planner.plan(NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))).plan
        let url = directory.appendingPathComponent("plan.json")
        try PlanJSON.encode(plan).write(to: url)
        XCTAssertEqual(try PlanJSON.read(path: url.path), plan)
    }

    /// What Foundation's parser lets through is refused with the line, as in network files: a key
    /// given twice (the decoder silently kept one `objective`), a trailing comma; a byte order mark
    /// is skipped.
    func testDuplicateKeysAndTrailingCommasAreRefused() throws {
        let plan = try Planner.plan(NetworkDecoder.load(path: Fixtures.dataset("tiny.yaml"))).plan
        let text = String(decoding: try PlanJSON.encode(plan), as: UTF8.self)
        func refusal(_ changed: String) -> String {
            do {
                _ = try PlanJSON.decode(Data(changed.utf8), file: "plan.json")
                return "read"
            } catch {
                return error.description
            }
        }
        let status = try XCTUnwrap(text.range(of: "\"status\""))
        let line = text[..<status.lowerBound].filter { $0 == "\n" }.count + 1
        XCTAssertEqual(refusal(text.replacingCharacters(in: status, with: "\"objective\" : 5,\n  \"status\"")),
                       "plan.json:\(line): key \"objective\" is given twice in one object")
        let end = try XCTUnwrap(text.range(of: "}", options: .backwards))
        let lines = text.filter { $0 == "\n" }.count
        XCTAssertEqual(refusal(text.replacingCharacters(in: end, with: ",}")),
                       "plan.json:\(lines): is not valid JSON (a comma before a closing bracket or brace)")
        XCTAssertEqual(try PlanJSON.decode(Data(("\u{FEFF}" + text).utf8), file: "plan.json"), plan)
    }
}
