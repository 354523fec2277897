/// Snappy block format in pure Swift (no C library on the machines we target). The compressor is
/// a greedy single-probe hash matcher: fast, with ratios close to the reference implementation.
enum Snappy {
    static func compress(_ input: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        let n = input.count
        out.reserveCapacity(out.count + 32 + n + n / 6)
        out.appendVarint(UInt64(n))
        guard n > 0 else { return }
        let src = input.baseAddress!
        // Blocks of 64 KiB keep every copy offset within two bytes.
        var blockStart = 0
        var table = [Int32](repeating: -1, count: 1 << 14)
        while blockStart < n {
            let blockEnd = min(n, blockStart + 65536)
            compressBlock(src, blockStart, blockEnd, &table, &out)
            blockStart = blockEnd
        }
    }

    @inline(__always)
    private static func load32(_ p: UnsafeRawPointer, _ i: Int) -> UInt32 {
        p.loadUnaligned(fromByteOffset: i, as: UInt32.self)
    }

    @inline(__always)
    private static func hash(_ v: UInt32) -> Int {
        Int((v &* 0x1E35_A7BD) >> 18)
    }

    private static func compressBlock(
        _ src: UnsafeRawPointer, _ start: Int, _ end: Int, _ table: inout [Int32], _ out: inout [UInt8]
    ) {
        for i in table.indices { table[i] = -1 }
        var literalStart = start
        var i = start
        let limit = end - 4
        table.withUnsafeMutableBufferPointer { table in
            while i <= limit {
                let v = load32(src, i)
                let h = hash(v)
                let candidate = Int(table[h])
                table[h] = Int32(i - start)
                if candidate >= 0, load32(src, start + candidate) == v {
                    let matchPos = start + candidate
                    var length = 4
                    while i + length < end && src.load(fromByteOffset: matchPos + length, as: UInt8.self)
                        == src.load(fromByteOffset: i + length, as: UInt8.self) {
                        length += 1
                    }
                    emitLiteral(src, literalStart, i, &out)
                    emitCopy(offset: i - matchPos, length: length, &out)
                    i += length
                    literalStart = i
                } else {
                    i += 1
                }
            }
        }
        emitLiteral(src, literalStart, end, &out)
    }

    private static func emitLiteral(_ src: UnsafeRawPointer, _ from: Int, _ to: Int, _ out: inout [UInt8]) {
        let length = to - from
        guard length > 0 else { return }
        let l = length - 1
        if l < 60 {
            out.append(UInt8(l) << 2)
        } else if l < 1 << 8 {
            out.append(60 << 2)
            out.append(UInt8(l))
        } else if l < 1 << 16 {
            out.append(61 << 2)
            out.appendLE(UInt16(l))
        } else {
            out.append(62 << 2)
            out.append(UInt8(l & 0xFF))
            out.append(UInt8(l >> 8 & 0xFF))
            out.append(UInt8(l >> 16 & 0xFF))
        }
        out.append(contentsOf: UnsafeRawBufferPointer(start: src + from, count: length))
    }

    private static func emitCopy(offset: Int, length: Int, _ out: inout [UInt8]) {
        var remaining = length
        while remaining > 0 {
            // Keep at least 4 bytes for a final copy when splitting long matches.
            var chunk = min(remaining, 64)
            if remaining > 64 && remaining - 64 < 4 { chunk = 60 }
            if chunk >= 4 && chunk <= 11 && offset < 2048 {
                out.append(UInt8(offset >> 8) << 5 | UInt8(chunk - 4) << 2 | 1)
                out.append(UInt8(offset & 0xFF))
            } else {
                out.append(UInt8(chunk - 1) << 2 | 2)
                out.appendLE(UInt16(offset))
            }
            remaining -= chunk
        }
    }

    /// Decompresses a Snappy block whose decoded length must equal `expectedSize`.
    static func decompress(_ input: UnsafeRawBufferPointer, expectedSize: Int) throws(ParquetError) -> [UInt8] {
        var cursor = ByteCursor(input)
        let declared = try cursor.readVarint()
        guard declared == UInt64(expectedSize) else { throw ParquetError(.compression, "snappy length \(declared) != \(expectedSize)") }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: expectedSize) { buf, initialized in
            var o = 0
            let dst = buf.baseAddress
            loop: while cursor.remaining > 0 {
                guard let tag = try? cursor.readByte() else { failed = true; break }
                var length = 0
                var offset = 0
                switch tag & 3 {
                case 0:
                    var l = Int(tag >> 2)
                    if l >= 60 {
                        let extra = l - 59
                        guard cursor.remaining >= extra else { failed = true; break loop }
                        l = 0
                        for k in 0..<extra { l |= Int(input[cursor.position + k]) << (8 * k) }
                        cursor.position += extra
                    }
                    length = l + 1
                    guard length <= cursor.remaining, length <= expectedSize - o else { failed = true; break loop }
                    (UnsafeMutableRawPointer(dst!) + o).copyMemory(from: input.baseAddress! + cursor.position, byteCount: length)
                    cursor.position += length
                    o += length
                    continue loop
                case 1:
                    guard cursor.remaining >= 1 else { failed = true; break loop }
                    length = 4 + Int(tag >> 2 & 7)
                    offset = Int(tag >> 5) << 8 | Int(input[cursor.position])
                    cursor.position += 1
                case 2:
                    guard cursor.remaining >= 2 else { failed = true; break loop }
                    length = 1 + Int(tag >> 2)
                    offset = Int(input[cursor.position]) | Int(input[cursor.position + 1]) << 8
                    cursor.position += 2
                default:
                    guard cursor.remaining >= 4 else { failed = true; break loop }
                    length = 1 + Int(tag >> 2)
                    offset = Int(input.loadUnaligned(fromByteOffset: cursor.position, as: UInt32.self).littleEndian)
                    cursor.position += 4
                }
                guard offset > 0, offset <= o, length <= expectedSize - o else { failed = true; break loop }
                if offset >= length {
                    (UnsafeMutableRawPointer(dst!) + o).copyMemory(from: dst! + (o - offset), byteCount: length)
                } else {
                    for k in 0..<length { dst![o + k] = dst![o - offset + k] }
                }
                o += length
            }
            if o != expectedSize { failed = true }
            // Zero whatever was not written so the array is always fully initialised.
            if o < expectedSize { (dst! + o).initialize(repeating: 0, count: expectedSize - o) }
            initialized = expectedSize
        }
        if failed { throw ParquetError(.compression, "corrupt snappy data") }
        return out
    }
}
