/// Compression codecs as numbered in parquet.thrift; the writer supports the first four, the
/// reader additionally recognises the others so it can report them as unsupported.
public enum ParquetCompression: Int32, Sendable, Hashable, CaseIterable {
    case uncompressed = 0
    case snappy = 1
    case gzip = 2
    case lzo = 3
    case brotli = 4
    case lz4 = 5
    case zstd = 6
    case lz4Raw = 7
}
