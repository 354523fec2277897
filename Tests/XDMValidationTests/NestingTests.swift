import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("Nesting, arrays and maps")
struct NestingTests {
    @Test func deepNestingReportsTheFullPath() throws {
        var schema: JSONValue = ["type": "integer"]
        var record: JSONValue = "not a number"
        var path = ""
        for level in (0..<30).reversed() {
            schema = ["type": "object", "properties": .object(["l\(level)": schema])]
            record = .object(["l\(level)": record])
            path = "/l\(level)" + path
        }
        let validator = try RecordValidator(resolvedSchema: schema)
        let error = try #require(singleError(validator.validate(record)))
        #expect(error.path == path)
        #expect(error.rule == .conversion)
    }

    @Test func arraysOfObjectsConvertInPlace() throws {
        let validator = try makeValidator(
            #"{"type": "object", "properties": {"items": {"type": "array", "items": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}, "at": {"type": "string", "format": "date-time"}}}}}}"#)
        let result = validator.validate(json(#"{"items": [{"sku": "a"}, {"sku": "b", "at": "1970-01-01T00:00:01Z"}]}"#))
        #expect(result == .valid(json(#"{"items": [{"sku": "a"}, {"sku": "b", "at": 1000}]}"#)))
        let errors = validator.validate(json(#"{"items": [{"sku": "a"}, {"at": "x"}, 3]}"#)).errors
        #expect(Set(errors.map(\.path)) == ["/items/1/sku", "/items/1/at", "/items/2"])
    }

    @Test func nullArrayItemsAndMapValuesAreKept() throws {
        let validator = try makeValidator(
            #"{"type": "object", "properties": {"a": {"type": "array", "items": {"type": "integer"}}, "m": {"type": "object", "additionalProperties": {"type": "string"}}}}"#)
        let record = json(#"{"a": [1, null], "m": {"x": null, "y": "z"}}"#)
        #expect(validator.validate(record) == .valid(record))
    }

    @Test func mapsOfObjectsAndMapPaths() throws {
        let validator = try makeValidator(
            #"{"type": "object", "properties": {"m": {"type": "object", "additionalProperties": {"type": "object", "properties": {"n": {"type": "number"}}}}}}"#)
        #expect(validator.validate(json(#"{"m": {"a/b": {"n": "1.5"}}}"#)) == .valid(json(#"{"m": {"a/b": {"n": 1.5}}}"#)))
        let error = try #require(singleError(validator.validate(json(#"{"m": {"a/b": {"n": true}, "ok": {}}}"#))))
        #expect(error.path == "/m/a~1b/n", "keys are escaped as JSON Pointer tokens")
    }

    @Test func arraysOfArrays() throws {
        let validator = try fieldValidator(#"{"type": "array", "items": {"type": "array", "items": {"type": "string", "format": "date"}}}"#)
        #expect(validator.validate(["f": [["2020-01-01"], [86_400_000]]]) == .valid(["f": [["2020-01-01"], ["1970-01-02"]]]))
        #expect(singleError(validator.validate(["f": [[], ["2020-13-01"]]]))?.path == "/f/1/0")
    }

    @Test func unchangedRecordsAreReturnedAsIs() throws {
        let validator = try makeValidator(
            #"{"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "string"}, "c": {"type": "integer"}}}}}"#)
        let record = json(#"{"a": {"b": "x", "c": 1}}"#)
        #expect(validator.validate(record) == .valid(record))
        #expect(validator.validate(json(#"{"a": {"b": 1, "c": "2"}}"#)) == .valid(json(#"{"a": {"b": "1", "c": 2}}"#)))
    }

    @Test func wideObjectsUseTheIndexPath() throws {
        var properties: [String: JSONValue] = [:]
        for index in 0..<40 { properties["field\(index)"] = ["type": "integer"] }
        let validator = try RecordValidator(resolvedSchema: ["type": "object", "properties": .object(properties)])
        #expect(validator.validate(["field39": "7"]) == .valid(["field39": 7]))
        #expect(singleError(validator.validate(["field40": 1]))?.rule == .additionalProperties)
    }

    @Test func validatorIsSharedAcrossTasks() async throws {
        let validator = try fieldValidator(#"{"type": "string", "pattern": "^a+$"}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { validator.validate(["f": .string(String(repeating: "a", count: index + 1))]).record != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.count == 64 && results.allSatisfy { $0 })
    }
}
