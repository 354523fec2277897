/// A byte source that reads ULEB128 varints and their zigzag form — the one encoding that both the
/// Thrift compact protocol (field values, lengths) and Parquet's own encodings (RLE headers, DELTA
/// blocks) use, read the same way from either cursor.
protocol VarintReading {
    mutating func readByte() throws(ParquetError) -> UInt8
}

extension VarintReading {
    /// An unsigned LEB128 varint of at most 10 bytes; longer ones are corrupt, not looped over.
    @inline(__always)
    mutating func readVarint() throws(ParquetError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw .corrupt("varint too long") }
        }
    }

    /// A zigzag-encoded signed varint.
    @inline(__always)
    mutating func readZigZag() throws(ParquetError) -> Int64 {
        let v = try readVarint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }
}
