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
