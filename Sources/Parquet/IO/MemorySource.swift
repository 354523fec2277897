/// An in-memory file.
public struct MemorySource: ParquetByteSource {
    /// The whole file.
    public let bytes: [UInt8]
    /// Wraps bytes already in memory.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    /// File size in bytes.
    public var size: Int { bytes.count }
    /// Copies a byte range out, bounds-checked.
    public func read(offset: Int, count: Int) throws(ParquetError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw .truncated("read of \(count) bytes at \(offset) past end of \(bytes.count)")
        }
        return Array(bytes[offset..<offset + count])
    }
}
