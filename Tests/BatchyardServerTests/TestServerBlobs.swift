import BatchyardServer
import BatchyardTestSupport
import BlobStore
import Foundation

extension ServerConfiguration {
    /// Points the blob storage at the test choice (``TestBlobStores``): local files under
    /// `blobsDirectory`, or with `BATCHYARD_TEST_S3_URL` an S3 prefix unique to it.
    mutating func useTestStorage() {
        storage = TestBlobStores.storageURL(forRoot: blobsDirectory)
        storageEnvironment = TestBlobStores.environment
    }
}

extension TestServer {
    /// The server's blob store, opened the way the server opens it, for tests that inspect it.
    func blobs() throws -> any BlobStore { try TestBlobStores.open(root: configuration.blobsDirectory) }

    /// A local folder with the blobs under `prefix` (ending with `/`), for readers that want files
    /// (DuckDB): the store's own folder for local files, else a fresh download.
    func localFolder(prefix: String) async throws -> String {
        let blobs = try blobs()
        if let path = blobs.localPath(for: prefix + "x") { return String(path.dropLast(2)) }
        let folder = NSTemporaryDirectory() + "batchyard-download-" + UUID().uuidString
        let local = try LocalBlobStore(root: folder)
        for blob in try await blobs.list(prefix: prefix) {
            _ = try await local.put(key: String(blob.key.dropFirst(prefix.count)), body: blobs.get(key: blob.key))
        }
        return folder
    }

    /// The bytes of a blob, `nil` when it does not exist.
    func blobBytes(_ key: String) async throws -> [UInt8]? {
        let blobs = try blobs()
        guard try await blobs.size(key: key) != nil else { return nil }
        var out: [UInt8] = []
        for try await buffer in blobs.get(key: key) { out += buffer.readableBytesView }
        return out
    }
}
