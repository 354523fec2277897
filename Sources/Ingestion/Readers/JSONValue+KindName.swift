import BatchyardCore

extension JSONValue {
    /// The kind of value in words, for row errors such as "The line is a JSON array, not an object."
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int, .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
