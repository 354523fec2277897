import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("In-place validation")
struct InPlaceValidationTests {
    @Test func convertsInPlaceAndMatchesValidate() throws {
        let validator = try makeValidator(
            #"{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "at": {"type": "string", "format": "date-time"}, "items": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "integer"}}}}, "m": {"type": "object", "additionalProperties": {"type": "number"}}}}"#)
        var record = json(#"{"id": 7, "at": "1970-01-01T00:00:02Z", "items": [{"n": "3"}, {"n": 4}], "m": {"a": "1.5", "b": 2}}"#)
        let expected = validator.validate(record)
        #expect(validator.validateInPlace(&record).isEmpty)
        #expect(expected == .valid(record))
        #expect(record == json(#"{"id": "7", "at": 2000, "items": [{"n": 3}, {"n": 4}], "m": {"a": 1.5, "b": 2.0}}"#))
    }

    @Test func sharedRecordsAreNotChangedBehindTheCallersBack() throws {
        let validator = try fieldValidator(#"{"type": "object", "properties": {"n": {"type": "integer"}}}"#)
        let original: JSONValue = ["f": ["n": "5"]]
        var copy = original
        #expect(validator.validateInPlace(&copy).isEmpty)
        #expect(copy == ["f": ["n": 5]])
        #expect(original == ["f": ["n": "5"]], "copy-on-write keeps the caller's value")
    }

    @Test func reportsErrorsAndNonObjects() throws {
        let validator = try makeValidator(#"{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}"#)
        var missing: JSONValue = ["x": 1]
        #expect(Set(validator.validateInPlace(&missing).map(\.rule)) == [.required, .additionalProperties])
        var scalar: JSONValue = 3
        #expect(validator.validateInPlace(&scalar).map(\.rule) == [.record])
    }
}
