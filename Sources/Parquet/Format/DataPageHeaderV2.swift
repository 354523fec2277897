/// Header of a version 2 data page: levels are stored uncompressed in front of the values.
struct DataPageHeaderV2 {
    var numValues: Int32 = 0
    var numNulls: Int32 = 0
    var numRows: Int32 = 0
    var encoding: Int32 = 0
    var definitionLevelsByteLength: Int32 = 0
    var repetitionLevelsByteLength: Int32 = 0
    var isCompressed = true
    var statistics: Statistics?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): numValues = try r.readI32()
            case (2, ThriftCompactType.i32.rawValue): numNulls = try r.readI32()
            case (3, ThriftCompactType.i32.rawValue): numRows = try r.readI32()
            case (4, ThriftCompactType.i32.rawValue): encoding = try r.readI32()
            case (5, ThriftCompactType.i32.rawValue): definitionLevelsByteLength = try r.readI32()
            case (6, ThriftCompactType.i32.rawValue): repetitionLevelsByteLength = try r.readI32()
            case (7, _): isCompressed = try r.boolValue(of: f.type)
            case (8, ThriftCompactType.struct.rawValue): statistics = try Statistics(from: &r)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
        guard definitionLevelsByteLength >= 0, repetitionLevelsByteLength >= 0 else {
            throw .corrupt("negative level length in data page v2")
        }
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, i32: numValues)
        w.field(2, i32: numNulls)
        w.field(3, i32: numRows)
        w.field(4, i32: encoding)
        w.field(5, i32: definitionLevelsByteLength)
        w.field(6, i32: repetitionLevelsByteLength)
        w.field(7, bool: isCompressed)
        if let statistics { w.field(8) { statistics.write(to: &$0) } }
    }
}
