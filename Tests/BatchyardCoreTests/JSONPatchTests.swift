import Testing
@testable import BatchyardCore

@Suite("JSON Patch (RFC 6902)")
struct JSONPatchTests {
    private func json(_ text: String) -> JSONValue { try! JSONValue(parsing: text) }

    private func apply(_ patch: String, to document: String) throws(JSONPatchError) -> JSONValue {
        try JSONPatch(json: json(patch)).applied(to: json(document))
    }

    private func failure(_ patch: String, to document: String) throws -> JSONPatchError {
        try #require(throws: JSONPatchError.self) { try apply(patch, to: document) }
    }

    // The examples of RFC 6902 appendix A, plus Batchyard cases.
    @Test(
        "successful patches",
        arguments: [
            (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#, #"{"baz":"qux","foo":"bar"}"#),
            (#"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#, #"{"foo":["bar","qux","baz"]}"#),
            (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, #"{"foo":["bar",["abc","def"]]}"#),
            (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/1","value":1}]"#, #"{"foo":["bar",1]}"#),
            (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/foo","value":null}]"#, #"{"foo":null}"#),
            (#"{"foo":1}"#, #"[{"op":"add","path":"","value":[1]}]"#, #"[1]"#),
            (#"{"foo":1}"#, #"[{"op":"add","path":"/","value":2}]"#, #"{"":2,"foo":1}"#),
            (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#, #"{"foo":"bar"}"#),
            (#"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#, #"{"foo":["bar","baz"]}"#),
            (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#, #"{"baz":"boo","foo":"bar"}"#),
            (#"{"a":[1,2]}"#, #"[{"op":"replace","path":"/a/1","value":9}]"#, #"{"a":[1,9]}"#),
            (#"{"a":1}"#, #"[{"op":"replace","path":"","value":"x"}]"#, #""x""#),
            (#"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
             #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
             #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#),
            (#"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#,
             #"{"foo":["all","cows","eat","grass"]}"#),
            (#"{"a":{"b":1}}"#, #"[{"op":"move","from":"/a","path":"/a"}]"#, #"{"a":{"b":1}}"#),
            (#"{"a":{"b":1}}"#, #"[{"op":"move","from":"/a/b","path":"/a/c"}]"#, #"{"a":{"c":1}}"#),
            (#"{"a":{"b":[1]}}"#, #"[{"op":"copy","from":"/a/b","path":"/c"}]"#, #"{"a":{"b":[1]},"c":[1]}"#),
            (#"{"a":[1,2]}"#, #"[{"op":"copy","from":"/a/0","path":"/a/-"}]"#, #"{"a":[1,2,1]}"#),
            (#"{"baz":"qux","foo":["a",2,"c"]}"#,
             #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#,
             #"{"baz":"qux","foo":["a",2,"c"]}"#),
            (#"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10}]"#, #"{"/":9,"~1":10}"#),
            (#"{"n":1,"o":{"x":[1.0,{"y":2}]}}"#,
             #"[{"op":"test","path":"/n","value":1.0},{"op":"test","path":"/o","value":{"x":[1,{"y":2.0}]}}]"#,
             #"{"n":1,"o":{"x":[1.0,{"y":2}]}}"#),
            (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux","xyz":123}]"#, #"{"baz":"qux","foo":"bar"}"#),
            (#"{"tags":{"t":["a"]}}"#,
             #"[{"op":"add","path":"/tags/u","value":[]},{"op":"add","path":"/tags/u/0","value":"v"},{"op":"remove","path":"/tags/t"}]"#,
             #"{"tags":{"u":["v"]}}"#),
            (#"{"a":1}"#, #"[]"#, #"{"a":1}"#),
        ])
    func succeeds(document: String, patch: String, expected: String) throws {
        #expect(try apply(patch, to: document) == json(expected))
    }

    @Test(
        "failing patches name the operation and the reason",
        arguments: [
            (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, JSONPatchError.Code.pathNotFound, 0),
            (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/2","value":1}]"#, .invalidArrayIndex, 0),
            (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/01","value":1}]"#, .invalidArrayIndex, 0),
            (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/foo/x","value":1}]"#, .notAContainer, 0),
            (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/foo/x/y","value":1}]"#, .notAContainer, 0),
            (#"{"a":1}"#, #"[{"op":"remove","path":"/b"}]"#, .pathNotFound, 0),
            (#"{"a":[]}"#, #"[{"op":"remove","path":"/a/0"}]"#, .invalidArrayIndex, 0),
            (#"{"a":[1]}"#, #"[{"op":"remove","path":"/a/-"}]"#, .invalidArrayIndex, 0),
            (#"{"a":1}"#, #"[{"op":"remove","path":""}]"#, .cannotRemoveRoot, 0),
            (#"{"a":1}"#, #"[{"op":"replace","path":"/b","value":1}]"#, .pathNotFound, 0),
            (#"{"a":[1]}"#, #"[{"op":"replace","path":"/a/1","value":1}]"#, .invalidArrayIndex, 0),
            (#"{"a":{"b":1}}"#, #"[{"op":"move","from":"/a","path":"/a/c"}]"#, .moveIntoDescendant, 0),
            (#"{"a":1}"#, #"[{"op":"move","from":"/x","path":"/y"}]"#, .pathNotFound, 0),
            (#"{"a":1}"#, #"[{"op":"move","from":"/x","path":"/x"}]"#, .pathNotFound, 0),
            (#"{"a":1}"#, #"[{"op":"copy","from":"/x","path":"/y"}]"#, .pathNotFound, 0),
            (#"{"a":1}"#, #"[{"op":"copy","from":"/a","path":"/q/r"}]"#, .pathNotFound, 0),
            (#"{"baz":"qux"}"#, #"[{"op":"test","path":"/baz","value":"bar"}]"#, .testFailed, 0),
            (#"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":"10"}]"#, .testFailed, 0),
            (#"{"a":[1,2]}"#, #"[{"op":"test","path":"/a","value":[2,1]}]"#, .testFailed, 0),
            (#"{"a":{"x":1}}"#, #"[{"op":"test","path":"/a","value":{"x":1,"y":2}}]"#, .testFailed, 0),
            (#"{"a":1}"#, #"[{"op":"test","path":"/b","value":null}]"#, .pathNotFound, 0),
            (#"{"a":1}"#, #"[{"op":"add","path":"/b","value":2},{"op":"test","path":"/b","value":3}]"#, .testFailed, 1),
            (#"{"a":1}"#, #"[{"op":"add","path":"/b","value":1},{"op":"bogus","path":"/b"}]"#, .invalidOperation, 1),
            (#"{"a":1}"#, #"[{"path":"/a"}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"add","value":1}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"add","path":"/b"}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"replace","path":"/a"}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"test","path":"/a"}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"move","path":"/a"}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"copy","path":"/a","from":5}]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":"add","path":"a","value":1}]"#, .invalidPointer, 0),
            (#"{"a":1}"#, #"[{"op":"move","path":"/a","from":"/~2"}]"#, .invalidPointer, 0),
            (#"{"a":1}"#, #"["add"]"#, .invalidOperation, 0),
            (#"{"a":1}"#, #"[{"op":1,"path":"/a"}]"#, .invalidOperation, 0),
        ])
    func fails(document: String, patch: String, code: JSONPatchError.Code, index: Int) throws {
        let error = try failure(patch, to: document)
        #expect(error.code == code, "\(error)")
        #expect(error.operationIndex == index, "\(error)")
        #expect(error.description.hasPrefix("JSON Patch operation \(index)"), "\(error)")
    }

    @Test("a patch that is not an array is refused")
    func notAnArray() throws {
        for text in [#"{"op":"add"}"#, "null", "\"x\""] {
            let error = try #require(throws: JSONPatchError.self) { try JSONPatch(json: json(text)) }
            #expect(error.code == .invalidPatchDocument)
            #expect(error.operationIndex == nil)
            #expect(error.description.hasPrefix("Invalid JSON Patch"))
        }
    }

    @Test("errors describe op and path")
    func description() throws {
        let error = try failure(#"[{"op":"replace","path":"/name","value":1}]"#, to: #"{"a":1}"#)
        #expect(error.description == #"JSON Patch operation 0 (replace "/name") failed: nothing exists at "/name"."#)
        let test = try failure(#"[{"op":"test","path":"/a","value":2}]"#, to: #"{"a":1}"#)
        #expect(test.message == "expected 2 but found 1.")
        #expect(test.operation == "test")
        #expect(test.path == "/a")
    }

    @Test("a failed patch leaves the original document untouched")
    func atomic() throws {
        let document = json(#"{"a":1,"b":[1,2]}"#)
        let patch = try JSONPatch(json: json(#"[{"op":"remove","path":"/a"},{"op":"test","path":"/b/0","value":5}]"#))
        #expect(throws: JSONPatchError.self) { try patch.applied(to: document) }
        #expect(document == json(#"{"a":1,"b":[1,2]}"#))
    }

    @Test("operations round-trip through JSON")
    func roundTrip() throws {
        let text = #"[{"op":"add","path":"/a~1b","value":[1]},{"op":"remove","path":"/x"},{"op":"replace","path":"","value":null},{"from":"/a","op":"move","path":"/b"},{"from":"/b","op":"copy","path":"/c"},{"op":"test","path":"/c/0","value":1}]"#
        let patch = try JSONPatch(json: json(text))
        #expect(patch.operations.map(\.name) == ["add", "remove", "replace", "move", "copy", "test"])
        #expect(patch.json == json(text))
    }

    @Test("numeric equality in test: 1 == 1.0 but distinct large integers differ")
    func numericEquality() {
        #expect(JSONValue.int(1).isJSONEqual(to: .double(1.0)))
        #expect(!JSONValue.int(9_007_199_254_740_993).isJSONEqual(to: .double(9_007_199_254_740_992)))
        #expect(!JSONValue.int(1).isJSONEqual(to: .string("1")))
        #expect(JSONValue.null.isJSONEqual(to: .null))
        #expect(!JSONValue.bool(true).isJSONEqual(to: .int(1)))
    }
}
