import BatchyardCore
import BatchyardStore
import BlobStore

extension IngestionWorkers {
    /// How often the cheap, indexed part of the sweep runs (abandonment, deletion of inactive
    /// batches): a quarter of the shorter timeout, at least one poll period, at most a minute.
    var maintenancePeriodMillis: Int64 {
        min(max(settings.pollMillis, min(settings.abandonAfterMillis, settings.deleteInactiveAfterMillis) / 4), 60_000)
    }

    /// How often the leftovers sweep, which lists the blob store, runs: like
    /// ``maintenancePeriodMillis`` but at most every 15 minutes, since listing a large lake (an S3
    /// bucket, say) is not free.
    var leftoverPeriodMillis: Int64 {
        min(max(settings.pollMillis, min(settings.abandonAfterMillis, settings.deleteInactiveAfterMillis) / 4), 900_000)
    }

    /// The periodic maintenance sweep, until shutdown: abandons idle `loading` batches, deletes
    /// batches `inactive` for `deleteInactiveAfterMillis`, and every ``leftoverPeriodMillis``
    /// collects leftover blobs (see ``BlobGarbageCollector``). Each step is safe beside other nodes
    /// on the same database; a failed step is logged and tried again next period.
    func maintenanceLoop() async {
        // The server has just collected leftovers at start-up.
        var nextLeftoverSweep = clock() + leftoverPeriodMillis
        while !stopSignal.isStopping {
            do {
                try await abandonStaleBatches()
            } catch {
                logger.error("abandonment sweep: \(error)")
            }
            do {
                let deleted = try await deleteInactiveBatches()
                if deleted > 0 { logger.info("deleted \(deleted) inactive batches") }
            } catch {
                logger.error("inactive batch collection: \(error)")
            }
            if clock() >= nextLeftoverSweep {
                do {
                    let collected = try await collectLeftovers()
                    if collected > 0 { logger.info("deleted \(collected) leftover blobs of finished batches") }
                } catch {
                    logger.error("leftover blob sweep: \(error)")
                }
                nextLeftoverSweep = clock() + leftoverPeriodMillis
            }
            await stopSignal.sleep(millis: maintenancePeriodMillis)
        }
    }

    /// Moves batches `inactive` for longer than `deleteInactiveAfterMillis` to `deleted` with their
    /// lake files and `dataSetFiles` (see ``InactiveBatchCollector``); returns how many.
    @discardableResult
    func deleteInactiveBatches() async throws -> Int {
        let now = clock()
        return try await InactiveBatchCollector(store: store, blobs: blobs, transitions: transitions)
            .collect(inactiveBefore: now - settings.deleteInactiveAfterMillis, now: now, logger: logger).count
    }

    /// Chunk folders, in-flight objects, staged parts and unpublished lake objects of finished
    /// batches (see ``BlobGarbageCollector``); returns how many objects were deleted.
    @discardableResult
    func collectLeftovers() async throws -> Int {
        try await BlobGarbageCollector(store: store, blobs: blobs, now: clock()).sweep()
    }
}
