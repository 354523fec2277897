import BatchyardCore
import XDMValidation

/// The lake columns of a dataset without an XDM schema, inferred from its records.
///
/// Kept deliberately simple: one column per top-level field; booleans, integers (INT64), numbers
/// (DOUBLE; integers widen to it) and strings keep their type; objects, arrays and fields whose
/// values disagree are stored as JSON text. A record that does not fit makes the writer start a new
/// part file with the widened columns, so no value is ever dropped; readers combine parts by name
/// (DuckDB `union_by_name`).
public struct InferredSchema: Sendable, Hashable {
    /// Column types by field name.
    public private(set) var types: [String: XDMColumnType] = [:]

    /// No columns yet.
    public init() {}

    /// The columns, sorted by name.
    public var columns: [XDMColumn] {
        types.keys.sorted().map { XDMColumn(name: $0, type: types[$0]!, isRequired: false) }
    }

    /// Whether `record` can be written with the current columns without losing anything.
    public func fits(_ record: JSONValue) -> Bool {
        guard case .object(let members) = record else { return true }
        for (name, value) in members where !value.isNull {
            guard let type = types[name], Self.merge(type, Self.kind(of: value)) == type else { return false }
        }
        return true
    }

    /// Adds the fields and types of `record`.
    public mutating func widen(with record: JSONValue) {
        guard case .object(let members) = record else { return }
        for (name, value) in members where !value.isNull {
            let kind = Self.kind(of: value)
            types[name] = types[name].map { Self.merge($0, kind) } ?? kind
        }
    }

    private static func kind(of value: JSONValue) -> XDMColumnType {
        switch value {
        case .bool: return .boolean
        case .int: return .int64
        case .double: return .double
        default: return .string
        }
    }

    private static func merge(_ a: XDMColumnType, _ b: XDMColumnType) -> XDMColumnType {
        if a == b { return a }
        if (a == .int64 && b == .double) || (a == .double && b == .int64) { return .double }
        return .string
    }
}
