/// Collects the file in memory.
public struct MemorySink: ParquetByteSink {
    /// Everything written so far.
    public private(set) var bytes: [UInt8] = []
    /// An empty in-memory sink.
    public init() {}
    /// Appends bytes.
    public mutating func write(_ b: [UInt8]) throws(ParquetError) { bytes.append(contentsOf: b) }
    /// Nothing to release.
    public mutating func close() throws(ParquetError) {}
}
