/// How a field is stored in the lake: the Parquet type contract §5.4 gives for each XDM type.
///
/// XDMValidation does not depend on the Parquet module; the lake writer maps each case to its
/// Parquet schema element (noted per case). Deriving every file's schema from the dataset's XDM
/// schema, not from the records in a batch, is what keeps all files of a dataset on one schema.
public indirect enum XDMColumnType: Sendable, Hashable {
    /// BYTE_ARRAY, logical type STRING (UTF8).
    case string
    /// DOUBLE.
    case double
    /// INT32 with logical type INT(8, signed).
    case int8
    /// INT32 with logical type INT(16, signed).
    case int16
    /// INT32 (INT(32, signed)).
    case int32
    /// INT64.
    case int64
    /// BOOLEAN.
    case boolean
    /// INT32, logical type DATE: days since 1970-01-01 (`XDMDate.epochDays(from:)` converts the
    /// coerced record's `"YYYY-MM-DD"`).
    case date
    /// INT64, logical type TIMESTAMP(MILLIS, isAdjustedToUTC: true): the coerced record's epoch
    /// milliseconds as they are.
    case timestampMillis
    /// A group of named columns, sorted by name.
    case group([XDMColumn])
    /// LIST of elements.
    case list(XDMColumnType)
    /// MAP with STRING keys.
    case map(values: XDMColumnType)
}

/// One named column of a group (or of the record's top level).
public struct XDMColumn: Sendable, Hashable {
    public var name: String
    public var type: XDMColumnType
    /// Required by the schema. Writers may still store it as OPTIONAL so that adding or dropping
    /// `required` later does not change the physical schema.
    public var isRequired: Bool

    public init(name: String, type: XDMColumnType, isRequired: Bool) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
    }
}

extension XDMFieldType {
    /// The lake column type of values of this field.
    public var columnType: XDMColumnType {
        switch self {
        case .string: return .string
        case .number: return .double
        case .integer(let width, _):
            switch width {
            case .byte: return .int8
            case .short: return .int16
            case .int: return .int32
            case .long: return .int64
            }
        case .boolean: return .boolean
        case .date: return .date
        case .dateTime: return .timestampMillis
        case .object(let object): return .group(object.columns)
        case .map(let values): return .map(values: values.columnType)
        case .array(let items, _): return .list(items.columnType)
        }
    }
}

extension XDMObjectType {
    /// The lake columns of records of this schema, sorted by name.
    public var columns: [XDMColumn] {
        properties.map { XDMColumn(name: $0.name, type: $0.type.columnType, isRequired: $0.isRequired) }
    }
}
