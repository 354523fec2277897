/// Reads BYTE_STREAM_SPLIT: byte k of every value is stored in stream k.
enum ByteStreamSplitDecoder {
    static func decode(
        _ cursor: inout ByteCursor, count: Int, typeLength: Int, into out: inout ColumnValues
    ) throws(ParquetError) {
        let width: Int
        switch out.physicalType {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .fixedLenByteArray: width = typeLength
        default: throw .unsupported("BYTE_STREAM_SPLIT for \(out.physicalType)")
        }
        let (need, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow, width > 0, cursor.remaining >= need else { throw .truncated("BYTE_STREAM_SPLIT data") }
        let src = cursor.base
        let start = cursor.position
        let joined = [UInt8](unsafeUninitializedCapacity: need) { buf, n in
            for k in 0..<width {
                let stream = start + k * count
                for i in 0..<count { buf[i * width + k] = src[stream + i] }
            }
            n = need
        }
        cursor.position += need
        try joined.withRawBytes { (raw) throws(ParquetError) in
            var c = ByteCursor(raw)
            try PlainDecoder.decode(&c, count: count, typeLength: typeLength, into: &out)
        }
    }
}
