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
