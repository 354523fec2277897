import BatchyardCore
import BatchyardStore
import BlobStore
import IngestionPipeline
import Logging

/// Garbage collection of deactivated batches: `inactive` (after REVERT, or replaced by a replay)
/// for longer than `--delete-inactive-after` → `deleted`, the lifecycle's `garbageCollected` event.
///
/// The order makes it safe with several nodes and across crashes. One transaction claims the
/// batches (see ``CatalogTransaction/claimInactiveBatches(updatedBefore:limit:)``), moves each
/// through the lifecycle and deletes its `dataSetFiles` entries, so the files disappear from Data
/// Access and Catalog at that commit, and exactly one collector wins each batch. Only then are
/// the batch's files deleted: lake, uploads and diagnostics (AEP: "Data for the batch has been
/// completely removed"). A process killed after the commit leaves the files of a `deleted`
/// batch, which ``BlobGarbageCollector`` (part of the same periodic sweep) removes; one killed
/// before it changed nothing, and the next sweep claims the batch again. Files are deleted only
/// for batches this collector has just moved out of `inactive` itself, never for any other status.
struct InactiveBatchCollector: Sendable {
    let store: CatalogStore
    let blobs: any BlobStore
    let transitions: BatchTransitions
    /// Batches claimed per transaction; a sweep repeats until none is left.
    var batchSize = 100

    /// One batch moved to `deleted`.
    struct Collected: Sendable, Hashable {
        var tenant: Tenant
        var batchID: String
        var datasetID: String
        /// How many `dataSetFiles` entries went with it.
        var files: Int
    }

    /// Collects every batch `inactive` since before `cutoff`; returns them. A lake folder that
    /// cannot be deleted now is logged and left to the blob garbage collector.
    @discardableResult
    func collect(inactiveBefore cutoff: Int64, now: Int64, logger: Logger? = nil) async throws -> [Collected] {
        var collected: [Collected] = []
        while true {
            let round = try await claimAndMark(inactiveBefore: cutoff, now: now)
            for batch in round {
                let keys = BlobKeys(tenant: batch.tenant, batchID: batch.batchID, datasetID: batch.datasetID)
                // "Data for the batch has been completely removed": its lake files, the files
                // uploaded into it and its diagnostics.
                do {
                    for prefix in [keys.lakePrefix, keys.uploadsPrefix, keys.metaPrefix] {
                        try await blobs.deletePrefix(prefix)
                    }
                } catch {
                    logger?.warning("batch \(batch.batchID) is deleted; its files stay until the next sweep: \(error)")
                }
            }
            collected += round
            if round.count < batchSize { return collected }
        }
    }

    /// The metadata half, in one transaction: claim, `garbageCollected`, drop `dataSetFiles`.
    private func claimAndMark(inactiveBefore cutoff: Int64, now: Int64) async throws -> [Collected] {
        let transitions = self.transitions
        let limit = batchSize
        return try await store.transaction { tx in
            var marked: [Collected] = []
            for (tenant, id) in try await tx.claimInactiveBatches(updatedBefore: cutoff, limit: limit) {
                let outcome: BatchTransitions.Outcome
                do {
                    outcome = try await transitions.apply(.garbageCollected, batchID: id, tenant: tenant, in: tx, now: now)
                } catch is BatchTransitionError {
                    continue
                }
                guard outcome.actions.contains(.deleteOutput) else { continue }
                let files = try await tx.deleteDataSetFiles(ofBatch: id, tenant: tenant)
                marked.append(Collected(tenant: tenant, batchID: id, datasetID: outcome.datasetID, files: files))
            }
            return marked
        }
    }
}
