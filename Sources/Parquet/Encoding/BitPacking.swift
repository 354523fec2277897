/// LSB-first bit packing as used by the RLE/bit-packed hybrid and DELTA_BINARY_PACKED.
enum BitPacking {
    /// Number of bits needed to store `value`.
    @inline(__always)
    static func bitWidth(_ value: UInt64) -> Int {
        value == 0 ? 0 : 64 - value.leadingZeroBitCount
    }

    /// Packs `count` values (count a multiple of 8 is not required; the tail is zero-padded to a byte).
    static func pack<T: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        guard bitWidth > 0 else { return }
        var acc: UInt64 = 0
        var bits = 0
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        for v in values {
            let x = UInt64(truncatingIfNeeded: v) & mask
            acc |= x << UInt64(bits)
            let used = bits + bitWidth
            if used >= 64 {
                out.appendLE(acc)
                let consumed = 64 - bits
                acc = consumed == 64 ? 0 : x >> UInt64(consumed)
                bits = used - 64
            } else {
                bits = used
            }
        }
        while bits > 0 {
            out.append(UInt8(truncatingIfNeeded: acc))
            acc >>= 8
            bits -= 8
        }
    }

    /// Unpacks `count` values of `bitWidth` bits starting at byte `offset` of `src`; the caller
    /// guarantees `src` holds at least `(count * bitWidth + 7) / 8` bytes from `offset`.
    @inline(__always)
    static func unpack<T: FixedWidthInteger>(
        _ src: UnsafeRawBufferPointer, offset: Int, count: Int, bitWidth: Int, into out: UnsafeMutablePointer<T>
    ) {
        if bitWidth == 0 {
            out.update(repeating: 0, count: count)
            return
        }
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        let limit = src.count
        for i in 0..<count {
            let bitOffset = i * bitWidth
            let byte = offset + bitOffset >> 3
            let shift = UInt64(bitOffset & 7)
            var word: UInt64
            if byte + 8 <= limit {
                word = UInt64(littleEndian: src.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
            } else {
                word = 0
                var k = 0
                while byte + k < limit && k < 8 {
                    word |= UInt64(src[byte + k]) << UInt64(8 * k)
                    k += 1
                }
            }
            var v = word >> shift
            if shift + UInt64(bitWidth) > 64, byte + 8 < limit {
                v |= UInt64(src[byte + 8]) << (64 - shift)
            }
            out[i] = T(truncatingIfNeeded: v & mask)
        }
    }
}
