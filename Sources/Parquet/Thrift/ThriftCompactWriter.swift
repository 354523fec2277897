/// Encodes the Thrift compact protocol into a growing byte array; used for the footer and page headers.
struct ThriftCompactWriter {
    var bytes: [UInt8] = []
    private var lastFieldIds: [Int16] = []
    private var lastFieldId: Int16 = 0

    init() { bytes.reserveCapacity(256) }

    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func writeZigZag(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func beginStruct() {
        lastFieldIds.append(lastFieldId)
        lastFieldId = 0
    }

    mutating func endStruct() {
        bytes.append(0)
        lastFieldId = lastFieldIds.popLast() ?? 0
    }

    mutating func fieldHeader(_ id: Int16, _ type: ThriftCompactType) {
        fieldHeader(id, typeID: type.rawValue)
    }

    private mutating func fieldHeader(_ id: Int16, typeID: UInt8) {
        let delta = id - lastFieldId
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | typeID)
        } else {
            bytes.append(typeID)
            writeZigZag(Int64(id))
        }
        lastFieldId = id
    }

    mutating func field(_ id: Int16, i32 value: Int32) {
        fieldHeader(id, .i32)
        writeZigZag(Int64(value))
    }

    mutating func field(_ id: Int16, i64 value: Int64) {
        fieldHeader(id, .i64)
        writeZigZag(value)
    }

    mutating func field(_ id: Int16, i8 value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func field(_ id: Int16, bool value: Bool) {
        fieldHeader(id, typeID: value ? ThriftCompactType.booleanTrue.rawValue : ThriftCompactType.booleanFalse.rawValue)
    }

    mutating func field(_ id: Int16, binary value: [UInt8]) {
        fieldHeader(id, .binary)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func field(_ id: Int16, string value: String) {
        field(id, binary: Array(value.utf8))
    }

    mutating func listHeader(_ elementType: ThriftCompactType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    mutating func field(_ id: Int16, i32List values: [Int32]) {
        fieldHeader(id, .list)
        listHeader(.i32, count: values.count)
        for v in values { writeZigZag(Int64(v)) }
    }

    mutating func field(_ id: Int16, stringList values: [String]) {
        fieldHeader(id, .list)
        listHeader(.binary, count: values.count)
        for v in values {
            let u = Array(v.utf8)
            writeVarint(UInt64(u.count))
            bytes.append(contentsOf: u)
        }
    }

    /// Writes a struct-valued field; `body` writes the nested fields.
    mutating func field(_ id: Int16, struct body: (inout ThriftCompactWriter) -> Void) {
        fieldHeader(id, .struct)
        beginStruct()
        body(&self)
        endStruct()
    }

    /// Writes a list-of-structs field.
    mutating func field<T>(_ id: Int16, structList values: [T], _ body: (inout ThriftCompactWriter, T) -> Void) {
        fieldHeader(id, .list)
        listHeader(.struct, count: values.count)
        for v in values {
            beginStruct()
            body(&self, v)
            endStruct()
        }
    }
}
