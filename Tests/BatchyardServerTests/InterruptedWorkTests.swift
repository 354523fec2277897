import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Testing

/// A worker that dies holding a job (simulated by claiming it and never coming back): the next
/// worker retries the batch after the lease, or stalls it once its attempts are used up.
@Suite("Interrupted work")
struct InterruptedWorkTests {
    /// Creates a completed batch with one upload while no worker runs, then claims its job like a
    /// worker that crashes right after starting attempt `attempts`.
    func crashedBatch(_ directory: String, attempts: Int) async throws -> String {
        var idle = TestServer(dataDirectory: directory)
        idle.configuration.workers.workers = 0
        return try await idle.runWithWorkers { api in
            let dataset = try await api.createDataset()
            let id = try await api.createBatch(datasetID: dataset, extra: ["inputFormat": ["format": "json"]])["id"]?
                .stringValue ?? ""
            try await api.placeUpload(dataDirectory: directory, batchID: id, path: "f.json", bytes: Array("{\"a\": 1}\n".utf8))
            _ = try await api.send(.post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil)
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let job = try await api.store.transaction { tx in try await tx.claimJob(now: now, leaseMillis: 200) }
            let claimed = try #require(job)
            try await api.store.transaction { tx in try await tx.setJobAttempts(claimed, attempts: attempts) }
            try await BatchyardApplication.applyBatchEvent(.workerClaimed, batchID: id, tenant: APIClient.tenantA, store: api.store)
            return id
        }
    }

    @Test("a crashed worker's batch goes retrying and then succeeds")
    func retried() async throws {
        let directory = TestServer.temporaryDirectory()
        let id = try await crashedBatch(directory, attempts: 1)
        var server = TestServer(dataDirectory: directory)
        server.configuration.workers.retryDelayMillis = 300
        let configured = server
        try await configured.runWithWorkers { api in
            var sawRetrying = false
            let deadline = Date().addingTimeInterval(30)
            var status = ""
            while Date() < deadline {
                status = try await api.store.get(.batches, tenant: APIClient.tenantA, id: id)?.document["status"]?.stringValue ?? ""
                if status == "retrying" { sawRetrying = true }
                if status == "success" { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(sawRetrying)
            #expect(status == "success")
        }
    }

    @Test("after the last attempt an interruption stalls the batch and publishes nothing")
    func stalled() async throws {
        let directory = TestServer.temporaryDirectory()
        let id = try await crashedBatch(directory, attempts: BatchLifecycle.defaultMaxAttempts)
        try await TestServer(dataDirectory: directory).runWithWorkers { api in
            let final = try await api.waitForFinal(id)
            #expect(final["status"]?.stringValue == "stalled")
            let files = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?batchId=\(id)")
            #expect(files.json.objectValue?.isEmpty ?? true)
        }
    }
}
