/// PLAIN encoding of a range of values, used for data pages and dictionary pages.
enum PlainEncoder {
    static func encode(_ v: ColumnValues, range: Range<Int>, typeLength: Int, into out: inout [UInt8]) {
        switch v.physicalType {
        case .boolean:
            v.booleans[range].withUnsafeBufferPointer { buf in
                var acc: UInt8 = 0
                var bit: UInt8 = 0
                for b in buf {
                    if b { acc |= 1 << bit }
                    bit += 1
                    if bit == 8 {
                        out.append(acc)
                        acc = 0
                        bit = 0
                    }
                }
                if bit > 0 { out.append(acc) }
            }
        case .int32: out.appendRaw(v.int32s[range])
        case .int64: out.appendRaw(v.int64s[range])
        case .float: out.appendRaw(v.floats[range])
        case .double: out.appendRaw(v.doubles[range])
        case .byteArray:
            guard !range.isEmpty else { return }
            out.reserveCapacity(out.count + v.offsets[range.upperBound] - v.offsets[range.lowerBound] + range.count * 4)
            v.bytes.withUnsafeBufferPointer { bytes in
                for i in range {
                    let r = v.byteRange(i)
                    out.appendLE(UInt32(r.count))
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[r]))
                }
            }
        case .fixedLenByteArray, .int96:
            guard !range.isEmpty else { return }
            out.append(contentsOf: v.bytes[v.offsets[range.lowerBound]..<v.offsets[range.upperBound]])
        }
    }
}
