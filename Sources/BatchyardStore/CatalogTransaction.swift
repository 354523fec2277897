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
        guard try await insert(collection, tenant: tenant, object: object, condition: "1 = 1") else {
            throw StoreError.duplicateID(object.id)
        }
    }

    /// Inserts when `condition` holds; `false` when it does not or the id exists.
    func insert(_ collection: CatalogCollection, tenant: Tenant, object: StoredObject, condition: SQLQueryString) async throws -> Bool {
        let columns = IndexedColumns(collection: collection, document: object.document)
        let inserted = try await database.raw("""
            INSERT INTO \(ident: collection.table) (org, sandbox, id, created, updated, version, version_key, name, \
            status, external_id, dataset_id, batch_id, created_client, created_user, updated_user, doc) SELECT \
            \(bind: tenant.org), \(bind: tenant.sandbox), \(bind: object.id), \(bind: columns.created), \
            \(bind: columns.updated), \(bind: columns.version), \(bind: columns.versionKey), \(bind: columns.name), \
            \(bind: columns.status), \(bind: columns.externalID), \(bind: columns.datasetID), \(bind: columns.batchID), \
            \(bind: columns.createdClient), \(bind: columns.createdUser), \(bind: columns.updatedUser), \
            \(documentBind(object.document)) WHERE \(condition) ON CONFLICT DO NOTHING RETURNING id
            """).all()
        return !inserted.isEmpty
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
            updated_user = \(bind: columns.updatedUser), doc = \(documentBind(object.document)) \
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

    private func documentBind(_ document: JSONValue) -> SQLQueryString {
        switch dialect {
        case .sqlite: "\(bind: document.serialized())"
        case .postgres: "CAST(\(bind: document.serialized()) AS JSONB)"
        }
    }
}
