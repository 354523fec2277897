/// Footer metadata of one column chunk: where its pages are and how they are encoded.
struct ColumnMetaData {
    var type: Int32 = 0
    var encodings: [Int32] = []
    var pathInSchema: [String] = []
    var codec: Int32 = 0
    var numValues: Int64 = 0
    var totalUncompressedSize: Int64 = 0
    var totalCompressedSize: Int64 = 0
    var keyValueMetadata: [KeyValue]?
    var dataPageOffset: Int64 = 0
    var indexPageOffset: Int64?
    var dictionaryPageOffset: Int64?
    var statistics: Statistics?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): type = try r.readI32()
            case (2, ThriftCompactType.list.rawValue): encodings = try r.readI32List()
            case (3, ThriftCompactType.list.rawValue): pathInSchema = try r.readStringList()
            case (4, ThriftCompactType.i32.rawValue): codec = try r.readI32()
            case (5, ThriftCompactType.i64.rawValue): numValues = try r.readI64()
            case (6, ThriftCompactType.i64.rawValue): totalUncompressedSize = try r.readI64()
            case (7, ThriftCompactType.i64.rawValue): totalCompressedSize = try r.readI64()
            case (8, ThriftCompactType.list.rawValue):
                keyValueMetadata = try r.readStructList { (r) throws(ParquetError) in try KeyValue(from: &r) }
            case (9, ThriftCompactType.i64.rawValue): dataPageOffset = try r.readI64()
            case (10, ThriftCompactType.i64.rawValue): indexPageOffset = try r.readI64()
            case (11, ThriftCompactType.i64.rawValue): dictionaryPageOffset = try r.readI64()
            case (12, ThriftCompactType.struct.rawValue): statistics = try Statistics(from: &r)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, i32: type)
        w.field(2, i32List: encodings)
        w.field(3, stringList: pathInSchema)
        w.field(4, i32: codec)
        w.field(5, i64: numValues)
        w.field(6, i64: totalUncompressedSize)
        w.field(7, i64: totalCompressedSize)
        if let kv = keyValueMetadata { w.field(8, structList: kv) { w, e in e.write(to: &w) } }
        w.field(9, i64: dataPageOffset)
        if let indexPageOffset { w.field(10, i64: indexPageOffset) }
        if let dictionaryPageOffset { w.field(11, i64: dictionaryPageOffset) }
        if let statistics { w.field(12) { statistics.write(to: &$0) } }
    }
}
