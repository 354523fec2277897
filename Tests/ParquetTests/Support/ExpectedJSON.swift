import Foundation
@testable import Parquet

/// Compares our `ParquetValue`s with the canonical JSON the fixture script and the Python dump
/// helper write (dates as days, timestamps as integers, decimals as strings, binary as
/// `{"$bytes": hex}`, maps as `[[key, value], …]`). Returns the path of the first difference.
enum ExpectedJSON {
    static func mismatch(_ v: ParquetValue, _ e: Any, path: String = "$") -> String? {
        switch v {
        case .null:
            return e is NSNull ? nil : "\(path): got null, expected \(e)"
        case .bool(let b):
            guard let n = e as? NSNumber, isBool(n), n.boolValue == b else { return "\(path): got \(b), expected \(e)" }
            return nil
        case .int(let x):
            guard let n = e as? NSNumber, !isBool(n), (Int64(n.description) ?? n.int64Value) == x else { return "\(path): got \(x), expected \(e)" }
            return nil
        case .double(let d):
            // Foundation on Linux may round when converting a parsed number; reparse its text exactly.
            guard let n = e as? NSNumber, !isBool(n), (Double(n.description) ?? n.doubleValue) == d else {
                return "\(path): got \(d), expected \(e)"
            }
            return nil
        case .string(let s):
            guard let x = e as? String, x == s else { return "\(path): got \"\(s)\", expected \(e)" }
            return nil
        case .bytes(let b):
            let hex = b.map { String(format: "%02x", $0) }.joined()
            guard let o = e as? [String: Any], let x = o["$bytes"] as? String, x == hex else {
                return "\(path): got bytes \(hex), expected \(e)"
            }
            return nil
        case .list(let items):
            guard let a = e as? [Any], a.count == items.count else { return "\(path): got list of \(items.count), expected \(e)" }
            for (i, item) in items.enumerated() {
                if let m = mismatch(item, a[i], path: "\(path)[\(i)]") { return m }
            }
            return nil
        case .map(let entries):
            guard let a = e as? [Any], a.count == entries.count else { return "\(path): got map of \(entries.count), expected \(e)" }
            for (i, entry) in entries.enumerated() {
                guard let pair = a[i] as? [Any], pair.count == 2 else { return "\(path){\(i)}: expected pair" }
                if let m = mismatch(entry.key, pair[0], path: "\(path){\(i)}.key") { return m }
                if let m = mismatch(entry.value, pair[1], path: "\(path){\(i)}.value") { return m }
            }
            return nil
        case .object(let members):
            guard let o = e as? [String: Any], Set(o.keys) == Set(members.keys) else {
                return "\(path): got object \(members.keys.sorted()), expected \(e)"
            }
            for k in members.keys.sorted() {
                if let m = mismatch(members[k]!, o[k]!, path: "\(path).\(k)") { return m }
            }
            return nil
        }
    }

    static func isBool(_ n: NSNumber) -> Bool {
        #if canImport(Darwin)
        return CFGetTypeID(n) == CFBooleanGetTypeID()
        #else
        return n === NSNumber(value: true) || n === NSNumber(value: false) || String(cString: n.objCType) == "c"
            && (n.int8Value == 0 || n.int8Value == 1) && n is Bool
        #endif
    }

    static func isFloat(_ n: NSNumber) -> Bool {
        let t = String(cString: n.objCType)
        return t == "d" || t == "f"
    }

    /// Writes values as canonical JSON (the inverse of `mismatch`), for the Python side to compare.
    static func encode(_ v: ParquetValue) -> Any {
        switch v {
        case .null: return NSNull()
        case .bool(let b): return b
        case .int(let x): return NSNumber(value: x)
        case .double(let d): return NSNumber(value: d)
        case .string(let s): return s
        case .bytes(let b): return ["$bytes": b.map { String(format: "%02x", $0) }.joined()]
        case .list(let items): return items.map(encode)
        case .map(let entries): return entries.map { [encode($0.key), encode($0.value)] }
        case .object(let members): return members.mapValues(encode)
        }
    }
}
