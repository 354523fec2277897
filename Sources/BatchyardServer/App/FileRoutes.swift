import BatchyardCore
import BatchyardStore
import BlobStore
import Hummingbird

/// Wires the routes that move file bytes (uploads and Data Access) over one blob store.
enum FileRoutes {
    static func add(
        to router: Router<BatchyardRequestContext>, configuration: ServerConfiguration, database: any MetadataDatabase,
        blobs: any BlobStore, clock: @escaping @Sendable () -> Int64
    ) throws {
        let catalog = CatalogStore(database: database)
        let uploads = UploadStore(database: database)
        UploadController(
            service: UploadService(uploads: uploads, blobs: blobs, limits: configuration.uploadLimits, clock: clock),
            preview: IngestionPreview(catalog: catalog, uploads: uploads, blobs: blobs)
        ).addRoutes(to: router)
        DataAccessController(
            catalog: catalog, uploads: uploads, blobs: blobs, preview: DatasetPreview(catalog: catalog, blobs: blobs)
        ).addRoutes(to: router)
    }
}

extension BatchyardApplication {
    /// Start-up clean-up of the blob store: temporary files and uploads that were in flight when
    /// the last process died (never acknowledged, so no client waits for them). `build` calls it;
    /// it must not run while this data directory is serving.
    public static func recoverFiles(configuration: ServerConfiguration) async throws {
        try await BlobStoreOpening.recover(
            try BlobStoreOpening.open(configuration), sharedWithOtherNodes: BlobStoreOpening.isShared(configuration))
    }
}
