/// How a leaf column's values are stored on disk (parquet.thrift `Type`).
public enum PhysicalType: Int32, Sendable, Hashable {
    case boolean = 0
    case int32 = 1
    case int64 = 2
    /// Legacy nanosecond timestamps; read-only.
    case int96 = 3
    case float = 4
    case double = 5
    case byteArray = 6
    case fixedLenByteArray = 7
}
