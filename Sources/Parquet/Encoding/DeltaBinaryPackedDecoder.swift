/// Reads DELTA_BINARY_PACKED integers (blocks of miniblocks of bit-packed deltas from a minimum).
enum DeltaBinaryPackedDecoder {
    /// Decodes exactly `count` values and leaves `cursor` after the encoded data.
    static func decode(_ cursor: inout ByteCursor, count: Int) throws(ParquetError) -> [Int64] {
        let blockSize = try cursor.readVarint()
        let miniblocks = try cursor.readVarint()
        let total = try cursor.readVarint()
        let first = try cursor.readZigZag()
        guard blockSize > 0, blockSize % 128 == 0, blockSize <= 1 << 20, miniblocks > 0, miniblocks <= blockSize,
              blockSize % miniblocks == 0, (blockSize / miniblocks) % 32 == 0 else {
            throw .corrupt("DELTA_BINARY_PACKED header (block \(blockSize), miniblocks \(miniblocks))")
        }
        guard total == UInt64(count) else { throw .corrupt("DELTA_BINARY_PACKED holds \(total) values, expected \(count)") }
        if count == 0 { return [] }
        let perMini = Int(blockSize / miniblocks)
        let minis = Int(miniblocks)
        var out = [Int64](repeating: 0, count: count)
        var produced = 1
        var previous = first
        var widths = [UInt8](repeating: 0, count: minis)
        out.withUnsafeMutableBufferPointer { out in out[0] = first }
        var failure: ParquetError?
        out.withUnsafeMutableBufferPointer { out in
            do throws(ParquetError) {
                while produced < count {
                    let minDelta = try cursor.readZigZag()
                    guard cursor.remaining >= minis else { throw .truncated("DELTA_BINARY_PACKED bit widths") }
                    for m in 0..<minis { widths[m] = cursor.base[cursor.position + m] }
                    cursor.position += minis
                    for m in 0..<minis where produced < count {
                        let width = Int(widths[m])
                        guard width <= 64 else { throw .corrupt("DELTA_BINARY_PACKED bit width \(width)") }
                        let n = min(perMini, count - produced)
                        let fullBytes = perMini * width / 8
                        let needBytes = (n * width + 7) / 8
                        guard cursor.remaining >= needBytes else { throw .truncated("DELTA_BINARY_PACKED miniblock") }
                        let dst = out.baseAddress! + produced
                        BitPacking.unpack(cursor.base, offset: cursor.position, count: n, bitWidth: width, into: dst)
                        for i in 0..<n {
                            previous = previous &+ minDelta &+ dst[i]
                            dst[i] = previous
                        }
                        cursor.position += min(fullBytes, cursor.remaining)
                        produced += n
                    }
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return out
    }
}
