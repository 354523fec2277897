import BatchyardCore
import BatchyardServer
import BatchyardStore
import BlobStore
import Foundation
import NIOCore
import Testing

/// Runs on the test blob store (local files, or S3 with BATCHYARD_TEST_S3_URL), where stranded
/// copies of a crashed move are what the collector exists for.
@Suite("Blob garbage collection of unpublished objects")
struct BlobGarbageCollectionTests {
    static func body(_ text: String) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            continuation.yield(ByteBuffer(string: text))
            continuation.finish()
        }
    }

    @Test("staged and lake objects of finished, unpublished or unknown batches go; live ones stay")
    func sweep() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, aborted) = try await api.datasetAndBatch()
            let (_, loading) = try await api.datasetAndBatch()
            let (_, published) = try await api.datasetAndBatch()
            try await api.setStatus(aborted, .aborted)
            try await api.setStatus(published, .success)
            let blobs = try server.blobs()
            let org = TestServer.orgA
            func keys(_ batch: String) -> [String] {
                [
                    BlobKey.staging(org: org, sandbox: "prod", batchID: batch, attempt: 1, part: 1),
                    BlobKey.lake(org: org, sandbox: "prod", datasetID: dataset, batchID: batch, name: BlobKey.partName(1)),
                ]
            }
            let upload = BlobKey.upload(org: org, sandbox: "prod", batchID: aborted, path: "f.json")
            for key in keys(aborted) + keys(loading) + keys(published) + keys("01GHOSTBATCH") + [upload] {
                _ = try await blobs.put(key: key, body: Self.body("x"))
            }
            let deleted = try await BlobStoreOpening.collectGarbage(blobs, database: api.store.database)
            #expect(deleted == 5)
            for key in keys(aborted) + keys("01GHOSTBATCH") + [keys(published)[0]] {
                #expect(try await blobs.size(key: key) == nil, "\(key)")
            }
            for key in keys(loading) + [keys(published)[1], upload] { #expect(try await blobs.size(key: key) == 1, "\(key)") }
        }
    }
}
