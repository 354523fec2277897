/// Tuning of batch processing; the defaults keep a worker's memory well under 300 MB.
public struct ProcessingOptions: Sendable {
    /// Bytes read from an input file at a time.
    public var readChunkBytes = 1 << 20
    /// Read chunks parsed ahead of the task that validates and writes them (bounds memory).
    public var chunksInFlight = 4
    /// Target size of one Parquet row group before it is encoded and written.
    public var rowGroupTargetBytes = 32 * 1024 * 1024
    /// Rows per output part before the next part is started.
    public var maxRowsPerPart = 5_000_000
    /// Records buffered to infer the columns of a schemaless dataset.
    public var inferenceSampleSize = 1_000
    /// Rows per row-error diagnostics file.
    public var rowErrorsPerFile = 10_000
    /// Where parts go when the blob store has no local paths.
    public var scratchDirectory = "/tmp"

    /// The defaults.
    public init() {}
}
