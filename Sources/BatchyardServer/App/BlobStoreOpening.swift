import Foundation
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
    ///
    /// With `sharedWithOtherNodes` (a database other nodes use too) the store may be serving uploads
    /// of a running node right now, so only in-flight objects older than `staleAfterMillis` go.
    static func recover(
        _ blobs: any BlobStore, sharedWithOtherNodes: Bool,
        now: Int64 = Int64(Date().timeIntervalSince1970 * 1000), staleAfterMillis: Int64 = 24 * 3_600_000
    ) async throws {
        if let s3 = blobs as? S3BlobStore { try await s3.checkAccess() }
        // A local blob folder belongs to one node (several nodes share an object store; a shared
        // local folder is for tests whose nodes start together), so its temporary files are dead.
        if let local = blobs as? LocalBlobStore { try await local.removeTemporaryFiles() }
        guard sharedWithOtherNodes else {
            try await blobs.deletePrefix("incoming/")
            return
        }
        for info in try await blobs.list(prefix: "incoming/") {
            let created = UUIDToken.creationMillis(ofKey: info.key) ?? 0
            if now - created > staleAfterMillis { try await blobs.delete(key: info.key) }
        }
    }

    /// Whether other nodes may use the same storage: they share the metadata only through PostgreSQL.
    static func isShared(_ configuration: ServerConfiguration) -> Bool {
        configuration.databaseURL != nil
    }

    /// Deletes blobs no metadata row will ever make visible (see ``BlobGarbageCollector``);
    /// returns how many. `build` runs it at start-up, the workers' maintenance sweep periodically;
    /// `now` ages in-flight upload objects.
    public static func collectGarbage(
        _ blobs: any BlobStore, database: any MetadataDatabase, now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    ) async throws -> Int {
        try await BlobGarbageCollector(store: CatalogStore(database: database), blobs: blobs, now: now).sweep()
    }
}
