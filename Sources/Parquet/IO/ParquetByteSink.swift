/// Where the streaming writer puts bytes: a file, or memory (tests, uploads to object storage).
public protocol ParquetByteSink {
    /// Appends bytes.
    mutating func write(_ bytes: [UInt8]) throws(ParquetError)
    /// Flushes and releases resources; called once by the writer's `close()`.
    mutating func close() throws(ParquetError)
}
