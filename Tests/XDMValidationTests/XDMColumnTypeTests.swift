import BatchyardCore
import Testing

@testable import XDMValidation

@Suite("Lake column mapping")
struct XDMColumnTypeTests {
    @Test func mapsEveryXDMTypeAsTheContractSays() throws {
        let schema = try XDMSchemaCompiler.compile(
            json(
                #"""
                {"type": "object", "required": ["id"], "properties": {
                  "id": {"type": "string"}, "score": {"type": "number"},
                  "b": {"type": "integer", "minimum": -128, "maximum": 128},
                  "s": {"type": "integer", "minimum": -32768, "maximum": 32768},
                  "i": {"type": "integer", "minimum": -2147483648, "maximum": 2147483648},
                  "l": {"type": "integer"}, "ok": {"type": "boolean"},
                  "day": {"type": "string", "format": "date"}, "at": {"type": "string", "format": "date-time"},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "ids": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}},
                  "o": {"type": "object", "properties": {"z": {"type": "boolean"}, "a": {"type": "number"}}}
                }}
                """#))
        let columns = Dictionary(uniqueKeysWithValues: schema.columns.map { ($0.name, $0) })
        #expect(columns["id"] == XDMColumn(name: "id", type: .string, isRequired: true))
        #expect(columns["score"]?.type == .double)
        #expect(columns["b"]?.type == .int8)
        #expect(columns["s"]?.type == .int16)
        #expect(columns["i"]?.type == .int32)
        #expect(columns["l"]?.type == .int64)
        #expect(columns["ok"]?.type == .boolean)
        #expect(columns["day"]?.type == .date)
        #expect(columns["at"]?.type == .timestampMillis)
        #expect(columns["tags"]?.type == .list(.string))
        #expect(columns["ids"]?.type == .map(values: .list(.group([XDMColumn(name: "id", type: .string, isRequired: false)]))))
        #expect(columns["o"]?.type == .group([
            XDMColumn(name: "a", type: .double, isRequired: false), XDMColumn(name: "z", type: .boolean, isRequired: false),
        ]))
        #expect(schema.columns.map(\.name) == schema.columns.map(\.name).sorted(), "one stable column order")
    }

    @Test func dateHelpers() {
        #expect(XDMDate.epochDays(from: "1970-01-02") == 1)
        #expect(XDMDate.string(fromEpochDays: 18_262) == "2020-01-01")
        #expect(XDMDate.epochMillis(fromDateTime: "1970-01-01T00:00:01Z") == 1000)
        #expect(XDMDate.epochDays(from: "2020-02-30") == nil)
    }
}
