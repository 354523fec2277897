/// PLAIN decoding: appends `count` values read from `cursor` to `out`.
enum PlainDecoder {
    static func decode(
        _ cursor: inout ByteCursor, count: Int, typeLength: Int, into out: inout ColumnValues
    ) throws(ParquetError) {
        guard count > 0 else { return }
        switch out.physicalType {
        case .boolean:
            let need = (count + 7) / 8
            guard cursor.remaining >= need else { throw .truncated("PLAIN booleans") }
            let base = cursor.base
            let start = cursor.position
            out.booleans.reserveCapacity(out.booleans.count + count)
            for i in 0..<count { out.booleans.append(base[start + i >> 3] >> UInt8(i & 7) & 1 == 1) }
            cursor.position += need
        case .int32: try fixed(&cursor, count, &out.int32s)
        case .int64: try fixed(&cursor, count, &out.int64s)
        case .float: try fixed(&cursor, count, &out.floats)
        case .double: try fixed(&cursor, count, &out.doubles)
        case .byteArray:
            // Each value needs at least its 4-byte length, which bounds `count` by the data.
            guard cursor.remaining >= count * 4 else { throw .truncated("PLAIN byte arrays") }
            out.offsets.reserveCapacity(out.offsets.count + count)
            let base = cursor.base
            var p = cursor.position
            let end = base.count
            var total = 0
            // First pass validates lengths and sizes the byte buffer exactly once.
            for _ in 0..<count {
                guard end - p >= 4 else { throw .truncated("PLAIN byte array length") }
                let n = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
                guard n <= end - p - 4 else { throw .truncated("PLAIN byte array of \(n) bytes") }
                p += 4 + n
                total += n
            }
            out.bytes.reserveCapacity(out.bytes.count + total)
            p = cursor.position
            for _ in 0..<count {
                let n = Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: p, as: UInt32.self)))
                out.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: base[p + 4..<p + 4 + n]))
                out.offsets.append(out.bytes.count)
                p += 4 + n
            }
            cursor.position = p
        case .fixedLenByteArray, .int96:
            let width = out.physicalType == .int96 ? 12 : typeLength
            guard width > 0 else { throw .corrupt("fixed width \(width)") }
            let (need, overflow) = count.multipliedReportingOverflow(by: width)
            guard !overflow, cursor.remaining >= need else { throw .truncated("PLAIN fixed-length values") }
            let startBytes = out.bytes.count
            out.bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: cursor.base[cursor.position..<cursor.position + need]))
            out.offsets.reserveCapacity(out.offsets.count + count)
            for i in 1...count { out.offsets.append(startBytes + i * width) }
            cursor.position += need
        }
    }

    private static func fixed<T>(_ cursor: inout ByteCursor, _ count: Int, _ out: inout [T]) throws(ParquetError) {
        let size = MemoryLayout<T>.size
        let (need, overflow) = count.multipliedReportingOverflow(by: size)
        guard !overflow, cursor.remaining >= need else { throw .truncated("PLAIN values") }
        let src = cursor.base.baseAddress! + cursor.position
        let chunk = [T](unsafeUninitializedCapacity: count) { buf, n in
            UnsafeMutableRawPointer(buf.baseAddress!).copyMemory(from: src, byteCount: need)
            n = count
        }
        if out.isEmpty { out = chunk } else { out.append(contentsOf: chunk) }
        cursor.position += need
    }
}
