/// Column or page statistics as stored in the footer; min and max are PLAIN-encoded values.
struct Statistics: Equatable {
    var max: [UInt8]?
    var min: [UInt8]?
    var nullCount: Int64?
    var distinctCount: Int64?
    var maxValue: [UInt8]?
    var minValue: [UInt8]?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.binary.rawValue): max = try r.readBinary()
            case (2, ThriftCompactType.binary.rawValue): min = try r.readBinary()
            case (3, ThriftCompactType.i64.rawValue): nullCount = try r.readI64()
            case (4, ThriftCompactType.i64.rawValue): distinctCount = try r.readI64()
            case (5, ThriftCompactType.binary.rawValue): maxValue = try r.readBinary()
            case (6, ThriftCompactType.binary.rawValue): minValue = try r.readBinary()
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
    }

    func write(to w: inout ThriftCompactWriter) {
        if let max { w.field(1, binary: max) }
        if let min { w.field(2, binary: min) }
        if let nullCount { w.field(3, i64: nullCount) }
        if let distinctCount { w.field(4, i64: distinctCount) }
        if let maxValue { w.field(5, binary: maxValue) }
        if let minValue { w.field(6, binary: minValue) }
    }
}
