import BatchyardCore

/// Turns a resolved schema (no `$ref`, no `allOf`: see `XDMSchemaResolver`) into typed fields.
///
/// Kept separate from validation so the registry can check a schema on creation and the lake writer
/// can derive a Parquet schema from the same `XDMObjectType` the validator enforces.
public enum XDMSchemaCompiler {
    /// Compiles a record schema; its root must be an object with `properties`.
    public static func compile(_ schema: JSONValue) throws(XDMSchemaError) -> XDMObjectType {
        let root = try compileField(schema, path: "")
        guard case .object(let object) = root else {
            throw XDMSchemaError(.invalidSchema, path: "", "a record schema must be an object, not \(root.displayName)")
        }
        return object
    }

    /// Compiles one field's schema.
    public static func compileField(_ schema: JSONValue, path: String) throws(XDMSchemaError) -> XDMFieldType {
        guard let members = schema.objectValue else {
            throw XDMSchemaError(.invalidSchema, path: path, "a schema must be a JSON object")
        }
        if members["$ref"] != nil || members["allOf"] != nil {
            throw XDMSchemaError(.invalidSchema, path: path, "resolve $ref and allOf before compiling")
        }
        // Validating with these silently ignored would accept records the schema means to refuse.
        for keyword in unsupportedKeywords where members[keyword] != nil {
            throw XDMSchemaError(.invalidSchema, path: path + "/" + keyword, "`\(keyword)` is not supported in XDM schemas")
        }
        let xdmType = members["meta:xdmType"]?.stringValue
        switch try jsonType(members, path: path) {
        case "string":
            let format = members["format"]?.stringValue
            if format == "date" || xdmType == "date" { return .date }
            if format == "date-time" || xdmType == "date-time" { return .dateTime }
            return .string(try stringRules(members, format: format, path: path))
        case "number":
            return .number(try numberRules(members, path: path))
        case "integer":
            let rules = try numberRules(members, path: path)
            let width =
                xdmType.flatMap(XDMIntegerWidth.init(rawValue:))
                ?? XDMIntegerWidth.inferred(
                    minimum: rules.minimum ?? rules.exclusiveMinimum, maximum: rules.maximum ?? rules.exclusiveMaximum)
            return .integer(width, rules)
        case "boolean":
            return .boolean
        case "array":
            guard let items = members["items"] else {
                throw XDMSchemaError(.invalidSchema, path: path, "an array needs an `items` schema")
            }
            let itemType = try compileField(items, path: path + "/items")
            return .array(
                items: itemType,
                XDMArrayRules(
                    minItems: try count(members, "minItems", path: path),
                    maxItems: try count(members, "maxItems", path: path),
                    uniqueItems: members["uniqueItems"]?.boolValue ?? false))
        case "object":
            return try objectType(members, path: path)
        case let other:
            throw XDMSchemaError(.invalidSchema, path: path, "type `\(other)` is not supported")
        }
    }

    /// JSON Schema keywords XDM does not use and Batchyard does not implement.
    static let unsupportedKeywords = ["anyOf", "oneOf", "not", "if", "then", "else", "patternProperties", "dependencies",
        "dependentRequired", "dependentSchemas", "propertyNames", "contains", "const"]

    private static func objectType(_ members: [String: JSONValue], path: String) throws(XDMSchemaError) -> XDMFieldType {
        let additional = members["additionalProperties"]
        let mapValues: JSONValue? = additional?.objectValue != nil ? additional : nil
        guard let properties = members["properties"] else {
            if let mapValues {
                return .map(values: try compileField(mapValues, path: path + "/additionalProperties"))
            }
            return .object(XDMObjectType(properties: []))
        }
        guard let propertyMembers = properties.objectValue else {
            throw XDMSchemaError(.invalidSchema, path: path + "/properties", "`properties` must be an object")
        }
        if mapValues != nil, !propertyMembers.isEmpty {
            throw XDMSchemaError(
                .invalidSchema, path: path,
                "an object cannot have both `properties` and an `additionalProperties` schema")
        }
        if propertyMembers.isEmpty, let mapValues {
            return .map(values: try compileField(mapValues, path: path + "/additionalProperties"))
        }
        var required = Set<String>()
        if let list = members["required"] {
            guard let names = list.arrayValue?.compactMap(\.stringValue), names.count == list.arrayValue?.count else {
                throw XDMSchemaError(.invalidSchema, path: path + "/required", "`required` must be an array of names")
            }
            required = Set(names)
        }
        var compiled: [XDMProperty] = []
        compiled.reserveCapacity(propertyMembers.count)
        for (name, fieldSchema) in propertyMembers {
            let fieldPath = path + "/properties/" + XDMPointer.escape(name)
            compiled.append(
                XDMProperty(
                    name: name, type: try compileField(fieldSchema, path: fieldPath),
                    isRequired: required.contains(name)))
        }
        if let missing = required.subtracting(propertyMembers.keys).sorted().first {
            throw XDMSchemaError(.invalidSchema, path: path + "/required", "required field `\(missing)` is not declared")
        }
        return .object(XDMObjectType(properties: compiled))
    }

    private static func jsonType(_ members: [String: JSONValue], path: String) throws(XDMSchemaError) -> String {
        switch members["type"] {
        case .string(let type)?:
            return type
        case .array(let types)?:
            let named = types.compactMap(\.stringValue).filter { $0 != "null" }
            guard named.count == 1, types.count <= 2 else {
                throw XDMSchemaError(.invalidSchema, path: path, "a field has one type (optionally with \"null\")")
            }
            return named[0]
        case nil:
            if members["properties"] != nil || members["additionalProperties"] != nil { return "object" }
            if members["items"] != nil { return "array" }
            throw XDMSchemaError(.invalidSchema, path: path, "the schema has no `type`")
        default:
            throw XDMSchemaError(.invalidSchema, path: path, "`type` must be a string")
        }
    }

    private static func stringRules(
        _ members: [String: JSONValue], format: String?, path: String
    ) throws(XDMSchemaError) -> XDMStringRules {
        var rules = XDMStringRules(
            minLength: try count(members, "minLength", path: path),
            maxLength: try count(members, "maxLength", path: path),
            format: format.flatMap(XDMStringFormat.init(rawValue:)))
        if let pattern = members["pattern"] {
            guard let text = pattern.stringValue else {
                throw XDMSchemaError(.invalidSchema, path: path + "/pattern", "`pattern` must be a string")
            }
            _ = try XDMPattern(text, path: path + "/pattern")
            rules.pattern = text
        }
        if let values = members["enum"] {
            guard let list = values.arrayValue, !list.isEmpty else {
                throw XDMSchemaError(.invalidSchema, path: path + "/enum", "`enum` must be a non-empty array")
            }
            var strings: [String] = []
            for value in list {
                switch value {
                case .string(let string): strings.append(string)
                case .int(let int): strings.append(String(int))
                case .null: continue
                default:
                    throw XDMSchemaError(.invalidSchema, path: path + "/enum", "a string enum lists strings")
                }
            }
            rules.enumValues = strings
        }
        return rules
    }

    private static func numberRules(_ members: [String: JSONValue], path: String) throws(XDMSchemaError) -> XDMNumberRules {
        func bound(_ key: String) throws(XDMSchemaError) -> Double? {
            guard let value = members[key] else { return nil }
            // Draft-4 style boolean exclusive bounds modify minimum/maximum instead.
            if case .bool = value { return nil }
            guard let number = value.doubleValue else {
                throw XDMSchemaError(.invalidSchema, path: path + "/" + key, "`\(key)` must be a number")
            }
            return number
        }
        var rules = XDMNumberRules(
            minimum: try bound("minimum"), maximum: try bound("maximum"),
            exclusiveMinimum: try bound("exclusiveMinimum"), exclusiveMaximum: try bound("exclusiveMaximum"))
        if members["exclusiveMinimum"]?.boolValue == true { (rules.exclusiveMinimum, rules.minimum) = (rules.minimum, nil) }
        if members["exclusiveMaximum"]?.boolValue == true { (rules.exclusiveMaximum, rules.maximum) = (rules.maximum, nil) }
        if let values = members["enum"] {
            guard let list = values.arrayValue, !list.isEmpty else {
                throw XDMSchemaError(.invalidSchema, path: path + "/enum", "`enum` must be a non-empty array")
            }
            var numbers: [Double] = []
            for value in list where !value.isNull {
                guard let number = value.doubleValue else {
                    throw XDMSchemaError(.invalidSchema, path: path + "/enum", "a numeric enum lists numbers")
                }
                numbers.append(number)
            }
            rules.enumValues = numbers
        }
        return rules
    }

    private static func count(_ members: [String: JSONValue], _ key: String, path: String) throws(XDMSchemaError) -> Int? {
        guard let value = members[key] else { return nil }
        guard let number = value.int64Value, number >= 0, let count = Int(exactly: number) else {
            throw XDMSchemaError(.invalidSchema, path: path + "/" + key, "`\(key)` must be a non-negative integer")
        }
        return count
    }
}
