/// One node of a schema tree: a primitive leaf column or a group of child fields. Build schemas in
/// code with the static helpers (`.string`, `.int64`, `.group`, `.list`, `.map`, …).
public struct ParquetField: Sendable, Hashable {
    /// A leaf with its physical storage, or a group with children.
    public enum Kind: Sendable, Hashable {
        case primitive(PhysicalType, typeLength: Int32?)
        case group([ParquetField])
    }

    /// Field name as stored in the file.
    public var name: String
    /// Required, optional or repeated.
    public var repetition: Repetition
    /// Primitive leaf or group.
    public var kind: Kind
    /// Annotation (STRING, LIST, MAP, TIMESTAMP, …), if any.
    public var logicalType: LogicalType?
    /// Optional field id (Iceberg and Spark use it); carried through unchanged.
    public var fieldId: Int32?

    /// Creates any node; prefer the static helpers.
    public init(
        name: String, repetition: Repetition, kind: Kind, logicalType: LogicalType? = nil, fieldId: Int32? = nil
    ) {
        self.name = name
        self.repetition = repetition
        self.kind = kind
        self.logicalType = logicalType
        self.fieldId = fieldId
    }

    /// The children of a group, empty for a primitive.
    public var children: [ParquetField] {
        if case .group(let c) = kind { return c }
        return []
    }

    /// True for groups (structs, lists, maps).
    public var isGroup: Bool {
        if case .group = kind { return true }
        return false
    }

    /// A primitive leaf.
    public static func primitive(
        _ name: String, _ type: PhysicalType, _ repetition: Repetition = .optional,
        logicalType: LogicalType? = nil, typeLength: Int32? = nil
    ) -> ParquetField {
        ParquetField(name: name, repetition: repetition, kind: .primitive(type, typeLength: typeLength), logicalType: logicalType)
    }

    /// A UTF-8 string column.
    public static func string(_ name: String, _ repetition: Repetition = .optional) -> ParquetField {
        primitive(name, .byteArray, repetition, logicalType: .string)
    }

    /// A BOOLEAN column.
    public static func bool(_ name: String, _ repetition: Repetition = .optional) -> ParquetField {
        primitive(name, .boolean, repetition)
    }

    /// An INT32 column, optionally annotated (DATE, INT(8/16), DECIMAL, TIME).
    public static func int32(_ name: String, _ repetition: Repetition = .optional, logicalType: LogicalType? = nil) -> ParquetField {
        primitive(name, .int32, repetition, logicalType: logicalType)
    }

    /// An INT64 column, optionally annotated (TIMESTAMP, DECIMAL, …).
    public static func int64(_ name: String, _ repetition: Repetition = .optional, logicalType: LogicalType? = nil) -> ParquetField {
        primitive(name, .int64, repetition, logicalType: logicalType)
    }

    /// A FLOAT column.
    public static func float(_ name: String, _ repetition: Repetition = .optional) -> ParquetField {
        primitive(name, .float, repetition)
    }

    /// A DOUBLE column, the usual choice for XDM numbers.
    public static func double(_ name: String, _ repetition: Repetition = .optional) -> ParquetField {
        primitive(name, .double, repetition)
    }

    /// An unannotated BYTE_ARRAY column.
    public static func binary(_ name: String, _ repetition: Repetition = .optional) -> ParquetField {
        primitive(name, .byteArray, repetition)
    }

    /// Microsecond UTC timestamps, the usual choice for XDM date-time fields.
    public static func timestamp(
        _ name: String, _ repetition: Repetition = .optional, unit: TimeUnit = .micros, isAdjustedToUTC: Bool = true
    ) -> ParquetField {
        primitive(name, .int64, repetition, logicalType: .timestamp(unit: unit, isAdjustedToUTC: isAdjustedToUTC))
    }

    /// A DATE column (INT32 days since the epoch).
    public static func date(_ name: String, _ repetition: Repetition = .optional) -> ParquetField {
        primitive(name, .int32, repetition, logicalType: .date)
    }

    /// A struct.
    public static func group(_ name: String, _ repetition: Repetition = .optional, _ fields: [ParquetField]) -> ParquetField {
        ParquetField(name: name, repetition: repetition, kind: .group(fields))
    }

    /// An optional struct.
    public static func group(_ name: String, _ fields: [ParquetField]) -> ParquetField {
        group(name, .optional, fields)
    }

    /// A standard 3-level list: `<rep> group name (LIST) { repeated group list { element } }`.
    public static func list(_ name: String, _ repetition: Repetition = .optional, element: ParquetField) -> ParquetField {
        var element = element
        element.name = "element"
        if element.repetition == .repeated { element.repetition = .optional }
        let inner = ParquetField(name: "list", repetition: .repeated, kind: .group([element]))
        return ParquetField(name: name, repetition: repetition, kind: .group([inner]), logicalType: .list)
    }

    /// A standard map: `<rep> group name (MAP) { repeated group key_value { required key; value } }`.
    public static func map(
        _ name: String, _ repetition: Repetition = .optional, key: ParquetField, value: ParquetField
    ) -> ParquetField {
        var key = key
        key.name = "key"
        key.repetition = .required
        var value = value
        value.name = "value"
        if value.repetition == .repeated { value.repetition = .optional }
        let inner = ParquetField(name: "key_value", repetition: .repeated, kind: .group([key, value]))
        return ParquetField(name: name, repetition: repetition, kind: .group([inner]), logicalType: .map)
    }
}
