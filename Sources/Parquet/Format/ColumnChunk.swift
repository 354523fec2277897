/// Footer entry for one column of one row group.
struct ColumnChunk {
    var filePath: String?
    var fileOffset: Int64 = 0
    var metaData: ColumnMetaData?
    var hasEncryption = false

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.binary.rawValue): filePath = try r.readString()
            case (2, ThriftCompactType.i64.rawValue): fileOffset = try r.readI64()
            case (3, ThriftCompactType.struct.rawValue): metaData = try ColumnMetaData(from: &r)
            case (8, _), (9, _): hasEncryption = true; try r.skip(f.type)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
    }

    func write(to w: inout ThriftCompactWriter) {
        if let filePath { w.field(1, string: filePath) }
        w.field(2, i64: fileOffset)
        if let metaData { w.field(3) { metaData.write(to: &$0) } }
    }
}
