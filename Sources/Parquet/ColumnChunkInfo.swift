/// Footer facts about one column chunk, available without reading pages: sizes, codec,
/// encodings and statistics (min/max decoded like row values), e.g. for catalog summaries.
public struct ColumnChunkInfo: Sendable, Hashable {
    /// Dotted path of the leaf column.
    public let path: String
    public let compression: ParquetCompression
    /// Encodings used by the chunk's pages, as numbered in parquet.thrift (unknown ones dropped).
    public let encodings: [ParquetEncoding]
    /// Entries in the chunk: values plus nulls and empty lists.
    public let valueCount: Int64
    public let compressedSize: Int64
    public let uncompressedSize: Int64
    /// Null count, when the writer recorded it.
    public let nullCount: Int64?
    /// Smallest value, when recorded in the type's sort order (`min_value`).
    public let minValue: ParquetValue?
    /// Largest value, when recorded in the type's sort order (`max_value`).
    public let maxValue: ParquetValue?

    init(column: ColumnDescriptor, meta m: ColumnMetaData) {
        path = column.dottedPath
        compression = ParquetCompression(rawValue: m.codec) ?? .uncompressed
        encodings = m.encodings.compactMap(ParquetEncoding.init(rawValue:))
        valueCount = m.numValues
        compressedSize = m.totalCompressedSize
        uncompressedSize = m.totalUncompressedSize
        nullCount = m.statistics?.nullCount
        minValue = m.statistics?.minValue.flatMap { Self.decode($0, column) }
        maxValue = m.statistics?.maxValue.flatMap { Self.decode($0, column) }
    }

    /// Statistics hold one PLAIN value without the byte-array length prefix.
    private static func decode(_ bytes: [UInt8], _ column: ColumnDescriptor) -> ParquetValue? {
        var values = ColumnValues(physicalType: column.physicalType)
        switch column.physicalType {
        case .byteArray, .fixedLenByteArray:
            values.appendBytes(bytes)
        case .boolean:
            guard let b = bytes.first else { return nil }
            values.booleans.append(b != 0)
        default:
            let ok: Bool = (try? bytes.withRawBytes { (raw) throws(ParquetError) -> Bool in
                var c = ByteCursor(raw)
                try PlainDecoder.decode(&c, count: 1, typeLength: column.typeLength, into: &values)
                return true
            }) ?? false
            guard ok else { return nil }
        }
        return LeafCodec(column).value(values, 0)
    }
}
