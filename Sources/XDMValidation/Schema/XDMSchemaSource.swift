import BatchyardCore

/// Where the resolver finds the documents that `$ref`s name: classes, field groups, data types and
/// schemas, by `$id` (or `meta:altId`).
///
/// The Schema Registry implements it over its tenant store; `BuiltinXDMRegistry` implements it for
/// the standard XDM resources that ship with Batchyard.
public protocol XDMSchemaSource: Sendable {
    /// The document named `id`, or `nil` if this source does not hold it.
    func document(forID id: String) -> JSONValue?
}

/// A source backed by a closure, for callers that already hold their documents in a dictionary or a
/// store snapshot.
public struct XDMClosureSchemaSource: XDMSchemaSource {
    private let lookup: @Sendable (String) -> JSONValue?

    public init(_ lookup: @escaping @Sendable (String) -> JSONValue?) {
        self.lookup = lookup
    }

    public func document(forID id: String) -> JSONValue? { lookup(id) }
}

/// Several sources consulted in order; the first that knows an id wins (tenant resources first,
/// then the built-in ones, so a tenant cannot be surprised by a built-in shadowing its own).
public struct XDMChainedSchemaSource: XDMSchemaSource {
    public let sources: [any XDMSchemaSource]

    public init(_ sources: [any XDMSchemaSource]) {
        self.sources = sources
    }

    public func document(forID id: String) -> JSONValue? {
        for source in sources {
            if let document = source.document(forID: id) { return document }
        }
        return nil
    }
}
