import BatchyardCore
import Foundation
import Parquet

extension ParquetValue {
    /// The record as JSON for previews: groups become objects, lists arrays, maps with string keys
    /// objects (others a list of `{key, value}`), binary base64, non-finite doubles `null`.
    var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value): return .int(value)
        case .double(let value): return value.isFinite ? .double(value) : .null
        case .string(let value): return .string(value)
        case .bytes(let value): return .string(Data(value).base64EncodedString())
        case .list(let values): return .array(values.map(\.jsonValue))
        case .object(let members): return .object(members.mapValues(\.jsonValue))
        case .map(let entries):
            var object: [String: JSONValue] = [:]
            for entry in entries {
                guard case .string(let key) = entry.key else {
                    return .array(entries.map { ["key": $0.key.jsonValue, "value": $0.value.jsonValue] })
                }
                object[key] = entry.value.jsonValue
            }
            return .object(object)
        }
    }
}
