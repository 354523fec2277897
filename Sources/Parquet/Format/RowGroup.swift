/// Footer entry for one row group.
struct RowGroup {
    var columns: [ColumnChunk] = []
    var totalByteSize: Int64 = 0
    var numRows: Int64 = 0
    var fileOffset: Int64?
    var totalCompressedSize: Int64?
    var ordinal: Int16?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.list.rawValue):
                columns = try r.readStructList { (r) throws(ParquetError) in try ColumnChunk(from: &r) }
            case (2, ThriftCompactType.i64.rawValue): totalByteSize = try r.readI64()
            case (3, ThriftCompactType.i64.rawValue): numRows = try r.readI64()
            case (5, ThriftCompactType.i64.rawValue): fileOffset = try r.readI64()
            case (6, ThriftCompactType.i64.rawValue): totalCompressedSize = try r.readI64()
            case (7, ThriftCompactType.i16.rawValue): ordinal = try r.readI16()
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, structList: columns) { w, c in c.write(to: &w) }
        w.field(2, i64: totalByteSize)
        w.field(3, i64: numRows)
        if let fileOffset { w.field(5, i64: fileOffset) }
        if let totalCompressedSize { w.field(6, i64: totalCompressedSize) }
        if let ordinal {
            w.fieldHeader(7, .i16)
            w.writeZigZag(Int64(ordinal))
        }
    }
}
