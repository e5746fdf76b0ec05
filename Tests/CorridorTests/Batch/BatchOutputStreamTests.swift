@testable import Corridor
import Foundation
import XCTest

/// `BatchOutput` on outputs that cannot seek, and `--resume` on outputs it cannot read back.
final class BatchOutputStreamTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A FIFO (as `--output >(gzip > f)` or a named pipe gives) is written as a stream: the CSV header
    /// and the records arrive in order. `seekToEndOfFile` on it trapped (SIGILL, exit 132).
    func testAFIFOIsWrittenAsAStream() throws {
        let fifo = folder.appendingPathComponent("out").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let received = ReceivedBytes()
        let reader = Thread {
            // Opening the read end lets the writer's open(2) return; read until the writer closes.
            let handle = FileHandle(forReadingAtPath: fifo)
            received.set(handle?.readDataToEndOfFile() ?? Data())
        }
        reader.start()
        do {
            let output = try BatchOutput(path: fifo, format: .csv, truncate: true)
            try output.write(BatchRecord(id: "a", network: "n.yaml", error: "nothing to do"))
        }  // released: the write end closes
        let text = String(decoding: try XCTUnwrap(received.wait(seconds: 10)), as: UTF8.self)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first.map(String.init), BatchRecord.csvHeader)
        XCTAssertEqual(lines.count, 2, text)
        XCTAssertTrue(lines.last?.hasPrefix("a,error,") ?? false, text)
    }

    /// `--resume` into a directory or a FIFO is an input error naming it (it said "NSCocoaErrorDomain
    /// error 256", or "Permission denied" to root).
    func testResumeNeedsARegularFile() throws {
        let fifo = folder.appendingPathComponent("fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for (path, message) in [(folder.path, "is a directory"), (fifo, "is not a regular file")] {
            XCTAssertThrowsError(try BatchResume.completed(path: path, format: .jsonl, scenarios: [])) { error in
                let diagnostics = (error as? InputError)?.diagnostics ?? []
                XCTAssertEqual(diagnostics.first?.file, path)
                XCTAssertTrue(diagnostics.first?.message.contains(message) ?? false, "\(error)")
            }
        }
    }
}

/// Bytes handed from a reader thread to the test, with a deadline.
private final class ReceivedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.broadcast()
        condition.unlock()
    }

    func wait(seconds: Double) -> Data? {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while data == nil, condition.wait(until: deadline) {}
        return data
    }
}
