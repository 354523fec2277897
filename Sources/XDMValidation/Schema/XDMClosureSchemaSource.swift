import BatchyardCore

/// A source backed by a closure, for callers that already hold their documents in a dictionary or a
/// store snapshot.
public struct XDMClosureSchemaSource: XDMSchemaSource {
    private let lookup: @Sendable (String) -> JSONValue?

    /// A source answering with `lookup`.
    public init(_ lookup: @escaping @Sendable (String) -> JSONValue?) {
        self.lookup = lookup
    }

    /// The closure's answer for `id`.
    public func document(forID id: String) -> JSONValue? { lookup(id) }
}
