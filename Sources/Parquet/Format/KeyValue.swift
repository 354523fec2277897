/// A footer key-value pair (e.g. the Arrow schema pyarrow stores, or Batchyard's batch id).
struct KeyValue: Equatable {
    var key: String
    var value: String?

    init(key: String, value: String?) {
        self.key = key
        self.value = value
    }

    init(from r: inout ThriftCompactReader) throws(ParquetError) {
        try r.beginStruct()
        var key: String?
        while let f = try r.readFieldHeader() {
            switch (f.id, f.type) {
            case (1, ThriftCompactType.binary.rawValue): key = try r.readString()
            case (2, ThriftCompactType.binary.rawValue): value = try r.readString()
            default: try r.skip(f.type)
            }
        }
        r.endStruct()
        guard let key else { throw .corrupt("KeyValue without key") }
        self.key = key
    }

    func write(to w: inout ThriftCompactWriter) {
        w.field(1, string: key)
        if let value { w.field(2, string: value) }
    }
}
