import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation

extension BatchyardApplication {
    /// One run of the garbage collection of inactive batches, as the maintenance sweep does it
    /// (tools and tests; the server runs it periodically): every batch `inactive` since before
    /// `now - inactiveForMillis` loses its lake files and `dataSetFiles` and becomes `deleted`.
    /// Returns the ids of the batches collected by this call (each batch by exactly one caller,
    /// however many run at once on the same database).
    @discardableResult
    public static func deleteInactiveBatches(
        store: CatalogStore, blobs: any BlobStore, inactiveForMillis: Int64,
        now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    ) async throws -> [String] {
        try await InactiveBatchCollector(store: store, blobs: blobs, transitions: BatchTransitions())
            .collect(inactiveBefore: now - inactiveForMillis, now: now).map(\.batchID)
    }
}
