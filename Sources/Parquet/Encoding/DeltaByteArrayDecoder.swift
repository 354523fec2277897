/// Reads DELTA_LENGTH_BYTE_ARRAY (delta-packed lengths, then the concatenated bytes) and
/// DELTA_BYTE_ARRAY (front-coded: shared prefix lengths plus suffixes).
enum DeltaByteArrayDecoder {
    /// Cap on the bytes front coding may expand to, since shared prefixes can grow quadratically.
    static let maxOutputBytes = 512 * 1024 * 1024

    static func decodeLengths(
        _ cursor: inout ByteCursor, count: Int, into out: inout ColumnValues
    ) throws(ParquetError) {
        let lengths = try DeltaBinaryPackedDecoder.decode(&cursor, count: count)
        var total = 0
        for l in lengths {
            guard l >= 0, l <= Int64(cursor.remaining) else { throw .corrupt("DELTA_LENGTH_BYTE_ARRAY length \(l)") }
            total += Int(l)
            guard total <= cursor.remaining else { throw .truncated("DELTA_LENGTH_BYTE_ARRAY data") }
        }
        out.bytes.reserveCapacity(out.bytes.count + total)
        out.offsets.reserveCapacity(out.offsets.count + count)
        var p = cursor.position
        for l in lengths {
            let n = Int(l)
            out.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: cursor.base[p..<p + n]))
            out.offsets.append(out.bytes.count)
            p += n
        }
        cursor.position = p
    }

    static func decodeFrontCoded(
        _ cursor: inout ByteCursor, count: Int, fixedWidth: Int, into out: inout ColumnValues
    ) throws(ParquetError) {
        let prefixes = try DeltaBinaryPackedDecoder.decode(&cursor, count: count)
        var suffixes = ColumnValues(physicalType: .byteArray)
        try decodeLengths(&cursor, count: count, into: &suffixes)
        var previous: [UInt8] = []
        var produced = 0
        for i in 0..<count {
            let prefix = prefixes[i]
            guard prefix >= 0, prefix <= Int64(previous.count) else { throw .corrupt("DELTA_BYTE_ARRAY prefix \(prefix)") }
            previous.removeSubrange(Int(prefix)...)
            previous.append(contentsOf: suffixes.bytes[suffixes.byteRange(i)])
            produced += previous.count
            guard produced <= maxOutputBytes else { throw ParquetError(.limitExceeded, "DELTA_BYTE_ARRAY expands too far") }
            if fixedWidth > 0 && previous.count != fixedWidth { throw .corrupt("DELTA_BYTE_ARRAY value width") }
            out.appendBytes(previous)
        }
    }
}
