/// Safety limits of the reader, so a hostile file cannot make it allocate without bound.
public struct ParquetReaderOptions: Sendable {
    /// Largest footer accepted.
    public var maxFooterBytes: Int = 64 * 1024 * 1024
    /// Largest number of entries (values, nulls, empty lists) in one column chunk.
    public var maxValuesPerColumnChunk: Int = 1 << 26
    /// Largest column chunk read into memory.
    public var maxColumnChunkBytes: Int = 1 << 31

    /// Limits generous enough for real files, tight enough for hostile ones.
    public init() {}
}
