/// One named column of a group (or of the record's top level).
public struct XDMColumn: Sendable, Hashable {
    /// The field name.
    public var name: String
    /// How values are stored.
    public var type: XDMColumnType
    /// Required by the schema. Writers may still store it as OPTIONAL so that adding or dropping
    /// `required` later does not change the physical schema.
    public var isRequired: Bool

    /// A column.
    public init(name: String, type: XDMColumnType, isRequired: Bool) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
    }
}
