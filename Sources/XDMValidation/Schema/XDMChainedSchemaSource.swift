import BatchyardCore

/// Several sources consulted in order; the first that knows an id wins (tenant resources first,
/// then the built-in ones, so a tenant cannot be surprised by a built-in shadowing its own).
public struct XDMChainedSchemaSource: XDMSchemaSource {
    /// The sources, in the order they are asked.
    public let sources: [any XDMSchemaSource]

    /// A chain asking `sources` in order.
    public init(_ sources: [any XDMSchemaSource]) {
        self.sources = sources
    }

    /// The first source's document for `id`.
    public func document(forID id: String) -> JSONValue? {
        for source in sources {
            if let document = source.document(forID: id) { return document }
        }
        return nil
    }
}
