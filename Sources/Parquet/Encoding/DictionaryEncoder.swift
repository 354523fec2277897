import Foundation

/// Builds a column chunk's dictionary and the index of every value in it, with open-addressing
/// hash tables over raw bits and raw bytes (no per-value allocation). Gives up, so the writer can
/// fall back to PLAIN, once the dictionary's PLAIN size passes the limit.
enum DictionaryEncoder {
    struct Result {
        var dictionary: ColumnValues
        var indices: [Int32]
    }

    static func build(_ values: ColumnValues, limitBytes: Int) -> Result? {
        switch values.physicalType {
        case .boolean, .int96: return nil
        case .int32:
            return buildFixed(values.int32s, width: 4, limitBytes: limitBytes, type: .int32) { UInt64(UInt32(bitPattern: $0)) } finish: { d, v in d.int32s = v }
        case .int64:
            return buildFixed(values.int64s, width: 8, limitBytes: limitBytes, type: .int64) { UInt64(bitPattern: $0) } finish: { d, v in d.int64s = v }
        case .float:
            return buildFixed(values.floats, width: 4, limitBytes: limitBytes, type: .float) { UInt64($0.bitPattern) } finish: { d, v in d.floats = v }
        case .double:
            return buildFixed(values.doubles, width: 8, limitBytes: limitBytes, type: .double) { $0.bitPattern } finish: { d, v in d.doubles = v }
        case .byteArray, .fixedLenByteArray:
            return buildBytes(values, limitBytes: limitBytes)
        }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return h &* 0xBF58_476D_1CE4_E5B9
    }

    private static func buildFixed<T>(
        _ input: [T], width: Int, limitBytes: Int, type: PhysicalType,
        _ bits: (T) -> UInt64, finish: (inout ColumnValues, [T]) -> Void
    ) -> Result? {
        var capacity = 1024
        var slots = [Int32](repeating: -1, count: capacity)
        var keys: [UInt64] = []
        var distinct: [T] = []
        var indices = [Int32](repeating: 0, count: input.count)
        let maxEntries = limitBytes / width
        var ok = true
        input.withUnsafeBufferPointer { values in
            indices.withUnsafeMutableBufferPointer { out in
                for i in 0..<values.count {
                    let k = bits(values[i])
                    var mask = capacity - 1
                    var s = Int(truncatingIfNeeded: mix(k)) & mask
                    while true {
                        let e = slots[s]
                        if e < 0 {
                            if distinct.count >= maxEntries { ok = false; return }
                            let id = Int32(distinct.count)
                            slots[s] = id
                            keys.append(k)
                            distinct.append(values[i])
                            out[i] = id
                            if distinct.count * 2 > capacity {
                                capacity *= 2
                                mask = capacity - 1
                                slots = [Int32](repeating: -1, count: capacity)
                                for (j, key) in keys.enumerated() {
                                    var t = Int(truncatingIfNeeded: mix(key)) & mask
                                    while slots[t] >= 0 { t = (t + 1) & mask }
                                    slots[t] = Int32(j)
                                }
                            }
                            break
                        }
                        if keys[Int(e)] == k {
                            out[i] = e
                            break
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
        guard ok else { return nil }
        var dict = ColumnValues(physicalType: type)
        finish(&dict, distinct)
        return Result(dictionary: dict, indices: indices)
    }

    @inline(__always)
    private static func hashBytes(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    private static func buildBytes(_ values: ColumnValues, limitBytes: Int) -> Result? {
        let count = values.count
        var capacity = 1024
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes: [UInt64] = []
        var dict = ColumnValues(physicalType: values.physicalType)
        var indices = [Int32](repeating: 0, count: count)
        var plainSize = 0
        var ok = true
        let lengthPrefix = values.physicalType == .byteArray ? 4 : 0
        values.bytes.withUnsafeBytes { src in
            values.offsets.withUnsafeBufferPointer { offsets in
                indices.withUnsafeMutableBufferPointer { out in
                    let base = src.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                    for i in 0..<count {
                        let start = offsets[i]
                        let n = offsets[i + 1] - start
                        let h = hashBytes(base + start, n)
                        var mask = capacity - 1
                        var s = Int(truncatingIfNeeded: h) & mask
                        while true {
                            let e = slots[s]
                            if e < 0 {
                                plainSize += n + lengthPrefix
                                if plainSize > limitBytes { ok = false; return }
                                let id = Int32(hashes.count)
                                slots[s] = id
                                hashes.append(h)
                                dict.bytes.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: n))
                                dict.offsets.append(dict.bytes.count)
                                out[i] = id
                                if hashes.count * 2 > capacity {
                                    capacity *= 2
                                    mask = capacity - 1
                                    slots = [Int32](repeating: -1, count: capacity)
                                    for (j, hj) in hashes.enumerated() {
                                        var t = Int(truncatingIfNeeded: hj) & mask
                                        while slots[t] >= 0 { t = (t + 1) & mask }
                                        slots[t] = Int32(j)
                                    }
                                }
                                break
                            }
                            let ei = Int(e)
                            if hashes[ei] == h {
                                let ds = dict.offsets[ei]
                                let dn = dict.offsets[ei + 1] - ds
                                if dn == n && (n == 0 || dict.bytes.withUnsafeBytes({ memcmp($0.baseAddress! + ds, base + start, n) }) == 0) {
                                    out[i] = e
                                    break
                                }
                            }
                            s = (s + 1) & mask
                        }
                    }
                }
            }
        }
        guard ok else { return nil }
        return Result(dictionary: dict, indices: indices)
    }
}
