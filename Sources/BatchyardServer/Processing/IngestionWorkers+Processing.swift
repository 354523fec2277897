import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation
import Ingestion
import IngestionPipeline
import NIOConcurrencyHelpers
import XDMValidation

extension IngestionWorkers {
    /// Runs one processing attempt of a claimed batch and records its verdict.
    func process(job: IngestionJob, batch: JSONValue, keys: BlobKeys) async throws {
        let attempt = job.attempts + 1
        let outcome: BatchProcessingOutcome
        do {
            let request = try await makeRequest(job: job, batch: batch, keys: keys, attempt: attempt)
            outcome = try await BatchProcessor(blobs: blobs).process(request, checkpoint: heartbeat(job))
        } catch let error as WorkerStop {
            try? await blobs.deletePrefix(keys.stagingPrefix)
            if error == .cancelledByShutdown { try await interrupt(job) }
            return
        } catch let error as InputFormatError {
            try await finishFailed(job, keys: keys, errors: [["code": "INGEST-1104-400", "description": .string(error.message)]],
                                   metrics: nil, reason: error.message)
            return
        } catch let error as ConfigurationFailure {
            try await finishFailed(job, keys: keys, errors: [["code": "INGEST-1105-400", "description": .string(error.message)]],
                                   metrics: nil, reason: error.message)
            return
        } catch {
            logger.error("batch \(job.batchID) attempt \(attempt) interrupted: \(error)")
            try? await blobs.deletePrefix(keys.stagingPrefix)
            try await interrupt(job)
            return
        }
        await faults.checkpoint("processing")
        if outcome.verdict.decision == .fail {
            try await finishFailed(
                job, keys: keys, errors: outcome.verdict.errorsJSON, metrics: outcome.verdict.metrics,
                reason: outcome.verdict.errors.first?.description ?? "The batch failed.")
            metrics?.recordBatchOutcome(ingested: 0, failed: outcome.report.rows.failedRecords)
            return
        }
        try await publish(job: job, batch: batch, keys: keys, outcome: outcome)
    }

    /// Moves the staged parts into the lake, then in one transaction creates their `dataSetFiles`
    /// and turns the batch `success`. Until that commit the lake files are invisible; a crash
    /// before it leaves the batch `processing`, so the next claim retries it from scratch.
    private func publish(job: IngestionJob, batch: JSONValue, keys: BlobKeys, outcome: BatchProcessingOutcome) async throws {
        try await blobs.deletePrefix(keys.lakePrefix)
        for part in outcome.parts {
            try await blobs.move(from: part.key, to: keys.lakePrefix + part.name)
        }
        await faults.checkpoint("publish")
        let now = clock()
        let verdict = outcome.verdict
        let rows = outcome.report.rows
        let outputBytes = outcome.report.outputByteSize
        let client = batch["createdClient"]?.stringValue ?? "batchyard"
        let user = batch["createdUser"]?.stringValue ?? "batchyard@AdobeID"
        let transitions = self.transitions
        do {
            try await store.transaction { tx in
                guard try await tx.deleteJob(tenant: job.tenant, batchID: job.batchID, leaseToken: job.leaseToken) else {
                    throw WorkerStop.leaseLost
                }
                _ = try await transitions.apply(
                    verdict.event, batchID: job.batchID, tenant: job.tenant, in: tx, now: now, attempts: job.attempts + 1
                ) { document in
                    document["metrics"] = verdict.metrics
                    if !verdict.errors.isEmpty { document["errors"] = verdict.errorsJSON }
                    document["recordCount"] = .int(Int64(rows.outputRecords))
                    document["failedRecordCount"] = .int(Int64(rows.failedRecords))
                    document["size"] = .int(outputBytes)
                }
                let context = CatalogDocumentRules.WriteContext(tenant: job.tenant, clientID: client, userID: user, now: now)
                for part in outcome.parts {
                    let id = "\(job.batchID)-\(part.number)"
                    let body: [String: JSONValue] = [
                        "batchId": .string(job.batchID), "dataSetId": .string(keys.datasetID),
                        "records": .int(Int64(part.records)), "size": .int(part.size), "isValid": true,
                        "name": .string(part.name),
                    ]
                    let document = CatalogDocumentRules.newDocument(body, id: id, collection: .dataSetFiles, context: context)
                    try await tx.insert(.dataSetFiles, tenant: job.tenant, object: StoredObject(id: id, document: document))
                }
            }
        } catch {
            try? await blobs.deletePrefix(keys.lakePrefix)
            try? await blobs.deletePrefix(keys.stagingPrefix)
            if error is WorkerStop { return }
            throw error
        }
        try? await blobs.deletePrefix(keys.stagingPrefix)
        metrics?.recordBatchOutcome(ingested: rows.outputRecords, failed: rows.failedRecords)
    }

    private func finishFailed(
        _ job: IngestionJob, keys: BlobKeys, errors: JSONValue, metrics: JSONValue?, reason: String
    ) async throws {
        let now = clock()
        let transitions = self.transitions
        try? await blobs.deletePrefix(keys.stagingPrefix)
        try await store.transaction { tx in
            guard try await tx.deleteJob(tenant: job.tenant, batchID: job.batchID, leaseToken: job.leaseToken) else { return }
            _ = try await transitions.apply(
                .workerFailed(reason: reason), batchID: job.batchID, tenant: job.tenant, in: tx, now: now,
                attempts: job.attempts + 1
            ) { document in
                document["errors"] = errors
                if let metrics { document["metrics"] = metrics }
            }
        }
    }

    /// Records an interruption that was not the data's fault: `retrying` (or `stalled`).
    private func interrupt(_ job: IngestionJob) async throws {
        let now = clock()
        let transitions = self.transitions
        try await store.transaction { tx in
            guard try await tx.renewLease(job, now: now, leaseMillis: 0) else { return }
            _ = try await transitions.apply(
                .interrupted, batchID: job.batchID, tenant: job.tenant, in: tx, now: now, attempts: job.attempts + 1)
        }
    }

    /// Renews the lease every third of its length and stops the attempt when it is gone.
    private func heartbeat(_ job: IngestionJob) -> @Sendable () async throws -> Void {
        let lastRenewal = NIOLockedValueBox(clock())
        let store = self.store
        let settings = self.settings
        let clock = self.clock
        let stopSignal = self.stopSignal
        return {
            if stopSignal.isStopping { throw WorkerStop.cancelledByShutdown }
            let now = clock()
            guard now - lastRenewal.withLockedValue({ $0 }) >= settings.leaseMillis / 3 else { return }
            let held = try await store.transaction { tx in
                try await tx.renewLease(job, now: now, leaseMillis: settings.leaseMillis)
            }
            guard held else { throw WorkerStop.leaseLost }
            lastRenewal.withLockedValue { $0 = now }
        }
    }

    private func makeRequest(job: IngestionJob, batch: JSONValue, keys: BlobKeys, attempt: Int) async throws
        -> BatchProcessingRequest
    {
        let dataset = try await store.get(.dataSets, tenant: job.tenant, id: keys.datasetID)?.document ?? [:]
        let format = try InputFormat(inputFormat: batch["inputFormat"], fileDescription: dataset["fileDescription"])
        let validator: RecordValidator?
        do {
            validator = try await validators(dataset, job.tenant)
        } catch {
            throw ConfigurationFailure(message: "The dataset's schema cannot be used: \(error)")
        }
        // The batch's complete files (`batch_files`); a large file never COMPLETEd is not part of it.
        let files = try await UploadStore(database: store.database).files(ofBatch: job.batchID, tenant: job.tenant).map(\.path)
        var diagnostics = batch["tags"]?["acp_enableErrorDiagnostics"]
        if let first = diagnostics?.arrayValue?.first { diagnostics = first }
        let diagnosticsEnabled = diagnostics?.boolValue ?? (diagnostics?.stringValue == "true")
        return BatchProcessingRequest(
            keys: keys, attempt: attempt, files: files, inputFormat: format, validator: validator,
            policy: PartialIngestionPolicy(batch: batch), diagnosticsEnabled: diagnosticsEnabled)
    }
}

/// Why a worker stopped an attempt without a verdict.
enum WorkerStop: Error, Equatable {
    /// The job was cancelled (ABORT) or another worker took it after the lease ran out.
    case leaseLost
    /// The server is shutting down.
    case cancelledByShutdown
}

/// A batch whose configuration (format options, schema) makes processing impossible.
struct ConfigurationFailure: Error {
    var message: String
}
