import BatchyardCore

@testable import XDMValidation


/// A randomly generated XDM field type, kept as a model alongside its JSON Schema so the property
/// tests can generate conforming values and targeted mutations.
indirect enum GeneratedType {
    struct Field {
        let name: String
        let type: GeneratedType
        let required: Bool
    }

    case string(enumValues: [String]?, maxLength: Int?, lowercasePattern: Bool)
    case integer(XDMIntegerWidth, minimum: Int64?, maximum: Int64?)
    case number(minimum: Double?, maximum: Double?)
    case boolean, date, dateTime
    case object([Field])
    case array(GeneratedType)
    case map(GeneratedType)

    static let names = ["_id", "_tenant", "name", "points", "a/b", "x~y", "tier", "since", "tags", "value", "email", "home"]

    static func record<G: RandomNumberGenerator>(_ rng: inout G, fields: Int) -> GeneratedType {
        object(&rng, depth: 0, fields: fields)
    }

    static func object<G: RandomNumberGenerator>(_ rng: inout G, depth: Int, fields: Int) -> GeneratedType {
        let picked = names.shuffled(using: &rng).prefix(fields)
        return .object(picked.map { Field(name: $0, type: random(&rng, depth: depth + 1), required: Bool.random(using: &rng)) })
    }

    static func random<G: RandomNumberGenerator>(_ rng: inout G, depth: Int) -> GeneratedType {
        let choice = Int.random(in: 0..<(depth >= 4 ? 7 : 10), using: &rng)
        switch choice {
        case 0:
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .string(enumValues: ["gold", "silver", "bronze"], maxLength: nil, lowercasePattern: false)
            case 1: return .string(enumValues: nil, maxLength: Int.random(in: 3...12, using: &rng), lowercasePattern: false)
            default: return .string(enumValues: nil, maxLength: nil, lowercasePattern: true)
            }
        case 1:
            let width = XDMIntegerWidth.allCases.randomElement(using: &rng)!
            return Bool.random(using: &rng) ? .integer(width, minimum: nil, maximum: nil) : .integer(width, minimum: 0, maximum: 100)
        case 2: return Bool.random(using: &rng) ? .number(minimum: nil, maximum: nil) : .number(minimum: -1, maximum: 1)
        case 3: return .boolean
        case 4: return .date
        case 5: return .dateTime
        case 6: return .string(enumValues: nil, maxLength: nil, lowercasePattern: false)
        case 7: return object(&rng, depth: depth, fields: Int.random(in: 1...5, using: &rng))
        case 8: return .array(random(&rng, depth: depth + 1))
        default: return .map(random(&rng, depth: depth + 1))
        }
    }

    /// The JSON Schema, written the way XDM writes it (widths through bounds or `meta:xdmType`).
    var schema: JSONValue {
        switch self {
        case .string(let values, let maxLength, let pattern):
            var members: [String: JSONValue] = ["type": "string"]
            if let values { members["enum"] = .array(values.map(JSONValue.string)) }
            if let maxLength { members["maxLength"] = .int(Int64(maxLength)) }
            if pattern { members["pattern"] = "^[a-z]+$" }
            return .object(members)
        case .integer(let width, let minimum, let maximum):
            var members: [String: JSONValue] = ["type": "integer", "meta:xdmType": .string(width.rawValue)]
            if let minimum { members["minimum"] = .int(minimum) }
            if let maximum { members["maximum"] = .int(maximum) }
            return .object(members)
        case .number(let minimum, let maximum):
            var members: [String: JSONValue] = ["type": "number"]
            if let minimum { members["minimum"] = .double(minimum) }
            if let maximum { members["maximum"] = .double(maximum) }
            return .object(members)
        case .boolean: return ["type": "boolean"]
        case .date: return ["type": "string", "format": "date"]
        case .dateTime: return ["type": "string", "format": "date-time"]
        case .object(let fields):
            var properties: [String: JSONValue] = [:]
            for field in fields { properties[field.name] = field.type.schema }
            let required = fields.filter(\.required).map { JSONValue.string($0.name) }
            return ["type": "object", "properties": .object(properties), "required": .array(required)]
        case .array(let items): return ["type": "array", "items": items.schema]
        case .map(let values): return ["type": "object", "additionalProperties": values.schema]
        }
    }

    /// A conforming value, sometimes in a form that needs AEP's conversions (numbers as strings,
    /// dates as epoch milliseconds).
    func value<G: RandomNumberGenerator>(_ rng: inout G) -> JSONValue {
        switch self {
        case .string(let values, let maxLength, let pattern):
            if let values { return .string(values.randomElement(using: &rng)!) }
            let letters = Array("abcdefghijklmnopqrstuvwxyz")
            let length = Int.random(in: 1...(maxLength ?? 10), using: &rng)
            let text = String((0..<length).map { _ in letters.randomElement(using: &rng)! })
            if !pattern, maxLength == nil, Bool.random(using: &rng) { return .int(Int64(length)) }
            return .string(text)
        case .integer(let width, let minimum, let maximum):
            let number = Int64.random(in: (minimum ?? width.range.lowerBound)...(maximum ?? width.range.upperBound), using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .string(String(number))
            case 1 where abs(number) < 1 << 52: return .double(Double(number))
            default: return .int(number)
            }
        case .number(let minimum, let maximum):
            let number = Double.random(in: (minimum ?? -1e6)...(maximum ?? 1e6), using: &rng)
            return Bool.random(using: &rng) ? .double(number) : .string(String(number))
        case .boolean: return .bool(Bool.random(using: &rng))
        case .date:
            let days = Int64.random(in: -30_000...30_000, using: &rng)
            return Bool.random(using: &rng) ? .string(XDMDateCodec.formatDate(days: days)) : .int(days * 86_400_000)
        case .dateTime:
            let millis = Int64.random(in: -2_000_000_000_000...4_000_000_000_000, using: &rng)
            if Bool.random(using: &rng) { return .int(millis) }
            let seconds = millis / 1000
            let day = XDMDateCodec.formatDate(epochMillis: seconds * 1000)
            let inDay = ((seconds % 86_400) + 86_400) % 86_400
            func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
            return .string("\(day)T\(two(inDay / 3600)):\(two(inDay / 60 % 60)):\(two(inDay % 60))Z")
        case .object(let fields):
            var members: [String: JSONValue] = [:]
            for field in fields where field.required || Bool.random(using: &rng) {
                members[field.name] = field.type.value(&rng)
            }
            return .object(members)
        case .array(let items):
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in items.value(&rng) })
        case .map(let values):
            var members: [String: JSONValue] = [:]
            for index in 0..<Int.random(in: 0...3, using: &rng) { members["k\(index)"] = values.value(&rng) }
            return .object(members)
        }
    }

    /// A value of a JSON kind this type never accepts: booleans convert to nothing, and a boolean
    /// field accepts nothing but booleans.
    var wrongKind: JSONValue {
        if case .boolean = self { return "true" }
        return .bool(true)
    }
}
