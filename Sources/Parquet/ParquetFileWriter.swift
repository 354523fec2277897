/// Streaming Parquet writer: open on a path or a byte sink, add rows (or column batches), close.
/// Rows are shredded into per-column buffers; once a row group reaches its target size it is
/// encoded, compressed and written, so memory stays bounded by one row group.
public final class ParquetFileWriter {
    /// The schema every row must fit.
    public let schema: ParquetSchema
    /// Codec, page and row-group settings fixed at creation.
    public let options: ParquetWriterOptions
    /// Footer key-value metadata; may be changed until `close()`.
    public var keyValueMetadata: [String: String]

    private var sink: any ParquetByteSink
    private var shredder: RecordShredder
    private var position: Int64 = 0
    private var rowGroups: [RowGroup] = []
    private var rowsInGroup = 0
    private var totalRows: Int64 = 0
    private var closed = false
    private var failed = false
    /// The row group being encoded in the background (``ParquetWriterOptions/encodeInBackground``);
    /// while it runs, only it touches `sink`, `position`, `rowGroups` and `totalRows`.
    private var encoding: BackgroundEncoding?

    /// Creates (or truncates) the file at `path` and writes the leading magic.
    public convenience init(
        path: String, schema: ParquetSchema, options: ParquetWriterOptions = ParquetWriterOptions(),
        keyValueMetadata: [String: String] = [:]
    ) throws(ParquetError) {
        try self.init(sink: try FileSink(path: path), schema: schema, options: options, keyValueMetadata: keyValueMetadata)
    }

    /// Writes to any sink (e.g. `MemorySink`); get it back from `close()`.
    public init(
        sink: any ParquetByteSink, schema: ParquetSchema, options: ParquetWriterOptions = ParquetWriterOptions(),
        keyValueMetadata: [String: String] = [:]
    ) throws(ParquetError) {
        guard [.uncompressed, .snappy, .gzip, .zstd].contains(options.compression) else {
            throw .unsupported("writing with codec \(options.compression)")
        }
        self.schema = schema
        self.options = options
        self.keyValueMetadata = keyValueMetadata
        self.sink = sink
        self.shredder = RecordShredder(schema: schema)
        try write(Array("PAR1".utf8))
    }

    private func write(_ bytes: [UInt8]) throws(ParquetError) {
        try sink.write(bytes)
        position += Int64(bytes.count)
    }

    private func checkOpen() throws(ParquetError) {
        guard !closed else { throw ParquetError(.closed, "writer is closed") }
        guard !failed else { throw ParquetError(.closed, "writer failed earlier and cannot continue") }
    }

    /// Adds one record: an `.object` whose members are the schema's top-level fields.
    public func write(row: ParquetValue) throws(ParquetError) {
        try checkOpen()
        do throws(ParquetError) {
            try shredder.shred(row)
        } catch {
            // The buffers may hold half a record; the row group can no longer be written correctly.
            failed = true
            throw error
        }
        rowsInGroup += 1
        if rowsInGroup >= options.maxRowsPerRowGroup
            || (rowsInGroup & 1023 == 0 && shredder.estimatedBytes >= options.rowGroupTargetBytes) {
            try flushRowGroup()
        }
    }

    /// Adds several records.
    public func write(rows: [ParquetValue]) throws(ParquetError) {
        for r in rows { try write(row: r) }
    }

    /// Adds `rowCount` records given as one batch per leaf column (in `schema.columns` order),
    /// already in Dremel form. This is the fast path: no per-value boxing.
    public func write(columns: [ColumnBatch], rowCount: Int) throws(ParquetError) {
        try checkOpen()
        guard columns.count == schema.columns.count else {
            throw .invalidValue("expected \(schema.columns.count) column batches, got \(columns.count)")
        }
        for (i, batch) in columns.enumerated() {
            try Self.validate(batch, schema.columns[i], rowCount: rowCount)
        }
        for (i, batch) in columns.enumerated() {
            let c = schema.columns[i]
            var b = batch
            if c.maxDefinitionLevel > 0 && b.definitionLevels.isEmpty {
                b.definitionLevels = Array(repeating: UInt16(c.maxDefinitionLevel), count: b.values.count)
            }
            if c.maxRepetitionLevel > 0 && b.repetitionLevels.isEmpty {
                b.repetitionLevels = Array(repeating: 0, count: b.entryCount)
            }
            shredder.append(b, to: i)
        }
        rowsInGroup += rowCount
        if rowsInGroup >= options.maxRowsPerRowGroup || shredder.estimatedBytes >= options.rowGroupTargetBytes {
            try flushRowGroup()
        }
    }

    private static func validate(_ b: ColumnBatch, _ c: ColumnDescriptor, rowCount: Int) throws(ParquetError) {
        guard b.values.physicalType == c.physicalType else {
            throw .invalidValue("column \(c.dottedPath) is \(c.physicalType), batch holds \(b.values.physicalType)")
        }
        let entries = b.entryCount
        if !b.definitionLevels.isEmpty {
            var present = 0
            for d in b.definitionLevels {
                guard Int(d) <= c.maxDefinitionLevel else { throw .invalidValue("definition level \(d) in \(c.dottedPath)") }
                if Int(d) == c.maxDefinitionLevel { present += 1 }
            }
            guard present == b.values.count else {
                throw .invalidValue("\(c.dottedPath): \(present) present levels but \(b.values.count) values")
            }
        }
        if c.maxRepetitionLevel > 0 && !b.repetitionLevels.isEmpty {
            guard b.repetitionLevels.count == entries else { throw .invalidValue("\(c.dottedPath): level counts differ") }
            var records = 0
            for r in b.repetitionLevels {
                guard Int(r) <= c.maxRepetitionLevel else { throw .invalidValue("repetition level \(r) in \(c.dottedPath)") }
                if r == 0 { records += 1 }
            }
            guard records == rowCount, entries == 0 || b.repetitionLevels[0] == 0 else {
                throw .invalidValue("\(c.dottedPath) holds \(records) records, expected \(rowCount)")
            }
        } else {
            guard entries == rowCount else { throw .invalidValue("\(c.dottedPath) holds \(entries) entries, expected \(rowCount)") }
        }
        if c.physicalType == .fixedLenByteArray {
            for i in 0..<b.values.count where b.values.byteRange(i).count != c.typeLength {
                throw .invalidValue("\(c.dottedPath): value \(i) is not \(c.typeLength) bytes")
            }
        }
    }

    /// Writes the buffered rows as a row group now (no-op when empty); in the background when
    /// ``ParquetWriterOptions/encodeInBackground`` is set, after the previous group is done.
    public func flushRowGroup() throws(ParquetError) {
        try checkOpen()
        try awaitEncoding()
        guard rowsInGroup > 0 else { return }
        let batches = shredder.take()
        let rows = rowsInGroup
        rowsInGroup = 0
        if options.encodeInBackground {
            encoding = BackgroundEncoding { [self] () throws(ParquetError) in try encodeRowGroup(batches, rows: rows) }
        } else {
            try encodeRowGroup(batches, rows: rows)
        }
    }

    /// Waits for the row group encoding in the background, if any; its failure fails the writer.
    private func awaitEncoding() throws(ParquetError) {
        guard let encoding else { return }
        self.encoding = nil
        do throws(ParquetError) {
            try encoding.wait()
        } catch {
            failed = true
            throw error
        }
    }

    private func encodeRowGroup(_ batches: [ColumnBatch], rows: Int) throws(ParquetError) {
        var group = RowGroup()
        group.numRows = Int64(rows)
        group.fileOffset = position
        let start = position
        var uncompressed: Int64 = 0
        for (i, batch) in batches.enumerated() {
            let writer = ColumnChunkWriter(column: schema.columns[i], options: options)
            let (chunk, written) = try writer.write(batch, offset: position, sink: &sink)
            position += written
            uncompressed += chunk.metaData?.totalUncompressedSize ?? 0
            group.columns.append(chunk)
        }
        group.totalByteSize = uncompressed
        group.totalCompressedSize = position - start
        group.ordinal = Int16(truncatingIfNeeded: rowGroups.count)
        rowGroups.append(group)
        totalRows += Int64(rows)
    }

    /// Flushes the last row group, writes the footer and closes the sink, which is returned so
    /// in-memory callers can take the bytes.
    @discardableResult
    public func close() throws(ParquetError) -> any ParquetByteSink {
        try checkOpen()
        try flushRowGroup()
        try awaitEncoding()
        var meta = FileMetaData()
        meta.version = 2
        meta.schema = schema.thriftElements()
        meta.numRows = totalRows
        meta.rowGroups = rowGroups
        meta.keyValueMetadata = keyValueMetadata.keys.sorted().map { KeyValue(key: $0, value: keyValueMetadata[$0]) }
        meta.createdBy = options.createdBy
        meta.columnOrderCount = schema.columns.count
        let footer = meta.serialized()
        try write(footer)
        var tail: [UInt8] = []
        tail.appendLE(UInt32(footer.count))
        tail.append(contentsOf: Array("PAR1".utf8))
        try write(tail)
        try sink.close()
        closed = true
        return sink
    }

    /// Writes `rows` to an in-memory file and returns its bytes.
    public static func data(
        rows: [ParquetValue], schema: ParquetSchema, options: ParquetWriterOptions = ParquetWriterOptions(),
        keyValueMetadata: [String: String] = [:]
    ) throws(ParquetError) -> [UInt8] {
        let w = try ParquetFileWriter(sink: MemorySink(), schema: schema, options: options, keyValueMetadata: keyValueMetadata)
        try w.write(rows: rows)
        let sink = try w.close()
        return (sink as? MemorySink)?.bytes ?? []
    }
}
