import Testing
@testable import BatchyardCore

/// Seeded property and fuzz tests: random values must round-trip, and random or mutated bytes must
/// either parse or throw `JSONParseError`, never crash or hang.
@Suite("JSON properties and fuzzing")
struct JSONPropertyTests {
    private static func randomString(_ rng: inout SeededGenerator) -> String {
        let pool: [Unicode.Scalar] = [
            "a", "b", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "€",
            "\u{FFFF}", "😀", "\u{10FFFF}", "~", "*",
        ]
        var string = ""
        for _ in 0..<Int.random(in: 0...12, using: &rng) {
            string.unicodeScalars.append(pool.randomElement(using: &rng)!)
        }
        return string
    }

    private static func randomDouble(_ rng: inout SeededGenerator) -> Double {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return Double(Int.random(in: -1000...1000, using: &rng))
        case 1: return Double.random(in: -1...1, using: &rng)
        case 2: return Double(bitPattern: rng.next())
        default: return Double.random(in: -1e300...1e300, using: &rng)
        }
    }

    static func randomValue(_ rng: inout SeededGenerator, depth: Int = 0) -> JSONValue {
        let kinds = depth >= 4 ? 5 : 7
        switch Int.random(in: 0..<kinds, using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2:
            return .int(Bool.random(using: &rng) ? Int64(bitPattern: rng.next()) : Int64.random(in: -100...100, using: &rng))
        case 3:
            let double = randomDouble(&rng)
            return .double(double.isFinite ? double : 0.5)
        case 4: return .string(randomString(&rng))
        case 5:
            return .array((0..<Int.random(in: 0...4, using: &rng)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                members[randomString(&rng)] = randomValue(&rng, depth: depth + 1)
            }
            return .object(members)
        }
    }

    @Test("random values survive serialize then parse", arguments: [1, 2, 3, 42] as [UInt64])
    func roundTrip(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for iteration in 0..<500 {
            let value = Self.randomValue(&rng)
            let text = value.serialized()
            let parsed = try JSONValue(parsing: text)
            #expect(parsed == value, "seed \(seed) iteration \(iteration): \(text)")
            // Serialization is a function of the value alone.
            #expect(parsed.serialized() == text)
        }
    }

    @Test("random bytes never crash the parser", arguments: [7, 8] as [UInt64])
    func randomBytes(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = Array("{}[]\":,.-+eE0123456789tfnulrsa\\/ \n\u{7F}".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF, 0xED]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...40, using: &rng)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            expectParsesOrThrows(bytes)
        }
    }

    @Test("mutated valid documents never crash the parser", arguments: [11, 12] as [UInt64])
    func mutatedDocuments(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<1500 {
            var bytes = Self.randomValue(&rng).serializedBytes()
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &rng)
                case 1 where !bytes.isEmpty: bytes.remove(at: position)
                case 2: bytes.insert(Array("{}[]\",:\\-0e".utf8).randomElement(using: &rng)!, at: position)
                default: bytes = Array(bytes.prefix(position))
                }
            }
            expectParsesOrThrows(bytes)
        }
    }

    private func expectParsesOrThrows(_ bytes: [UInt8]) {
        do {
            let value = try JSONValue(parsing: bytes)
            // Whatever parses must serialize to text that parses back to the same value.
            #expect((try? JSONValue(parsing: value.serialized())) == value)
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count)
        }
    }
}
