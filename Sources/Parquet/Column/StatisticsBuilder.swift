import Foundation

/// Computes a column chunk's min, max and null count in the column's sort order. Min/max are left
/// out where the order is not the plain signed/unsigned one we compute (unsigned ints, decimals in
/// bytes, INT96) or the values are long, so readers never see misleading bounds.
enum StatisticsBuilder {
    static let maxStatBytes = 64

    static func build(_ batch: ColumnBatch, column: ColumnDescriptor) -> Statistics {
        var stats = Statistics()
        let maxDef = UInt16(column.maxDefinitionLevel)
        var nulls = 0
        if !batch.definitionLevels.isEmpty {
            for d in batch.definitionLevels where d < maxDef { nulls += 1 }
        }
        stats.nullCount = Int64(nulls)
        let v = batch.values
        guard v.count > 0 else { return stats }
        switch column.physicalType {
        case .boolean:
            let hasTrue = v.booleans.contains(true)
            let hasFalse = v.booleans.contains(false)
            stats.minValue = [hasFalse ? 0 : 1]
            stats.maxValue = [hasTrue ? 1 : 0]
        case .int32:
            if case .integer(_, false) = column.logicalType { return stats }
            if let lo = v.int32s.min(), let hi = v.int32s.max() {
                stats.minValue = le(lo)
                stats.maxValue = le(hi)
            }
        case .int64:
            if case .integer(_, false) = column.logicalType { return stats }
            if let lo = v.int64s.min(), let hi = v.int64s.max() {
                stats.minValue = le(lo)
                stats.maxValue = le(hi)
            }
        case .float:
            guard let (lo, hi) = floatingRange(v.floats) else { return stats }
            stats.minValue = le(lo.bitPattern)
            stats.maxValue = le(hi.bitPattern)
        case .double:
            guard let (lo, hi) = floatingRange(v.doubles) else { return stats }
            stats.minValue = le(lo.bitPattern)
            stats.maxValue = le(hi.bitPattern)
        case .byteArray, .fixedLenByteArray:
            switch column.logicalType {
            case .decimal, .float16: return stats
            default: break
            }
            var lo = v.byteRange(0), hi = lo
            v.bytes.withUnsafeBytes { b in
                for i in 1..<v.count {
                    let r = v.byteRange(i)
                    if compare(b, r, lo) < 0 { lo = r }
                    if compare(b, r, hi) > 0 { hi = r }
                }
            }
            guard lo.count <= maxStatBytes, hi.count <= maxStatBytes else { return stats }
            stats.minValue = Array(v.bytes[lo])
            stats.maxValue = Array(v.bytes[hi])
        case .int96:
            return stats
        }
        return stats
    }

    /// Min and max ignoring NaN, with zeros written as -0.0 (min) and +0.0 (max) as the Parquet
    /// spec asks, so readers that compare signed zeros never skip a page wrongly; `nil` if all NaN.
    private static func floatingRange<T: BinaryFloatingPoint>(_ values: [T]) -> (T, T)? {
        var lo = T.infinity, hi = -T.infinity
        for x in values where !x.isNaN {
            if x < lo { lo = x }
            if x > hi { hi = x }
        }
        guard lo <= hi else { return nil }
        if lo == 0 { lo = -0.0 }
        if hi == 0 { hi = 0.0 }
        return (lo, hi)
    }

    private static func le<T: FixedWidthInteger>(_ x: T) -> [UInt8] {
        var out: [UInt8] = []
        out.appendLE(x)
        return out
    }

    /// Unsigned lexicographic comparison, the order Parquet defines for byte arrays.
    @inline(__always)
    private static func compare(_ b: UnsafeRawBufferPointer, _ x: Range<Int>, _ y: Range<Int>) -> Int {
        let n = min(x.count, y.count)
        if n > 0 {
            let c = memcmp(b.baseAddress! + x.lowerBound, b.baseAddress! + y.lowerBound, n)
            if c != 0 { return Int(c) }
        }
        return x.count - y.count
    }
}
