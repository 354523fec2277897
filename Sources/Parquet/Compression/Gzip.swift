import CZlib

/// GZIP (RFC 1952) through the system zlib.
enum Gzip {
    static func compress(_ input: UnsafeRawBufferPointer, into out: inout [UInt8]) throws(ParquetError) {
        var stream = z_stream()
        // windowBits 15 + 16 selects the gzip wrapper.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetError(.compression, "deflateInit failed")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count))) + 32
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bound))
        var status: Int32 = 0
        out.withUnsafeMutableBytes { dst in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = (dst.baseAddress! + start).assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(bound)
            status = deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw ParquetError(.compression, "gzip compression failed") }
        out.removeLast(Int(stream.avail_out))
    }

    static func decompress(_ input: UnsafeRawBufferPointer, expectedSize: Int) throws(ParquetError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32 accepts both zlib and gzip headers.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetError(.compression, "inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var status: Int32 = 0
        var produced = 0
        let out = [UInt8](unsafeUninitializedCapacity: max(expectedSize, 1)) { buf, n in
            buf.baseAddress!.initialize(repeating: 0, count: max(expectedSize, 1))
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = buf.baseAddress
            stream.avail_out = uInt(expectedSize)
            status = inflate(&stream, Z_FINISH)
            produced = expectedSize - Int(stream.avail_out)
            n = expectedSize
        }
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && produced == expectedSize && stream.avail_in == 0),
              produced == expectedSize else {
            throw ParquetError(.compression, "corrupt gzip data")
        }
        return out
    }
}
