/// Encodes one column chunk (all of a row group's data for one leaf) into pages and returns its
/// footer metadata. Pages are cut at record boundaries so both page versions stay valid.
struct ColumnChunkWriter {
    let column: ColumnDescriptor
    let options: ParquetWriterOptions

    /// Writes the chunk starting at file offset `offset`; returns the metadata and bytes written.
    func write(
        _ batch: ColumnBatch, offset: Int64, sink: inout some ParquetByteSink
    ) throws(ParquetError) -> (ColumnChunk, Int64) {
        let values = batch.values
        let entries = batch.entryCount
        let maxDef = column.maxDefinitionLevel
        let maxRep = column.maxRepetitionLevel
        let codec = options.compression
        var written: Int64 = 0
        var uncompressedTotal: Int64 = 0
        var dictionaryOffset: Int64?

        var dictionary: DictionaryEncoder.Result?
        if options.dictionaryEnabled && values.count > 0 {
            dictionary = DictionaryEncoder.build(values, limitBytes: options.dictionaryPageLimitBytes)
        }
        if let d = dictionary {
            var plain: [UInt8] = []
            PlainEncoder.encode(d.dictionary, range: 0..<d.dictionary.count, typeLength: column.typeLength, into: &plain)
            let compressed = try PageCompressor.compress(plain, codec: codec, zstdLevel: options.zstdLevel)
            var header = PageHeader()
            header.type = PageType.dictionaryPage.rawValue
            header.uncompressedPageSize = Int32(plain.count)
            header.compressedPageSize = Int32(compressed.count)
            var dh = DictionaryPageHeader()
            dh.numValues = Int32(d.dictionary.count)
            dh.encoding = ParquetEncoding.plain.rawValue
            header.dictionaryPageHeader = dh
            let hb = header.serialized()
            dictionaryOffset = offset
            try sink.write(hb)
            try sink.write(compressed)
            written += Int64(hb.count + compressed.count)
            uncompressedTotal += Int64(hb.count + plain.count)
        }
        let dataOffset = offset + written
        let indexBitWidth = dictionary.map { max(1, BitPacking.bitWidth(UInt64(max(0, $0.dictionary.count - 1)))) } ?? 0
        let valueEncoding: ParquetEncoding = dictionary == nil ? .plain : .rleDictionary

        // Walk entries, cutting a page when its values pass the target size at a record start.
        let valueWidth = Self.valueWidth(column)
        var entryStart = 0
        var valueStart = 0
        var e = 0
        var v = 0
        var pageBytes = 0
        let target = max(1, options.pageTargetBytes)
        let hasDef = maxDef > 0 && !batch.definitionLevels.isEmpty
        let hasRep = maxRep > 0 && !batch.repetitionLevels.isEmpty
        repeat {
            // Advance until the page is full or the chunk ends.
            if !hasDef && !hasRep {
                let perPage = valueWidth > 0 ? max(1, target / valueWidth) : Int.max
                if valueWidth > 0 {
                    e = min(entries, entryStart + perPage)
                    v = e
                } else {
                    while e < entries && pageBytes < target {
                        pageBytes += values.offsets[e + 1] - values.offsets[e] + 4
                        e += 1
                    }
                    v = e
                }
            } else {
                batch.definitionLevels.withUnsafeBufferPointer { defs in
                    batch.repetitionLevels.withUnsafeBufferPointer { reps in
                        while e < entries {
                            if pageBytes >= target && (!hasRep || reps[e] == 0) { break }
                            if !hasDef || Int(defs[e]) == maxDef {
                                pageBytes += valueWidth > 0 ? valueWidth : values.offsets[v + 1] - values.offsets[v] + 4
                                v += 1
                            }
                            e += 1
                        }
                    }
                }
            }
            let (pageWritten, pageUncompressed) = try writeDataPage(
                batch, entries: entryStart..<e, values: valueStart..<v, dictionary: dictionary,
                indexBitWidth: indexBitWidth, encoding: valueEncoding, hasDef: hasDef, hasRep: hasRep, sink: &sink)
            written += pageWritten
            uncompressedTotal += pageUncompressed
            entryStart = e
            valueStart = v
            pageBytes = 0
        } while e < entries

        var meta = ColumnMetaData()
        meta.type = column.physicalType.rawValue
        meta.encodings = dictionary == nil
            ? [ParquetEncoding.plain.rawValue, ParquetEncoding.rle.rawValue]
            : [ParquetEncoding.plain.rawValue, ParquetEncoding.rle.rawValue, ParquetEncoding.rleDictionary.rawValue]
        meta.pathInSchema = column.path
        meta.codec = codec.rawValue
        meta.numValues = Int64(entries)
        meta.totalUncompressedSize = uncompressedTotal
        meta.totalCompressedSize = written
        meta.dataPageOffset = dataOffset
        meta.dictionaryPageOffset = dictionaryOffset
        if options.writeStatistics {
            meta.statistics = StatisticsBuilder.build(batch, column: column)
        }
        var chunk = ColumnChunk()
        chunk.fileOffset = offset
        chunk.metaData = meta
        return (chunk, written)
    }

    static func valueWidth(_ column: ColumnDescriptor) -> Int {
        switch column.physicalType {
        case .boolean: 1
        case .int32, .float: 4
        case .int64, .double: 8
        case .int96: 12
        case .fixedLenByteArray: column.typeLength
        case .byteArray: 0
        }
    }

    private func writeDataPage(
        _ batch: ColumnBatch, entries: Range<Int>, values: Range<Int>, dictionary: DictionaryEncoder.Result?,
        indexBitWidth: Int, encoding: ParquetEncoding, hasDef: Bool, hasRep: Bool, sink: inout some ParquetByteSink
    ) throws(ParquetError) -> (Int64, Int64) {
        var repBytes: [UInt8] = []
        var defBytes: [UInt8] = []
        if hasRep {
            batch.repetitionLevels[entries].withUnsafeBufferPointer {
                RLEHybridEncoder.encode($0, bitWidth: BitPacking.bitWidth(UInt64(column.maxRepetitionLevel)), into: &repBytes)
            }
        } else if column.maxRepetitionLevel > 0 {
            let all = [UInt16](repeating: UInt16(0), count: entries.count)
            repBytes = RLEHybridEncoder.encode(all, bitWidth: BitPacking.bitWidth(UInt64(column.maxRepetitionLevel)))
        }
        if hasDef {
            batch.definitionLevels[entries].withUnsafeBufferPointer {
                RLEHybridEncoder.encode($0, bitWidth: BitPacking.bitWidth(UInt64(column.maxDefinitionLevel)), into: &defBytes)
            }
        } else if column.maxDefinitionLevel > 0 {
            let all = [UInt16](repeating: UInt16(column.maxDefinitionLevel), count: entries.count)
            defBytes = RLEHybridEncoder.encode(all, bitWidth: BitPacking.bitWidth(UInt64(column.maxDefinitionLevel)))
        }
        var valueBytes: [UInt8] = []
        if let dictionary {
            valueBytes.append(UInt8(indexBitWidth))
            dictionary.indices[values].withUnsafeBufferPointer {
                RLEHybridEncoder.encode($0, bitWidth: indexBitWidth, into: &valueBytes)
            }
        } else {
            PlainEncoder.encode(batch.values, range: values, typeLength: column.typeLength, into: &valueBytes)
        }
        var header = PageHeader()
        let body: [UInt8]
        let uncompressedSize: Int
        switch options.pageVersion {
        case .v1:
            var page: [UInt8] = []
            page.reserveCapacity(repBytes.count + defBytes.count + valueBytes.count + 8)
            if column.maxRepetitionLevel > 0 {
                page.appendLE(UInt32(repBytes.count))
                page.append(contentsOf: repBytes)
            }
            if column.maxDefinitionLevel > 0 {
                page.appendLE(UInt32(defBytes.count))
                page.append(contentsOf: defBytes)
            }
            page.append(contentsOf: valueBytes)
            uncompressedSize = page.count
            body = try PageCompressor.compress(page, codec: options.compression, zstdLevel: options.zstdLevel)
            header.type = PageType.dataPage.rawValue
            var dh = DataPageHeader()
            dh.numValues = Int32(entries.count)
            dh.encoding = encoding.rawValue
            header.dataPageHeader = dh
        case .v2:
            let compressed = try PageCompressor.compress(valueBytes, codec: options.compression, zstdLevel: options.zstdLevel)
            body = repBytes + defBytes + compressed
            uncompressedSize = repBytes.count + defBytes.count + valueBytes.count
            header.type = PageType.dataPageV2.rawValue
            var dh = DataPageHeaderV2()
            dh.numValues = Int32(entries.count)
            dh.numNulls = Int32(entries.count - values.count)
            dh.numRows = Int32(hasRep ? batch.repetitionLevels[entries].reduce(0) { $0 + ($1 == 0 ? 1 : 0) } : entries.count)
            dh.encoding = encoding.rawValue
            dh.definitionLevelsByteLength = Int32(defBytes.count)
            dh.repetitionLevelsByteLength = Int32(repBytes.count)
            dh.isCompressed = options.compression != .uncompressed
            header.dataPageHeaderV2 = dh
        }
        header.uncompressedPageSize = Int32(uncompressedSize)
        header.compressedPageSize = Int32(body.count)
        let hb = header.serialized()
        try sink.write(hb)
        try sink.write(body)
        return (Int64(hb.count + body.count), Int64(hb.count + uncompressedSize))
    }
}
