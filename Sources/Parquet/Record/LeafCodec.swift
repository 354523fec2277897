/// Converts between `ParquetValue` and a leaf column's physical values according to its
/// logical type; chosen once per column so the per-value work is a single switch.
enum LeafCodec: Sendable {
    case boolean
    case int32
    case uint32
    case int64
    case uint64
    case float
    case double
    case string
    case bytes
    case int96
    case decimalInt32(scale: Int)
    case decimalInt64(scale: Int)
    case decimalBytes(scale: Int, width: Int)
    case uuid
    case date
    case timestamp(TimeUnit)

    init(_ c: ColumnDescriptor) {
        switch (c.physicalType, c.logicalType) {
        case (.boolean, _): self = .boolean
        case (.int32, .decimal(_, let s)): self = .decimalInt32(scale: Int(s))
        case (.int32, .integer(_, false)): self = .uint32
        case (.int32, .date): self = .date
        case (.int32, _): self = .int32
        case (.int64, .decimal(_, let s)): self = .decimalInt64(scale: Int(s))
        case (.int64, .integer(_, false)): self = .uint64
        case (.int64, .timestamp(let unit, _)): self = .timestamp(unit)
        case (.int64, _): self = .int64
        case (.int96, _): self = .int96
        case (.float, _): self = .float
        case (.double, _): self = .double
        case (.byteArray, .decimal(_, let s)): self = .decimalBytes(scale: Int(s), width: 0)
        case (.fixedLenByteArray, .decimal(_, let s)): self = .decimalBytes(scale: Int(s), width: c.typeLength)
        case (.fixedLenByteArray, .uuid) where c.typeLength == 16: self = .uuid
        case (.byteArray, .string), (.byteArray, .enumeration), (.byteArray, .json): self = .string
        case (.byteArray, _), (.fixedLenByteArray, _): self = .bytes
        }
    }

    // MARK: reading

    @inline(__always)
    func value(_ v: ColumnValues, _ i: Int) -> ParquetValue {
        switch self {
        case .boolean: return .bool(v.booleans[i])
        case .int32, .date: return .int(Int64(v.int32s[i]))
        case .uint32: return .int(Int64(UInt32(bitPattern: v.int32s[i])))
        case .int64, .uint64, .timestamp: return .int(v.int64s[i])
        case .float: return .double(Double(v.floats[i]))
        case .double: return .double(v.doubles[i])
        case .string:
            let r = v.byteRange(i)
            return .string(v.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) })
        case .bytes: return .bytes(Array(v.bytes[v.byteRange(i)]))
        case .int96:
            let r = v.byteRange(i)
            guard r.count == 12 else { return .null }
            var nanos: UInt64 = 0
            for k in 0..<8 { nanos |= UInt64(v.bytes[r.lowerBound + k]) << UInt64(8 * k) }
            var day: UInt32 = 0
            for k in 0..<4 { day |= UInt32(v.bytes[r.lowerBound + 8 + k]) << UInt32(8 * k) }
            let days = Int64(day) - 2_440_588
            return .int(days &* 86_400_000_000_000 &+ Int64(bitPattern: nanos))
        case .decimalInt32(let s): return .string(DecimalText.format(unscaled: Int64(v.int32s[i]), scale: s))
        case .decimalInt64(let s): return .string(DecimalText.format(unscaled: v.int64s[i], scale: s))
        case .decimalBytes(let s, _): return .string(DecimalText.format(bigEndian: Array(v.bytes[v.byteRange(i)]), scale: s))
        case .uuid:
            let r = v.byteRange(i)
            let hex = Array("0123456789abcdef".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(36)
            for k in 0..<16 {
                if k == 4 || k == 6 || k == 8 || k == 10 { out.append(UInt8(ascii: "-")) }
                let b = v.bytes[r.lowerBound + k]
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
            return .string(String(decoding: out, as: UTF8.self))
        }
    }

    // MARK: writing

    @inline(__always)
    /// Appends one value; `fixedWidth` is the FIXED_LEN_BYTE_ARRAY width (0 otherwise). Errors do
    /// not name the column; the shredder adds the path.
    func append(_ value: ParquetValue, to v: inout ColumnValues, fixedWidth: Int) throws(ParquetError) {
        switch (self, value) {
        case (.boolean, .bool(let b)): v.booleans.append(b)
        case (.date, .string(let s)):
            guard let d = DateText.parseDate(s), let x = Int32(exactly: d) else { throw .invalidValue("\(s) is not a YYYY-MM-DD date") }
            v.int32s.append(x)
        case (.timestamp(let unit), .string(let s)):
            guard let t = DateText.parseTimestamp(s, unit: unit) else { throw .invalidValue("\(s) is not an RFC 3339 date-time") }
            v.int64s.append(t)
        case (.date, .int(let x)):
            guard let d = Int32(exactly: x) else { throw .invalidValue("\(x) does not fit a DATE") }
            v.int32s.append(d)
        case (.timestamp, .int(let x)): v.int64s.append(x)
        case (.int32, .int(let x)), (.uint32, .int(let x)):
            let lo: Int64 = if case .uint32 = self { 0 } else { Int64(Int32.min) }
            let hi: Int64 = if case .uint32 = self { Int64(UInt32.max) } else { Int64(Int32.max) }
            guard x >= lo, x <= hi else { throw .invalidValue("\(x) does not fit") }
            v.int32s.append(Int32(truncatingIfNeeded: x))
        case (.int64, .int(let x)), (.uint64, .int(let x)): v.int64s.append(x)
        case (.int32, .double(let d)), (.int64, .double(let d)):
            guard let x = Int64(exactly: d) else { throw .invalidValue("\(d) is not an integer") }
            try append(.int(x), to: &v, fixedWidth: fixedWidth)
        case (.float, .double(let d)): v.floats.append(Float(d))
        case (.float, .int(let x)): v.floats.append(Float(x))
        case (.double, .double(let d)): v.doubles.append(d)
        case (.double, .int(let x)): v.doubles.append(Double(x))
        case (.string, .string(let s)), (.bytes, .string(let s)):
            if fixedWidth > 0 {
                try appendFixed(Array(s.utf8), &v, fixedWidth)
            } else {
                v.appendString(s)
            }
        case (.string, .bytes(let b)), (.bytes, .bytes(let b)):
            if fixedWidth > 0 { try appendFixed(b, &v, fixedWidth) } else { v.appendBytes(b) }
        case (.uuid, .string(let s)):
            guard let b = Self.parseUUID(s) else { throw .invalidValue("\(s) is not a UUID") }
            v.appendBytes(b)
        case (.uuid, .bytes(let b)): try appendFixed(b, &v, fixedWidth)
        case (.decimalInt32(let s), _), (.decimalInt64(let s), _), (.decimalBytes(let s, _), _):
            guard let unscaled = DecimalText.unscaled(value, scale: s) else {
                throw .invalidValue("\(value) is not a decimal with scale \(s)")
            }
            switch self {
            case .decimalInt32:
                guard let x = Int32(exactly: unscaled) else { throw .invalidValue("decimal overflow in") }
                v.int32s.append(x)
            case .decimalInt64: v.int64s.append(unscaled)
            case .decimalBytes(_, let width):
                let n = width > 0 ? width : 8
                var out = [UInt8](repeating: unscaled < 0 ? 0xFF : 0, count: n)
                var x = unscaled
                for k in 0..<min(n, 8) {
                    out[n - 1 - k] = UInt8(truncatingIfNeeded: x)
                    x >>= 8
                }
                v.appendBytes(out)
            default: break
            }
        default:
            throw .invalidValue("\(value) does not fit the column")
        }
    }

    private func appendFixed(_ b: [UInt8], _ v: inout ColumnValues, _ width: Int) throws(ParquetError) {
        guard b.count == width else {
            throw .invalidValue("\(b.count) bytes for a \(width)-byte column")
        }
        v.appendBytes(b)
    }

    static func parseUUID(_ s: String) -> [UInt8]? {
        var out: [UInt8] = []
        var high: UInt8?
        for c in s.utf8 where c != UInt8(ascii: "-") {
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high {
                out.append(h << 4 | d)
                high = nil
            } else {
                high = d
            }
        }
        return out.count == 16 && high == nil ? out : nil
    }
}
