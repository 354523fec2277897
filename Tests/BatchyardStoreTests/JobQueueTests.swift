import BatchyardCore
import BatchyardStore
import Foundation
import Logging
import StoreTestSupport
import Testing

@Suite("Ingestion job queue")
struct JobQueueTests {
    let tenant = Tenant(org: "ORG@AdobeOrg", sandbox: "prod")

    func withStore(_ body: (CatalogStore) async throws -> Void) async throws {
        try await TestMetadataDatabase.withCatalogStore(named: "jobs", body)
    }

    func enqueue(_ store: CatalogStore, _ batchID: String, now: Int64 = 1_000) async throws {
        let tenant = self.tenant
        try await store.transaction { tx in
            try await tx.enqueueJob(tenant: tenant, batchID: batchID, datasetID: "ds", now: now)
        }
    }

    func claim(_ store: CatalogStore, now: Int64, lease: Int64 = 100) async throws -> IngestionJob? {
        try await store.transaction { tx in try await tx.claimJob(now: now, leaseMillis: lease) }
    }

    @Test("jobs are claimed oldest first, once each while leased")
    func claimOrder() async throws {
        try await withStore { store in
            try await enqueue(store, "B1", now: 1_000)
            try await enqueue(store, "B2", now: 2_000)
            try await enqueue(store, "B1", now: 3_000)  // repeated COMPLETE: no second job
            let first = try await claim(store, now: 5_000)
            let second = try await claim(store, now: 5_000)
            let third = try await claim(store, now: 5_000)
            #expect(first?.batchID == "B1")
            #expect(second?.batchID == "B2")
            #expect(third == nil)
            #expect(first?.leaseToken != second?.leaseToken)
        }
    }

    @Test("a crashed worker's job is claimed again after its lease expires, and the old claim is dead")
    func leaseExpiry() async throws {
        try await withStore { store in
            try await enqueue(store, "B1")
            let crashed = try #require(try await claim(store, now: 5_000, lease: 100))
            #expect(try await claim(store, now: 5_099) == nil)
            let retry = try #require(try await claim(store, now: 5_100))
            #expect(retry.batchID == "B1")
            let renewedOld = try await store.transaction { tx in try await tx.renewLease(crashed, now: 5_101, leaseMillis: 100) }
            #expect(!renewedOld)
            let deletedByOld = try await store.transaction { tx in
                try await tx.deleteJob(tenant: crashed.tenant, batchID: "B1", leaseToken: crashed.leaseToken)
            }
            #expect(!deletedByOld)
            let deleted = try await store.transaction { tx in
                try await tx.deleteJob(tenant: retry.tenant, batchID: "B1", leaseToken: retry.leaseToken)
            }
            #expect(deleted)
            #expect(try await claim(store, now: 99_999) == nil)
        }
    }

    @Test("renewal keeps the job; requeue makes it available later; attempts persist")
    func renewAndRequeue() async throws {
        try await withStore { store in
            try await enqueue(store, "B1")
            let job = try #require(try await claim(store, now: 5_000, lease: 100))
            let renewed = try await store.transaction { tx in try await tx.renewLease(job, now: 5_090, leaseMillis: 100) }
            #expect(renewed)
            #expect(try await claim(store, now: 5_150) == nil)
            let tenant = self.tenant
            try await store.transaction { tx in
                try await tx.setJobAttempts(job, attempts: 1)
                try await tx.requeueJob(tenant: tenant, batchID: "B1", availableAt: 6_000)
            }
            #expect(try await claim(store, now: 5_999) == nil)
            let again = try #require(try await claim(store, now: 6_000))
            #expect(again.attempts == 1)
        }
    }

    @Test("many concurrent claimers never get the same job")
    func concurrentClaims() async throws {
        try await withStore { store in
            for index in 0..<40 { try await enqueue(store, "B\(index)", now: Int64(index)) }
            let claimed = Collector()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        while let job = try await claim(store, now: 10_000, lease: 1_000_000) {
                            await claimed.add(job.batchID)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let ids = await claimed.ids
            #expect(ids.count == 40)
            #expect(Set(ids).count == 40)
        }
    }
}

private actor Collector {
    var ids: [String] = []
    func add(_ id: String) { ids.append(id) }
}
