/// The Thrift footer of a Parquet file.
struct FileMetaData {
    var version: Int32 = 1
    var schema: [SchemaElement] = []
    var numRows: Int64 = 0
    var rowGroups: [RowGroup] = []
    var keyValueMetadata: [KeyValue]?
    var createdBy: String?
    /// Number of columns that declare the type-defined sort order (written as TYPE_ORDER).
    var columnOrderCount: Int = 0
    var isEncrypted = false

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        var seen = 0
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): version = try r.readI32(); seen |= 1
            case (2, ThriftCompactType.list.rawValue):
                schema = try r.readStructList { (r) throws(ParquetError) in try SchemaElement(from: &r) }
                seen |= 2
            case (3, ThriftCompactType.i64.rawValue): numRows = try r.readI64(); seen |= 4
            case (4, ThriftCompactType.list.rawValue):
                rowGroups = try r.readStructList { (r) throws(ParquetError) in try RowGroup(from: &r) }
                seen |= 8
            case (5, ThriftCompactType.list.rawValue):
                keyValueMetadata = try r.readStructList { (r) throws(ParquetError) in try KeyValue(from: &r) }
            case (6, ThriftCompactType.binary.rawValue): createdBy = try r.readString()
            case (8, _): isEncrypted = true; try r.skip(f.type)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
        guard seen == 15 else { throw .corrupt("file metadata misses required fields") }
        guard numRows >= 0 else { throw .corrupt("negative row count") }
    }

    func serialized() -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.field(1, i32: version)
        w.field(2, structList: schema) { w, e in e.write(to: &w) }
        w.field(3, i64: numRows)
        w.field(4, structList: rowGroups) { w, g in g.write(to: &w) }
        if let kv = keyValueMetadata, !kv.isEmpty { w.field(5, structList: kv) { w, e in e.write(to: &w) } }
        if let createdBy { w.field(6, string: createdBy) }
        if columnOrderCount > 0 {
            // Every column uses TYPE_ORDER: a union whose field 1 is an empty struct.
            w.field(7, structList: Array(repeating: 0, count: columnOrderCount)) { w, _ in
                w.field(1) { _ in }
            }
        }
        w.endStruct()
        return w.bytes
    }
}
