@testable import Parquet

/// Generates random records that fit a schema (nulls, empty lists and maps included), with leaf
/// values chosen so they survive a write/read round trip exactly.
struct RandomRecords {
    var rng: SeededRandom
    var nullRate = 0.15

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func record(_ schema: ParquetSchema) -> ParquetValue {
        var members: [String: ParquetValue] = [:]
        for f in schema.fields { members[f.name] = value(f) }
        return .object(members)
    }

    mutating func value(_ f: ParquetField) -> ParquetValue {
        if f.repetition == .optional && rng.chance(nullRate) { return .null }
        if f.repetition == .repeated {
            var e = f
            e.repetition = .required
            return .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(e) })
        }
        switch f.kind {
        case .group(let children):
            if f.logicalType == .list, let inner = children.first, inner.children.count == 1 {
                return .list((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(inner.children[0]) })
            }
            if f.logicalType == .map, let kv = children.first, kv.children.count == 2 {
                let n = Int.random(in: 0...3, using: &rng)
                var keys = Set<String>()
                var entries: [ParquetMapEntry] = []
                for _ in 0..<n {
                    let k = "k\(Int.random(in: 0...20, using: &rng))"
                    guard keys.insert(k).inserted else { continue }
                    entries.append(ParquetMapEntry(key: .string(k), value: value(kv.children[1])))
                }
                return .map(entries)
            }
            var members: [String: ParquetValue] = [:]
            for c in children { members[c.name] = value(c) }
            return .object(members)
        case .primitive(let type, let length):
            return leaf(type, length: Int(length ?? 0), logical: f.logicalType)
        }
    }

    private mutating func leaf(_ type: PhysicalType, length: Int, logical: LogicalType?) -> ParquetValue {
        switch (type, logical) {
        case (.boolean, _): return .bool(Bool.random(using: &rng))
        case (.int32, .date): return .int(Int64.random(in: -20000...40000, using: &rng))
        case (.int32, .integer(8, true)): return .int(Int64.random(in: -128...127, using: &rng))
        case (.int32, .integer(16, true)): return .int(Int64.random(in: -32768...32767, using: &rng))
        case (.int32, .integer(8, false)): return .int(Int64.random(in: 0...255, using: &rng))
        case (.int32, .integer(16, false)): return .int(Int64.random(in: 0...65535, using: &rng))
        case (.int32, .integer(32, false)): return .int(Int64.random(in: 0...Int64(UInt32.max), using: &rng))
        case (.int32, .decimal(let p, let s)), (.int64, .decimal(let p, let s)), (.fixedLenByteArray, .decimal(let p, let s)):
            let digits = min(Int(p), 18)
            var bound: Int64 = 1
            for _ in 0..<digits { bound *= 10 }
            return .string(DecimalText.format(unscaled: Int64.random(in: -(bound - 1)...(bound - 1), using: &rng), scale: Int(s)))
        case (.int32, .time(.millis, _)): return .int(Int64.random(in: 0..<86_400_000, using: &rng))
        case (.int32, _): return .int(Int64(Int32.random(in: .min ... .max, using: &rng)))
        case (.int64, .timestamp(.millis, _)): return .int(Int64.random(in: -1_000_000_000_000...4_000_000_000_000, using: &rng))
        case (.int64, .timestamp(.micros, _)): return .int(Int64.random(in: -1_000_000_000_000_000...4_000_000_000_000_000, using: &rng))
        case (.int64, .time(.micros, _)): return .int(Int64.random(in: 0..<86_400_000_000, using: &rng))
        case (.int64, .integer(64, false)): return .int(Int64.random(in: 0 ... .max, using: &rng))
        case (.int64, _): return .int(Int64.random(in: .min ... .max, using: &rng))
        case (.float, _): return .double(Double(Float.random(in: -1e6...1e6, using: &rng)))
        case (.double, _):
            return rng.chance(0.1) ? .double(Double(Int.random(in: -5...5, using: &rng))) : .double(Double.random(in: -1e9...1e9, using: &rng))
        case (.byteArray, .string), (.byteArray, .enumeration):
            let pool = ["", "a", "héllo wörld", "日本語", "emoji 🎉", "line\nbreak", "quote\"s"]
            return rng.chance(0.5) ? .string(pool.randomElement(using: &rng)!) : .string("s\(Int.random(in: 0...1000, using: &rng))")
        case (.byteArray, .json): return .string("{\"n\":\(Int.random(in: 0...99, using: &rng))}")
        case (.fixedLenByteArray, .uuid):
            let b = (0..<16).map { _ in UInt8.random(in: 0...255, using: &rng) }
            return LeafCodec.uuid.value(bytesValues(b, type: .fixedLenByteArray), 0)
        case (.fixedLenByteArray, _):
            return .bytes((0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case (.byteArray, _):
            return .bytes((0..<Int.random(in: 0...8, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        case (.int96, _):
            return .null
        }
    }

    private func bytesValues(_ b: [UInt8], type: PhysicalType) -> ColumnValues {
        var v = ColumnValues(physicalType: type)
        v.appendBytes(b)
        return v
    }

    /// A random schema: a mix of primitives, structs, lists and maps up to `depth` levels deep.
    mutating func schema(maxFields: Int = 6, depth: Int = 3) -> ParquetSchema {
        let n = Int.random(in: 1...maxFields, using: &rng)
        var fields: [ParquetField] = []
        for i in 0..<n { fields.append(field("f\(i)", depth: depth)) }
        return try! ParquetSchema(fields)
    }

    private mutating func field(_ name: String, depth: Int) -> ParquetField {
        let rep: Repetition = rng.chance(0.7) ? .optional : (rng.chance(0.8) ? .required : .repeated)
        let pick = depth > 0 ? Int.random(in: 0..<16, using: &rng) : Int.random(in: 0..<11, using: &rng)
        switch pick {
        case 0: return .bool(name, rep)
        case 1: return .int32(name, rep)
        case 2: return .int64(name, rep)
        case 3: return .double(name, rep)
        case 4: return .float(name, rep)
        case 5: return .string(name, rep)
        case 6: return .binary(name, rep)
        case 7: return .timestamp(name, rep)
        case 8: return .date(name, rep)
        case 9: return .primitive(name, .int64, rep, logicalType: .decimal(precision: 18, scale: 3))
        case 10: return .primitive(name, .fixedLenByteArray, rep, typeLength: 3)
        case 11, 12:
            let k = Int.random(in: 1...3, using: &rng)
            return .group(name, rep, (0..<k).map { field("g\($0)", depth: depth - 1) })
        case 13, 14:
            return .list(name, rep == .repeated ? .optional : rep, element: field("element", depth: depth - 1))
        default:
            return .map(name, rep == .repeated ? .optional : rep, key: .string("key", .required), value: field("value", depth: depth - 1))
        }
    }
}
