import BatchyardStore

/// The two containers of the Schema Registry: `global` (the built-in XDM resources, read-only) and
/// `tenant` (the caller's own, per org and sandbox).
enum RegistryContainer: String, Sendable {
    case global
    case tenant

    /// The collection a path segment names (`fieldgroups` and the older `mixins` are the same).
    static func collection(_ segment: String) -> RegistryResource.Kind? {
        switch segment.lowercased() {
        case "schemas": .schemas
        case "fieldgroups", "mixins": .mixins
        case "datatypes": .datatypes
        case "classes": .classes
        default: nil
        }
    }

    /// The path segment of a collection in links.
    static func pathName(_ collection: RegistryResource.Kind) -> String {
        collection == .mixins ? "fieldgroups" : collection.rawValue
    }
}
