import BatchyardCore
import BatchyardServer
import BatchyardStore
import BlobStore
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Large-file uploads (INITIALIZE, PATCH, HEAD, COMPLETE)")
struct ChunkedUploadTests {
    static func chunk(_ api: APIClient, _ path: String, _ bytes: [UInt8], _ range: ClosedRange<Int>, total: Int?) async throws
        -> (status: HTTPResponse.Status, headers: HTTPFields, body: [UInt8])
    {
        let header = "bytes \(range.lowerBound)-\(range.upperBound)" + (total.map { "/\($0)" } ?? "")
        return try await api.sendBytes(.patch, path, bytes: Array(bytes[range]), extraHeaders: ["Content-Range": header])
    }

    @Test("chunks out of order and retried, HEAD shows received ranges, COMPLETE stitches the file")
    func outOfOrderAndRetried() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let path = UploadFixtures.importPath(batch, dataset, "big/file.json")
            let bytes = randomBytes(300_000)
            let initialize = try await api.sendBytes(.post, path + "?action=INITIALIZE", bytes: nil, contentType: nil)
            #expect(initialize.status == .created)
            #expect(initialize.body.isEmpty)

            let third = try await Self.chunk(api, path, bytes, 200_000...299_999, total: bytes.count)
            #expect(third.status == .ok)
            #expect(third.headers[.range] == "bytes=200000-299999")
            let first = try await Self.chunk(api, path, bytes, 0...99_999, total: bytes.count)
            #expect(first.headers[.range] == "bytes=0-99999,200000-299999")
            // A retried chunk replaces itself.
            #expect(try await Self.chunk(api, path, bytes, 0...99_999, total: bytes.count).status == .ok)

            let head = try await api.sendBytes(.head, path, bytes: nil, contentType: nil)
            #expect(head.status == .ok)
            #expect(head.headers[.range] == "bytes=0-99999,200000-299999")
            #expect(head.headers[HTTPField.Name("x-batchyard-upload-status")!] == "uploading")
            // Not complete yet: processing does not see it.
            let store = UploadStore(database: api.store.database)
            #expect(try await store.files(ofBatch: batch, tenant: UploadFixtures.tenantA).isEmpty)

            let missing = try await api.send(.post, path + "?action=COMPLETE")
            #expect(missing.status == .badRequest)
            #expect(missing.json["detail"]?.stringValue?.contains("bytes 100000-199999") == true)

            #expect(try await Self.chunk(api, path, bytes, 100_000...199_999, total: nil).status == .ok)
            let head2 = try await api.sendBytes(.head, path, bytes: nil, contentType: nil)
            #expect(head2.headers[.range] == "bytes=0-299999")
            let complete = try await api.sendBytes(.post, path + "?action=complete", bytes: nil, contentType: nil)
            #expect(complete.status == .created)

            let blobs = try server.blobs()
            let key = BlobKey.upload(org: TestServer.orgA, sandbox: "prod", batchID: batch, path: "big/file.json")
            var stitched: [UInt8] = []
            for try await piece in blobs.get(key: key) { stitched += piece.readableBytesView }
            #expect(stitched == bytes)
            #expect(try await blobs.list(prefix: "chunks/").isEmpty)
            #expect(try await blobs.list(prefix: "incoming/").isEmpty)
            let files = try await store.files(ofBatch: batch, tenant: UploadFixtures.tenantA)
            #expect(files.map(\.size) == [300_000])
            // COMPLETE again is harmless.
            #expect(try await api.sendBytes(.post, path + "?action=COMPLETE", bytes: nil, contentType: nil).status == .created)
            let head3 = try await api.sendBytes(.head, path, bytes: nil, contentType: nil)
            #expect(head3.headers[HTTPField.Name("x-batchyard-upload-status")!] == "complete")
        }
    }

    @Test("overlapping chunks answer 400 at COMPLETE; re-INITIALIZE starts over")
    func overlap() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let path = UploadFixtures.importPath(batch, dataset, "f.csv")
            let bytes = randomBytes(1000)
            #expect(try await api.sendBytes(.post, path + "?action=INITIALIZE", bytes: nil, contentType: nil).status == .created)
            _ = try await Self.chunk(api, path, bytes, 0...599, total: 1000)
            _ = try await Self.chunk(api, path, bytes, 500...999, total: 1000)
            let response = try await api.send(.post, path + "?action=COMPLETE")
            #expect(response.status == .badRequest)
            #expect(response.json["detail"]?.stringValue?.contains("overlap") == true)
            // Start over: earlier chunks are discarded.
            #expect(try await api.sendBytes(.post, path + "?action=INITIALIZE", bytes: nil, contentType: nil).status == .created)
            let head = try await api.sendBytes(.head, path, bytes: nil, contentType: nil)
            #expect(head.headers[.range] == nil)
            _ = try await Self.chunk(api, path, bytes, 0...999, total: 1000)
            #expect(try await api.sendBytes(.post, path + "?action=COMPLETE", bytes: nil, contentType: nil).status == .created)
        }
    }

    @Test("chunk refusals: no INITIALIZE (404), bad Content-Range (400), wrong length (400), too large (413), total beyond declared")
    func refusals() async throws {
        var server = TestServer()
        server.configuration.uploadLimits.maxChunkBytes = 1000
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let path = UploadFixtures.importPath(batch, dataset, "f.json")
            let bytes = randomBytes(3000)
            #expect(try await Self.chunk(api, path, bytes, 0...99, total: 3000).status == .notFound)
            #expect(try await api.sendBytes(.post, path + "?action=INITIALIZE", bytes: nil, contentType: nil).status == .created)
            for header in ["", "bytes", "bytes 5-1/10", "items 0-9/10", "bytes 0-9/5", "bytes a-b/c"] {
                let response = try await api.sendBytes(.patch, path, bytes: Array(bytes[0..<10]), extraHeaders: ["Content-Range": header])
                #expect(response.status == .badRequest, "\(header)")
            }
            let noHeader = try await api.sendBytes(.patch, path, bytes: Array(bytes[0..<10]))
            #expect(noHeader.status == .badRequest)
            let short = try await api.sendBytes(.patch, path, bytes: Array(bytes[0..<10]), extraHeaders: ["Content-Range": "bytes 0-19/3000"])
            #expect(short.status == .badRequest)
            let large = try await Self.chunk(api, path, bytes, 0...1000, total: 3000)
            #expect(large.status == .contentTooLarge)
            #expect(try await Self.chunk(api, path, bytes, 0...999, total: 3000).status == .ok)
            let otherTotal = try await Self.chunk(api, path, bytes, 1000...1999, total: 2500)
            #expect(otherTotal.status == .badRequest)
            #expect(try await Self.chunk(api, path, bytes, 1000...1999, total: 3000).status == .ok)
            let incomplete = try await api.send(.post, path + "?action=COMPLETE")
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.json["detail"]?.stringValue?.contains("2000-2999 of 3000") == true)
            let unknownAction = try await api.sendBytes(.post, path + "?action=STITCH", bytes: nil, contentType: nil)
            #expect(unknownAction.status == .badRequest)
            let headUnknown = try await api.sendBytes(.head, UploadFixtures.importPath(batch, dataset, "nope"), bytes: nil, contentType: nil)
            #expect(headUnknown.status == .notFound)
            // A completed batch takes no more chunks.
            try await api.setBatchStatus(batch, "staging")
            let late = try await api.send(.patch, path, raw: String(repeating: "x", count: 1000), contentType: "application/octet-stream",
                                          extraHeaders: ["Content-Range": "bytes 2000-2999/3000"])
            #expect(late.status == .badRequest)
            #expect(late.json["detail"]?.stringValue?.contains("'staging'") == true)
        }
    }

    @Test("a PUT replaces a large upload in progress under the same path")
    func putReplacesChunks() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let path = UploadFixtures.importPath(batch, dataset, "f.json")
            #expect(try await api.sendBytes(.post, path + "?action=INITIALIZE", bytes: nil, contentType: nil).status == .created)
            _ = try await Self.chunk(api, path, randomBytes(100), 0...49, total: 100)
            #expect(try await api.sendBytes(.put, path, bytes: Array("{}".utf8)).status == .ok)
            let blobs = try server.blobs()
            #expect(try await blobs.list(prefix: "chunks/").isEmpty)
            let files = try await UploadStore(database: api.store.database).files(ofBatch: batch, tenant: UploadFixtures.tenantA)
            #expect(files.map(\.size) == [2])
        }
    }
}
