import BatchyardCore
import BatchyardStore

/// Carries out a ``BatchLifecycle`` decision on the Catalog: the one place where batch status,
/// timestamps, dataset pointers, the job queue and predecessors change.
///
/// Runs inside the caller's transaction; file work (discarding staging, publishing) is left to the
/// caller after commit, as the returned actions say.
struct BatchTransitions: Sendable {
    /// Delay before an interrupted batch is claimed again.
    var retryDelayMillis: Int64 = 1_000
    var maxAttempts: Int = BatchLifecycle.defaultMaxAttempts

    /// What an event did.
    struct Outcome: Sendable {
        var previous: BatchStatus
        var status: BatchStatus
        var actions: [BatchLifecycle.Action]
        var batch: StoredObject
        var datasetID: String
    }

    /// Applies `event` to batch `id`; `edit` adds the caller's fields (metrics, errors) to the batch.
    ///
    /// - Throws: `BatchTransitionError` when the status does not allow the event (nothing changes),
    ///   `ProblemError` 404 when the batch does not exist in the tenant.
    func apply(
        _ event: BatchLifecycle.Event, batchID: String, tenant: Tenant, in tx: CatalogTransaction, now: Int64,
        attempts: Int = 0, edit: (@Sendable (inout [String: JSONValue]) -> Void)? = nil
    ) async throws -> Outcome {
        guard let stored = try await tx.get(.batches, tenant: tenant, id: batchID) else {
            throw ProblemError(.notFound, code: "INGEST-1404-404", title: "Not Found", detail: "The batch is not found.")
        }
        let previous = stored.document["status"]?.stringValue.flatMap(BatchStatus.init(wireValue:)) ?? .loading
        let predecessors = stored.document["replay"]?["predecessors"]?.arrayValue?.compactMap(\.stringValue) ?? []
        var lifecycle = BatchLifecycle(
            status: previous, attempts: attempts, maxAttempts: maxAttempts, replacesPredecessors: !predecessors.isEmpty)
        let actions = try lifecycle.handle(event)
        let datasetID = Self.datasetID(of: stored.document)
        var outcome = Outcome(previous: previous, status: lifecycle.status, actions: actions, batch: stored, datasetID: datasetID)
        guard !actions.isEmpty || lifecycle.status != previous || edit != nil else { return outcome }

        guard var document = stored.document.objectValue else { return outcome }
        document["status"] = .string(lifecycle.status.rawValue)
        // Never backwards, even when another node's clock is behind the one that wrote last.
        document["updated"] = .int(max(now, document["updated"]?.int64Value ?? 0))
        document["version"] = .string((ObjectVersion(stored.version) ?? .initial).bumped().description)
        for action in actions {
            switch action {
            case .setStarted: document["started"] = .int(now)
            case .setCompleted: document["completed"] = .int(now)
            case .recordFailure(let reason):
                if (document["errors"]?.arrayValue ?? []).isEmpty {
                    document["errors"] = [["code": "ProcessingFailure", "description": .string(reason)]]
                }
            case .enqueueJob:
                try await tx.enqueueJob(tenant: tenant, batchID: batchID, datasetID: datasetID, now: now)
            case .cancelJob:
                try await tx.deleteJob(tenant: tenant, batchID: batchID)
            case .requeueJob:
                try await tx.requeueJob(tenant: tenant, batchID: batchID, availableAt: now + retryDelayMillis)
            case .updateDataset(let status):
                try await updateDataset(datasetID, batchID: batchID, status: status, tenant: tenant, tx: tx, now: now)
            case .deactivatePredecessors:
                for predecessor in predecessors where predecessor != batchID {
                    do {
                        _ = try await apply(.replaySucceeded, batchID: predecessor, tenant: tenant, in: tx, now: now)
                    } catch is BatchTransitionError {
                        // A predecessor that never succeeded has nothing to deactivate.
                    } catch let error as ProblemError where error.status == .notFound {
                        // Deleted through Catalog since the replay was created.
                    }
                }
            case .discardStagedOutput, .publishOutput, .withdrawOutput, .deleteOutput, .recordActivity:
                break  // File work, done by the caller after commit.
            }
        }
        edit?(&document)
        let updated = StoredObject(id: batchID, document: .object(document))
        try await tx.replace(.batches, tenant: tenant, object: updated, expectedVersion: stored.version)
        outcome.batch = updated
        return outcome
    }

    private func updateDataset(
        _ datasetID: String, batchID: String, status: BatchStatus, tenant: Tenant, tx: CatalogTransaction, now: Int64
    ) async throws {
        guard !datasetID.isEmpty, let dataset = try await tx.get(.dataSets, tenant: tenant, id: datasetID) else { return }
        var pointers = DatasetBatchPointers(dataset: dataset.document)
        let before = pointers
        pointers.apply(batchId: batchID, status: status)
        guard pointers != before else { return }
        var document = dataset.document
        pointers.write(into: &document)
        // Never backwards, even when another node's clock is behind the one that wrote last.
        document["updated"] = .int(max(now, document["updated"]?.int64Value ?? 0))
        document["version"] = .string((ObjectVersion(dataset.version) ?? .initial).bumped().description)
        try await tx.replace(
            .dataSets, tenant: tenant, object: StoredObject(id: datasetID, document: document),
            expectedVersion: dataset.version)
    }

    /// The batch's dataset: the `dataSet` entry of `relatedObjects`.
    static func datasetID(of batch: JSONValue) -> String {
        for related in batch["relatedObjects"]?.arrayValue ?? [] where related["type"]?.stringValue == "dataSet" {
            if let id = related["id"]?.stringValue { return id }
        }
        return ""
    }
}
