import BatchyardCore

/// A Catalog object as stored: its id and its JSON document.
public struct StoredObject: Sendable, Equatable {
    public let id: String
    public var document: JSONValue

    public init(id: String, document: JSONValue) {
        self.id = id
        self.document = document
    }

    /// The `version` field, which every stored object carries.
    public var version: String { document["version"]?.stringValue ?? ObjectVersion.initial.description }
}
