import BatchyardCore
import Foundation
import Parquet

extension ParquetValue {
    /// The record as JSON for previews: groups become objects, lists arrays, maps with string keys
    /// objects (others a list of `{key, value}`), binary base64, non-finite doubles `null`. With the
    /// file's schema, DATE and TIMESTAMP columns read as ISO-8601 text (what the record held when it
    /// was ingested), not as the day or tick counts Parquet stores.
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
            case .date: return .string(CivilTime.date(days: value))
            case .timestamp(let unit, _): return .string(CivilTime.timestamp(value, unit: unit))
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

    /// The element field of a list: `group (LIST) { repeated group list { element } }` (3-level),
    /// or the repeated child itself in the legacy 2-level form.
    private static func repeatedChild(of field: ParquetField) -> ParquetField? {
        guard let repeated = field.children.first else { return field.repetition == .repeated ? field : nil }
        return repeated.isGroup && repeated.children.count == 1 && field.logicalType == .list ? repeated.children[0] : repeated
    }
}

/// Days and ticks since 1970-01-01 as ISO-8601 text (proleptic Gregorian, UTC), without
/// Foundation's formatters: previews format many values and this is pure arithmetic.
enum CivilTime {
    static func date(days: Int64) -> String {
        let (year, month, day) = civil(days: days)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func timestamp(_ ticks: Int64, unit: TimeUnit) -> String {
        let perSecond: Int64 = switch unit {
        case .millis: 1_000
        case .micros: 1_000_000
        case .nanos: 1_000_000_000
        }
        let seconds = ticks.floorDivided(by: perSecond)
        let fraction = ticks - seconds * perSecond
        let days = seconds.floorDivided(by: 86_400)
        let secondOfDay = seconds - days * 86_400
        let time = "\(pad(secondOfDay / 3_600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        let millis = fraction * 1_000 / perSecond
        return date(days: days) + "T" + time + "." + pad(millis, 3) + "Z"
    }

    /// Howard Hinnant's days-to-civil algorithm.
    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = z.floorDivided(by: 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value.magnitude)
        let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        return value < 0 ? "-" + padded : padded
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
