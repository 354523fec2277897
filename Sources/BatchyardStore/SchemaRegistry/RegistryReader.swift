import BatchyardCore
import SQLKit

/// Schema Registry reads on one connection (a read connection, or the writer inside a transaction).
struct RegistryReader: Sendable {
    let database: any SQLDatabase

    /// The resource whose `$id` or `meta:altId` is `id`, of `kind` when given.
    func get(_ kind: RegistryResource.Kind?, tenant: Tenant, id: String) async throws -> RegistryResource? {
        let kindClause: SQLQueryString = kind.map { "AND kind = \(bind: $0.rawValue)" } ?? ""
        let rows = try await database.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM registry_resources WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND (id = \(bind: id) OR alt_id = \(bind: id)) \(kindClause) \
            ORDER BY id LIMIT 1
            """).all()
        return try rows.first.map(Self.resource)
    }

    /// Every resource of `kinds` in the tenant, by `$id`.
    func all(_ kinds: [RegistryResource.Kind], tenant: Tenant) async throws -> [RegistryResource] {
        guard !kinds.isEmpty else { return [] }
        let rows = try await database.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM registry_resources WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND kind IN (\(binds: kinds.map(\.rawValue))) ORDER BY id
            """).all()
        return try rows.map(Self.resource)
    }

    /// Up to `limit` resources of `kind` in `order`, after the primary key value `start` (strictly
    /// greater ascending, strictly less descending).
    func list(
        _ kind: RegistryResource.Kind, tenant: Tenant, order: RegistryListOrder, start: String?, limit: Int
    ) async throws -> [RegistryResource] {
        try await select(kind, tenant: tenant, order: order, primary: start.map { (.after, $0) }, limit: limit)
    }

    /// Every resource of `kind` whose primary key value is `value`, in `order`.
    func ties(_ kind: RegistryResource.Kind, tenant: Tenant, order: RegistryListOrder, value: String) async throws
        -> [RegistryResource]
    {
        try await select(kind, tenant: tenant, order: order, primary: (.equal, value), limit: nil)
    }

    /// The number of resources of each kind in the tenant.
    func counts(tenant: Tenant) async throws -> [RegistryResource.Kind: Int] {
        let rows = try await database.raw("""
            SELECT kind, COUNT(*) AS n FROM registry_resources WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) GROUP BY kind
            """).all()
        var counts: [RegistryResource.Kind: Int] = [:]
        for row in rows {
            if let kind = RegistryResource.Kind(rawValue: try row.decode(column: "kind", as: String.self)) {
                counts[kind] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// Changes whenever a field group or data type of the tenant is created, replaced or deleted:
    /// their count and latest modification time.
    func dependencyStamp(tenant: Tenant) async throws -> String {
        let row = try await database.raw("""
            SELECT COUNT(*) AS n, MAX(updated) AS latest FROM registry_resources WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND kind IN ('mixins', 'datatypes')
            """).first()
        let count = try row?.decode(column: "n", as: Int.self) ?? 0
        let latest = (try? row?.decode(column: "latest", as: Int64?.self)) ?? nil
        return "\(count)-\(latest ?? 0)"
    }

    private enum Comparison { case after, equal }

    private func select(
        _ kind: RegistryResource.Kind, tenant: Tenant, order: RegistryListOrder,
        primary: (Comparison, String)?, limit: Int?
    ) async throws -> [RegistryResource] {
        let column = order.primary.property.column
        var condition: SQLQueryString = ""
        switch primary {
        case (.after, let value)?:
            condition = order.primary.descending
                ? "AND \(ident: column) < \(bind: value)" : "AND \(ident: column) > \(bind: value)"
        case (.equal, let value)?:
            condition = "AND \(ident: column) = \(bind: value)"
        case nil:
            break
        }
        var sort = order.keys.map { "\($0.property.column) \($0.descending ? "DESC" : "ASC")" }
        if !order.keys.contains(where: { $0.property == .id }) { sort.append("id ASC") }
        let limitClause: SQLQueryString = limit.map { "LIMIT \(bind: $0)" } ?? ""
        let rows = try await database.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM registry_resources WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND kind = \(bind: kind.rawValue) \(condition) \
            ORDER BY \(unsafeRaw: sort.joined(separator: ", ")) \(limitClause)
            """).all()
        return try rows.map(Self.resource)
    }

    static let columns = "kind, id, alt_id, title, version, created, updated, doc"

    static func resource(_ row: any SQLRow) throws -> RegistryResource {
        let id = try row.decode(column: "id", as: String.self)
        let text = try row.decode(column: "doc", as: String.self)
        let document: JSONValue
        do {
            document = try JSONValue(parsing: text)
        } catch {
            throw StoreError.corruptDocument(id: id, reason: "\(error)")
        }
        let kindName = try row.decode(column: "kind", as: String.self)
        guard let kind = RegistryResource.Kind(rawValue: kindName) else {
            throw StoreError.corruptDocument(id: id, reason: "unknown registry kind \(kindName)")
        }
        return RegistryResource(
            kind: kind, id: id, altID: try row.decode(column: "alt_id", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            version: try row.decode(column: "version", as: String.self),
            created: try row.decode(column: "created", as: Int64.self),
            updated: try row.decode(column: "updated", as: Int64.self), document: document)
    }
}
