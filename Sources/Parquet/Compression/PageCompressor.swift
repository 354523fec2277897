/// Compresses and decompresses page bodies with the column chunk's codec.
enum PageCompressor {
    /// Largest decompressed page we accept; protects against footers that lie about sizes.
    static let maxPageSize = 512 * 1024 * 1024

    static func compress(_ input: [UInt8], codec: ParquetCompression, zstdLevel: Int32) throws(ParquetError) -> [UInt8] {
        var out: [UInt8] = []
        switch codec {
        case .uncompressed: return input
        case .snappy: input.withUnsafeBytes { Snappy.compress($0, into: &out) }
        case .gzip:
            let r = input.withUnsafeBytes { b in Result { () throws(ParquetError) in try Gzip.compress(b, into: &out) } }
            try r.get()
        case .zstd:
            let r = input.withUnsafeBytes { b in
                Result { () throws(ParquetError) in try Zstd.compress(b, level: zstdLevel, into: &out) }
            }
            try r.get()
        default: throw .unsupported("writing with codec \(codec)")
        }
        return out
    }

    static func decompress(
        _ input: UnsafeRawBufferPointer, codec: ParquetCompression, expectedSize: Int
    ) throws(ParquetError) -> [UInt8] {
        guard expectedSize >= 0, expectedSize <= maxPageSize else {
            throw ParquetError(.limitExceeded, "page of \(expectedSize) bytes")
        }
        // An empty body (e.g. the values of an all-null v2 page) needs no codec work.
        if expectedSize == 0 && codec != .uncompressed { return [] }
        switch codec {
        case .uncompressed:
            guard input.count == expectedSize else { throw .corrupt("uncompressed page size mismatch") }
            return Array(input)
        case .snappy: return try Snappy.decompress(input, expectedSize: expectedSize)
        case .gzip: return try Gzip.decompress(input, expectedSize: expectedSize)
        case .zstd: return try Zstd.decompress(input, expectedSize: expectedSize)
        default: throw .unsupported("codec \(codec)")
        }
    }
}
