/// Bounds-checked little-endian reads from a raw buffer; the decoders' cursor.
struct ByteCursor: VarintReading {
    let base: UnsafeRawBufferPointer
    var position: Int

    init(_ base: UnsafeRawBufferPointer, position: Int = 0) {
        self.base = base
        self.position = position
    }

    var remaining: Int { base.count - position }

    @inline(__always)
    mutating func readByte() throws(ParquetError) -> UInt8 {
        guard position < base.count else { throw .truncated("encoded data ends early") }
        let b = base[position]
        position += 1
        return b
    }

    @inline(__always)
    mutating func readLE<T: FixedWidthInteger>(_: T.Type) throws(ParquetError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw .truncated("encoded data ends early") }
        let v = base.loadUnaligned(fromByteOffset: position, as: T.self)
        position += size
        return T(littleEndian: v)
    }

    mutating func skip(_ n: Int) throws(ParquetError) {
        guard n >= 0, n <= remaining else { throw .truncated("encoded data ends early") }
        position += n
    }
}
