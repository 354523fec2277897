/// Reads the RLE/bit-packed hybrid encoding (levels, boolean RLE, dictionary indices).
struct RLEHybridDecoder {
    private var cursor: ByteCursor
    private let bitWidth: Int

    init(_ data: UnsafeRawBufferPointer, bitWidth: Int) throws(ParquetError) {
        guard bitWidth >= 0, bitWidth <= 32 else { throw .corrupt("RLE bit width \(bitWidth)") }
        self.cursor = ByteCursor(data)
        self.bitWidth = bitWidth
    }

    /// Decodes exactly `count` values into `out`, or throws if the data runs out.
    mutating func decode<T: FixedWidthInteger>(count: Int, into out: UnsafeMutablePointer<T>) throws(ParquetError) {
        var filled = 0
        let byteWidth = (bitWidth + 7) / 8
        while filled < count {
            let header = try cursor.readVarint()
            if header & 1 == 0 {
                let run = header >> 1
                var value: UInt64 = 0
                for k in 0..<byteWidth { value |= UInt64(try cursor.readByte()) << UInt64(8 * k) }
                if bitWidth < 64, value >> UInt64(bitWidth) != 0 { throw .corrupt("RLE value wider than bit width") }
                guard run > 0 else { throw .corrupt("empty RLE run") }
                let n = Int(min(run, UInt64(count - filled)))
                (out + filled).update(repeating: T(truncatingIfNeeded: value), count: n)
                filled += n
            } else {
                let groups = header >> 1
                guard groups > 0, groups <= UInt64(cursor.remaining + 1) * 8 else { throw .corrupt("bit-packed run length") }
                let values = Int(groups) * 8
                let bytes = Int(groups) * bitWidth
                let available = min(bytes, cursor.remaining)
                let n = min(values, count - filled)
                // A final group may be shorter than declared in the file if the writer trimmed it.
                guard (n * bitWidth + 7) / 8 <= available else { throw .truncated("bit-packed run") }
                BitPacking.unpack(cursor.base, offset: cursor.position, count: n, bitWidth: bitWidth, into: out + filled)
                try cursor.skip(available)
                filled += n
            }
        }
    }

    /// Bytes consumed so far.
    var position: Int { cursor.position }
}
