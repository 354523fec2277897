import Testing
@testable import BatchyardCore

@Suite("JSON parsing")
struct JSONParsingTests {
    @Test("scalars")
    func scalars() throws {
        #expect(try JSONValue(parsing: "null") == .null)
        #expect(try JSONValue(parsing: "true") == .bool(true))
        #expect(try JSONValue(parsing: "false") == .bool(false))
        #expect(try JSONValue(parsing: " \t\r\n 42 \n") == .int(42))
        #expect(try JSONValue(parsing: "-0") == .int(0))
        #expect(try JSONValue(parsing: "\"hi\"") == .string("hi"))
    }

    @Test("integers that fit Int64 stay exact; the rest become doubles")
    func integerBoundaries() throws {
        #expect(try JSONValue(parsing: "9223372036854775807") == .int(.max))
        #expect(try JSONValue(parsing: "-9223372036854775808") == .int(.min))
        #expect(try JSONValue(parsing: "9223372036854775808") == .double(9223372036854775808.0))
        #expect(try JSONValue(parsing: "-9223372036854775809") == .double(-9223372036854775809.0))
        #expect(try JSONValue(parsing: "1552694873602") == .int(1_552_694_873_602))
        #expect(try JSONValue(parsing: "100000000000000000000000") == .double(1e23))
    }

    @Test("fractions and exponents are doubles")
    func doubles() throws {
        #expect(try JSONValue(parsing: "1.5") == .double(1.5))
        #expect(try JSONValue(parsing: "-0.25") == .double(-0.25))
        #expect(try JSONValue(parsing: "1e3") == .double(1000))
        #expect(try JSONValue(parsing: "1E+3") == .double(1000))
        #expect(try JSONValue(parsing: "25e-1") == .double(2.5))
        #expect(try JSONValue(parsing: "5.0") == .double(5))
        #expect(try JSONValue(parsing: "0.1") == .double(0.1))
        #expect(try JSONValue(parsing: "1e-400") == .double(0))
    }

    @Test("strings: every escape, surrogate pairs and raw UTF-8")
    func strings() throws {
        #expect(try JSONValue(parsing: #""a\"b\\c\/d\be\ff\ng\rh\ti""#) == .string("a\"b\\c/d\u{08}e\u{0C}f\ng\rh\ti"))
        #expect(try JSONValue(parsing: #""\u0041\u00e9\u20AC""#) == .string("Aé€"))
        #expect(try JSONValue(parsing: #""\ud83d\ude00""#) == .string("😀"))
        #expect(try JSONValue(parsing: #""\uD834\uDD1E clef""#) == .string("𝄞 clef"))
        #expect(try JSONValue(parsing: "\"héllo 😀 ✓\"") == .string("héllo 😀 ✓"))
        #expect(try JSONValue(parsing: #""caf\u00e9 é""#) == .string("café é"))
        #expect(try JSONValue(parsing: #""\u0000""#) == .string("\u{0}"))
        #expect(try JSONValue(parsing: #""""#) == .string(""))
    }

    @Test("containers")
    func containers() throws {
        #expect(try JSONValue(parsing: "[]") == .array([]))
        #expect(try JSONValue(parsing: "{}") == .object([:]))
        #expect(try JSONValue(parsing: " [ 1 , \"a\" , [ ] , { } ] ") == [1, "a", [], [:]])
        let document = #"{"id":"5c8c","tags":{"acp_producer":["client"]},"n":null,"ok":true,"x":1.5}"#
        #expect(
            try JSONValue(parsing: document)
                == ["id": "5c8c", "tags": ["acp_producer": ["client"]], "n": nil, "ok": true, "x": 1.5])
    }

    @Test(
        "edge cases every strict parser accepts",
        arguments: [
            ("[1E22]", JSONValue.array([.double(1e22)])), ("[-1E-2]", [.double(-0.01)]), ("[0e1]", [.double(0)]),
            ("[0.0e-0]", [.double(0)]), ("[123e65]", [.double(123e65)]), ("[-0]", [.int(0)]), ("[-0.0]", [.double(-0.0)]),
            (#"["\u0061\u30af\u30EA\u30b9"]"#, ["aクリス"]), (#"["\uDBFF\uDFFF"]"#, ["\u{10FFFF}"]),
            ("[\"\u{7F}\"]", ["\u{7F}"]), ("[\"\u{2028}\u{2029}\"]", ["\u{2028}\u{2029}"]),
            (#"{"":0}"#, ["": 0]), (#"{"a":[],"b":{}}"#, ["a": [], "b": [:]]), ("[[[[[]]]]]", [[[[[]]]]]),
            (#"{"\u0000":1}"#, ["\u{0}": 1]), ("\t\r\n [ \t\r\n ] \t\r\n", []),
            (#""\/\/""#, "//"), (#"[1,"a",null,true,false,{},[],-1.5e-3]"#, [1, "a", nil, true, false, [:], [], -1.5e-3]),
        ] as [(String, JSONValue)])
    func acceptedEdgeCases(text: String, expected: JSONValue) throws {
        #expect(try JSONValue(parsing: text) == expected)
    }

    @Test("duplicate keys keep the last value")
    func duplicateKeys() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"a":2}"#) == ["a": 2])
    }

    @Test("parses slices, arrays and raw buffers in place")
    func slicesAndBuffers() throws {
        let lines: [UInt8] = Array("{\"a\":1}\n[true]\n".utf8)
        let newline = lines.firstIndex(of: 0x0A)!
        #expect(try JSONValue(parsing: lines[..<newline]) == ["a": 1])
        #expect(try JSONValue(parsing: lines[(newline + 1)...]) == [true])
        let fromBuffer = try lines.withUnsafeBytes { buffer in
            try JSONValue(parsing: UnsafeRawBufferPointer(rebasing: buffer[0..<newline]))
        }
        #expect(fromBuffer == ["a": 1])
        // A non-contiguous collection is copied, then parsed.
        #expect(try JSONValue(parsing: "[1,2]".utf8.lazy.map { $0 }) == [1, 2])
    }

    @Test("error offsets in a slice count from the slice's first byte")
    func sliceOffsets() {
        let bytes: [UInt8] = Array("xxxx[1,]".utf8)
        #expect(throws: JSONParseError(.unexpectedCharacter, offset: 3, message: "unexpected character ']'; expected a JSON value.")) {
            try JSONValue(parsing: bytes[4...])
        }
    }

    @Test("parsePrefix walks concatenated values")
    func prefix() throws {
        let bytes: [UInt8] = Array(" {\"a\":1}{\"b\":2}\n [3]  \n".utf8)
        let values = try bytes.withUnsafeBytes { buffer in
            var values: [JSONValue] = []
            var offset = 0
            while let start = JSONValue.nextValueOffset(in: buffer, from: offset) {
                let (value, end) = try JSONValue.parsePrefix(of: buffer, from: start)
                values.append(value)
                offset = end
            }
            return values
        }
        #expect(values == [["a": 1], ["b": 2], [3]])
    }

    @Test("nesting up to the limit parses; one level more fails")
    func depthLimit() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONValue(parsing: ok)
        let deep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let error = try #require(throws: JSONParseError.self) { try JSONValue(parsing: deep) }
        #expect(error.code == .nestingTooDeep)
        let custom = String(repeating: "{\"a\":", count: 3) + "1" + String(repeating: "}", count: 3)
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: custom, maxDepth: 2) }
        // Hostile input far beyond the limit fails cleanly instead of overflowing the stack.
        let hostile = String(repeating: "[", count: 1_000_000)
        #expect((try? JSONValue(parsing: hostile)) == nil)
    }
}
