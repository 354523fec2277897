import BatchyardCore
import BatchyardServer
import BatchyardStore
import BlobStore
import Foundation
import Testing

/// Garbage collection of `inactive` batches (→ `deleted`) and the periodic sweep of leftovers,
/// through the maintenance sweep of the workers service.
@Suite("Batch garbage collection and the periodic maintenance sweep")
struct BatchGarbageCollectionTests {
    static let tenant = APIClient.tenantA

    /// Polls until `condition` holds (or `seconds` pass); records an issue on timeout.
    static func eventually(_ what: String, seconds: Double = 30, _ condition: () async throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for: \(what)")
    }

    static func status(_ api: APIClient, _ id: String) async throws -> String? {
        try await api.store.get(.batches, tenant: tenant, id: id)?.document["status"]?.stringValue
    }

    @Test("success → REVERT → inactive → deleted after --delete-inactive-after: lake files and dataSetFiles gone, 404")
    func inactiveBecomesDeleted() async throws {
        var configured = TestServer()
        // Room to read the batch back as `inactive` on a loaded machine before it is collected.
        configured.configuration.workers.deleteInactiveAfterMillis = 2_000
        let server = configured
        try await server.runWithWorkers { api in
            let (dataset, id) = try await api.datasetAndBatch()
            try await api.placeUpload(
                dataDirectory: server.configuration.dataDirectory, batchID: id, path: "rows.json",
                bytes: Array("{\"id\": \"a\"}\n{\"id\": \"b\"}\n".utf8))
            #expect(try await api.send(.post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil).status == .ok)
            let final = try await api.waitForFinal(id)
            #expect(final["status"]?.stringValue == "success", "\(final.serialized())")
            let lake = ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: id)
            let uploads = BlobKey.uploadsPrefix(org: TestServer.orgA, sandbox: "prod", batchID: id)
            let meta = BlobKey.metaPrefix(org: TestServer.orgA, sandbox: "prod", batchID: id)
            let blobs = try server.blobs()
            #expect(try await blobs.list(prefix: lake).count == 1)
            #expect(try await blobs.list(prefix: uploads).count == 1)
            #expect(try await !blobs.list(prefix: meta).isEmpty)
            let listed = try await api.send(.get, "/data/foundation/export/batches/\(id)/files")
            let fileID = try #require(listed.json["data"]?.arrayValue?.first?["dataSetFileId"]?.stringValue)
            #expect(try await api.send(.get, "/data/foundation/export/files/\(fileID)").status == .ok)

            #expect(try await api.send(.post, "/data/foundation/import/batches/\(id)?action=REVERT", contentType: nil).status == .ok)
            let inactive = try #require(try await api.store.get(.batches, tenant: Self.tenant, id: id))
            #expect(inactive.document["status"]?.stringValue == "inactive")
            try await Self.eventually("batch \(id) deleted") { try await Self.status(api, id) == "deleted" }
            // The lake files go right after the commit that marks the batch deleted.
            try await Self.eventually("lake files of \(id) deleted") { try await blobs.list(prefix: lake).isEmpty }
            // So do its uploads and diagnostics: "Data for the batch has been completely removed."
            try await Self.eventually("uploads and meta of \(id) deleted") {
                let uploadsLeft = try await blobs.list(prefix: uploads)
                let metaLeft = try await blobs.list(prefix: meta)
                return uploadsLeft.isEmpty && metaLeft.isEmpty
            }

            let deleted = try #require(try await api.store.get(.batches, tenant: Self.tenant, id: id))
            #expect((deleted.document["updated"]?.int64Value ?? 0) >= (inactive.document["updated"]?.int64Value ?? 0))
            #expect(deleted.version != inactive.version)
            if let folder = blobs.localPath(for: lake + "x") {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: String(folder.dropLast(2)))) ?? []
                #expect(files.isEmpty, "\(files)")
            }
            let after = try await api.send(.get, "/data/foundation/export/batches/\(id)/files")
            #expect(after.status == .ok)
            #expect(after.json["data"]?.arrayValue?.isEmpty == true, "\(after.text)")
            let catalogFiles = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?batchId=\(id)")
            #expect(catalogFiles.json.objectValue?.isEmpty == true, "\(catalogFiles.text)")
            #expect(try await api.send(.get, "/data/foundation/export/files/\(fileID)").status == .notFound)
            #expect(try await api.send(.get, "/data/foundation/catalog/dataSetFiles/\(fileID)").status == .notFound)
            let datasetDocument = try await api.store.get(.dataSets, tenant: Self.tenant, id: dataset)?.document
            #expect(datasetDocument?["lastBatchStatus"]?.stringValue == "deleted")
        }
    }

    @Test("a batch is collected only once inactive for --delete-inactive-after; a successful one never")
    func onlyOldInactiveBatches() async throws {
        var configured = TestServer()
        configured.configuration.workers.deleteInactiveAfterMillis = 3_000
        let server = configured
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            let kept = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            let reverted = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            let blobs = try server.blobs()
            for id in [kept, reverted] {
                try await api.setStatus(id, .success)
                try await Self.publishFake(api, blobs: blobs, dataset: dataset, batch: id)
            }
            try await BatchyardApplication.applyBatchEvent(.revert, batchID: reverted, tenant: Self.tenant, store: api.store)
            // Several sweeps (every 750 ms) run meanwhile, but the batch is not inactive for long enough yet.
            try await Task.sleep(for: .milliseconds(1_000))
            #expect(try await Self.status(api, reverted) == "inactive")
            #expect(try await blobs.list(prefix: ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: reverted)).count == 1)
            try await Self.eventually("batch \(reverted) deleted") { try await Self.status(api, reverted) == "deleted" }
            // The lake files go right after the commit that marks the batch deleted.
            try await Self.eventually("lake files of \(reverted) deleted") {
                try await blobs.list(prefix: ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: reverted)).isEmpty
            }
            #expect(try await Self.status(api, kept) == "success")
            #expect(try await blobs.list(prefix: ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: kept)).count == 1)
            #expect(try await api.store.get(.dataSetFiles, tenant: Self.tenant, id: "\(kept)-1") != nil)
        }
    }

    @Test("concurrent collectors: each inactive batch is collected exactly once, only inactive ones lose files")
    func concurrentCollectors() async throws {
        let server = TestServer()
        try await server.run { api in
            let blobs = try server.blobs()
            let dataset = try await api.createDataset()
            var inactive: [String] = []
            for _ in 0..<12 {
                let id = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
                try await api.setStatus(id, .success)
                try await BatchyardApplication.applyBatchEvent(.revert, batchID: id, tenant: Self.tenant, store: api.store)
                inactive.append(id)
            }
            let success = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            try await api.setStatus(success, .success)
            for id in inactive + [success] {
                try await Self.publishFake(api, blobs: blobs, dataset: dataset, batch: id)
            }
            let store = api.store
            let now = Int64(Date().timeIntervalSince1970 * 1000) + 1
            let results = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await BatchyardApplication.deleteInactiveBatches(store: store, blobs: blobs, inactiveForMillis: 0, now: now)
                    }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(results.count == inactive.count)
            #expect(Set(results) == Set(inactive))
            for id in inactive {
                #expect(try await Self.status(api, id) == "deleted")
                #expect(try await blobs.list(prefix: ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: id)).isEmpty)
                #expect(try await api.store.get(.dataSetFiles, tenant: Self.tenant, id: "\(id)-1") == nil)
            }
            #expect(try await Self.status(api, success) == "success")
            #expect(try await blobs.list(prefix: ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: success)).count == 1)
            #expect(try await api.store.get(.dataSetFiles, tenant: Self.tenant, id: "\(success)-1") != nil)
            // A repeated run finds nothing left.
            #expect(try await BatchyardApplication.deleteInactiveBatches(store: store, blobs: blobs, inactiveForMillis: 0).isEmpty)
        }
    }

    @Test("a crash after marking deleted leaves files that the leftover sweep removes; inactive files stay")
    func crashAfterMarking() async throws {
        let server = TestServer()
        try await server.run { api in
            let blobs = try server.blobs()
            let dataset = try await api.createDataset()
            let markedOnly = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            let inactive = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            for id in [markedOnly, inactive] {
                try await api.setStatus(id, .success)
                try await BatchyardApplication.applyBatchEvent(.revert, batchID: id, tenant: Self.tenant, store: api.store)
                try await Self.publishFake(api, blobs: blobs, dataset: dataset, batch: id)
            }
            // What a collector killed between its commit and the blob deletes leaves behind.
            try await BatchyardApplication.applyBatchEvent(.garbageCollected, batchID: markedOnly, tenant: Self.tenant, store: api.store)
            #expect(try await Self.status(api, markedOnly) == "deleted")
            let deleted = try await BlobStoreOpening.collectGarbage(blobs, database: api.store.database)
            #expect(deleted == 3)
            for (id, left) in [(markedOnly, 0), (inactive, 1)] {
                #expect(try await blobs.list(prefix: ProcessingEndToEndTests.lakePrefix(dataset: dataset, batch: id)).count == left)
                #expect(try await blobs.list(prefix: BlobKey.uploadsPrefix(org: TestServer.orgA, sandbox: "prod", batchID: id)).count == left)
                #expect(try await blobs.list(prefix: BlobKey.metaPrefix(org: TestServer.orgA, sandbox: "prod", batchID: id)).count == left)
            }
        }
    }

    /// One uploaded file, one diagnostics file, one lake file and its `dataSetFiles` entry, as
    /// uploading and processing would leave them.
    static func publishFake(_ api: APIClient, blobs: any BlobStore, dataset: String, batch: String) async throws {
        _ = try await blobs.put(
            key: BlobKey.lake(org: TestServer.orgA, sandbox: "prod", datasetID: dataset, batchID: batch, name: "part-00001.parquet"),
            body: BlobGarbageCollectionTests.body("x"))
        _ = try await blobs.put(
            key: BlobKey.upload(org: TestServer.orgA, sandbox: "prod", batchID: batch, path: "rows.json"),
            body: BlobGarbageCollectionTests.body("{}"))
        _ = try await blobs.put(
            key: BlobKey.metaPrefix(org: TestServer.orgA, sandbox: "prod", batchID: batch) + "input_files/fileMetaData1.json",
            body: BlobGarbageCollectionTests.body("{}"))
        let document: JSONValue = [
            "batchId": .string(batch), "dataSetId": .string(dataset), "created": 1, "updated": 1, "version": "1.0.0",
            "name": "part-00001.parquet", "records": 1, "size": 1, "isValid": true,
        ]
        try await api.store.transaction { tx in
            try await tx.insert(.dataSetFiles, tenant: tenant, object: StoredObject(id: "\(batch)-1", document: document))
        }
    }
}
