import BatchyardCore
import BatchyardServer
import BatchyardStore
import BatchyardTestSupport
import BlobStore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Small-file uploads (PUT)")
struct UploadTests {
    @Test("PUT stores the bytes under the path (with folders), answers 200 empty, replaces idempotently")
    func putAndReplace() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let bytes = Array("{\"a\": 1}\n{\"a\": 2}\n".utf8)
            let path = UploadFixtures.importPath(batch, dataset, "part1=a/part2=b/data.json")
            let first = try await api.sendBytes(.put, path, bytes: bytes)
            #expect(first.status == .ok)
            #expect(first.body.isEmpty)
            let blobs = try server.blobs()
            let key = BlobKey.upload(org: TestServer.orgA, sandbox: "prod", batchID: batch, path: "part1=a/part2=b/data.json")
            #expect(try await blobs.size(key: key) == Int64(bytes.count))

            let replacement = Array("{\"a\": 3}\n".utf8)
            #expect(try await api.sendBytes(.put, path, bytes: replacement).status == .ok)
            #expect(try await blobs.size(key: key) == Int64(replacement.count))
            let files = try await UploadStore(database: api.store.database).files(ofBatch: batch, tenant: UploadFixtures.tenantA)
            #expect(files.map(\.path) == ["part1=a/part2=b/data.json"])
            #expect(files.first?.size == Int64(replacement.count))
            #expect(files.first?.status == .complete)
            // HEAD tells the bytes received.
            let head = try await api.sendBytes(.head, path, bytes: nil, contentType: nil)
            #expect(head.status == .ok)
            #expect(head.headers[.range] == "bytes=0-\(replacement.count - 1)")
        }
    }

    @Test("unknown batch, other tenant and the wrong dataset answer 404")
    func notFound() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let other = try await api.createDataset()
            let unknown = try await api.sendBytes(.put, UploadFixtures.importPath("01JUNKNOWNBATCH0000000000", dataset, "f.json"), bytes: [1])
            #expect(unknown.status == .notFound)
            let wrong = try await api.send(.put, UploadFixtures.importPath(batch, other, "f.json"), raw: "x",
                                           contentType: "application/octet-stream")
            #expect(wrong.status == .notFound)
            #expect(wrong.json["detail"]?.stringValue?.contains("belongs to dataset '\(dataset)'") == true)
            let foreign = try await api.sendBytes(
                .put, UploadFixtures.importPath(batch, dataset, "f.json"), bytes: [1],
                headers: APIClient.headers(org: TestServer.orgB))
            #expect(foreign.status == .notFound)
            let sandbox = try await api.sendBytes(
                .put, UploadFixtures.importPath(batch, dataset, "f.json"), bytes: [1],
                headers: APIClient.headers(sandbox: "dev"))
            #expect(sandbox.status == .notFound)
        }
    }

    @Test("a batch that is not loading refuses uploads with 400 naming its status")
    func notLoading() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            try await api.setBatchStatus(batch, "staging")
            let response = try await api.send(.put, UploadFixtures.importPath(batch, dataset, "f.json"), raw: "{}",
                                              contentType: "application/octet-stream")
            #expect(response.status == .badRequest)
            #expect(response.json["detail"]?.stringValue?.contains("'staging'") == true)
            let initialize = try await api.send(.post, UploadFixtures.importPath(batch, dataset, "big.json") + "?action=INITIALIZE")
            #expect(initialize.status == .badRequest)
        }
    }

    @Test("path tricks answer 400", arguments: [
        "..%2F..%2Fetc%2Fpasswd", "a/../b", "../x", "./x", "a//b", "a/", "%2Fetc%2Fpasswd", "a%5Cb", "a%00b",
        "a/%2E%2E/b", "a%0Ab", String(repeating: "x", count: 256),
    ])
    func pathTricks(_ path: String) async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let response = try await api.send(
                .put, "/data/foundation/import/batches/\(batch)/datasets/\(dataset)/files/\(path)", raw: "{}",
                contentType: "application/octet-stream")
            #expect(response.status == .badRequest, "\(path): \(response.text)")
            #expect(response.json["type"]?.stringValue?.contains("INGEST-1410-400") == true, "\(path): \(response.text)")
        }
    }

    @Test("an empty path and a file/folder collision answer 400")
    func emptyAndCollision() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let empty = try await api.sendBytes(.put, "/data/foundation/import/batches/\(batch)/datasets/\(dataset)/files/", bytes: [1])
            #expect(empty.status == .badRequest)
            let bare = try await api.sendBytes(.put, "/data/foundation/import/batches/\(batch)/datasets/\(dataset)/files", bytes: [1])
            #expect(bare.status == .badRequest)
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "a/b.json"), bytes: [1]).status == .ok)
            let folder = try await api.send(.put, UploadFixtures.importPath(batch, dataset, "a"), raw: "x",
                                            contentType: "application/octet-stream")
            #expect(folder.status == .badRequest)
            #expect(folder.json["detail"]?.stringValue?.contains("a/b.json") == true)
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "a/b.json/c"), bytes: [1]).status == .badRequest)
        }
    }

    @Test("wrong or missing content type: 415 and the gateway's 400")
    func contentTypes() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let json = try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "f.json"), bytes: [1],
                                               contentType: "application/json")
            #expect(json.status == .unsupportedMediaType)
            let none = try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "f.json"), bytes: [1], contentType: nil)
            #expect(none.status == .badRequest)
            let chunk = try await api.sendBytes(.patch, UploadFixtures.importPath(batch, dataset, "f.json"), bytes: [1],
                                                contentType: "text/plain", extraHeaders: ["Content-Range": "bytes 0-0/1"])
            #expect(chunk.status == .unsupportedMediaType)
        }
    }

    @Test("bodies over the PUT limit answer 413 and leave nothing behind; the guardrails refuse files and bytes")
    func limits() async throws {
        var server = TestServer()
        server.configuration.uploadLimits.maxFileBytes = 1000
        server.configuration.uploadLimits.maxFilesPerBatch = 3
        server.configuration.uploadLimits.maxBytesPerBatch = 2500
        let root = server.configuration.blobsDirectory
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let big = try await api.send(.put, UploadFixtures.importPath(batch, dataset, "big.json"),
                                         raw: String(repeating: "x", count: 1001), contentType: "application/octet-stream")
            #expect(big.status == .contentTooLarge)
            #expect(big.json["detail"]?.stringValue?.contains("INITIALIZE") == true)
            let blobs = try TestBlobStores.open(root: root)
            #expect(try await blobs.list(prefix: "").isEmpty)

            for name in ["1", "2"] {
                #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, name), bytes: randomBytes(1000)).status == .ok)
            }
            let bytes = try await api.send(.put, UploadFixtures.importPath(batch, dataset, "3"),
                                           raw: String(repeating: "x", count: 600), contentType: "application/octet-stream")
            #expect(bytes.status == .badRequest)
            #expect(bytes.json["detail"] == "Batch ingestion guardrails hit: 2600 bytes (over the 2500 threshold)")
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "3"), bytes: randomBytes(10)).status == .ok)
            let files = try await api.send(.put, UploadFixtures.importPath(batch, dataset, "4"),
                                           raw: "x", contentType: "application/octet-stream")
            #expect(files.status == .badRequest)
            #expect(files.json["detail"] == "Batch ingestion guardrails hit: 4 files (over the 3 threshold)")
            // Replacing an existing file does not count it twice.
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "3"), bytes: randomBytes(20)).status == .ok)
            #expect(try await blobs.list(prefix: "incoming/").isEmpty)
        }
    }

    @Test("the default limits: 256 MB per PUT, 512000000 bytes per chunk, 25000 files, 1 TB")
    func defaultLimits() {
        let limits = UploadLimits()
        #expect(limits.maxFileBytes == 268_435_456)
        #expect(limits.maxChunkBytes == 512_000_000)
        #expect(limits.maxFilesPerBatch == 25_000)
        #expect(limits.maxBytesPerBatch == 1_099_511_627_776)
    }

    @Test("a URL over 2000 characters answers 414")
    func longURL() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let path = (0..<200).map { "segment\($0)" }.joined(separator: "/")
            let response = try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, path), bytes: [1])
            #expect(response.status == .uriTooLong)
        }
    }

    @Test("uploads survive a restart; in-flight leftovers are cleared")
    func restart() async throws {
        let directory = TestServer.temporaryDirectory()
        let (dataset, batch) = try await TestServer(dataDirectory: directory).run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "f.json"), bytes: Array("{}\n".utf8)).status == .ok)
            return (dataset, batch)
        }
        _ = dataset
        let blobs = try TestBlobStores.open(root: directory + "/blobs")
        _ = try await blobs.put(key: "incoming/x/y/z/abc", body: Pieces([1, 2, 3]))
        var configuration = ServerConfiguration()
        configuration.dataDirectory = directory
        configuration.useTestStorage()
        try await BatchyardApplication.recoverFiles(configuration: configuration)
        #expect(try await blobs.list(prefix: "incoming/").isEmpty)
        let files = try await TestServer(dataDirectory: directory).run { api in
            try await UploadStore(database: api.store.database).files(ofBatch: batch, tenant: UploadFixtures.tenantA)
        }
        #expect(files.map(\.path) == ["f.json"])
    }
}
