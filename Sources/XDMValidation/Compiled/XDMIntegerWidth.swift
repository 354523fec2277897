/// The storage width of an XDM integer field.
///
/// XDM has one JSON Schema `integer` type and tells byte/short/int/long apart by the field's
/// `minimum`/`maximum` (contract §5.4) or by `meta:xdmType`. The width decides both the range check
/// at ingestion and the Parquet column type (INT32 with INT_8/INT_16, INT32, INT64).
public enum XDMIntegerWidth: String, Sendable, Hashable, CaseIterable {
    case byte
    case short
    case int
    case long

    /// The values a field of this width can hold.
    public var range: ClosedRange<Int64> {
        switch self {
        case .byte: return Int64(Int8.min)...Int64(Int8.max)
        case .short: return Int64(Int16.min)...Int64(Int16.max)
        case .int: return Int64(Int32.min)...Int64(Int32.max)
        case .long: return Int64.min...Int64.max
        }
    }

    /// The width XDM implies by a field's bounds.
    ///
    /// AEP's own definitions use one past the true limit (`"maximum": 128` for a byte), so a bound
    /// counts as fitting a width when it is within one of the width's limits.
    public static func inferred(minimum: Double?, maximum: Double?) -> XDMIntegerWidth {
        guard let minimum, let maximum else { return .long }
        for width in [XDMIntegerWidth.byte, .short, .int] {
            let limit = Double(width.range.upperBound) + 1
            if minimum >= -limit && maximum <= limit { return width }
        }
        return .long
    }
}
