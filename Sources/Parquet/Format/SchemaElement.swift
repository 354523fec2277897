/// One node of the flattened (depth-first) schema list stored in the footer.
struct SchemaElement {
    var type: Int32?
    var typeLength: Int32?
    var repetitionType: Int32?
    var name: String = ""
    var numChildren: Int32?
    var convertedType: Int32?
    var scale: Int32?
    var precision: Int32?
    var fieldId: Int32?
    var logicalType: LogicalType?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        var hasName = false
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): type = try r.readI32()
            case (2, ThriftCompactType.i32.rawValue): typeLength = try r.readI32()
            case (3, ThriftCompactType.i32.rawValue): repetitionType = try r.readI32()
            case (4, ThriftCompactType.binary.rawValue): name = try r.readString(); hasName = true
            case (5, ThriftCompactType.i32.rawValue): numChildren = try r.readI32()
            case (6, ThriftCompactType.i32.rawValue): convertedType = try r.readI32()
            case (7, ThriftCompactType.i32.rawValue): scale = try r.readI32()
            case (8, ThriftCompactType.i32.rawValue): precision = try r.readI32()
            case (9, ThriftCompactType.i32.rawValue): fieldId = try r.readI32()
            case (10, ThriftCompactType.struct.rawValue): logicalType = try LogicalType(from: &r)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
        guard hasName else { throw .corrupt("schema element without name") }
    }

    func write(to w: inout ThriftCompactWriter) {
        if let type { w.field(1, i32: type) }
        if let typeLength { w.field(2, i32: typeLength) }
        if let repetitionType { w.field(3, i32: repetitionType) }
        w.field(4, string: name)
        if let numChildren { w.field(5, i32: numChildren) }
        if let convertedType { w.field(6, i32: convertedType) }
        if let scale { w.field(7, i32: scale) }
        if let precision { w.field(8, i32: precision) }
        if let fieldId { w.field(9, i32: fieldId) }
        if let logicalType { w.field(10) { logicalType.write(to: &$0) } }
    }
}
