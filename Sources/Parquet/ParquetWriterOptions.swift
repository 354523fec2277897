/// Knobs of the streaming writer; the defaults suit Batchyard's lake (ZSTD, dictionary on, v1 pages).
public struct ParquetWriterOptions: Sendable {
    /// Data page format: v1 is what every reader knows; v2 keeps levels uncompressed.
    public enum PageVersion: Sendable, Hashable {
        case v1
        case v2
    }

    /// Codec for every page (UNCOMPRESSED, SNAPPY, GZIP or ZSTD).
    public var compression: ParquetCompression = .zstd
    /// ZSTD level (1 is fast and what Arrow uses by default).
    public var zstdLevel: Int32 = 1
    /// A row group is flushed once its buffered data reaches about this many bytes; this bounds memory.
    public var rowGroupTargetBytes: Int = 128 * 1024 * 1024
    /// Upper bound on rows per row group, whatever their size.
    public var maxRowsPerRowGroup: Int = 1_000_000
    /// Data pages are cut at about this many bytes of encoded values.
    public var pageTargetBytes: Int = 1024 * 1024
    /// Try RLE_DICTIONARY per column chunk; low-cardinality columns shrink a lot.
    public var dictionaryEnabled = true
    /// A column chunk whose dictionary would exceed this falls back to PLAIN.
    public var dictionaryPageLimitBytes: Int = 1024 * 1024
    /// Data page format to write.
    public var pageVersion: PageVersion = .v1
    /// Write min/max/null-count statistics per column chunk.
    public var writeStatistics = true
    /// Encode and write each full row group on another thread while the caller buffers the next
    /// one (one group in flight, so memory grows by at most one row group). Errors of a group
    /// encoded this way surface from the next `write`, `flushRowGroup` or `close`.
    public var encodeInBackground = false
    /// Written to the footer so readers can identify the producer.
    public var createdBy = "batchyard-parquet version 0.1.0"

    /// Defaults: ZSTD level 1, 128 MiB row groups, 1 MiB pages, dictionary on, v1 pages.
    public init() {}
}
