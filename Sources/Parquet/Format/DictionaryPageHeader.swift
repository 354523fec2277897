/// Header of a dictionary page, which holds the PLAIN-encoded distinct values of a column chunk.
struct DictionaryPageHeader {
    var numValues: Int32 = 0
    var encoding: Int32 = ParquetEncoding.plain.rawValue
    var isSorted: Bool?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): numValues = try r.readI32()
            case (2, ThriftCompactType.i32.rawValue): encoding = try r.readI32()
            case (3, _): isSorted = try r.boolValue(of: f.type)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, i32: numValues)
        w.field(2, i32: encoding)
        if let isSorted { w.field(3, bool: isSorted) }
    }
}
