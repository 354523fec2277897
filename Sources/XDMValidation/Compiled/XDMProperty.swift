/// One field of an object.
public struct XDMProperty: Sendable, Hashable {
    /// The field name as records spell it.
    public var name: String
    /// The field's type and constraints.
    public var type: XDMFieldType
    /// Listed in the enclosing object's `required`: must be present and not null.
    public var isRequired: Bool

    /// A field; optional unless `isRequired`.
    public init(name: String, type: XDMFieldType, isRequired: Bool = false) {
        self.name = name
        self.type = type
        self.isRequired = isRequired
    }
}
