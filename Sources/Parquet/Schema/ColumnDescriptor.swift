/// A leaf column of a schema with the levels the Dremel encoding needs for it.
public struct ColumnDescriptor: Sendable, Hashable {
    /// Names from the root's child down to the leaf, e.g. `["tags", "list", "element"]`.
    public let path: [String]
    /// On-disk type of the values.
    public let physicalType: PhysicalType
    /// Byte width for FIXED_LEN_BYTE_ARRAY, otherwise 0.
    public let typeLength: Int
    /// How to interpret the values, if annotated.
    public let logicalType: LogicalType?
    /// Definition level of a present (non-null) value.
    public let maxDefinitionLevel: Int
    /// Repetition level of the innermost repeated ancestor.
    public let maxRepetitionLevel: Int
    /// Repetition of the leaf field itself.
    public let repetition: Repetition

    /// Dotted path, as tools print it.
    public var dottedPath: String { path.joined(separator: ".") }
}
