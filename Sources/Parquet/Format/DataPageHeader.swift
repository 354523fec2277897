/// Header of a version 1 data page: levels and values share one compressed block.
struct DataPageHeader {
    var numValues: Int32 = 0
    var encoding: Int32 = 0
    var definitionLevelEncoding: Int32 = ParquetEncoding.rle.rawValue
    var repetitionLevelEncoding: Int32 = ParquetEncoding.rle.rawValue
    var statistics: Statistics?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): numValues = try r.readI32()
            case (2, ThriftCompactType.i32.rawValue): encoding = try r.readI32()
            case (3, ThriftCompactType.i32.rawValue): definitionLevelEncoding = try r.readI32()
            case (4, ThriftCompactType.i32.rawValue): repetitionLevelEncoding = try r.readI32()
            case (5, ThriftCompactType.struct.rawValue): statistics = try Statistics(from: &r)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, i32: numValues)
        w.field(2, i32: encoding)
        w.field(3, i32: definitionLevelEncoding)
        w.field(4, i32: repetitionLevelEncoding)
        if let statistics { w.field(5) { statistics.write(to: &$0) } }
    }
}
