import BatchyardCore

/// One standard XDM resource that ships with Batchyard: a class, field group or data type.
public struct BuiltinXDMResource: Sendable, Hashable {
    /// The registry collection the resource is listed under.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `/global/classes`
        case `class` = "classes"
        /// `/global/fieldgroups` (`meta:resourceType` `mixins`, as AEP still calls them)
        case fieldGroup = "mixins"
        /// `/global/datatypes`
        case dataType = "datatypes"
    }

    /// Class, field group or data type.
    public let kind: Kind
    /// The `$id`, e.g. `https://ns.adobe.com/xdm/context/profile`.
    public let id: String
    /// The `meta:altId`, e.g. `_xdm.context.profile`.
    public let altID: String
    /// The display title (`XDM Individual Profile`).
    public let title: String
    /// The full document as the registry would return it (unresolved: `$ref`s intact).
    public let document: JSONValue

    init(kind: Kind, id: String, title: String, description: String, body: [String: JSONValue]) {
        self.kind = kind
        self.id = id
        self.title = title
        altID = XDMResourceID.altID(for: id)
        var members = body
        members["$id"] = .string(id)
        members["meta:altId"] = .string(altID)
        members["meta:resourceType"] = .string(kind.rawValue)
        members["title"] = .string(title)
        members["description"] = .string(description)
        members["version"] = "1.0"
        members["type"] = "object"
        members["$schema"] = "http://json-schema.org/draft-06/schema#"
        members["meta:containerId"] = "global"
        members["meta:extensible"] = .bool(kind != .class)
        members["meta:abstract"] = .bool(kind != .dataType)
        document = .object(members)
    }
}
