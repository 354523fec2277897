import BatchyardCore
import Parquet
import XDMValidation

/// The Parquet schema of a dataset's lake files and the conversion of coerced records into rows.
///
/// Derived from the dataset's XDM schema (contract §5.4), never from the records of a batch, so
/// every file of a dataset has the same columns. Every column is OPTIONAL: null and absent mean the
/// same, and adding `required` to a schema later does not change the files' physical schema.
public struct LakeSchema: Sendable {
    /// The top-level columns, sorted by name.
    public let columns: [XDMColumn]
    /// The Parquet schema written.
    public let parquet: ParquetSchema

    /// The lake schema of records of `schema`.
    public init(schema: XDMObjectType) throws(ParquetError) {
        try self.init(columns: schema.columns)
    }

    /// The lake schema of the given top-level columns.
    public init(columns: [XDMColumn]) throws(ParquetError) {
        self.columns = columns
        parquet = try ParquetSchema(columns.map { Self.field($0.name, $0.type) })
    }

    private static func field(_ name: String, _ type: XDMColumnType) -> ParquetField {
        switch type {
        case .string: return .string(name)
        case .double: return .double(name)
        case .int8: return .int32(name, logicalType: .integer(bitWidth: 8, isSigned: true))
        case .int16: return .int32(name, logicalType: .integer(bitWidth: 16, isSigned: true))
        case .int32: return .int32(name)
        case .int64: return .int64(name)
        case .boolean: return .bool(name)
        case .date: return .date(name)
        case .timestampMillis: return .timestamp(name, unit: .millis, isAdjustedToUTC: true)
        case .group(let children):
            // Parquet has no empty groups; an object schema without fields keeps its JSON as text.
            guard !children.isEmpty else { return .string(name) }
            return .group(name, children.map { field($0.name, $0.type) })
        case .list(let element): return .list(name, element: field("element", element))
        case .map(let values): return .map(name, key: .string("key"), value: field("value", values))
        }
    }

    /// The row for a coerced record (see `RecordValidator` for its representations).
    public func row(_ record: JSONValue) -> ParquetValue {
        Self.group(columns, record)
    }

    private static func group(_ columns: [XDMColumn], _ value: JSONValue) -> ParquetValue {
        guard case .object(let members) = value else { return .null }
        var row: [String: ParquetValue] = [:]
        row.reserveCapacity(columns.count)
        for column in columns {
            if let member = members[column.name], !member.isNull {
                row[column.name] = convert(column.type, member)
            }
        }
        return .object(row)
    }

    static func convert(_ type: XDMColumnType, _ value: JSONValue) -> ParquetValue {
        switch (type, value) {
        case (_, .null): return .null
        case (.string, .string(let text)): return .string(text)
        case (.string, _): return .string(value.serialized())
        case (.double, _): return value.doubleValue.map(ParquetValue.double) ?? .null
        case (.int8, _), (.int16, _), (.int32, _), (.int64, _), (.timestampMillis, _):
            return value.int64Value.map(ParquetValue.int) ?? .null
        case (.boolean, .bool(let flag)): return .bool(flag)
        case (.date, .string(let text)): return XDMDate.epochDays(from: text).map(ParquetValue.int) ?? .null
        case (.group(let children), _):
            // Kept as text, like a string column (a string stays itself, anything else is JSON).
            if children.isEmpty { return convert(.string, value) }
            return group(children, value)
        case (.list(let element), .array(let items)): return .list(items.map { convert(element, $0) })
        case (.map(let values), .object(let members)):
            return .map(members.keys.sorted().map {
                ParquetMapEntry(key: .string($0), value: convert(values, members[$0]!))
            })
        default: return .null
        }
    }
}
