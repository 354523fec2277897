// libFuzzer entry point for the Parquet footer and page decoders. Compiled together with the
// Parquet sources as one module (see ../run-parquet-fuzz.sh), so it reaches internal decoders.

/// Feeds the input to the reader as a whole file, then as a raw column chunk of a few shapes.
@_cdecl("LLVMFuzzerTestOneInput")
public func parquetFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var options = ParquetReaderOptions()
    options.maxValuesPerColumnChunk = 1 << 20
    options.maxFooterBytes = 1 << 20
    if let reader = try? ParquetFileReader(bytes: bytes, options: options) {
        _ = reader.keyValueMetadata
        var rows = reader.makeRowIterator()
        var n = 0
        while n < 100_000, let row = try? rows.next() {
            _ = row
            n += 1
        }
    }
    // The same bytes as the pages of a column chunk: optional string in a list, required int64.
    if size > 1 {
        let codec = ParquetCompression(rawValue: Int32(bytes[0] % 8)) ?? .uncompressed
        let body = Array(bytes.dropFirst())
        for column in FuzzColumns.all {
            let reader = ColumnChunkReader(column: column, codec: codec, limits: options)
            _ = try? reader.read(body, expectedValues: 64)
        }
    }
    return 0
}

enum FuzzColumns {
    static let all: [ColumnDescriptor] = {
        let schema = try! ParquetSchema([
            .list("tags", element: .string("t")),
            .int64("id", .required),
            .primitive("f", .fixedLenByteArray, typeLength: 3),
            .bool("b"),
            .double("d"),
        ])
        return schema.columns
    }()
}
