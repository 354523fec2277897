import BatchyardCore
import BatchyardStore

extension IngestionWorkers {
    /// Marks `loading` batches untouched for `abandonAfterMillis` as `abandoned`, once a poll period
    /// (at most once a minute) — the lifecycle's `abandonTimeout` event.
    func abandonLoop() async {
        let period = min(max(settings.pollMillis, settings.abandonAfterMillis / 4), 60_000)
        while !stopSignal.isStopping {
            do {
                try await abandonStaleBatches()
            } catch {
                logger.error("abandonment sweep: \(error)")
            }
            await stopSignal.sleep(millis: period)
        }
    }

    /// One sweep; returns how many batches were abandoned.
    @discardableResult
    func abandonStaleBatches() async throws -> Int {
        let now = clock()
        let cutoff = now - settings.abandonAfterMillis
        let transitions = self.transitions
        return try await store.transaction { tx in
            var count = 0
            for (tenant, id) in try await tx.staleLoadingBatches(updatedBefore: cutoff, limit: 500) {
                do {
                    _ = try await transitions.apply(.abandonTimeout, batchID: id, tenant: tenant, in: tx, now: now)
                    count += 1
                } catch is BatchTransitionError {
                    continue
                }
            }
            return count
        }
    }
}
