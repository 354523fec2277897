import BlobStore
import Foundation

/// A blob as a local file for readers that need one (the Parquet reader seeks to the footer):
/// the store's own file when it has local paths, else a temporary download that is deleted
/// afterwards (S3).
enum LocalBlobCopy {
    static func withFile<T: Sendable>(
        _ blobs: any BlobStore, key: String, _ body: (String) async throws -> T
    ) async throws -> T {
        if let path = blobs.localPath(for: key) { return try await body(path) }
        let folder = NSTemporaryDirectory() + "batchyard-read-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let local = try LocalBlobStore(root: folder)
        // A missing object becomes a missing file, which the readers already handle.
        guard try await blobs.size(key: key) != nil else { return try await body(folder + "/blob") }
        _ = try await local.put(key: "blob", body: blobs.get(key: key))
        return try await body(folder + "/blob")
    }
}
