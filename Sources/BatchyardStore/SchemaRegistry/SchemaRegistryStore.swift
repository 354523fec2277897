import BatchyardCore
import SQLKit

/// Tenant schemas, field groups and data types of the Schema Registry, scoped by (org, sandbox)
/// on every statement, in the same metadata database as the Catalog.
///
/// Documents are stored whole (the `xed` representation); `$id`, `meta:altId`, `title` and
/// `version` are copied into indexed columns for lookups and keyset-paged listings.
public struct SchemaRegistryStore: Sendable {
    public let database: any MetadataDatabase

    public init(database: any MetadataDatabase) {
        self.database = database
    }

    /// The resource named `id` (`$id` or `meta:altId`), of `kind` when given, or `nil`.
    public func get(_ kind: RegistryResource.Kind?, tenant: Tenant, id: String) async throws -> RegistryResource? {
        try await database.read { db in try await RegistryReader(database: db).get(kind, tenant: tenant, id: id) }
    }

    /// Every resource of `kinds` in the tenant, by `$id`.
    public func all(_ kinds: [RegistryResource.Kind], tenant: Tenant) async throws -> [RegistryResource] {
        try await database.read { db in try await RegistryReader(database: db).all(kinds, tenant: tenant) }
    }

    /// One page of a listing: at least `limit` resources after `start` (fewer only at the end), grown
    /// so that it never splits resources sharing the last primary key value, because the next page
    /// starts strictly after that value. `hasMore` says whether anything follows.
    public func page(
        _ kind: RegistryResource.Kind, tenant: Tenant, order: RegistryListOrder, start: String?, limit: Int
    ) async throws -> (resources: [RegistryResource], hasMore: Bool) {
        try await database.read { db in
            let reader = RegistryReader(database: db)
            var resources = try await reader.list(kind, tenant: tenant, order: order, start: start, limit: limit + 1)
            guard resources.count > limit else { return (resources, false) }
            resources.removeLast()
            guard let last = resources.last else {
                // limit 0: an empty page that still tells the caller there is more.
                return ([], true)
            }
            let lastValue = order.primaryValue(of: last)
            resources.removeAll { order.primaryValue(of: $0) == lastValue }
            resources += try await reader.ties(kind, tenant: tenant, order: order, value: lastValue)
            let rest = try await reader.list(kind, tenant: tenant, order: order, start: lastValue, limit: 1)
            return (resources, !rest.isEmpty)
        }
    }

    /// A value that changes whenever the tenant's field groups or data types change, so compiled
    /// schemas can be cached without missing a change in what they reference.
    public func dependencyStamp(tenant: Tenant) async throws -> String {
        try await database.read { db in try await RegistryReader(database: db).dependencyStamp(tenant: tenant) }
    }

    /// How many resources of each kind the tenant holds.
    public func counts(tenant: Tenant) async throws -> [RegistryResource.Kind: Int] {
        try await database.read { db in try await RegistryReader(database: db).counts(tenant: tenant) }
    }

    /// Runs `body` in one transaction; every write in it commits together or not at all.
    public func transaction<T: Sendable>(
        _ body: @escaping @Sendable (SchemaRegistryTransaction) async throws -> T
    ) async throws -> T {
        let dialect = database.dialect
        return try await database.write { db in
            try await body(SchemaRegistryTransaction(database: db, dialect: dialect))
        }
    }
}
