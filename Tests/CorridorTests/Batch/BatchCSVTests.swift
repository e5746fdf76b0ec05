@testable import Corridor
import Foundation
import XCTest

/// Reading the batch CSV back: quoted fields with commas, quotes and line breaks stay one record;
/// the complete part ends at the last record's line break; a record cut inside quotes is marked.
final class BatchCSVTests: XCTestCase {
    func testQuotedLineBreaksStayInOneRecord() {
        let text = "a,b\n\"x, y\",\"say \"\"hi\"\"\nthen go\"\nlast,\n"
        let (rows, complete) = BatchCSV.rows(in: Data(text.utf8))
        XCTAssertEqual(rows, [BatchCSV.Row(line: 1, fields: ["a", "b"]),
                              BatchCSV.Row(line: 2, fields: ["x, y", "say \"hi\"\nthen go"]),
                              BatchCSV.Row(line: 4, fields: ["last", ""])])
        XCTAssertEqual(complete, text.utf8.count)
    }

    func testACutRecordIsNotComplete() {
        let whole = "a,b\n1,2\n"
        let cut = whole + "3,\"four\nfi"
        let (rows, complete) = BatchCSV.rows(in: Data(cut.utf8))
        XCTAssertEqual(complete, whole.utf8.count)
        XCTAssertEqual(rows.last, BatchCSV.Row(line: 3, fields: ["3", "four\nfi"], closed: false))
        let unterminated = BatchCSV.rows(in: Data("a,b\n1,2".utf8))
        XCTAssertEqual(unterminated.rows.last, BatchCSV.Row(line: 2, fields: ["1", "2"]), "closed quotes: a record")
        XCTAssertEqual(unterminated.complete, 4)
        XCTAssertEqual(BatchCSV.rows(in: Data("\n\n".utf8)).rows, [], "blank lines are no records")
    }

    func testAnErrorRecordWithAMultiLineMessageReadsBack() throws {
        let record = BatchRecord(id: "bad, \"file\"", network: "n.yaml", error: "n.yaml:1: periods: too small\nn.yaml:2: links: missing")
        let data = Data((BatchRecord.csvHeader + "\n" + record.csvLine + "\n").utf8)
        let read = try BatchOutput.records(in: data, format: .csv, file: "out.csv")
        XCTAssertEqual(read.map(\.id), [record.id])
        XCTAssertEqual(read.first?.error, record.error)
        XCTAssertEqual(read.first?.status, "error")
        XCTAssertThrowsError(try BatchOutput.records(in: data.dropLast(12), format: .csv, file: "out.csv")) { error in
            XCTAssertEqual("\(error)", "out.csv:2: record cut short: a quoted field is not closed")
        }
    }
}
