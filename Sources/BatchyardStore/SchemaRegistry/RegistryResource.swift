import BatchyardCore

/// A tenant resource of the Schema Registry as stored: a schema, field group or data type, with
/// the columns that lookups and listings use copied out of its JSON document.
public struct RegistryResource: Sendable, Equatable {
    /// Which registry collection a resource belongs to; the raw value is AEP's `meta:resourceType`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Schemas: a class plus field groups, what datasets reference.
        case schemas
        /// Field groups, which AEP's `meta:resourceType` still calls mixins.
        case mixins
        /// Reusable object types that fields refer to with `$ref`.
        case datatypes
        /// Classes; only built-in (global) ones exist, so the store never holds any.
        case classes
    }

    /// The collection the resource belongs to.
    public let kind: Kind
    /// The `$id` (`https://ns.adobe.com/{tenant}/schemas/{localId}`).
    public let id: String
    /// The `meta:altId` (`_{tenant}.schemas.{localId}`).
    public let altID: String
    /// The `title`, copied out for listings ordered by title.
    public let title: String
    /// `major.minor`, e.g. `1.2`.
    public let version: String
    /// Epoch milliseconds.
    public let created: Int64
    /// Epoch milliseconds.
    public let updated: Int64
    /// The resource as the registry returns it in the `xed` representation.
    public let document: JSONValue

    /// A resource with its indexed columns; `document` must carry the same `$id`, title and version.
    public init(kind: Kind, id: String, altID: String, title: String, version: String, created: Int64, updated: Int64,
                document: JSONValue) {
        self.kind = kind
        self.id = id
        self.altID = altID
        self.title = title
        self.version = version
        self.created = created
        self.updated = updated
        self.document = document
    }
}
