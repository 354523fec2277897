import BatchyardCore
import BatchyardStore
import Foundation
import Logging
import StoreTestSupport
import Testing

/// What only a shared PostgreSQL can show: two "nodes" (two database objects, each with its own
/// pools) on one schema, racing for jobs, for the same object, and for the migrations.
///
/// Skipped without `BATCHYARD_TEST_POSTGRES_URL`, except in CI, where they fail instead.
@Suite("PostgreSQL: several nodes on one database", .enabled(if: PostgresTestGate.enabled))
struct PostgresOnlyConcurrencyTests {
    let tenant = Tenant(org: "ORG@AdobeOrg", sandbox: "prod")

    /// Opens `count` nodes on one fresh schema, all at once (so their migrations race), runs
    /// `body`, and closes them.
    func withNodes(_ count: Int, _ body: ([CatalogStore]) async throws -> Void) async throws {
        let url = try PostgresTestGate.url()
        let schema = TestMetadataDatabase.schemaName(for: "nodes-" + UUID().uuidString)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let opened = logger
        let databases = try await withThrowingTaskGroup(of: (any MetadataDatabase).self) { group in
            for _ in 0..<count {
                group.addTask {
                    try await PostgresMetadataDatabase.open(
                        url: url, schema: schema, readConnections: 1, writeConnections: 3, logger: opened)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        do {
            try await body(databases.map { CatalogStore(database: $0) })
        } catch {
            for database in databases { try? await database.close() }
            throw error
        }
        for database in databases { try await database.close() }
    }

    @Test("nodes opening a fresh database together apply each migration once")
    func migrationsDoNotRace() async throws {
        try await withNodes(4) { nodes in
            let versions = try await nodes[0].database.read { db in
                try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                    .map { try $0.decode(column: "version", as: Int.self) }
            }
            #expect(versions == [1, 2, 3, 4, 5])
        }
    }

    @Test("two nodes, eight claimers, SKIP LOCKED: 60 jobs each claimed exactly once")
    func racingClaimers() async throws {
        try await withNodes(2) { nodes in
            let tenant = self.tenant
            try await nodes[0].transaction { tx in
                for index in 0..<60 {
                    try await tx.enqueueJob(tenant: tenant, batchID: "B\(index)", datasetID: "ds", now: Int64(index))
                }
            }
            let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
                for claimer in 0..<8 {
                    let node = nodes[claimer % 2]
                    group.addTask {
                        var mine: [String] = []
                        while let job = try await node.transaction({ tx in
                            try await tx.claimJob(now: 1_000, leaseMillis: 60_000)
                        }) {
                            mine.append(job.batchID)
                        }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 60)
            #expect(Set(claimed).count == 60)
            // Every lease still holds: nothing is claimable until they expire.
            #expect(try await nodes[1].transaction { tx in try await tx.claimJob(now: 2_000, leaseMillis: 10) } == nil)
        }
    }

    @Test("40 read-modify-writes of one object from two nodes: serialization failures retry, none is lost")
    func serializationRetries() async throws {
        try await withNodes(2) { nodes in
            let tenant = self.tenant
            try await nodes[0].transaction { tx in
                try await tx.insert(.dataSets, tenant: tenant, object: StoredObject(
                    id: "D", document: ["created": 1, "updated": 1, "version": "1.0.0", "counter": 0]))
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    let node = nodes[index % 2]
                    group.addTask {
                        try await node.transaction { tx in
                            let current = try #require(try await tx.get(.dataSets, tenant: tenant, id: "D"))
                            guard case .object(var members) = current.document else { return }
                            let version = ObjectVersion(current.version) ?? .initial
                            members["counter"] = .int((members["counter"]?.int64Value ?? 0) + 1)
                            members["version"] = .string(version.bumped().description)
                            try await tx.replace(.dataSets, tenant: tenant, object: StoredObject(
                                id: "D", document: .object(members)), expectedVersion: current.version)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let final = try #require(try await nodes[1].get(.dataSets, tenant: tenant, id: "D"))
            #expect(final.document["counter"]?.int64Value == 40)
            #expect(final.version == "1.0.40")
        }
    }

    @Test("tags written on one node are matched by the other (PL/pgSQL tag trigger)")
    func tagsAcrossNodes() async throws {
        try await withNodes(2) { nodes in
            let tenant = self.tenant
            try await nodes[0].transaction { tx in
                try await tx.insert(.dataSets, tenant: tenant, object: StoredObject(id: "D", document: [
                    "created": 1, "version": "1.0.0", "tags": ["team": ["a", "b"], "flag": true, "n": 5],
                ]))
            }
            let rows = try await nodes[1].database.read { db in
                try await db.raw("SELECT name, value FROM catalog_tags WHERE object_id = 'D' ORDER BY name, value").all()
                    .map { "\(try $0.decode(column: "name", as: String.self))=\(try $0.decode(column: "value", as: String.self))" }
            }
            #expect(rows == ["flag=true", "n=5", "team=a", "team=b"])
            _ = try await nodes[1].transaction { tx in
                try await tx.delete(.dataSets, tenant: tenant, id: "D")
            }
            let left = try await nodes[0].database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM catalog_tags").first()?.decode(column: "n", as: Int.self)
            }
            #expect(left == 0)
        }
    }
}
