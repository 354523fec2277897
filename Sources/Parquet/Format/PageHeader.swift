/// The Thrift header in front of every page of a column chunk.
struct PageHeader {
    var type: Int32 = 0
    var uncompressedPageSize: Int32 = 0
    var compressedPageSize: Int32 = 0
    var dataPageHeader: DataPageHeader?
    var dictionaryPageHeader: DictionaryPageHeader?
    var dataPageHeaderV2: DataPageHeaderV2?

    init() {}

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        var seen = 0
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.i32.rawValue): type = try r.readI32(); seen |= 1
            case (2, ThriftCompactType.i32.rawValue): uncompressedPageSize = try r.readI32(); seen |= 2
            case (3, ThriftCompactType.i32.rawValue): compressedPageSize = try r.readI32(); seen |= 4
            case (5, ThriftCompactType.struct.rawValue): dataPageHeader = try DataPageHeader(from: &r)
            case (7, ThriftCompactType.struct.rawValue): dictionaryPageHeader = try DictionaryPageHeader(from: &r)
            case (8, ThriftCompactType.struct.rawValue): dataPageHeaderV2 = try DataPageHeaderV2(from: &r)
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
        guard seen == 7 else { throw .corrupt("page header misses required fields") }
        guard uncompressedPageSize >= 0, compressedPageSize >= 0 else { throw .corrupt("negative page size") }
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, i32: type)
        w.field(2, i32: uncompressedPageSize)
        w.field(3, i32: compressedPageSize)
        if let h = dataPageHeader { w.field(5) { h.write(to: &$0) } }
        if let h = dictionaryPageHeader { w.field(7) { h.write(to: &$0) } }
        if let h = dataPageHeaderV2 { w.field(8) { h.write(to: &$0) } }
    }

    func serialized() -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        write(to: &w)
        w.endStruct()
        return w.bytes
    }
}
