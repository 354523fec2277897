import BatchyardCore
import BatchyardStore

extension IngestionWorkers {
    /// Marks `loading` batches untouched for `abandonAfterMillis` as `abandoned` — the lifecycle's
    /// `abandonTimeout` event, in ``maintenanceLoop()``; returns how many batches were abandoned.
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
