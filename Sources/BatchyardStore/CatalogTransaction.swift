import BatchyardCore
import SQLKit

/// The writes (and reads that must see them) of one metadata transaction.
public struct CatalogTransaction: Sendable {
    let database: any SQLDatabase
    let dialect: StoreDialect

    private var reader: CatalogReader { CatalogReader(database: database) }

    /// Reads `id` as this transaction sees it.
    public func get(_ collection: CatalogCollection, tenant: Tenant, id: String) async throws -> StoredObject? {
        try await reader.get(collection, tenant: tenant, ids: [id]).first
    }

    /// Reads every object among `ids` as this transaction sees it.
    public func get(_ collection: CatalogCollection, tenant: Tenant, ids: [String]) async throws -> [StoredObject] {
        try await reader.get(collection, tenant: tenant, ids: ids)
    }

    /// Lists as this transaction sees it.
    public func list(_ collection: CatalogCollection, tenant: Tenant, query: CatalogQuery) async throws -> [StoredObject] {
        try await reader.list(collection, tenant: tenant, query: query, dialect: dialect)
    }

    /// Inserts a new object; throws `StoreError.duplicateID` if the id exists in the tenant.
    ///
    /// One statement: `ON CONFLICT DO NOTHING RETURNING` tells a duplicate apart without a prior
    /// read, and without the failed statement that would abort a PostgreSQL transaction.
    public func insert(_ collection: CatalogCollection, tenant: Tenant, object: StoredObject) async throws {
        let columns = IndexedColumns(collection: collection, document: object.document)
        let inserted = try await database.raw("""
            INSERT INTO \(ident: collection.table) (\(unsafeRaw: IndexedColumns.columnList)) VALUES (\
            \(columns.values(tenant: tenant, id: object.id, document: object.document, syntax: syntax))) \
            ON CONFLICT DO NOTHING RETURNING id
            """).all()
        guard !inserted.isEmpty else { throw StoreError.duplicateID(object.id) }
    }

    /// Replaces an object's document if its stored version is still `expectedVersion`.
    /// Throws `StoreError.versionConflict` when another write got there first.
    public func replace(_ collection: CatalogCollection, tenant: Tenant, object: StoredObject, expectedVersion: String) async throws {
        let columns = IndexedColumns(collection: collection, document: object.document)
        let rows = try await database.raw("""
            UPDATE \(ident: collection.table) SET created = \(bind: columns.created), updated = \(bind: columns.updated), \
            version = \(bind: columns.version), version_key = \(bind: columns.versionKey), name = \(bind: columns.name), \
            status = \(bind: columns.status), external_id = \(bind: columns.externalID), \
            dataset_id = \(bind: columns.datasetID), batch_id = \(bind: columns.batchID), \
            created_client = \(bind: columns.createdClient), created_user = \(bind: columns.createdUser), \
            updated_user = \(bind: columns.updatedUser), doc = \(syntax.jsonDocument(object.document.serialized())) \
            WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) AND id = \(bind: object.id) \
            AND version = \(bind: expectedVersion) RETURNING id
            """).all()
        guard !rows.isEmpty else { throw StoreError.versionConflict(id: object.id, expected: expectedVersion) }
    }

    /// Deletes an object; `false` when it did not exist in the tenant.
    @discardableResult
    public func delete(_ collection: CatalogCollection, tenant: Tenant, id: String) async throws -> Bool {
        let rows = try await database.raw("""
            DELETE FROM \(ident: collection.table) WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) \
            AND id = \(bind: id) RETURNING id
            """).all()
        return !rows.isEmpty
    }

    private var syntax: SQLDialectSyntax { SQLDialectSyntax(dialect: dialect) }
}
