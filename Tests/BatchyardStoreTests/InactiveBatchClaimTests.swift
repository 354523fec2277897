import BatchyardCore
import BatchyardStore
import Foundation
import Logging
import StoreTestSupport
import Testing

/// The store half of garbage collection: which batches a collector claims, and the removal of
/// their `dataSetFiles`.
@Suite("Inactive batch claims")
struct InactiveBatchClaimTests {
    let tenant = Tenant(org: "ORG@AdobeOrg", sandbox: "prod")
    let other = Tenant(org: "OTHER@AdobeOrg", sandbox: "prod")

    func withStore(_ body: (CatalogStore) async throws -> Void) async throws {
        try await TestMetadataDatabase.withCatalogStore(named: "inactive", body)
    }

    func addBatch(_ store: CatalogStore, _ id: String, status: String, updated: Int64, tenant: Tenant? = nil) async throws {
        let tenant = tenant ?? self.tenant
        let document: JSONValue = [
            "status": .string(status), "created": .int(updated), "updated": .int(updated), "version": "1.0.0",
            "relatedObjects": [["type": "dataSet", "id": "DS1"]],
        ]
        try await store.transaction { tx in
            try await tx.insert(.batches, tenant: tenant, object: StoredObject(id: id, document: document))
        }
    }

    func addFile(_ store: CatalogStore, batch: String, number: Int, tenant: Tenant? = nil) async throws {
        let tenant = tenant ?? self.tenant
        let id = "\(batch)-\(number)"
        let document: JSONValue = [
            "batchId": .string(batch), "dataSetId": "DS1", "created": 1, "updated": 1, "version": "1.0.0",
            "name": .string("part-0000\(number).parquet"),
        ]
        try await store.transaction { tx in
            try await tx.insert(.dataSetFiles, tenant: tenant, object: StoredObject(id: id, document: document))
        }
    }

    func claim(_ store: CatalogStore, before: Int64, limit: Int = 100) async throws -> [String] {
        try await store.transaction { tx in
            try await tx.claimInactiveBatches(updatedBefore: before, limit: limit).map(\.id)
        }
    }

    @Test("only inactive batches older than the cutoff are claimed, oldest first, across tenants")
    func candidates() async throws {
        try await withStore { store in
            try await addBatch(store, "OLD2", status: "inactive", updated: 2_000)
            try await addBatch(store, "OLD1", status: "inactive", updated: 1_000)
            try await addBatch(store, "OTHERTENANT", status: "inactive", updated: 1_500, tenant: other)
            try await addBatch(store, "RECENT", status: "inactive", updated: 9_000)
            try await addBatch(store, "SUCCESS", status: "success", updated: 1_000)
            try await addBatch(store, "DELETED", status: "deleted", updated: 1_000)
            try await addBatch(store, "ABORTED", status: "aborted", updated: 1_000)
            #expect(try await claim(store, before: 5_000) == ["OLD1", "OTHERTENANT", "OLD2"])
            #expect(try await claim(store, before: 5_000, limit: 1) == ["OLD1"])
            #expect(try await claim(store, before: 1_000).isEmpty)
        }
    }

    @Test("deleting a batch's dataSetFiles leaves other batches' and other tenants' entries")
    func deleteFiles() async throws {
        try await withStore { store in
            let tenant = self.tenant
            for number in 1...3 { try await addFile(store, batch: "B1", number: number) }
            try await addFile(store, batch: "B2", number: 1)
            try await addFile(store, batch: "B1", number: 1, tenant: other)
            let removed = try await store.transaction { tx in try await tx.deleteDataSetFiles(ofBatch: "B1", tenant: tenant) }
            #expect(removed == 3)
            let again = try await store.transaction { tx in try await tx.deleteDataSetFiles(ofBatch: "B1", tenant: tenant) }
            #expect(again == 0)
            #expect(try await store.get(.dataSetFiles, tenant: tenant, id: "B1-1") == nil)
            #expect(try await store.get(.dataSetFiles, tenant: tenant, id: "B2-1") != nil)
            #expect(try await store.get(.dataSetFiles, tenant: other, id: "B1-1") != nil)
        }
    }
}
