/// Random-access input for the reader, so it can read the footer first and then only the column
/// chunks it needs.
public protocol ParquetByteSource: Sendable {
    /// Total size in bytes.
    var size: Int { get }
    /// Reads exactly `count` bytes at `offset`, or throws.
    func read(offset: Int, count: Int) throws(ParquetError) -> [UInt8]
}
