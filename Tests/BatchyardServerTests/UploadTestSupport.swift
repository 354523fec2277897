import BatchyardCore
import BatchyardServer
import BatchyardStore
import BatchyardTestSupport
import BlobStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Parquet
import Testing

/// Upload and download helpers over `APIClient`.
extension APIClient {
    /// Sends raw bytes (file uploads, chunks).
    @discardableResult
    func sendBytes(
        _ method: HTTPRequest.Method, _ path: String, bytes: [UInt8]?, contentType: String? = "application/octet-stream",
        headers: HTTPFields = APIClient.headers(), extraHeaders: [String: String] = [:]
    ) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: [UInt8]) {
        var headers = headers
        if let contentType { headers[.contentType] = contentType }
        for (name, value) in extraHeaders { headers[HTTPField.Name(name)!] = value }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) }
        ) { response in
            (response.status, response.headers, Array(response.body.readableBytesView))
        }
    }

    /// A dataset and a loading batch in it: `(datasetID, batchID)`.
    func datasetAndBatch(
        _ extra: [String: JSONValue] = ["inputFormat": ["format": "json"]], headers: HTTPFields = APIClient.headers()
    ) async throws -> (String, String) {
        let dataset = try await createDataset(headers: headers)
        let batch = try await createBatch(datasetID: dataset, extra: extra, headers: headers)
        return (dataset, batch["id"]?.stringValue ?? "")
    }

    /// Sets a batch's status directly in the Catalog (what processing will do).
    func setBatchStatus(_ batchID: String, _ status: String, tenant: Tenant = UploadFixtures.tenantA) async throws {
        try await store.transaction { tx in
            let batch = try #require(try await tx.get(.batches, tenant: tenant, id: batchID))
            var document = batch.document.objectValue ?? [:]
            document["status"] = .string(status)
            try await tx.replace(
                .batches, tenant: tenant, object: StoredObject(id: batchID, document: .object(document)),
                expectedVersion: batch.document["version"]?.stringValue ?? "")
        }
    }
}

/// Builders for what processing would publish: dataSetFiles and their lake files.
enum UploadFixtures {
    static let tenantA = Tenant(org: TestServer.orgA, sandbox: "prod")

    static func importPath(_ batch: String, _ dataset: String, _ file: String) -> String {
        "/data/foundation/import/batches/\(batch)/datasets/\(dataset)/files/\(file)"
    }

    /// A small Parquet file with `count` rows `{id, name, nested: {score}}`.
    static func parquet(rows count: Int, offset: Int = 0) throws -> [UInt8] {
        let schema = try ParquetSchema([
            .int64("id", .required), .string("name"),
            .group("nested", [.double("score")]),
        ])
        let rows: [ParquetValue] = (0..<count).map { index in
            .object([
                "id": .int(Int64(offset + index)), "name": .string("row \(offset + index)"),
                "nested": .object(["score": .double(Double(index) / 2)]),
            ])
        }
        return try ParquetFileWriter.data(rows: rows, schema: schema)
    }

    /// Publishes `files` (Parquet bytes) for the batch as processing would: lake blobs, then the
    /// dataSetFiles objects. Returns the dataSetFile ids.
    @discardableResult
    static func publish(
        _ files: [[UInt8]], batchID: String, datasetID: String, blobsRoot: String, store: CatalogStore,
        tenant: Tenant = tenantA
    ) async throws -> [String] {
        let blobs = try TestBlobStores.open(root: blobsRoot)
        var ids: [String] = []
        for (index, bytes) in files.enumerated() {
            let name = BlobKey.partName(index + 1)
            let key = BlobKey.lake(org: tenant.org, sandbox: tenant.sandbox, datasetID: datasetID, batchID: batchID, name: name)
            _ = try await blobs.put(key: key, body: Pieces(bytes))
            ids.append("\(batchID)-\(index + 1)")
        }
        let published = ids
        let context = CatalogDocumentRules.WriteContext(tenant: tenant, clientID: "worker", userID: "worker@AdobeID", now: 1_700_000_000_000)
        try await store.transaction { tx in
            for (index, bytes) in files.enumerated() {
                let document = CatalogDocumentRules.newDocument(
                    ["batchId": .string(batchID), "dataSetId": .string(datasetID), "records": 0,
                     "size": .int(Int64(bytes.count)), "isValid": true, "name": .string(BlobKey.partName(index + 1))],
                    id: published[index], collection: .dataSetFiles, context: context)
                try await tx.insert(.dataSetFiles, tenant: tenant, object: StoredObject(id: published[index], document: document))
            }
        }
        return ids
    }
}

/// Byte pieces as an async sequence (for writing blobs in tests).
struct Pieces: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let pieces: [ByteBuffer]

    struct AsyncIterator: AsyncIteratorProtocol {
        var pieces: [ByteBuffer]
        var index = 0
        mutating func next() async throws -> ByteBuffer? {
            guard index < pieces.count else { return nil }
            defer { index += 1 }
            return pieces[index]
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pieces: pieces) }

    init(_ bytes: [UInt8], pieceSize: Int = 65536) {
        pieces = stride(from: 0, to: bytes.count, by: pieceSize).map {
            ByteBuffer(bytes: bytes[$0..<Swift.min(bytes.count, $0 + pieceSize)])
        }
    }
}

func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}
