import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation
import Ingestion
import IngestionPipeline
import Logging
import ServiceLifecycle

/// The ingestion workers and the maintenance sweeper (abandonment, garbage collection), as one
/// service inside the server process.
///
/// Each worker claims a job from the durable queue, drives the batch's lifecycle through
/// `processing` to `success` or `failed`, and publishes its files. SIGTERM cancels the workers;
/// a batch cut short is put back as `retrying` (or simply reclaimed after its lease if the process
/// dies before it can do that).
struct IngestionWorkers: Service {
    let store: CatalogStore
    let blobs: any BlobStore
    let settings: WorkerSettings
    let transitions: BatchTransitions
    let wakeup: WorkerWakeup
    let validators: ValidatorProvider
    let faults: FaultInjection
    let logger: Logger
    let clock: @Sendable () -> Int64
    /// Counts the records of finished batches (`/metrics`).
    var metrics: BatchyardMetrics? = nil
    let stopSignal = StopSignal()

    func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<settings.workers {
                    group.addTask { await workerLoop(index) }
                }
                group.addTask { await maintenanceLoop() }
            }
        } onGracefulShutdown: {
            stopSignal.stop()
        }
    }

    private func workerLoop(_ index: Int) async {
        while !stopSignal.isStopping {
            do {
                if try await runOnce() == false {
                    await wakeup.wait(timeoutMillis: settings.pollMillis, stop: stopSignal)
                }
            } catch {
                if stopSignal.isStopping { return }
                logger.error("ingestion worker \(index): \(error)")
                await stopSignal.sleep(millis: settings.pollMillis)
            }
        }
    }

    /// Claims and handles one job; `false` when the queue had none available.
    @discardableResult
    func runOnce() async throws -> Bool {
        let now = clock()
        let settings = self.settings
        let transitions = self.transitions
        let claimed: (job: IngestionJob, outcome: BatchTransitions.Outcome?)? = try await store.transaction { tx in
            guard let job = try await tx.claimJob(now: now, leaseMillis: settings.leaseMillis) else { return nil }
            guard let batch = try await tx.get(.batches, tenant: job.tenant, id: job.batchID) else {
                try await tx.deleteJob(tenant: job.tenant, batchID: job.batchID)
                return (job, nil)
            }
            let status = batch.document["status"]?.stringValue.flatMap(BatchStatus.init(wireValue:)) ?? .loading
            switch status.canonical {
            case .staging, .retrying:
                let outcome = try await transitions.apply(
                    .workerClaimed, batchID: job.batchID, tenant: job.tenant, in: tx, now: now, attempts: job.attempts)
                try await tx.setJobAttempts(job, attempts: job.attempts + 1)
                return (job, outcome)
            case .processing:
                // The previous claimant died or lost its lease mid-attempt.
                let outcome = try await transitions.apply(
                    .interrupted, batchID: job.batchID, tenant: job.tenant, in: tx, now: now, attempts: job.attempts)
                return (job, outcome)
            default:
                try await tx.deleteJob(tenant: job.tenant, batchID: job.batchID)
                return (job, nil)
            }
        }
        guard let claimed else { return false }
        guard let outcome = claimed.outcome else { return true }
        let keys = BlobKeys(tenant: claimed.job.tenant, batchID: claimed.job.batchID, datasetID: outcome.datasetID)
        if outcome.status != .processing {
            try? await blobs.deletePrefix(keys.stagingPrefix)
            logger.warning("batch \(keys.batchID) was interrupted; now \(outcome.status.rawValue)")
            return true
        }
        try await process(job: claimed.job, batch: outcome.batch.document, keys: keys)
        return true
    }
}
