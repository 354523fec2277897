import BatchyardCore
import BatchyardServer
import BatchyardStore
import BlobStore
import Foundation
import Testing

/// The leftovers part of the maintenance sweep: chunk folders and in-flight upload objects of
/// batches that no longer take uploads, collected while the server runs, not only at start-up.
@Suite("Periodic sweep of upload leftovers")
struct LeftoverSweepTests {
    static let org = TestServer.orgA

    /// An in-flight object name as the upload routes make it: creation time in hex, then random.
    static func token(createdAt millis: Int64) -> String {
        let hex = String(millis, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex + "-0123456789abcdef"
    }

    @Test("an abandoned chunked upload's folder is removed by the periodic sweep, without any new request")
    func abandonedChunkedUpload() async throws {
        var configured = TestServer()
        // Long enough that a loaded machine still sends the chunk while the batch is loading (300 ms
        // was not, in a full CI run), short enough for the test.
        configured.configuration.workers.abandonAfterMillis = 3_000
        let server = configured
        try await server.runWithWorkers { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let path = UploadFixtures.importPath(batch, dataset, "big/file.json")
            let bytes = randomBytes(100_000)
            #expect(try await api.sendBytes(.post, path + "?action=INITIALIZE", bytes: nil, contentType: nil).status == .created)
            let chunk = try await ChunkedUploadTests.chunk(api, path, bytes, 0...49_999, total: bytes.count)
            #expect(chunk.status == .ok)
            let blobs = try server.blobs()
            let chunks = BlobKey.batchChunksPrefix(org: Self.org, sandbox: "prod", batchID: batch)
            #expect(try await !blobs.list(prefix: chunks).isEmpty)
            #expect(try await api.waitForFinal(batch)["status"]?.stringValue == "abandoned")
            try await BatchGarbageCollectionTests.eventually("chunk folder of \(batch) removed") {
                try await blobs.list(prefix: chunks).isEmpty
            }
            if let folder = blobs.localPath(for: chunks + "x") {
                #expect(!FileManager.default.fileExists(atPath: String(folder.dropLast(2)) + "big"))
            }
        }
    }

    @Test("chunks and in-flight objects go once their batch is final (or after 24 h); a loading batch's stay")
    func leftoverRules() async throws {
        let server = TestServer()
        try await server.run { api in
            let (_, loading) = try await api.datasetAndBatch()
            let (_, aborted) = try await api.datasetAndBatch()
            let (_, processing) = try await api.datasetAndBatch()
            try await api.setStatus(aborted, .aborted)
            try await api.setStatus(processing, .processing)
            let blobs = try server.blobs()
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            func chunk(_ batch: String) -> String {
                BlobKey.chunksPrefix(org: Self.org, sandbox: "prod", batchID: batch, path: "a/big.json") + "UPLOAD/data"
            }
            func incoming(_ batch: String, age: Int64) -> String {
                BlobKey.incoming(org: Self.org, sandbox: "prod", batchID: batch, token: Self.token(createdAt: now - age))
            }
            let day: Int64 = 24 * 3_600_000
            let kept = [chunk(loading), chunk(processing), incoming(loading, age: 1_000), incoming(processing, age: 60_000)]
            let gone = [
                chunk(aborted), chunk("01GHOSTBATCH"), incoming(aborted, age: 1_000), incoming(loading, age: day + 1),
                incoming("01GHOSTBATCH", age: 0),
            ]
            for key in kept + gone { _ = try await blobs.put(key: key, body: BlobGarbageCollectionTests.body("x")) }
            let deleted = try await BlobStoreOpening.collectGarbage(blobs, database: api.store.database, now: now)
            #expect(deleted == gone.count)
            for key in gone { #expect(try await blobs.size(key: key) == nil, "\(key)") }
            for key in kept { #expect(try await blobs.size(key: key) == 1, "\(key)") }
        }
    }
}
