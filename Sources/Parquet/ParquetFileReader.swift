/// Reads Parquet files: opening parses only the footer, so `schema`, `rowCount` and
/// `keyValueMetadata` cost one small read; pages are read per row group and column on demand.
public final class ParquetFileReader: Sendable {
    /// The file's schema, rebuilt from the footer.
    public let schema: ParquetSchema
    /// Total rows over all row groups.
    public let rowCount: Int64
    /// Footer key-value metadata (missing values read as empty strings).
    public let keyValueMetadata: [String: String]
    /// The writer's self-description, e.g. `parquet-cpp-arrow version 17.0.0`.
    public let createdBy: String?
    /// The safety limits this reader enforces.
    public let options: ParquetReaderOptions

    private let source: any ParquetByteSource
    private let rowGroups: [RowGroup]
    private let plan: RecordPlan

    /// Opens the file at `path`.
    public convenience init(path: String, options: ParquetReaderOptions = ParquetReaderOptions()) throws(ParquetError) {
        try self.init(source: try FileSource(path: path), options: options)
    }

    /// Opens an in-memory file.
    public convenience init(bytes: [UInt8], options: ParquetReaderOptions = ParquetReaderOptions()) throws(ParquetError) {
        try self.init(source: MemorySource(bytes), options: options)
    }

    /// Opens any random-access source; reads and validates only the footer.
    public init(source: any ParquetByteSource, options: ParquetReaderOptions = ParquetReaderOptions()) throws(ParquetError) {
        self.source = source
        self.options = options
        let size = source.size
        guard size >= 12 else { throw .truncated("file of \(size) bytes is too small for Parquet") }
        let head = try source.read(offset: 0, count: 4)
        let tail = try source.read(offset: size - 8, count: 8)
        if Array(tail[4..<8]) == Array("PARE".utf8) { throw .unsupported("encrypted Parquet files") }
        guard head == Array("PAR1".utf8), Array(tail[4..<8]) == Array("PAR1".utf8) else {
            throw ParquetError(.invalidMagic, "missing PAR1 magic")
        }
        let footerLength = Int(UInt32(tail[0]) | UInt32(tail[1]) << 8 | UInt32(tail[2]) << 16 | UInt32(tail[3]) << 24)
        guard footerLength <= size - 12 else { throw .corrupt("footer length \(footerLength) exceeds file") }
        guard footerLength <= options.maxFooterBytes else { throw ParquetError(.limitExceeded, "footer of \(footerLength) bytes") }
        let footer = try source.read(offset: size - 8 - footerLength, count: footerLength)
        var r = ThriftCompactReader(footer)
        let meta = try FileMetaData(from: &r)
        guard !meta.isEncrypted else { throw .unsupported("encrypted Parquet files") }
        let schema = try ParquetSchema(elements: meta.schema)
        let dataEnd = Int64(size - 8 - footerLength)
        var total: Int64 = 0
        for g in meta.rowGroups {
            guard g.columns.count == schema.columns.count else {
                throw .corrupt("row group has \(g.columns.count) columns, schema \(schema.columns.count)")
            }
            guard g.numRows >= 0 else { throw .corrupt("negative row count in row group") }
            for (i, c) in g.columns.enumerated() {
                guard !c.hasEncryption else { throw .unsupported("encrypted columns") }
                guard c.filePath == nil else { throw .unsupported("column chunks in external files") }
                guard let m = c.metaData else { throw .corrupt("column chunk without metadata") }
                guard m.type == schema.columns[i].physicalType.rawValue else {
                    throw .corrupt("column \(schema.columns[i].dottedPath) type differs from schema")
                }
                guard ParquetCompression(rawValue: m.codec) != nil else { throw .unsupported("codec \(m.codec)") }
                let start = Self.chunkStart(m)
                guard start >= 4, m.totalCompressedSize >= 0, start <= dataEnd, m.totalCompressedSize <= dataEnd - start else {
                    throw .corrupt("column chunk \(schema.columns[i].dottedPath) lies outside the file")
                }
                guard m.numValues >= 0 else { throw .corrupt("negative value count") }
            }
            let (sum, overflow) = total.addingReportingOverflow(g.numRows)
            guard !overflow else { throw .corrupt("row count overflow") }
            total = sum
        }
        self.schema = schema
        self.rowGroups = meta.rowGroups
        self.rowCount = meta.numRows
        self.createdBy = meta.createdBy
        var kv: [String: String] = [:]
        for e in meta.keyValueMetadata ?? [] { kv[e.key] = e.value ?? "" }
        self.keyValueMetadata = kv
        self.plan = RecordPlan(schema: schema)
    }

    private static func chunkStart(_ m: ColumnMetaData) -> Int64 {
        if let d = m.dictionaryPageOffset, d > 0, d < m.dataPageOffset { return d }
        return m.dataPageOffset
    }

    /// Number of row groups.
    public var rowGroupCount: Int { rowGroups.count }

    /// Rows in row group `index`.
    public func rowCount(ofRowGroup index: Int) -> Int64 { rowGroups[index].numRows }

    /// Footer metadata of one column chunk (sizes, codec, statistics) without reading pages.
    public func columnChunkInfo(rowGroup: Int, column: Int) -> ColumnChunkInfo {
        ColumnChunkInfo(column: schema.columns[column], meta: rowGroups[rowGroup].columns[column].metaData!)
    }

    /// Reads and decodes one column chunk (values and levels) of a row group.
    public func readColumn(rowGroup: Int, column: Int) throws(ParquetError) -> ColumnBatch {
        guard rowGroups.indices.contains(rowGroup), schema.columns.indices.contains(column) else {
            throw .invalidValue("no column \(column) in row group \(rowGroup)")
        }
        let m = rowGroups[rowGroup].columns[column].metaData!
        let start = Self.chunkStart(m)
        guard m.totalCompressedSize <= Int64(options.maxColumnChunkBytes) else {
            throw ParquetError(.limitExceeded, "column chunk of \(m.totalCompressedSize) bytes")
        }
        let bytes = try source.read(offset: Int(start), count: Int(m.totalCompressedSize))
        let reader = ColumnChunkReader(
            column: schema.columns[column], codec: ParquetCompression(rawValue: m.codec)!, limits: options)
        guard m.numValues <= Int64(options.maxValuesPerColumnChunk) else {
            throw ParquetError(.limitExceeded, "column chunk of \(m.numValues) values")
        }
        return try reader.read(bytes, expectedValues: Int(m.numValues))
    }

    /// An assembler over one row group's decoded columns, optionally for some top-level fields only.
    func assembler(rowGroup: Int, fields: [String]? = nil) throws(ParquetError) -> RecordAssembler {
        guard rowGroups.indices.contains(rowGroup) else { throw .invalidValue("no row group \(rowGroup)") }
        guard let fields else {
            var batches: [ColumnBatch] = []
            for c in schema.columns.indices { batches.append(try readColumn(rowGroup: rowGroup, column: c)) }
            return RecordAssembler(schema: schema, plan: plan, batches: batches)
        }
        let wanted = Set(fields)
        for name in wanted where schema.field(named: name) == nil { throw .invalidValue("no field \(name) in the schema") }
        var kept: [ParquetField] = []
        var batches: [ColumnBatch] = []
        var next = 0
        for f in schema.fields {
            let leaves = Self.leafCount(f)
            if wanted.contains(f.name) {
                kept.append(f)
                for c in next..<next + leaves { batches.append(try readColumn(rowGroup: rowGroup, column: c)) }
            }
            next += leaves
        }
        let sub = try ParquetSchema(kept, name: schema.name)
        return RecordAssembler(schema: sub, plan: RecordPlan(schema: sub), batches: batches)
    }

    private static func leafCount(_ f: ParquetField) -> Int {
        f.isGroup ? f.children.reduce(0) { $0 + leafCount($1) } : 1
    }

    /// Reads every record of one row group; `fields` limits it to those top-level fields, and only
    /// their columns are read.
    public func readRows(rowGroup: Int, fields: [String]? = nil) throws(ParquetError) -> [ParquetValue] {
        var rows: [ParquetValue] = []
        rows.reserveCapacity(min(Int(rowGroups[rowGroup].numRows), 1 << 16))
        try forEachRow(rowGroup: rowGroup, fields: fields) { rows.append($0) }
        return rows
    }

    /// Streams the records of one row group without collecting them; checks the footer's row count.
    public func forEachRow(
        rowGroup: Int, fields: [String]? = nil, _ body: (ParquetValue) throws(ParquetError) -> Void
    ) throws(ParquetError) {
        if fields?.isEmpty == true { throw .invalidValue("select at least one field") }
        var assembler = try assembler(rowGroup: rowGroup, fields: fields)
        let expected = rowGroups[rowGroup].numRows
        var count: Int64 = 0
        while let row = try assembler.next() {
            count += 1
            guard count <= expected else { throw .corrupt("row group holds more rows than declared") }
            try body(row)
        }
        guard count == expected else { throw .corrupt("row group holds \(count) rows, footer says \(expected)") }
    }

    /// Reads all records of the file into memory (convenient for small files and tests).
    public func readAllRows() throws(ParquetError) -> [ParquetValue] {
        var out: [ParquetValue] = []
        for g in rowGroups.indices { out += try readRows(rowGroup: g) }
        return out
    }

    /// Streams records one row group at a time, holding at most one row group in memory.
    public func forEachRow(fields: [String]? = nil, _ body: (ParquetValue) throws(ParquetError) -> Void) throws(ParquetError) {
        for g in rowGroups.indices { try forEachRow(rowGroup: g, fields: fields, body) }
    }

    /// A pull-style iterator over all records.
    public func makeRowIterator() -> RowIterator { RowIterator(reader: self) }

    /// Pull-style record iterator; `next()` throws instead of trapping on bad data, and holds
    /// only the current row group's columns in memory.
    public struct RowIterator {
        let reader: ParquetFileReader
        private var group = 0
        private var assembler: RecordAssembler?
        private var produced: Int64 = 0

        init(reader: ParquetFileReader) { self.reader = reader }

        /// The next record, or nil at the end of the file.
        public mutating func next() throws(ParquetError) -> ParquetValue? {
            while true {
                if assembler != nil {
                    let expected = reader.rowCount(ofRowGroup: group - 1)
                    if let row = try assembler!.next() {
                        produced += 1
                        guard produced <= expected else { throw .corrupt("row group holds more rows than declared") }
                        return row
                    }
                    guard produced == expected else { throw .corrupt("row group holds \(produced) rows, footer says \(expected)") }
                    assembler = nil
                }
                guard group < reader.rowGroupCount else { return nil }
                assembler = try reader.assembler(rowGroup: group)
                produced = 0
                group += 1
            }
        }
    }
}
