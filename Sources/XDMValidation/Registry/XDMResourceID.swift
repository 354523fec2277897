/// The identifiers the Schema Registry gives resources (contract §6).
public enum XDMResourceID {
    /// `https://ns.adobe.com/{tenantID}/{collection}/{localID}`, the `$id` of a tenant resource;
    /// `collection` is `schemas`, `mixins` (field groups), `datatypes` or `classes`.
    public static func tenantResourceID(tenantID: String, collection: String = "schemas", localID: String) -> String {
        "https://ns.adobe.com/\(tenantID)/\(collection)/\(localID)"
    }

    /// The `meta:altId` for an `$id`: the path after `https://ns.adobe.com/` with `/` turned into
    /// `.`, behind an underscore (`_xdm.context.profile`, `_acme.schemas.719c…`).
    public static func altID(for id: String) -> String {
        let prefix = "https://ns.adobe.com/"
        let path = id.hasPrefix(prefix) ? String(id.dropFirst(prefix.count)) : id
        return "_" + path.replacing("/", with: ".")
    }

    /// The tenant namespace field (`_acme`) under which a tenant's custom fields live.
    public static func tenantNamespace(tenantID: String) -> String { "_" + tenantID }
}
