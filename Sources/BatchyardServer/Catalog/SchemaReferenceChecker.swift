import BatchyardCore

/// Answers whether a dataset's `schemaRef.id` names a schema its tenant can use, so the Catalog can
/// refuse a dataset pointing at nothing (400) instead of failing every batch later.
protocol SchemaReferenceChecker: Sendable {
    /// Whether `id` (`$id` or `meta:altId`) names a tenant schema or a built-in class in `tenant`.
    func schemaExists(_ id: String, tenant: Tenant) async throws -> Bool
}

/// Accepts every reference: for Catalog services built without a Schema Registry.
struct AnySchemaReference: SchemaReferenceChecker {
    func schemaExists(_ id: String, tenant: Tenant) async throws -> Bool { true }
}
