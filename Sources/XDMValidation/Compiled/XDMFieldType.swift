import BatchyardCore

/// The type of one field of a compiled XDM schema, with its constraints.
///
/// This is the schema the lake writer follows too (contract §5.4 mapping): string → BYTE_ARRAY/UTF8,
/// number → DOUBLE, integer → INT32 (INT_8/INT_16 for byte/short) or INT64, boolean → BOOLEAN,
/// date → INT32/DATE, dateTime → INT64/TIMESTAMP_MILLIS, object → group, map → MAP with string keys,
/// array → LIST.
public indirect enum XDMFieldType: Sendable, Hashable {
    case string(XDMStringRules)
    /// A double (`"type": "number"`).
    case number(XDMNumberRules)
    case integer(XDMIntegerWidth, XDMNumberRules)
    case boolean
    /// A calendar date; coerced records hold it as `.string("YYYY-MM-DD")`.
    case date
    /// An instant; coerced records hold it as `.int(epoch milliseconds, UTC)`.
    case dateTime
    /// A closed object: fields the schema does not declare are errors.
    case object(XDMObjectType)
    /// A map from string keys to values of one type (`additionalProperties` schema).
    case map(values: XDMFieldType)
    case array(items: XDMFieldType, XDMArrayRules)

    /// The name of the type as messages show it (`integer (short)`, `date-time`).
    public var displayName: String {
        switch self {
        case .string: return "string"
        case .number: return "number"
        case .integer(let width, _): return "integer (\(width.rawValue))"
        case .boolean: return "boolean"
        case .date: return "date"
        case .dateTime: return "date-time"
        case .object: return "object"
        case .map: return "map"
        case .array: return "array"
        }
    }
}

/// Constraints on a string field.
public struct XDMStringRules: Sendable, Hashable {
    public var minLength: Int?
    public var maxLength: Int?
    /// An ECMA-262 style pattern, searched (not anchored) as JSON Schema specifies.
    public var pattern: String?
    public var format: XDMStringFormat?
    /// The allowed values, or `nil` for any.
    public var enumValues: [String]?

    public init(
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        format: XDMStringFormat? = nil, enumValues: [String]? = nil
    ) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
        self.enumValues = enumValues
    }
}

/// Bounds and allowed values of a numeric field.
public struct XDMNumberRules: Sendable, Hashable {
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    /// The allowed values, or `nil` for any.
    public var enumValues: [Double]?

    public init(
        minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil,
        exclusiveMaximum: Double? = nil, enumValues: [Double]? = nil
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.enumValues = enumValues
    }
}

/// Constraints on an array field.
public struct XDMArrayRules: Sendable, Hashable {
    public var minItems: Int?
    public var maxItems: Int?

    public init(minItems: Int? = nil, maxItems: Int? = nil) {
        self.minItems = minItems
        self.maxItems = maxItems
    }
}

/// The fields of an XDM object, sorted by name so every consumer (validator, Parquet schema) sees
/// one stable order.
public struct XDMObjectType: Sendable, Hashable {
    public var properties: [XDMProperty]

    public init(properties: [XDMProperty]) {
        self.properties = properties.sorted { $0.name < $1.name }
    }

    /// The property named `name`.
    public subscript(name: String) -> XDMProperty? {
        properties.first { $0.name == name }
    }
}

/// One field of an object.
public struct XDMProperty: Sendable, Hashable {
    public var name: String
    public var type: XDMFieldType
    /// Listed in the enclosing object's `required`: must be present and not null.
    public var isRequired: Bool

    public init(name: String, type: XDMFieldType, isRequired: Bool = false) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
    }
}
