/// The fields of an XDM object, sorted by name so every consumer (validator, Parquet schema) sees
/// one stable order.
public struct XDMObjectType: Sendable, Hashable {
    /// The declared fields, sorted by name.
    public var properties: [XDMProperty]

    /// An object type; `properties` are sorted by name.
    public init(properties: [XDMProperty]) {
        self.properties = properties.sorted { $0.name < $1.name }
    }

    /// The property named `name`.
    public subscript(name: String) -> XDMProperty? {
        properties.first { $0.name == name }
    }
}
