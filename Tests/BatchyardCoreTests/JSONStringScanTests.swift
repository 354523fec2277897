import Testing
@testable import BatchyardCore

/// Strings are scanned eight bytes at a time; whatever sits at any position of any word (a quote,
/// an escape, a control character, a non-ASCII or invalid byte) must be found exactly as a
/// byte-by-byte scan finds it, on `JSONValue` and tape alike.
@Suite("JSON string scanning")
struct JSONStringScanTests {
    private func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONParseError> {
        let value = Result { () throws(JSONParseError) in try JSONValue(parsing: bytes) }
        var tape = JSONTape()
        let onTape = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONParseError) in try tape.append(parsing: buffer) }
        }
        switch (value, onTape) {
        case (.success(let v), .success(let root)): #expect(tape.value(at: root) == v)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("JSONValue and tape disagree on \(bytes)")
        }
        return value
    }

    /// `"` + `before` letters + `special` + `after` letters + `"`, wrapped in an array so the string
    /// starts at varying offsets too.
    private func document(_ lead: Int, _ before: Int, _ special: [UInt8], _ after: Int) -> [UInt8] {
        Array("[".utf8) + [UInt8](repeating: 0x20, count: lead) + [0x22] + [UInt8](repeating: 0x61, count: before)
            + special + [UInt8](repeating: 0x62, count: after) + [0x22] + Array("]".utf8)
    }

    private func expectedString(_ before: Int, _ middle: String, _ after: Int) -> JSONValue {
        .array([.string(String(repeating: "a", count: before) + middle + String(repeating: "b", count: after))])
    }

    @Test("every special byte at every position of a word")
    func specialsAtEveryPosition() throws {
        for lead in 0..<8 {
            for before in 0..<20 {
                let after = (before * 7 + lead) % 19
                // Plain letters, an escape, a two-byte UTF-8 letter.
                #expect(try parse(document(lead, before, [], after)).get() == expectedString(before, "", after))
                #expect(try parse(document(lead, before, Array(#"\n"#.utf8), after)).get() == expectedString(before, "\n", after))
                #expect(try parse(document(lead, before, Array(#"\""#.utf8), after)).get() == expectedString(before, "\"", after))
                #expect(try parse(document(lead, before, [0xC3, 0xA9], after)).get() == expectedString(before, "é", after))
                // A quote ends the string early: what follows is not JSON.
                if case .success = parse(document(lead, before, [0x22], after + 1)) { Issue.record("early quote accepted") }
                // Control characters and invalid UTF-8 are refused, with their own codes.
                for control: UInt8 in [0x00, 0x09, 0x0A, 0x1F] {
                    guard case .failure(let error) = parse(document(lead, before, [control], after)) else {
                        Issue.record("control \(control) accepted at \(before)")
                        continue
                    }
                    #expect(error.code == .controlCharacterInString)
                }
                for invalid: [UInt8] in [[0xFF], [0x80], [0xC3], [0xED, 0xA0, 0x80]] {
                    guard case .failure(let error) = parse(document(lead, before, invalid, after)) else {
                        Issue.record("invalid UTF-8 \(invalid) accepted at \(before)")
                        continue
                    }
                    #expect(error.code == .invalidUTF8)
                }
                // 0x7F (DEL) and 0x20 are ordinary characters.
                #expect(try parse(document(lead, before, [0x7F, 0x20], after)).get() == expectedString(before, "\u{7F} ", after))
            }
        }
    }
}
