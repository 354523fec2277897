import BatchyardCore
import BatchyardStore
import Foundation
import Logging
import StoreTestSupport
import Testing

@Suite("SchemaRegistryStore and migration 4")
struct SchemaRegistryStoreTests {
    static func resource(_ local: String, title: String, kind: RegistryResource.Kind = .schemas) -> RegistryResource {
        let id = "https://ns.adobe.com/t/\(kind.rawValue)/\(local)"
        return RegistryResource(
            kind: kind, id: id, altID: "_t.\(kind.rawValue).\(local)", title: title, version: "1.0", created: 1,
            updated: 1, document: ["$id": .string(id), "title": .string(title)])
    }

    static func open(_ path: String) async throws -> any MetadataDatabase {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return try await TestMetadataDatabase.open(sqlitePath: path, readConnections: 1, logger: logger)
    }

    @Test("a database created before the registry gains its table on open")
    func upgrade() async throws {
        let path = TestServer.temporaryDirectory() + "/metadata.sqlite"
        var database = try await Self.open(path)
        try await database.write { db in
            try await db.raw("DROP TABLE registry_resources").run()
            try await db.raw("DELETE FROM schema_migrations WHERE version = 4").run()
        }
        try await database.close()
        database = try await Self.open(path)
        let store = SchemaRegistryStore(database: database)
        let tenant = Tenant(org: "o", sandbox: "prod")
        try await store.transaction { tx in try await tx.insert(Self.resource("a", title: "A"), tenant: tenant) }
        #expect(try await store.get(nil, tenant: tenant, id: "_t.schemas.a")?.title == "A")
        let versions = try await database.read { db in
            try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
        }
        #expect(versions.contains(1) && versions.contains(4))
        try await database.close()
    }

    @Test("lookups by $id or altId, duplicate ids refused, pages keep ties together, tenants apart")
    func storeBasics() async throws {
        let database = try await Self.open(TestServer.temporaryDirectory() + "/metadata.sqlite")
        let store = SchemaRegistryStore(database: database)
        let tenant = Tenant(org: "o", sandbox: "prod")
        try await store.transaction { tx in
            for (local, title) in [("1", "B"), ("2", "A"), ("3", "B"), ("4", "C")] {
                try await tx.insert(Self.resource(local, title: title), tenant: tenant)
            }
            try await tx.insert(Self.resource("5", title: "A", kind: .mixins), tenant: tenant)
        }
        await #expect(throws: StoreError.self) {
            try await store.transaction { tx in try await tx.insert(Self.resource("1", title: "again"), tenant: tenant) }
        }
        #expect(try await store.get(.schemas, tenant: tenant, id: "https://ns.adobe.com/t/schemas/2")?.title == "A")
        #expect(try await store.get(.mixins, tenant: tenant, id: "https://ns.adobe.com/t/schemas/2") == nil)
        #expect(try await store.get(nil, tenant: Tenant(org: "o", sandbox: "dev"), id: "_t.schemas.2") == nil)

        let order = try RegistryListOrder.parse("title").get()
        let first = try await store.page(.schemas, tenant: tenant, order: order, start: nil, limit: 2)
        #expect(first.resources.map(\.title) == ["A", "B", "B"])
        #expect(first.hasMore)
        let second = try await store.page(.schemas, tenant: tenant, order: order, start: "B", limit: 2)
        #expect(second.resources.map(\.title) == ["C"])
        #expect(!second.hasMore)
        let descending = try await store.page(
            .schemas, tenant: tenant, order: try RegistryListOrder.parse("-title,$id").get(), start: nil, limit: 10)
        #expect(descending.resources.map { String($0.id.suffix(1)) } == ["4", "1", "3", "2"])
        #expect(try await store.counts(tenant: tenant) == [.schemas: 4, .mixins: 1])

        let deleted = try await store.transaction { tx in
            let first = try await tx.delete(tenant: tenant, id: "https://ns.adobe.com/t/schemas/1")
            let again = try await tx.delete(tenant: tenant, id: "https://ns.adobe.com/t/schemas/1")
            return [first, again]
        }
        #expect(deleted == [true, false])
        try await database.close()
    }
}
