/// Decodes all pages of one column chunk into a `ColumnBatch` (values plus levels).
struct ColumnChunkReader {
    let column: ColumnDescriptor
    let codec: ParquetCompression
    let limits: ParquetReaderOptions

    /// `bytes` is the chunk's byte range; `expectedValues` the entry count from the footer.
    func read(_ bytes: [UInt8], expectedValues: Int) throws(ParquetError) -> ColumnBatch {
        guard expectedValues >= 0, expectedValues <= limits.maxValuesPerColumnChunk else {
            throw ParquetError(.limitExceeded, "column chunk of \(expectedValues) values")
        }
        var batch = ColumnBatch(values: ColumnValues(physicalType: column.physicalType))
        let maxDef = column.maxDefinitionLevel
        let maxRep = column.maxRepetitionLevel
        if maxDef > 0 { batch.definitionLevels.reserveCapacity(expectedValues) }
        if maxRep > 0 { batch.repetitionLevels.reserveCapacity(expectedValues) }
        var dictionary: ColumnValues?
        var position = 0
        var entries = 0
        while entries < expectedValues {
            guard position < bytes.count else { throw .truncated("column \(column.dottedPath) ends before all pages") }
            var r = ThriftCompactReader(bytes, start: position)
            let header = try PageHeader(from: &r)
            position = r.position
            let size = Int(header.compressedPageSize)
            guard size <= bytes.count - position else { throw .truncated("page of \(size) bytes in \(column.dottedPath)") }
            let body = position..<position + size
            position += size
            switch header.type {
            case PageType.dictionaryPage.rawValue:
                guard let dh = header.dictionaryPageHeader else { throw .corrupt("dictionary page without header") }
                guard dictionary == nil else { throw .corrupt("second dictionary page in \(column.dottedPath)") }
                let n = Int(dh.numValues)
                guard n >= 0 else { throw .corrupt("negative dictionary size") }
                let page = try decompress(bytes, body, Int(header.uncompressedPageSize))
                var d = ColumnValues(physicalType: column.physicalType)
                try page.withRawBytes { (raw) throws(ParquetError) in
                    var c = ByteCursor(raw)
                    try PlainDecoder.decode(&c, count: n, typeLength: column.typeLength, into: &d)
                }
                dictionary = d
            case PageType.dataPage.rawValue:
                guard let dh = header.dataPageHeader else { throw .corrupt("data page without header") }
                let n = Int(dh.numValues)
                guard n >= 0, n <= expectedValues - entries else { throw .corrupt("page value count \(n) in \(column.dottedPath)") }
                let page = try decompress(bytes, body, Int(header.uncompressedPageSize))
                try page.withRawBytes { (raw) throws(ParquetError) in
                    var c = ByteCursor(raw)
                    if maxRep > 0 {
                        try Self.levelsV1(&c, count: n, maxLevel: maxRep, encoding: dh.repetitionLevelEncoding, into: &batch.repetitionLevels)
                    }
                    if maxDef > 0 {
                        try Self.levelsV1(&c, count: n, maxLevel: maxDef, encoding: dh.definitionLevelEncoding, into: &batch.definitionLevels)
                    }
                    let present = maxDef > 0 ? Self.countPresent(batch.definitionLevels, from: entries, maxDef) : n
                    try ValueDecoder.decode(&c, count: present, encoding: dh.encoding, column: column, dictionary: dictionary, into: &batch.values)
                }
                entries += n
            case PageType.dataPageV2.rawValue:
                guard let dh = header.dataPageHeaderV2 else { throw .corrupt("data page v2 without header") }
                let n = Int(dh.numValues)
                guard n >= 0, n <= expectedValues - entries else { throw .corrupt("page value count \(n) in \(column.dottedPath)") }
                let repLength = Int(dh.repetitionLevelsByteLength)
                let defLength = Int(dh.definitionLevelsByteLength)
                guard repLength + defLength <= size, repLength + defLength <= Int(header.uncompressedPageSize) else {
                    throw .corrupt("level lengths exceed page")
                }
                try bytes.withRawBytes { (raw) throws(ParquetError) in
                    if maxRep > 0 {
                        let levels = UnsafeRawBufferPointer(rebasing: raw[body.lowerBound..<body.lowerBound + repLength])
                        try Self.levels(levels, count: n, maxLevel: maxRep, into: &batch.repetitionLevels)
                    }
                    if maxDef > 0 {
                        let start = body.lowerBound + repLength
                        let levels = UnsafeRawBufferPointer(rebasing: raw[start..<start + defLength])
                        try Self.levels(levels, count: n, maxLevel: maxDef, into: &batch.definitionLevels)
                    }
                }
                let valuesRange = body.lowerBound + repLength + defLength..<body.upperBound
                let expected = Int(header.uncompressedPageSize) - repLength - defLength
                let page: [UInt8]
                if dh.isCompressed && codec != .uncompressed {
                    page = try decompress(bytes, valuesRange, expected)
                } else {
                    page = Array(bytes[valuesRange])
                }
                let present = maxDef > 0 ? Self.countPresent(batch.definitionLevels, from: entries, maxDef) : n
                try page.withRawBytes { (raw) throws(ParquetError) in
                    var c = ByteCursor(raw)
                    try ValueDecoder.decode(&c, count: present, encoding: dh.encoding, column: column, dictionary: dictionary, into: &batch.values)
                }
                entries += n
            default:
                break  // Index pages and unknown page types are skipped.
            }
        }
        return batch
    }

    private func decompress(_ bytes: [UInt8], _ range: Range<Int>, _ expected: Int) throws(ParquetError) -> [UInt8] {
        try bytes.withRawBytes { (raw) throws(ParquetError) in
            try PageCompressor.decompress(UnsafeRawBufferPointer(rebasing: raw[range]), codec: codec, expectedSize: expected)
        }
    }

    private static func countPresent(_ levels: [UInt16], from start: Int, _ maxDef: Int) -> Int {
        var n = 0
        let m = UInt16(maxDef)
        levels.withUnsafeBufferPointer { b in
            for i in start..<b.count where b[i] == m { n += 1 }
        }
        return n
    }

    private static func levelsV1(
        _ c: inout ByteCursor, count: Int, maxLevel: Int, encoding: Int32, into out: inout [UInt16]
    ) throws(ParquetError) {
        guard encoding == ParquetEncoding.rle.rawValue else {
            throw .unsupported("level encoding \(encoding)")
        }
        let length = Int(try c.readLE(UInt32.self))
        guard length <= c.remaining else { throw .truncated("level data") }
        try levels(UnsafeRawBufferPointer(rebasing: c.base[c.position..<c.position + length]), count: count, maxLevel: maxLevel, into: &out)
        c.position += length
    }

    private static func levels(
        _ data: UnsafeRawBufferPointer, count: Int, maxLevel: Int, into out: inout [UInt16]
    ) throws(ParquetError) {
        guard count > 0 else { return }
        var decoder = try RLEHybridDecoder(data, bitWidth: BitPacking.bitWidth(UInt64(maxLevel)))
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: count))
        var failure: ParquetError?
        out.withUnsafeMutableBufferPointer { buf in
            do throws(ParquetError) {
                try decoder.decode(count: count, into: buf.baseAddress! + start)
                for i in start..<start + count where Int(buf[i]) > maxLevel {
                    throw .corrupt("level \(buf[i]) above maximum \(maxLevel)")
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
