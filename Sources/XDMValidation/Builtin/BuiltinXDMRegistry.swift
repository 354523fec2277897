import BatchyardCore

/// The standard XDM classes, field groups and data types that ship with Batchyard, so users can
/// build a realistic schema (`allOf` the XDM Individual Profile class plus a few field groups)
/// without writing every field by hand. The Schema Registry lists them under the `global`
/// container; the resolver finds them by `$id` or `meta:altId`.
///
/// A realistic subset, not the whole XDM catalogue: the two main classes with their core fields,
/// identity map, demographic and contact details for profiles, web and commerce details for events.
public struct BuiltinXDMRegistry: XDMSchemaSource {
    /// The resources that ship with Batchyard.
    public static let standard = BuiltinXDMRegistry(resources: classes + fieldGroups + dataTypes)

    /// Every resource, classes first.
    public let resources: [BuiltinXDMResource]
    private let byID: [String: Int]

    init(resources: [BuiltinXDMResource]) {
        self.resources = resources
        var byID: [String: Int] = [:]
        for (position, resource) in resources.enumerated() {
            byID[resource.id] = position
            byID[resource.altID] = position
        }
        self.byID = byID
    }

    /// The resource whose `$id` or `meta:altId` is `id`.
    public func resource(id: String) -> BuiltinXDMResource? {
        byID[id].map { resources[$0] }
    }

    /// The resources of one kind, in a stable order.
    public func resources(of kind: BuiltinXDMResource.Kind) -> [BuiltinXDMResource] {
        resources.filter { $0.kind == kind }
    }

    /// The built-in document whose `$id` or `meta:altId` is `id`.
    public func document(forID id: String) -> JSONValue? {
        resource(id: id)?.document
    }
}
