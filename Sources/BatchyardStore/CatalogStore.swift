import BatchyardCore
import SQLKit

/// Catalog objects in the metadata database, scoped by tenant on every statement.
///
/// Reads outside a transaction see the last committed state; writes go through `transaction`,
/// which is all-or-nothing (multi-request `POST /` relies on that to roll back every sub-request).
public struct CatalogStore: Sendable {
    public let database: any MetadataDatabase

    /// Coalesces concurrent conditional inserts (create-batch is the hot write path).
    private let inserts: InsertCoalescer

    public init(database: any MetadataDatabase) {
        self.database = database
        self.inserts = InsertCoalescer(database: database)
    }

    /// The object `id` of `collection` in `tenant`, or `nil`.
    public func get(_ collection: CatalogCollection, tenant: Tenant, id: String) async throws -> StoredObject? {
        try await database.read { db in
            try await CatalogReader(database: db).get(collection, tenant: tenant, ids: [id]).first
        }
    }

    /// The objects among `ids` that exist in `tenant`, in the order of `ids`.
    public func get(_ collection: CatalogCollection, tenant: Tenant, ids: [String]) async throws -> [StoredObject] {
        try await database.read { db in
            try await CatalogReader(database: db).get(collection, tenant: tenant, ids: ids)
        }
    }

    /// One page of `collection` in `tenant` matching `query`.
    public func list(_ collection: CatalogCollection, tenant: Tenant, query: CatalogQuery) async throws -> [StoredObject] {
        let dialect = database.dialect
        return try await database.read { db in
            try await CatalogReader(database: db).list(collection, tenant: tenant, query: query, dialect: dialect)
        }
    }

    /// The distinct values of `property` among the objects matching `query` (`/batches/uniques/{field}`).
    public func uniques(_ collection: CatalogCollection, tenant: Tenant, property: String, query: CatalogQuery) async throws -> [JSONValue] {
        let dialect = database.dialect
        return try await database.read { db in
            try await CatalogReader(database: db).uniques(
                collection, tenant: tenant, property: property, query: query, dialect: dialect)
        }
    }

    /// Inserts `object` in one statement if its parent (`parentID` in `parentCollection`) exists in
    /// the tenant; `false` when the parent does not exist (or, improbably, the id is taken).
    ///
    /// The hot path of create-batch: concurrent calls share one autocommit statement instead of
    /// each doing a read and a transaction (`InsertCoalescer`).
    public func insert(
        _ collection: CatalogCollection, tenant: Tenant, object: StoredObject,
        ifParent parentID: String, existsIn parentCollection: CatalogCollection
    ) async throws -> Bool {
        try await inserts.insert(
            object, into: collection, tenant: tenant, parentID: parentID, parentCollection: parentCollection)
    }

    /// Runs `body` in one transaction; every write in it commits together or not at all.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (CatalogTransaction) async throws -> T) async throws -> T {
        let dialect = database.dialect
        return try await database.write { db in
            try await body(CatalogTransaction(database: db, dialect: dialect))
        }
    }
}
