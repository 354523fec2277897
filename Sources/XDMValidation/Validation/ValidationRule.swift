/// The schema rule a record broke; names follow the JSON Schema keyword where there is one, so
/// diagnostics read like AEP's streaming validation messages (`"keyword": "additionalProperties"`).
public enum ValidationRule: String, Sendable, Hashable, CaseIterable {
    /// The top-level record is not a JSON object.
    case record
    /// The value's JSON kind can never become the target type (booleans, arrays, objects, or a
    /// cell left blank in AEP's conversion matrix).
    case type
    /// The kind is convertible but this value is not (a string that is not a number or a date).
    case conversion
    /// An integer outside its XDM width (byte, short, int, long).
    case range
    /// A required field is missing or null.
    case required
    /// A field that the schema does not declare.
    case additionalProperties
    case `enum`
    case pattern
    case minLength
    case maxLength
    case minimum
    case maximum
    case exclusiveMinimum
    case exclusiveMaximum
    case minItems
    case maxItems
    case uniqueItems
    /// A string that is not a valid `uri` or `email`, or not an ISO 8601 date or date-time.
    case format

    /// The AEP family this rule is reported under.
    public var family: AEPErrorFamily {
        switch self {
        case .required: return .missingRequired
        case .type, .conversion, .range: return .typeCompatibility
        default: return .corruptRow
        }
    }
}
