import Corridor
import Foundation

/// Seeded random bytes and text for hostile-input tests: the same inputs on every run.
public struct NoiseGenerator: RandomNumberGenerator {
    private var generator: SeededGenerator

    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    public mutating func next() -> UInt64 { generator.next() }

    /// `count` random bytes, eight at a time.
    public mutating func bytes(_ count: Int) -> Data {
        var data = Data(capacity: count + 8)
        while data.count < count {
            var word = next()
            withUnsafeBytes(of: &word) { data.append(contentsOf: $0) }
        }
        return data.prefix(count)
    }

    /// `count` random characters from `alphabet` (ASCII).
    public mutating func text(_ count: Int, alphabet: [UInt8]) -> Data {
        var bytes = [UInt8](repeating: 0, count: count)
        var index = 0
        while index < count {
            var word = next()
            for _ in 0..<8 where index < count {
                bytes[index] = alphabet[Int(word % UInt64(alphabet.count))]
                word /= UInt64(alphabet.count)
                index += 1
            }
        }
        return Data(bytes)
    }
}
