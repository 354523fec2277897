/// The non-null values of one leaf column, unboxed: only the array matching the physical type is
/// used. Byte arrays (and FIXED_LEN_BYTE_ARRAY / INT96) are one concatenated buffer plus offsets,
/// so a million strings cost two allocations, not a million.
public struct ColumnValues: Sendable {
    /// Which of the arrays below is in use.
    public let physicalType: PhysicalType
    /// BOOLEAN values.
    public var booleans: [Bool] = []
    /// INT32 values.
    public var int32s: [Int32] = []
    /// INT64 values.
    public var int64s: [Int64] = []
    /// FLOAT values.
    public var floats: [Float] = []
    /// DOUBLE values.
    public var doubles: [Double] = []
    /// Concatenated bytes of BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY and INT96 values.
    public var bytes: [UInt8] = []
    /// Start of value `i` is `offsets[i]`, its end `offsets[i + 1]`; starts with 0.
    public var offsets: [Int] = [0]

    /// An empty value store for one physical type.
    public init(physicalType: PhysicalType) {
        self.physicalType = physicalType
    }

    /// Number of values held.
    public var count: Int {
        switch physicalType {
        case .boolean: booleans.count
        case .int32: int32s.count
        case .int64: int64s.count
        case .float: floats.count
        case .double: doubles.count
        case .byteArray, .fixedLenByteArray, .int96: offsets.count - 1
        }
    }

    /// Appends one byte-array value. Inlinable so that callers in other modules get a copy
    /// specialized for their collection type: the generic one looks up type metadata per call.
    @inlinable @inline(__always)
    public mutating func appendBytes<C: Collection>(_ value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    /// Appends one UTF-8 string value without an intermediate array.
    @inlinable @inline(__always)
    public mutating func appendString(_ value: String) {
        var s = value
        s.withUTF8 { bytes.append(contentsOf: $0) }
        offsets.append(bytes.count)
    }

    /// The bytes of value `i` (byte-array types).
    @inline(__always)
    public func byteRange(_ i: Int) -> Range<Int> { offsets[i]..<offsets[i + 1] }

    /// Approximate in-memory size, used for the row-group size target.
    var estimatedBytes: Int {
        switch physicalType {
        case .boolean: booleans.count / 8
        case .int32: int32s.count * 4
        case .int64: int64s.count * 8
        case .float: floats.count * 4
        case .double: doubles.count * 8
        case .byteArray: bytes.count + (offsets.count - 1) * 4
        case .fixedLenByteArray, .int96: bytes.count
        }
    }

    mutating func removeAll() {
        booleans.removeAll(keepingCapacity: true)
        int32s.removeAll(keepingCapacity: true)
        int64s.removeAll(keepingCapacity: true)
        floats.removeAll(keepingCapacity: true)
        doubles.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
    }

    mutating func reserve(_ n: Int) {
        switch physicalType {
        case .boolean: booleans.reserveCapacity(n)
        case .int32: int32s.reserveCapacity(n)
        case .int64: int64s.reserveCapacity(n)
        case .float: floats.reserveCapacity(n)
        case .double: doubles.reserveCapacity(n)
        case .byteArray, .fixedLenByteArray, .int96: offsets.reserveCapacity(n + 1)
        }
    }
}
