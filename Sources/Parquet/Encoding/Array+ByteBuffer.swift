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
