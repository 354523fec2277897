/// Writes the RLE/bit-packed hybrid encoding: runs of 8 or more equal values become RLE runs,
/// everything else goes into bit-packed groups of 8.
enum RLEHybridEncoder {
    static func encode<T: FixedWidthInteger>(_ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]) {
        let n = values.count
        guard n > 0 else { return }
        let byteWidth = (bitWidth + 7) / 8
        var litStart = 0
        var litCount = 0
        var i = 0
        while i < n {
            let v = values[i]
            var j = i + 1
            while j < n && values[j] == v { j += 1 }
            var run = j - i
            if run >= 8 {
                if litCount % 8 != 0 {
                    let fill = 8 - litCount % 8
                    litCount += fill
                    i += fill
                    run -= fill
                }
                if run >= 8 {
                    flushLiteral(values, start: litStart, count: litCount, bitWidth: bitWidth, into: &out)
                    out.appendVarint(UInt64(run) << 1)
                    var x = UInt64(truncatingIfNeeded: v)
                    for _ in 0..<byteWidth {
                        out.append(UInt8(truncatingIfNeeded: x))
                        x >>= 8
                    }
                    i += run
                    litStart = i
                    litCount = 0
                    continue
                }
            }
            litCount += run
            i += run
        }
        flushLiteral(values, start: litStart, count: litCount, bitWidth: bitWidth, into: &out)
    }

    private static func flushLiteral<T: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<T>, start: Int, count: Int, bitWidth: Int, into out: inout [UInt8]
    ) {
        guard count > 0 else { return }
        let groups = (count + 7) / 8
        out.appendVarint(UInt64(groups) << 1 | 1)
        let slice = UnsafeBufferPointer(rebasing: values[start..<start + count])
        let before = out.count
        BitPacking.pack(slice, bitWidth: bitWidth, into: &out)
        let want = groups * bitWidth
        let have = out.count - before
        if have < want { out.append(contentsOf: repeatElement(0, count: want - have)) }
    }

    /// Encodes into a fresh buffer.
    static func encode<T: FixedWidthInteger>(_ values: [T], bitWidth: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count / 4 + 16)
        values.withUnsafeBufferPointer { encode($0, bitWidth: bitWidth, into: &out) }
        return out
    }
}
