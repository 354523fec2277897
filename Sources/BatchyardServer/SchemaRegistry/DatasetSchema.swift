import BatchyardCore
import XDMValidation

/// What ingestion needs to enforce a dataset's XDM schema: the compiled validator and the
/// resolved schema it was built from, plus the lake columns derived from it (contract §5.4), so
/// every Parquet file of the dataset gets the same physical schema.
public struct DatasetSchema: Sendable {
    /// The schema's `$id` (also when the dataset named it by `meta:altId`).
    public let schemaID: String
    /// The schema version this was compiled from (`1.2`); a later version compiles anew.
    public let version: String
    /// The schema with every `$ref` and `allOf` expanded (the `xed-full` representation).
    public let resolvedSchema: JSONValue
    /// The typed fields the validator enforces and the Parquet schema is derived from.
    public let objectType: XDMObjectType
    /// The top-level lake columns, sorted by name.
    public let columns: [XDMColumn]
    /// Validates and converts records; safe to share between tasks.
    public let validator: RecordValidator

    /// Resolves and compiles `document` with `resolver`.
    init(schemaID: String, version: String, document: JSONValue, resolver: XDMSchemaResolver) throws(XDMSchemaError) {
        self.schemaID = schemaID
        self.version = version
        resolvedSchema = try resolver.resolve(document)
        objectType = try XDMSchemaCompiler.compile(resolvedSchema)
        columns = objectType.columns
        validator = try RecordValidator(schema: objectType)
    }
}
