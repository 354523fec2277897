/// How to interpret a column's physical values (parquet.thrift `LogicalType`, with the legacy
/// `ConvertedType` mapped onto it when reading older files).
public enum LogicalType: Sendable, Hashable {
    /// UTF-8 text in a BYTE_ARRAY.
    case string
    /// An enumeration symbol stored as UTF-8 text.
    case enumeration
    /// A JSON document stored as UTF-8 text.
    case json
    /// BSON bytes.
    case bson
    /// A 16-byte FIXED_LEN_BYTE_ARRAY UUID.
    case uuid
    /// Days since the Unix epoch in an INT32.
    case date
    /// Time of day.
    case time(unit: TimeUnit, isAdjustedToUTC: Bool)
    /// Instant or local date-time since the Unix epoch in an INT64.
    case timestamp(unit: TimeUnit, isAdjustedToUTC: Bool)
    /// A fixed-point number: unscaled integer times 10^-scale.
    case decimal(precision: Int32, scale: Int32)
    /// A signed or unsigned integer of 8, 16, 32 or 64 bits.
    case integer(bitWidth: Int8, isSigned: Bool)
    /// Annotates a group holding a 3-level list.
    case list
    /// Annotates a group holding key/value pairs.
    case map
    /// Half-precision float in a 2-byte FIXED_LEN_BYTE_ARRAY.
    case float16
    /// Always-null column.
    case unknown
}
