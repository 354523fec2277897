import BatchyardStore
import BlobStore
import S3BlobStore

/// Opens the blob store `ServerConfiguration.storage` names: local files under the data
/// directory by default, or an S3-compatible bucket (`s3://bucket/prefix?endpoint=…&region=…`,
/// credentials from the `AWS_*` variables of ``ServerConfiguration/storageEnvironment``).
///
/// The server opens it once and hands the same store to the routes and the workers.
public enum BlobStoreOpening {
    public static func open(_ configuration: ServerConfiguration) throws -> any BlobStore {
        guard let storage = configuration.storage, !storage.isEmpty else {
            return try LocalBlobStore(root: configuration.blobsDirectory)
        }
        if S3Configuration.isS3URL(storage) {
            return S3BlobStore(configuration: try S3Configuration.parse(storage, environment: configuration.storageEnvironment))
        }
        if storage.hasPrefix("file://") { return try LocalBlobStore(root: String(storage.dropFirst("file://".count))) }
        throw S3ConfigurationError("--storage takes s3://bucket/prefix or file:///path, got '\(storage)'")
    }

    /// Start-up checks and clean-up: temporary files of a local store, uploads that were in flight
    /// when the last process died; for S3, a request that proves the bucket and credentials work.
    static func recover(_ blobs: any BlobStore) async throws {
        if let local = blobs as? LocalBlobStore { try await local.removeTemporaryFiles() }
        if let s3 = blobs as? S3BlobStore { try await s3.checkAccess() }
        try await blobs.deletePrefix("incoming/")
    }

    /// Deletes blobs no metadata row will ever make visible (see ``BlobGarbageCollector``);
    /// returns how many. `build` runs it at start-up.
    public static func collectGarbage(_ blobs: any BlobStore, database: any MetadataDatabase) async throws -> Int {
        try await BlobGarbageCollector(store: CatalogStore(database: database), blobs: blobs).sweep()
    }
}
