import BatchyardCore
import Foundation
import Parquet
import XDMValidation

extension ParquetValue {
    /// The record as JSON for previews: groups become objects, lists arrays, maps with string keys
    /// objects (others a list of `{key, value}`), binary base64, non-finite doubles `null`. With the
    /// file's schema, DATE and TIMESTAMP columns read as ISO-8601 text (what the record held when it
    /// was ingested, formatted as ``XDMDate`` does), not as the day or tick counts Parquet stores.
    func jsonValue(fields: [ParquetField]) -> JSONValue {
        jsonValue(field: ParquetField(name: "", repetition: .required, kind: .group(fields)))
    }

    var jsonValue: JSONValue { jsonValue(field: nil) }

    private func jsonValue(field: ParquetField?) -> JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .int(let value):
            switch field?.logicalType {
            case .date: return .string(XDMDate.string(fromEpochDays: value))
            case .timestamp(let unit, _): return .string(XDMDate.dateTimeString(fromEpochMillis: Self.epochMillis(value, unit)))
            default: return .int(value)
            }
        case .double(let value): return value.isFinite ? .double(value) : .null
        case .string(let value): return .string(value)
        case .bytes(let value): return .string(Data(value).base64EncodedString())
        case .list(let values):
            let element = field.flatMap(Self.repeatedChild)
            return .array(values.map { $0.jsonValue(field: element) })
        case .object(let members):
            let children = field?.children ?? []
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(members.count)
            for (name, value) in members {
                object[name] = value.jsonValue(field: children.first { $0.name == name })
            }
            return .object(object)
        case .map(let entries):
            let pair = field.flatMap { $0.children.first }?.children ?? []
            let valueField = pair.count == 2 ? pair[1] : nil
            var object: [String: JSONValue] = [:]
            for entry in entries {
                guard case .string(let key) = entry.key else {
                    return .array(entries.map { ["key": $0.key.jsonValue, "value": $0.value.jsonValue(field: valueField)] })
                }
                object[key] = entry.value.jsonValue(field: valueField)
            }
            return .object(object)
        }
    }

    /// Ticks of `unit` as epoch milliseconds, rounded down (towards the past, also before 1970).
    private static func epochMillis(_ ticks: Int64, _ unit: TimeUnit) -> Int64 {
        let perMilli: Int64 = switch unit {
        case .millis: 1
        case .micros: 1_000
        case .nanos: 1_000_000
        }
        let quotient = ticks / perMilli
        return ticks % perMilli < 0 ? quotient - 1 : quotient
    }

    /// The element field of a list: `group (LIST) { repeated group list { element } }` (3-level),
    /// or the repeated child itself in the legacy 2-level form.
    private static func repeatedChild(of field: ParquetField) -> ParquetField? {
        guard let repeated = field.children.first else { return field.repetition == .repeated ? field : nil }
        return repeated.isGroup && repeated.children.count == 1 && field.logicalType == .list ? repeated.children[0] : repeated
    }
}
