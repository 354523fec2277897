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
