import CZstd

/// ZSTD through the system libzstd: the lake's default codec.
enum Zstd {
    static func compress(_ input: UnsafeRawBufferPointer, level: Int32, into out: inout [UInt8]) throws(ParquetError) {
        let bound = ZSTD_compressBound(input.count)
        let start = out.count
        out.reserveCapacity(start + bound)
        var written = 0
        var error = false
        out.append(contentsOf: repeatElement(0, count: bound))
        out.withUnsafeMutableBytes { dst in
            let r = ZSTD_compress(dst.baseAddress! + start, bound, input.baseAddress, input.count, level)
            if ZSTD_isError(r) != 0 { error = true } else { written = r }
        }
        if error { throw ParquetError(.compression, "zstd compression failed") }
        out.removeLast(bound - written)
    }

    static func decompress(_ input: UnsafeRawBufferPointer, expectedSize: Int) throws(ParquetError) -> [UInt8] {
        var result = 0
        let out = [UInt8](unsafeUninitializedCapacity: max(expectedSize, 1)) { buf, n in
            result = ZSTD_decompress(buf.baseAddress, expectedSize, input.baseAddress, input.count)
            if ZSTD_isError(result) == 0 && result < expectedSize {
                (buf.baseAddress! + result).initialize(repeating: 0, count: expectedSize - result)
            } else if ZSTD_isError(result) != 0 {
                buf.baseAddress!.initialize(repeating: 0, count: expectedSize)
            }
            n = expectedSize
        }
        guard ZSTD_isError(result) == 0, result == expectedSize else {
            throw ParquetError(.compression, "corrupt zstd data")
        }
        return out
    }
}
