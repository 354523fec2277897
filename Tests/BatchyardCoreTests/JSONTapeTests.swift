import Testing
@testable import BatchyardCore

/// The tape must agree with `JSONValue` on every input: the same documents accepted with the same
/// errors, the same values, the same serialized bytes.
@Suite("JSON tape")
struct JSONTapeTests {
    private func parseTape(_ bytes: [UInt8], into tape: inout JSONTape) throws(JSONParseError) -> Int {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try tape.append(parsing: buffer) }
        }
        return try result.get()
    }

    @Test("random documents: same value and same bytes as JSONValue", arguments: [1, 2, 3, 42] as [UInt64])
    func agreesWithJSONValue(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var tape = JSONTape()
        for iteration in 0..<500 {
            let value = JSONPropertyTests.randomValue(&rng)
            let text = value.serializedBytes()
            if iteration % 7 == 0 { tape.removeAll() }
            let root = try parseTape(text, into: &tape)
            #expect(tape.value(at: root) == value, "seed \(seed) iteration \(iteration)")
            var written: [UInt8] = []
            tape.write(at: root, to: &written)
            #expect(written == text, "seed \(seed) iteration \(iteration)")
            #expect(tape.end(of: root) == tape.count)
            // Built from the value, the tape says the same.
            let copy = JSONTape(value)
            #expect(copy.value(at: 0) == value)
            #expect(copy.serialized(at: 0) == value.serialized())
        }
    }

    @Test("random and mutated bytes: accepted and refused exactly as JSONValue does", arguments: [7, 8, 9] as [UInt64])
    func sameVerdicts(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = Array("{}[]\":,.-+eE0123456789tfnulrsa\\/ \n\u{7F}".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xFF, 0xED, 0xF4, 0xE0]
        var tape = JSONTape()
        for round in 0..<3000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                    Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
                }
            } else {
                bytes = JSONPropertyTests.randomValue(&rng).serializedBytes()
                for _ in 0..<Int.random(in: 0...3, using: &rng) where !bytes.isEmpty {
                    let position = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[position] = alphabet.randomElement(using: &rng)!
                }
            }
            let before = (tape.count, tape.text.count)
            let expected = Result { () throws(JSONParseError) in try JSONValue(parsing: bytes) }
            let actual = Result { () throws(JSONParseError) in try parseTape(bytes, into: &tape) }
            switch (expected, actual) {
            case (.success(let value), .success(let root)):
                #expect(tape.value(at: root) == value)
            case (.failure(let expectedError), .failure(let actualError)):
                #expect(actualError == expectedError)
                #expect(tape.count == before.0 && tape.text.count == before.1, "a failed parse leaves the tape as it was")
            default:
                Issue.record("JSONValue and the tape disagree on \(bytes): \(expected) vs \(actual)")
            }
            if tape.count > 10_000 { tape.removeAll() }
        }
    }

    @Test("a repeated key keeps its last value, wherever it is")
    func repeatedKeys() throws {
        var tape = JSONTape()
        let text = #"{"a":1,"b":{"x":[1,2],"x":{"y":3}},"a":{"n":[true]},"c":"é","b":null,"a":2}"#
        let root = try parseTape(Array(text.utf8), into: &tape)
        let expected = try JSONValue(parsing: text)
        #expect(tape.value(at: root) == expected)
        #expect(tape.count(at: root) == 3)
        #expect(tape.serialized(at: root) == expected.serialized())
        #expect(tape.end(of: root) == tape.count)
    }

    @Test("wide objects: a repeated key among hundreds is still found, distinct keys are all kept")
    func wideObjects() throws {
        var tape = JSONTape()
        let keys = (0..<300).map { "k\($0)" }
        let distinct = "{" + keys.map { "\"\($0)\":[\($0.count)]" }.joined(separator: ",") + "}"
        let root = try parseTape(Array(distinct.utf8), into: &tape)
        #expect(tape.count(at: root) == 300)
        #expect(tape.value(at: root) == (try JSONValue(parsing: distinct)))
        let repeated = "{" + keys.map { "\"\($0)\":1" }.joined(separator: ",") + ",\"k7\":{\"x\":2}}"
        let second = try parseTape(Array(repeated.utf8), into: &tape)
        #expect(tape.count(at: second) == 300)
        #expect(tape.value(at: second) == (try JSONValue(parsing: repeated)))
        #expect(tape.end(of: second) == tape.count)
    }

    @Test("several documents share one tape; scalars can be replaced in place")
    func documentsAndReplacement() throws {
        var tape = JSONTape()
        let first = try parseTape(Array(#"{"when":"2024-01-02T03:04:05Z","n":"12"}"#.utf8), into: &tape)
        let second = try parseTape(Array(#"[1,"two",{"three":3.5}]"#.utf8), into: &tape)
        #expect(first == 0 && second == tape.end(of: first))
        #expect(tape.value(at: second) == [1, "two", ["three": 3.5]])
        // Find member "n" of the first document and convert it.
        var key = first + 1
        while !tape.withBytes(at: key, { $0.elementsEqual("n".utf8) }) { key = tape.end(of: key + 1) }
        tape.setInt(12, at: key + 1)
        tape.setString("2024-01-02", at: first + 2)
        #expect(tape.value(at: first) == ["when": "2024-01-02", "n": 12])
        #expect(tape.value(at: second) == [1, "two", ["three": 3.5]])
    }

    @Test("UTF-8 validation refuses what String refuses")
    func utf8() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                UInt8.random(in: 0...255, using: &rng)
            }
            let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
            #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }
}

extension JSONTapeTests {
    @Test("scalars are replaced in place; rewinding removes what was appended")
    func replaceAndRewind() throws {
        var tape = JSONTape()
        let root = try parseTape(Array(#"{"a":"12","b":3}"#.utf8), into: &tape)
        tape.setInt(12, at: root + 2)
        tape.setString("three", at: root + 4)
        #expect(tape.value(at: root) == ["a": 12, "b": "three"])
        tape.setDouble(1.5, at: root + 4)
        #expect(tape.value(at: root) == ["a": 12, "b": 1.5])
        let mark = tape.mark
        _ = try parseTape(Array(#"["x",{"y":"z"}]"#.utf8), into: &tape)
        tape.rewind(to: mark)
        #expect(tape.count == root + 5 && tape.end(of: root) == tape.count)
    }
}
