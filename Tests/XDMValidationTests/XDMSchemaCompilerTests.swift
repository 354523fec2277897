import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("Schema compiler")
struct XDMSchemaCompilerTests {
    @Test func compilesEveryFieldType() throws {
        let compiled = try XDMSchemaCompiler.compile(
            json(
                #"""
                {"type": "object", "required": ["s"], "properties": {
                  "s": {"type": "string", "minLength": 1, "maxLength": 9, "pattern": "^x", "format": "email", "enum": ["x@y.z"]},
                  "n": {"type": "number", "minimum": 0}, "i": {"type": "integer", "minimum": -128, "maximum": 128},
                  "b": {"type": "boolean"}, "d": {"type": "string", "format": "date"},
                  "t": {"type": "string", "meta:xdmType": "date-time"},
                  "o": {"type": "object", "properties": {"x": {"type": "string"}}},
                  "m": {"type": "object", "additionalProperties": {"type": "integer"}},
                  "a": {"type": "array", "items": {"type": "boolean"}, "maxItems": 3},
                  "e": {"type": "object"}
                }}
                """#))
        #expect(compiled.properties.map(\.name) == ["a", "b", "d", "e", "i", "m", "n", "o", "s", "t"], "sorted by name")
        #expect(compiled["s"] == XDMProperty(
            name: "s", type: .string(XDMStringRules(minLength: 1, maxLength: 9, pattern: "^x", format: .email, enumValues: ["x@y.z"])),
            isRequired: true))
        #expect(compiled["n"]?.type == .number(XDMNumberRules(minimum: 0)))
        #expect(compiled["i"]?.type == .integer(.byte, XDMNumberRules(minimum: -128, maximum: 128)))
        #expect(compiled["b"]?.type == .boolean)
        #expect(compiled["d"]?.type == .date)
        #expect(compiled["t"]?.type == .dateTime)
        #expect(compiled["m"]?.type == .map(values: .integer(.long, XDMNumberRules())))
        #expect(compiled["a"]?.type == .array(items: .boolean, XDMArrayRules(maxItems: 3)))
        #expect(compiled["e"]?.type == .object(XDMObjectType(properties: [])))
        #expect(compiled["s"]?.isRequired == true && compiled["n"]?.isRequired == false)
    }

    @Test func widthInference() {
        #expect(XDMIntegerWidth.inferred(minimum: -128, maximum: 128) == .byte)
        #expect(XDMIntegerWidth.inferred(minimum: 0, maximum: 100) == .byte)
        #expect(XDMIntegerWidth.inferred(minimum: -32768, maximum: 32768) == .short)
        #expect(XDMIntegerWidth.inferred(minimum: 0, maximum: 40_000) == .int)
        #expect(XDMIntegerWidth.inferred(minimum: -2_147_483_648, maximum: 2_147_483_648) == .int)
        #expect(XDMIntegerWidth.inferred(minimum: -9_007_199_254_740_991, maximum: 9_007_199_254_740_991) == .long)
        #expect(XDMIntegerWidth.inferred(minimum: nil, maximum: 5) == .long)
    }

    @Test("invalid schemas", arguments: [
        #"[]"#,
        #"{"type": "string"}"#,
        #"{"type": "object", "properties": {"x": {}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "null"}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "array"}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "string", "enum": []}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "string", "minLength": -1}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "integer", "minimum": "0"}}}"#,
        #"{"type": "object", "required": ["y"], "properties": {"x": {"type": "string"}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "string"}}, "additionalProperties": {"type": "string"}}"#,
        #"{"type": "object", "properties": {"x": {"$ref": "https://ns.adobe.com/xdm/common/address"}}}"#,
        #"{"type": "object", "properties": {"x": {"type": ["string", "integer"]}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "string", "anyOf": [{"maxLength": 1}]}}}"#,
        #"{"type": "object", "properties": {"x": {"type": "string", "const": "a"}}}"#,
        #"{"type": "object", "patternProperties": {"^a": {"type": "string"}}, "properties": {}}"#,
    ])
    func invalidSchema(_ text: String) {
        #expect(throws: XDMSchemaError.self) { try XDMSchemaCompiler.compile(json(text)) }
    }

    @Test func errorPathPointsIntoTheSchema() {
        #expect {
            try XDMSchemaCompiler.compile(json(#"{"type": "object", "properties": {"a/b": {"type": "object", "properties": {"c": {"type": "null"}}}}}"#))
        } throws: { ($0 as? XDMSchemaError)?.path == "/properties/a~1b/properties/c" }
    }

    @Test func nullableTypeArray() throws {
        let compiled = try XDMSchemaCompiler.compile(json(#"{"type": "object", "properties": {"x": {"type": ["string", "null"]}}}"#))
        #expect(compiled["x"]?.type == .string(XDMStringRules()))
    }
}
