import Testing
@testable import BatchyardCore

@Suite("JSON serialization")
struct JSONSerializationTests {
    @Test("compact output with sorted keys")
    func compactSorted() {
        let value: JSONValue = ["b": [1, 2, nil], "a": ["z": true, "y": false], "c": "x"]
        #expect(value.serialized() == #"{"a":{"y":false,"z":true},"b":[1,2,null],"c":"x"}"#)
        #expect(JSONValue.object([:]).serialized() == "{}")
        #expect(JSONValue.array([]).serialized() == "[]")
    }

    @Test("integers are exact at the extremes")
    func integers() {
        #expect(JSONValue.int(0).serialized() == "0")
        #expect(JSONValue.int(-7).serialized() == "-7")
        #expect(JSONValue.int(.max).serialized() == "9223372036854775807")
        #expect(JSONValue.int(.min).serialized() == "-9223372036854775808")
        #expect(JSONValue.int(1_552_694_873_602).serialized() == "1552694873602")
    }

    @Test("doubles round-trip and stay doubles")
    func doubles() throws {
        #expect(JSONValue.double(5).serialized() == "5.0")
        #expect(JSONValue.double(123456).serialized() == "123456.0")
        #expect(JSONValue.double(0.1).serialized() == "0.1")
        #expect(JSONValue.double(-0.0).serialized() == "-0.0")
        #expect(JSONValue.double(1e16).serialized() == "1e+16")
        #expect(JSONValue.double(1e-5).serialized() == "1e-05")
        for value in [0.1, 1.0 / 3.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -2.5e-300, 9007199254740992] {
            let text = JSONValue.double(value).serialized()
            #expect(try JSONValue(parsing: text) == .double(value), "\(text)")
        }
    }

    @Test("non-finite doubles become null")
    func nonFinite() {
        #expect(JSONValue.double(.nan).serialized() == "null")
        #expect(JSONValue.double(.infinity).serialized() == "null")
        #expect(JSONValue.double(-.infinity).serialized() == "null")
    }

    @Test("strings escape quotes, backslashes and control characters only")
    func stringEscapes() throws {
        let value = JSONValue.string("q\"b\\s/n\nr\rt\tb\u{08}f\u{0C}z\u{0}e\u{1F}é😀")
        #expect(value.serialized() == #""q\"b\\s/n\nr\rt\tb\bf\fz\u0000e\u001fé😀""#)
        #expect(try JSONValue(parsing: value.serialized()) == value)
    }

    @Test("serializedBytes and write(to:) agree with serialized()")
    func bytes() {
        let value: JSONValue = ["k": [1.5, "v", nil]]
        #expect(value.serializedBytes() == Array(value.serialized().utf8))
        var buffer: [UInt8] = Array("x".utf8)
        value.write(to: &buffer)
        #expect(buffer == Array(("x" + value.serialized()).utf8))
    }

    @Test("equal objects serialize identically whatever their insertion order")
    func deterministic() {
        var first: [String: JSONValue] = [:]
        var second: [String: JSONValue] = [:]
        let keys = (0..<50).map { "key\($0)" }
        for key in keys { first[key] = .string(key) }
        for key in keys.reversed() { second[key] = .string(key) }
        #expect(JSONValue.object(first).serialized() == JSONValue.object(second).serialized())
    }
}
