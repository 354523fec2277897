import BatchyardCore
import SQLKit

/// The writes (and the reads that must see them) of one Schema Registry transaction.
public struct SchemaRegistryTransaction: Sendable {
    let database: any SQLDatabase
    let dialect: StoreDialect

    private var reader: RegistryReader { RegistryReader(database: database) }

    /// The resource named `id` (`$id` or `meta:altId`) as this transaction sees it.
    public func get(_ kind: RegistryResource.Kind?, tenant: Tenant, id: String) async throws -> RegistryResource? {
        try await reader.get(kind, tenant: tenant, id: id)
    }

    /// Every resource of `kinds` in the tenant as this transaction sees it.
    public func all(_ kinds: [RegistryResource.Kind], tenant: Tenant) async throws -> [RegistryResource] {
        try await reader.all(kinds, tenant: tenant)
    }

    /// Inserts a new resource; throws `StoreError.duplicateID` when its `$id` or `meta:altId` is taken.
    public func insert(_ resource: RegistryResource, tenant: Tenant) async throws {
        let sameID = try await reader.get(nil, tenant: tenant, id: resource.id)
        let sameAltID = try await reader.get(nil, tenant: tenant, id: resource.altID)
        if sameID != nil || sameAltID != nil { throw StoreError.duplicateID(resource.id) }
        let syntax = SQLDialectSyntax(dialect: dialect)
        try await database.raw("""
            INSERT INTO registry_resources (org, sandbox, kind, id, alt_id, title, version, created, updated, doc) \
            VALUES (\(bind: tenant.org), \(bind: tenant.sandbox), \(bind: resource.kind.rawValue), \(bind: resource.id), \
            \(bind: resource.altID), \(bind: resource.title), \(bind: resource.version), \(bind: resource.created), \
            \(bind: resource.updated), \(syntax.jsonDocument(resource.document.serialized())))
            """).run()
    }

    /// Replaces a resource if its stored version is still `expectedVersion`; throws
    /// `StoreError.versionConflict` when another write got there first.
    public func replace(_ resource: RegistryResource, tenant: Tenant, expectedVersion: String) async throws {
        let syntax = SQLDialectSyntax(dialect: dialect)
        let rows = try await database.raw("""
            UPDATE registry_resources SET title = \(bind: resource.title), version = \(bind: resource.version), \
            updated = \(bind: resource.updated), doc = \(syntax.jsonDocument(resource.document.serialized())) \
            WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) AND id = \(bind: resource.id) \
            AND version = \(bind: expectedVersion) RETURNING id
            """).all()
        guard !rows.isEmpty else { throw StoreError.versionConflict(id: resource.id, expected: expectedVersion) }
    }

    /// The `schemaRef.id`s of the tenant's datasets (the schemas that data is ingested under).
    public func datasetSchemaReferences(tenant: Tenant) async throws -> Set<String> {
        let reference = SQLDialectSyntax(dialect: dialect).jsonText(["schemaRef", "id"])
        let rows = try await database.raw("""
            SELECT DISTINCT \(reference) AS ref FROM datasets WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND \(reference) IS NOT NULL
            """).all()
        return Set(rows.compactMap { try? $0.decode(column: "ref", as: String.self) })
    }

    /// Deletes the resource with `$id` `id`; `false` when the tenant has none.
    @discardableResult
    public func delete(tenant: Tenant, id: String) async throws -> Bool {
        let rows = try await database.raw("""
            DELETE FROM registry_resources WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) \
            AND id = \(bind: id) RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
