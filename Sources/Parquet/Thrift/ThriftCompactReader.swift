/// Decodes the Thrift compact protocol from a byte buffer with hard bounds: every length and count
/// is checked against the bytes that remain, and nesting depth is limited, so a hostile footer can
/// neither allocate gigabytes nor recurse forever.
struct ThriftCompactReader: VarintReading {
    private let bytes: [UInt8]
    private(set) var position: Int
    private let end: Int
    private var lastFieldIds: [Int16] = []
    private var lastFieldId: Int16 = 0
    private var depth = 0
    private static let maxDepth = 64

    init(_ bytes: [UInt8], start: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = min(end ?? bytes.count, bytes.count)
    }

    var remaining: Int { end - position }

    mutating func readByte() throws(ParquetError) -> UInt8 {
        guard position < end else { throw .truncated("thrift data ends early") }
        let b = bytes[position]
        position += 1
        return b
    }

    mutating func readI64() throws(ParquetError) -> Int64 {
        try readZigZag()
    }

    mutating func readI32() throws(ParquetError) -> Int32 {
        let v = try readI64()
        guard let r = Int32(exactly: v) else { throw .corrupt("thrift i32 out of range") }
        return r
    }

    mutating func readI16() throws(ParquetError) -> Int16 {
        let v = try readI64()
        guard let r = Int16(exactly: v) else { throw .corrupt("thrift i16 out of range") }
        return r
    }

    mutating func readDouble() throws(ParquetError) -> Double {
        guard remaining >= 8 else { throw .truncated("thrift double") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
        position += 8
        return Double(bitPattern: bits)
    }

    mutating func readBinary() throws(ParquetError) -> [UInt8] {
        let length = try readVarint()
        guard length <= UInt64(remaining) else { throw .truncated("thrift binary length \(length)") }
        let n = Int(length)
        let out = Array(bytes[position..<position + n])
        position += n
        return out
    }

    mutating func readString() throws(ParquetError) -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    mutating func beginStruct() throws(ParquetError) {
        depth += 1
        guard depth <= Self.maxDepth else { throw .corrupt("thrift nesting too deep") }
        lastFieldIds.append(lastFieldId)
        lastFieldId = 0
    }

    mutating func endStruct() {
        depth -= 1
        lastFieldId = lastFieldIds.popLast() ?? 0
    }

    /// Returns the next field id and type, or nil at the struct's stop byte. Boolean fields carry
    /// their value in the type, so callers read it with `boolValue(of:)`.
    mutating func readFieldHeader() throws(ParquetError) -> (id: Int16, type: UInt8)? {
        let b = try readByte()
        if b == 0 { return nil }
        let type = b & 0x0F
        let delta = Int16(b >> 4)
        let id: Int16
        if delta != 0 {
            let (sum, overflow) = lastFieldId.addingReportingOverflow(delta)
            guard !overflow else { throw .corrupt("thrift field id overflow") }
            id = sum
        } else {
            id = try readI16()
        }
        lastFieldId = id
        return (id, type)
    }

    func boolValue(of type: UInt8) throws(ParquetError) -> Bool {
        switch type {
        case ThriftCompactType.booleanTrue.rawValue: return true
        case ThriftCompactType.booleanFalse.rawValue: return false
        default: throw .corrupt("thrift field is not a boolean")
        }
    }

    /// Reads a list or set header; the count is bounded by the remaining bytes because every
    /// element takes at least one byte (empty structs take their stop byte).
    mutating func readListHeader() throws(ParquetError) -> (elementType: UInt8, count: Int) {
        let b = try readByte()
        var count = UInt64(b >> 4)
        if count == 15 { count = try readVarint() }
        guard count <= UInt64(remaining) else { throw .truncated("thrift list of \(count) elements") }
        return (b & 0x0F, Int(count))
    }

    mutating func readListBool() throws(ParquetError) -> Bool {
        try readByte() == 1
    }

    /// Skips a value of any type, so fields added by newer writers are ignored safely.
    mutating func skip(_ type: UInt8) throws(ParquetError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw .corrupt("thrift nesting too deep") }
        switch type {
        case ThriftCompactType.booleanTrue.rawValue, ThriftCompactType.booleanFalse.rawValue: return
        case ThriftCompactType.byte.rawValue: _ = try readByte()
        case ThriftCompactType.i16.rawValue, ThriftCompactType.i32.rawValue, ThriftCompactType.i64.rawValue:
            _ = try readVarint()
        case ThriftCompactType.double.rawValue:
            guard remaining >= 8 else { throw .truncated("thrift double") }
            position += 8
        case ThriftCompactType.binary.rawValue:
            let length = try readVarint()
            guard length <= UInt64(remaining) else { throw .truncated("thrift binary") }
            position += Int(length)
        case ThriftCompactType.list.rawValue, ThriftCompactType.set.rawValue:
            let (elementType, count) = try readListHeader()
            for _ in 0..<count {
                if elementType == ThriftCompactType.booleanTrue.rawValue
                    || elementType == ThriftCompactType.booleanFalse.rawValue {
                    _ = try readByte()
                } else {
                    try skip(elementType)
                }
            }
        case ThriftCompactType.map.rawValue:
            let size = try readVarint()
            guard size <= UInt64(remaining) else { throw .truncated("thrift map") }
            if size == 0 { return }
            let types = try readByte()
            for _ in 0..<Int(size) {
                try skipElement(types >> 4)
                try skipElement(types & 0x0F)
            }
        case ThriftCompactType.struct.rawValue:
            try beginStruct()
            while let field = try readFieldHeader() { try skip(field.type) }
            endStruct()
        default:
            throw .corrupt("unknown thrift type \(type)")
        }
    }

    private mutating func skipElement(_ type: UInt8) throws(ParquetError) {
        if type == ThriftCompactType.booleanTrue.rawValue || type == ThriftCompactType.booleanFalse.rawValue {
            _ = try readByte()
        } else {
            try skip(type)
        }
    }

    /// Reads a list of structs, each decoded by `element`.
    mutating func readStructList<T>(
        _ element: (inout ThriftCompactReader) throws(ParquetError) -> T
    ) throws(ParquetError) -> [T] {
        let (type, count) = try readListHeader()
        guard type == ThriftCompactType.struct.rawValue || count == 0 else {
            throw .corrupt("thrift list element is not a struct")
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try element(&self)) }
        return out
    }

    mutating func readI32List() throws(ParquetError) -> [Int32] {
        let (type, count) = try readListHeader()
        guard type == ThriftCompactType.i32.rawValue || count == 0 else { throw .corrupt("expected i32 list") }
        var out: [Int32] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try readI32()) }
        return out
    }

    mutating func readStringList() throws(ParquetError) -> [String] {
        let (type, count) = try readListHeader()
        guard type == ThriftCompactType.binary.rawValue || count == 0 else { throw .corrupt("expected string list") }
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try readString()) }
        return out
    }
}
