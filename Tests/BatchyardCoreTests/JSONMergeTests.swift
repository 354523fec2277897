import Testing
@testable import BatchyardCore

@Suite("JSON Merge Patch (RFC 7386) and PATCH v2 deep merge")
struct JSONMergeTests {
    private func json(_ text: String) -> JSONValue { try! JSONValue(parsing: text) }

    // RFC 7386 appendix A, every row.
    @Test(
        "RFC 7386 examples",
        arguments: [
            (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
            (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
            (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
            (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
            (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
            (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
            (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
            (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
            (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
            (#"{"a":"foo"}"#, #"null"#, #"null"#),
            (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
            (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
            (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
            (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
        ])
    func mergePatch(target: String, patch: String, expected: String) {
        #expect(json(target).mergePatched(with: json(patch)) == json(expected))
    }

    @Test(
        "deep merge merges nested objects, creates intermediates, replaces arrays, keeps nulls",
        arguments: [
            (#"{"a":1}"#, #"{"b":2}"#, #"{"a":1,"b":2}"#),
            (#"{"tags":{"x":["1"]}}"#, #"{"tags":{"y":["2"]}}"#, #"{"tags":{"x":["1"],"y":["2"]}}"#),
            (#"{"name":"d"}"#,
             #"{"extensions":{"adobe_lakeHouse":{"rowExpiration":{"ttlValue":"P3Y"}}}}"#,
             #"{"name":"d","extensions":{"adobe_lakeHouse":{"rowExpiration":{"ttlValue":"P3Y"}}}}"#),
            (#"{"extensions":{"adobe_lakeHouse":{"other":true}}}"#,
             #"{"extensions":{"adobe_lakeHouse":{"rowExpiration":{"ttlValue":"P3Y"}}}}"#,
             #"{"extensions":{"adobe_lakeHouse":{"other":true,"rowExpiration":{"ttlValue":"P3Y"}}}}"#),
            (#"{"a":"scalar"}"#, #"{"a":{"b":1}}"#, #"{"a":{"b":1}}"#),
            (#"{"a":[1,2,3]}"#, #"{"a":[4]}"#, #"{"a":[4]}"#),
            (#"{"a":{"b":1}}"#, #"{"a":null}"#, #"{"a":null}"#),
            (#"{"a":{"b":1}}"#, #"{"a":{}}"#, #"{"a":{"b":1}}"#),
            (#"{"a":1}"#, #"{}"#, #"{"a":1}"#),
        ])
    func deepMerge(target: String, update: String, expected: String) {
        #expect(json(target).deepMerged(with: json(update)) == json(expected))
    }

    @Test("merging leaves the receiver unchanged")
    func valueSemantics() {
        let original = json(#"{"a":{"b":1}}"#)
        _ = original.mergePatched(with: json(#"{"a":{"b":null}}"#))
        _ = original.deepMerged(with: json(#"{"a":{"c":2}}"#))
        #expect(original == json(#"{"a":{"b":1}}"#))
    }
}
