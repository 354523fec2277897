import BatchyardCore
import Testing

@testable import XDMValidation

/// One test per validation rule: a passing value, a failing value, and the error's rule, path and
/// family.
@Suite("Validation rules")
struct RuleTests {
    @Test func recordMustBeAnObject() throws {
        let validator = try fieldValidator(#"{"type": "string"}"#)
        for record: JSONValue in [.null, 1, "x", [1], true] {
            let error = try #require(singleError(validator.validate(record)))
            #expect(error.rule == .record)
            #expect(error.path == "")
            #expect(error.family == .corruptRow)
        }
        #expect(validator.validate([:]) == .valid([:]))
    }

    @Test func requiredFieldMissingOrNull() throws {
        let validator = try makeValidator(
            #"{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "x": {"type": "integer"}}}"#)
        #expect(validator.validate(["id": "a"]) == .valid(["id": "a"]))
        let missing = try #require(singleError(validator.validate(["x": 1])))
        #expect(missing.rule == .required)
        #expect(missing.path == "/id")
        #expect(missing.found == "missing")
        #expect(missing.family == .missingRequired)
        let null = try #require(singleError(validator.validate(["id": nil])))
        #expect(null.rule == .required)
        #expect(null.found == "null")
        #expect(null.family == .missingRequired)
    }

    @Test func nullInOptionalFieldIsKept() throws {
        #expect(try validateField(#"{"type": "integer"}"#, .null) == .valid(["f": nil]))
    }

    @Test func unknownFieldsAreErrors() throws {
        let validator = try makeValidator(
            #"{"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "string"}}}}}"#)
        let error = try #require(singleError(validator.validate(["a": ["b": "x", "workEmail": "e"]])))
        #expect(error.rule == .additionalProperties)
        #expect(error.path == "/a/workEmail")
        #expect(error.family == .corruptRow)
        let top = try #require(singleError(validator.validate(["zzz": 1])))
        #expect(top.path == "/zzz")
    }

    @Test func stringEnum() throws {
        let schema = #"{"type": "string", "enum": ["gold", "silver"]}"#
        #expect(try validateField(schema, "gold").record != nil)
        let error = try #require(singleError(try validateField(schema, "bronze")))
        #expect(error.rule == .enum)
        #expect(error.found == "\"bronze\"")
        #expect(error.family == .corruptRow)
    }

    @Test func numericEnum() throws {
        let schema = #"{"type": "integer", "enum": [1, 2, 3]}"#
        #expect(try validateField(schema, 2).record != nil)
        #expect(try validateField(schema, "3") == .valid(["f": 3]))
        #expect(try singleError(validateField(schema, 4))?.rule == .enum)
    }

    @Test func pattern() throws {
        let schema = #"{"type": "string", "pattern": "[0-9]{3}"}"#
        #expect(try validateField(schema, "ab123cd").record != nil, "patterns are searched, not anchored")
        let error = try #require(singleError(try validateField(schema, "ab12")))
        #expect(error.rule == .pattern)
        let anchored = #"{"type": "string", "pattern": "^[A-Z]{2}$"}"#
        #expect(try validateField(anchored, "US").record != nil)
        #expect(try singleError(validateField(anchored, "USA"))?.rule == .pattern)
    }

    @Test func badPatternIsASchemaError() {
        #expect(throws: XDMSchemaError.self) { try fieldValidator(#"{"type": "string", "pattern": "(["}"#) }
    }

    @Test func lengths() throws {
        let schema = #"{"type": "string", "minLength": 2, "maxLength": 4}"#
        #expect(try validateField(schema, "ab").record != nil)
        #expect(try validateField(schema, "abcd").record != nil)
        #expect(try validateField(schema, "日本語").record != nil, "lengths count characters, not bytes")
        #expect(try singleError(validateField(schema, "a"))?.rule == .minLength)
        #expect(try singleError(validateField(schema, "abcde"))?.rule == .maxLength)
        #expect(try singleError(validateField(schema, 12345))?.rule == .maxLength, "checked after conversion")
    }

    @Test func minimumAndMaximum() throws {
        let schema = #"{"type": "number", "minimum": 0, "maximum": 10}"#
        #expect(try validateField(schema, 0).record != nil)
        #expect(try validateField(schema, 10.0).record != nil)
        let low = try #require(singleError(try validateField(schema, -0.5)))
        #expect(low.rule == .minimum)
        #expect(low.expected == ">= 0")
        #expect(try singleError(validateField(schema, "11"))?.rule == .maximum)
        let integer = #"{"type": "integer", "minimum": 1, "maximum": 5000}"#
        #expect(try singleError(validateField(integer, 0))?.rule == .minimum)
        #expect(try singleError(validateField(integer, 5001))?.rule == .maximum)
    }

    @Test func exclusiveBounds() throws {
        let schema = #"{"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1}"#
        #expect(try validateField(schema, 0.5).record != nil)
        #expect(try singleError(validateField(schema, 0))?.rule == .exclusiveMinimum)
        #expect(try singleError(validateField(schema, 1))?.rule == .exclusiveMaximum)
        let draft4 = #"{"type": "number", "minimum": 0, "exclusiveMinimum": true}"#
        #expect(try singleError(validateField(draft4, 0))?.rule == .exclusiveMinimum)
    }

    @Test("integer width range", arguments: [
        (#"{"type": "integer", "minimum": -128, "maximum": 128}"#, XDMIntegerWidth.byte),
        (#"{"type": "integer", "minimum": -32768, "maximum": 32768}"#, .short),
        (#"{"type": "integer", "minimum": -2147483648, "maximum": 2147483648}"#, .int),
        (#"{"type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991}"#, .long),
        (#"{"type": "integer", "meta:xdmType": "short"}"#, .short),
        (#"{"type": "integer"}"#, .long),
    ])
    func integerWidth(schema: String, width: XDMIntegerWidth) throws {
        let validator = try fieldValidator(schema)
        #expect(validator.schema["f"]?.type.displayName == "integer (\(width.rawValue))")
        let range = width.range
        #expect(validator.validate(["f": 0]).record != nil)
        if width != .long {
            #expect(validator.validate(["f": .int(range.lowerBound)]).record != nil)
            #expect(validator.validate(["f": .int(range.upperBound)]).record != nil)
            let error = try #require(singleError(validator.validate(["f": .int(range.upperBound + 1)])))
            #expect(error.rule == .range, "AEP writes max 128 for a byte, but a byte holds at most 127")
            #expect(error.family == .typeCompatibility)
            #expect(singleError(validator.validate(["f": .int(range.lowerBound - 1)]))?.rule == .range)
        }
    }

    @Test func longBeyondTheDeclaredMaximum() throws {
        let schema = #"{"type": "integer", "minimum": -9007199254740991, "maximum": 9007199254740991}"#
        #expect(try singleError(validateField(schema, 9_007_199_254_740_992))?.rule == .maximum)
    }

    @Test("string formats", arguments: [
        ("uri", "https://example.com/a?b=c#d", true), ("uri", "urn:isbn:0451450523", true),
        ("uri", "mailto:a@b.c", true), ("uri", "example.com/path", false), ("uri", "http://exa mple.com", false),
        ("uri", ":nothing", false), ("uri", "1http://x", false),
        ("email", "jane.doe@example.com", true), ("email", "a+b@sub.example.co.uk", true),
        ("email", "user@localhost", true), ("email", "plain", false), ("email", "@example.com", false),
        ("email", "a@", false), ("email", "a@b..c", false), ("email", "a b@c.d", false), ("email", "a@-b.c", false),
        ("uri-reference", "../relative/path", true), ("uri-reference", "has space", false),
    ])
    func stringFormat(format: String, value: String, valid: Bool) throws {
        let result = try validateField(#"{"type": "string", "format": "\#(format)"}"#, .string(value))
        if valid {
            #expect(result.record != nil)
        } else {
            let error = try #require(singleError(result))
            #expect(error.rule == .format)
            #expect(error.family == .corruptRow)
        }
    }

    @Test func unknownFormatsAreAnnotations() throws {
        #expect(try validateField(#"{"type": "string", "format": "hostname"}"#, "not a host!").record != nil)
    }

    @Test func dateFormat() throws {
        let schema = #"{"type": "string", "format": "date"}"#
        for text in ["2019-02-29", "2019-13-01", "2019-5-15", "15/05/2019", "2019-05-15Z"] {
            let error = try #require(singleError(try validateField(schema, .string(text))), "\(text)")
            #expect(error.rule == .format)
            #expect(error.family == .typeCompatibility)
        }
        #expect(try validateField(schema, "2020-02-29") == .valid(["f": "2020-02-29"]))
        #expect(try validateField(schema, "2018-07-10T23:05:59-08:00") == .valid(["f": "2018-07-11"]), "UTC day")
    }

    @Test func dateTimeFormat() throws {
        let schema = #"{"type": "string", "format": "date-time"}"#
        let cases: [(String, Int64)] = [
            ("2019-05-15T20:20:39+00:00", 1_557_951_639_000),
            ("2019-05-15T20:20:39Z", 1_557_951_639_000),
            ("2019-05-15T20:20:39.123Z", 1_557_951_639_123),
            ("2019-05-15T20:20:39.123456789Z", 1_557_951_639_123),
            ("2019-05-15 20:20:39.5+02:00", 1_557_944_439_500),
            ("2019-05-15T20:20:39", 1_557_951_639_000),
            ("2019-05-15T20:20Z", 1_557_951_600_000),
            ("1969-12-31T23:59:59.999Z", -1),
            ("2018-07-10T15:05:59.000-08:00", 1_531_263_959_000),
        ]
        for (text, millis) in cases {
            #expect(try validateField(schema, .string(text)) == .valid(["f": .int(millis)]), "\(text)")
        }
        for text in ["2019-05-15", "2019-05-15T25:00:00Z", "2019-05-15T20:20:39+0", "2019-05-15T20:20:39.Z", "yesterday"] {
            #expect(try singleError(validateField(schema, .string(text)))?.rule == .format, "\(text)")
        }
    }

    @Test func arrayItemCounts() throws {
        let schema = #"{"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2}"#
        #expect(try validateField(schema, ["a"]).record != nil)
        #expect(try singleError(validateField(schema, []))?.rule == .minItems)
        #expect(try singleError(validateField(schema, ["a", "b", "c"]))?.rule == .maxItems)
    }

    @Test func uniqueItemsComparesConvertedValues() throws {
        let schema = #"{"type": "array", "items": {"type": "integer"}, "uniqueItems": true}"#
        #expect(try validateField(schema, [1, 2, 3]).record != nil)
        let error = try #require(singleError(try validateField(schema, [1, "2", 2])))
        #expect(error.rule == .uniqueItems)
        #expect(error.path == "/f")
        var record: JSONValue = ["f": [1, "1"]]
        #expect(try fieldValidator(schema).validateInPlace(&record).map(\.rule) == [.uniqueItems])
    }

    @Test func booleanIsNeverConverted() throws {
        #expect(try validateField(#"{"type": "boolean"}"#, false) == .valid(["f": false]))
        for value: JSONValue in ["true", 1, 0.0, [true]] {
            #expect(try singleError(validateField(#"{"type": "boolean"}"#, value))?.rule == .type)
        }
    }

    @Test func errorsAreCappedAtMaxErrors() throws {
        let schema = json(#"{"type": "object", "properties": {"a": {"type": "string"}}}"#)
        let validator = try RecordValidator(resolvedSchema: schema, maxErrors: 3)
        var record: [String: JSONValue] = [:]
        for index in 0..<10 { record["x\(index)"] = .int(Int64(index)) }
        #expect(validator.validate(.object(record)).errors.count == 3)
    }

    @Test func severalErrorsInOneRecord() throws {
        let validator = try makeValidator(
            #"{"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}, "n": {"type": "integer"}, "s": {"type": "string", "maxLength": 1}}}"#)
        let errors = validator.validate(["n": "x", "s": "long", "extra": 1]).errors
        #expect(Set(errors.map(\.path)) == ["/id", "/n", "/s", "/extra"])
        #expect(Set(errors.map(\.rule)) == [.required, .conversion, .maxLength, .additionalProperties])
    }

    @Test func messagesNamePathRuleExpectedAndFound() throws {
        let error = try #require(singleError(try validateField(#"{"type": "integer"}"#, true)))
        #expect(error.description == "/f: type: expected integer (long), found boolean")
        #expect(error.family.ingestCode == "INGEST-1401-400")
        #expect(AEPErrorFamily.missingRequired.ingestCode == "INGEST-1555-400")
        #expect(error.jsonValue["code"] == "TypeCompatibilityException")
        #expect(error.jsonValue["path"] == "/f")
        #expect(error.jsonValue["message"] == .string(error.description))
    }
}
