/// A JSON-like value for the row API: what one field of a record holds. Leaves are mapped by
/// logical type: integers (including DATE days and TIMESTAMP/TIME ticks in the column's unit,
/// INT96 as nanoseconds) are `.int`, FLOAT/DOUBLE are `.double`, STRING/ENUM/JSON/UUID are
/// `.string`, DECIMAL is a `.string` in plain decimal notation, other binary is `.bytes`.
/// Groups are `.object`, LIST is `.list`, MAP is `.map` (the writer also accepts `.object` for
/// maps with string keys). On the way in, the writer also accepts RFC 3339 `.string`s for
/// TIMESTAMP columns, `YYYY-MM-DD` for DATE, decimal text, integers or doubles for DECIMAL, and
/// UUID text, so JSON records need no conversion step.
public enum ParquetValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([ParquetValue])
    case map([ParquetMapEntry])
    case object([String: ParquetValue])

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Members of an object, else nil.
    public var objectValue: [String: ParquetValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// Field lookup on objects; `.null` for anything else.
    public subscript(key: String) -> ParquetValue {
        if case .object(let o) = self { return o[key] ?? .null }
        return .null
    }
}
