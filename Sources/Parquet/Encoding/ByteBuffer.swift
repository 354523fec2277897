/// Little-endian appends on byte arrays: the writer builds pages in plain `[UInt8]` buffers.
extension Array where Element == UInt8 {
    @inline(__always)
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func appendVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        append(UInt8(v))
    }

    /// Appends the raw bytes of a contiguous array of trivial values (little-endian hosts only,
    /// which is every platform Swift on Linux and macOS runs on today).
    mutating func appendRaw<T>(_ values: ArraySlice<T>) {
        values.withUnsafeBytes { append(contentsOf: $0) }
    }
}

/// Bounds-checked little-endian reads from a raw buffer; the decoders' cursor.
struct ByteCursor {
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

    mutating func readZigZag() throws(ParquetError) -> Int64 {
        let v = try readVarint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    mutating func skip(_ n: Int) throws(ParquetError) {
        guard n >= 0, n <= remaining else { throw .truncated("encoded data ends early") }
        position += n
    }
}

extension Array {
    /// `withUnsafeBytes` with a typed error, which the standard library's version does not propagate.
    @inline(__always)
    func withRawBytes<R>(_ body: (UnsafeRawBufferPointer) throws(ParquetError) -> R) throws(ParquetError) -> R {
        let result: Result<R, ParquetError> = withUnsafeBytes { raw in
            do throws(ParquetError) { return .success(try body(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
