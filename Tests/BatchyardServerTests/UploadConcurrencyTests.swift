import BatchyardCore
import BatchyardServer
import BatchyardStore
import BlobStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Concurrent uploads over real sockets")
struct UploadConcurrencyTests {
    @Test("24 clients upload small and chunked files into 8 batches at once; every byte lands where it should")
    func manyClientsManyBatches() async throws {
        let server = TestServer()
        try await server.run(.live) { api in
            let port = try #require(api.client.port)
            var batches: [(dataset: String, batch: String)] = []
            for _ in 0..<8 { batches.append(try await api.datasetAndBatch()) }
            let plan = batches
            let expected = try await withThrowingTaskGroup(of: [String: [UInt8]].self) { group in
                for client in 0..<24 {
                    group.addTask {
                        // The uploads queue on the metadata write lock (which holds S3 requests too): on a
                        // loaded machine an answer can take longer than the test client's 15 s default.
                        let timeout: Duration = .seconds(120)
                        return try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: timeout)) { http in
                            var written: [String: [UInt8]] = [:]
                            for file in 0..<3 {
                                let (dataset, batch) = plan[(client + file) % plan.count]
                                let name = "client-\(client)/file-\(file).json"
                                let path = UploadFixtures.importPath(batch, dataset, name)
                                let bytes = randomBytes(100_000 + client * 1000 + file)
                                var headers = APIClient.headers()
                                headers[.contentType] = "application/octet-stream"
                                if file == 1 {
                                    // Chunked: INITIALIZE, two chunks last-first, COMPLETE.
                                    let initialized = try await http.execute(.init(path + "?action=INITIALIZE", method: .post, headers: APIClient.headers()))
                                    #expect(initialized.head.status == .created)
                                    let half = bytes.count / 2
                                    for range in [half...(bytes.count - 1), 0...(half - 1)] {
                                        var chunkHeaders = headers
                                        chunkHeaders[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(bytes.count)"
                                        let response = try await http.execute(
                                            .init(path, method: .patch, headers: chunkHeaders, body: ByteBuffer(bytes: bytes[range])))
                                        #expect(response.head.status == .ok)
                                    }
                                    let completed = try await http.execute(.init(path + "?action=COMPLETE", method: .post, headers: APIClient.headers()))
                                    #expect(completed.head.status == .created, "\(String(buffer: completed.body ?? ByteBuffer()))")
                                } else {
                                    let response = try await http.execute(.init(path, method: .put, headers: headers, body: ByteBuffer(bytes: bytes)))
                                    #expect(response.head.status == .ok, "\(String(buffer: response.body ?? ByteBuffer()))")
                                }
                                written["\(batch)/\(name)"] = bytes
                            }
                            return written
                        }
                    }
                }
                var all: [String: [UInt8]] = [:]
                for try await part in group { all.merge(part) { first, _ in first } }
                return all
            }
            #expect(expected.count == 72)
            let blobs = try server.blobs()
            let uploads = UploadStore(database: api.store.database)
            var recorded = 0
            for (_, batch) in plan {
                let files = try await uploads.files(ofBatch: batch, tenant: UploadFixtures.tenantA)
                recorded += files.count
                for file in files {
                    let want = try #require(expected["\(batch)/\(file.path)"])
                    #expect(file.size == Int64(want.count))
                    var got: [UInt8] = []
                    let key = BlobKey.upload(org: TestServer.orgA, sandbox: "prod", batchID: batch, path: file.path)
                    for try await piece in blobs.get(key: key) { got += piece.readableBytesView }
                    #expect(got == want, "\(batch)/\(file.path)")
                }
            }
            #expect(recorded == 72)
            #expect(try await blobs.list(prefix: "incoming/").isEmpty)
            #expect(try await blobs.list(prefix: "chunks/").isEmpty)
        }
    }

    @Test("a 40 MB PUT over a real socket streams to disk (above the JSON body limit)")
    func largeBodyStreams() async throws {
        let server = TestServer()
        try await server.run(.live) { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let bytes = randomBytes(40 * 1024 * 1024)
            let response = try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "big.bin"), bytes: bytes)
            #expect(response.status == .ok)
            let blobs = try server.blobs()
            let key = BlobKey.upload(org: TestServer.orgA, sandbox: "prod", batchID: batch, path: "big.bin")
            #expect(try await blobs.size(key: key) == Int64(bytes.count))
            #expect(try await server.blobBytes(key) == bytes)
        }
    }
}
