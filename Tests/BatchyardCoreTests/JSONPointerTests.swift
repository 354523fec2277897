import Testing
@testable import BatchyardCore

@Suite("JSON Pointer (RFC 6901)")
struct JSONPointerTests {
    /// The example document of RFC 6901 section 5.
    private let document: JSONValue = try! JSONValue(parsing: #"""
        {"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5,
         "k\"l": 6, " ": 7, "m~n": 8}
        """#)

    @Test(
        "RFC 6901 examples resolve",
        arguments: [
            ("/foo/0", JSONValue.string("bar")), ("/", JSONValue.int(0)), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3),
            ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8), ("/foo", JSONValue.array(["bar", "baz"])),
        ] as [(String, JSONValue)])
    func examples(pointer: String, expected: JSONValue) throws {
        #expect(try JSONPointer(pointer).value(in: document) == expected)
    }

    @Test("the empty pointer is the whole document")
    func root() throws {
        let pointer = try JSONPointer("")
        #expect(pointer.isRoot)
        #expect(pointer.value(in: document) == document)
        #expect(pointer.parent == nil)
    }

    @Test("missing members, bad indexes and scalars resolve to nil")
    func missing() throws {
        for text in ["/nope", "/foo/2", "/foo/-", "/foo/01", "/foo/-1", "/foo/0/x", "/ /x"] {
            #expect(try JSONPointer(text).value(in: document) == nil, "\(text)")
        }
    }

    @Test("~01 unescapes to ~1, not /")
    func escapeOrder() throws {
        #expect(try JSONPointer("/~01").tokens == ["~1"])
        #expect(try JSONPointer("/a~1b~0c").tokens == ["a/b~c"])
        #expect(try JSONPointer("//x/").tokens == ["", "x", ""])
    }

    @Test("description escapes tokens again")
    func description() throws {
        for text in ["", "/a~1b/m~0n", "/~01", "/foo/0", "//"] {
            #expect(try JSONPointer(text).description == text)
        }
        #expect(JSONPointer(tokens: ["a/b", "~"]).description == "/a~1b/~0")
    }

    @Test("invalid pointers are refused", arguments: ["a", "a/b", "/~", "/~2", "/a~"])
    func invalid(text: String) {
        #expect(throws: JSONPointerError.self) { try JSONPointer(text) }
    }

    @Test("array indexes are canonical integers")
    func arrayIndex() {
        #expect(JSONPointer.arrayIndex("0") == 0)
        #expect(JSONPointer.arrayIndex("15") == 15)
        #expect(JSONPointer.arrayIndex("01") == nil)
        #expect(JSONPointer.arrayIndex("-") == nil)
        #expect(JSONPointer.arrayIndex("") == nil)
        #expect(JSONPointer.arrayIndex("1e2") == nil)
        #expect(JSONPointer.arrayIndex("+1") == nil)
    }

    @Test("proper prefixes")
    func prefixes() throws {
        #expect(try JSONPointer("/a").isProperPrefix(of: JSONPointer("/a/b")))
        #expect(try JSONPointer("").isProperPrefix(of: JSONPointer("/a")))
        #expect(try !JSONPointer("/a").isProperPrefix(of: JSONPointer("/a")))
        #expect(try !JSONPointer("/a").isProperPrefix(of: JSONPointer("/ab")))
    }
}
