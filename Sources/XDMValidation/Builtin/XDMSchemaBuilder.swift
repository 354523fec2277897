import BatchyardCore

/// Shorthand for writing the built-in XDM documents as Swift data; each returns a JSON Schema
/// fragment in the shape the registry stores.
enum XDMSchemaBuilder {
    static func string(_ title: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        field("string", title, extra)
    }

    static func enumeration(_ title: String, _ values: [String]) -> JSONValue {
        field("string", title, ["enum": .array(values.map(JSONValue.string))])
    }

    static func boolean(_ title: String) -> JSONValue { field("boolean", title) }

    static func number(_ title: String) -> JSONValue { field("number", title) }

    /// An integer whose width XDM reads from its bounds (AEP writes one past the limit).
    static func integer(_ title: String, _ width: XDMIntegerWidth) -> JSONValue {
        var extra: [String: JSONValue] = ["meta:xdmType": .string(width.rawValue)]
        if width != .long {
            extra["minimum"] = .int(width.range.lowerBound)
            extra["maximum"] = .int(width.range.upperBound + 1)
        } else {
            extra["minimum"] = -9_007_199_254_740_991
            extra["maximum"] = 9_007_199_254_740_991
        }
        return field("integer", title, extra)
    }

    static func date(_ title: String) -> JSONValue { field("string", title, ["format": "date", "meta:xdmType": "date"]) }

    static func dateTime(_ title: String) -> JSONValue {
        field("string", title, ["format": "date-time", "meta:xdmType": "date-time"])
    }

    static func object(_ title: String?, _ properties: [String: JSONValue], required: [String] = []) -> JSONValue {
        var members: [String: JSONValue] = ["type": "object", "meta:xdmType": "object", "properties": .object(properties)]
        if let title { members["title"] = .string(title) }
        if !required.isEmpty { members["required"] = .array(required.map(JSONValue.string)) }
        return .object(members)
    }

    static func array(_ title: String, of items: JSONValue) -> JSONValue {
        .object(["type": "array", "title": .string(title), "meta:xdmType": "array", "items": items])
    }

    static func map(_ title: String, of values: JSONValue) -> JSONValue {
        .object(["type": "object", "title": .string(title), "meta:xdmType": "map", "additionalProperties": values])
    }

    static func reference(_ id: String, _ title: String) -> JSONValue {
        .object(["$ref": .string(id), "title": .string(title), "type": "object", "meta:xdmType": "object"])
    }

    /// A field group body in AEP's layout: fields under `definitions`, pulled in by `allOf`.
    static func fieldGroup(
        definition: String, intendedToExtend: [String], properties: [String: JSONValue]
    ) -> [String: JSONValue] {
        [
            "meta:intendedToExtend": .array(intendedToExtend.map(JSONValue.string)),
            "definitions": .object([definition: .object(["properties": .object(properties)])]),
            "allOf": [.object(["$ref": .string("#/definitions/" + definition)])],
        ]
    }

    private static func field(_ type: String, _ title: String, _ extra: [String: JSONValue] = [:]) -> JSONValue {
        var members = extra
        members["type"] = .string(type)
        members["title"] = .string(title)
        if members["meta:xdmType"] == nil { members["meta:xdmType"] = .string(type) }
        return .object(members)
    }
}
