import BatchyardCore
import BatchyardStore
import BlobStore
import Hummingbird
import IngestionPipeline

/// `POST /data/foundation/import/batches/{id}?action=COMPLETE|ABORT|FAIL|REVERT`.
///
/// Answers 200 with an empty body as AEP does; an unknown batch (or another tenant's) 404; a
/// signal the batch's status does not allow 400 naming the status. The decision is the
/// ``BatchLifecycle``'s alone; this controller only loads, applies and stores.
struct BatchSignalController: Sendable {
    let store: CatalogStore
    let blobs: any BlobStore
    let transitions: BatchTransitions
    let wakeup: WorkerWakeup
    let clock: @Sendable () -> Int64

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        router.post(RouterPath(ImportController.prefix + "/batches/:batchId")) { request, context in
            let tenant = try context.requireTenant()
            _ = try context.requirePrincipal()
            let batchID = try context.parameters.require("batchId")
            let event = try Self.event(request.uri.queryParameters.get("action"))
            try await signal(event, batchID: batchID, tenant: tenant)
            return Response(status: .ok)
        }
    }

    /// Applies a client signal and carries out its file actions.
    func signal(_ event: BatchLifecycle.Event, batchID: String, tenant: Tenant) async throws {
        let now = clock()
        let transitions = self.transitions
        let outcome: BatchTransitions.Outcome
        do {
            outcome = try await store.transaction { tx in
                try await transitions.apply(event, batchID: batchID, tenant: tenant, in: tx, now: now)
            }
        } catch let error as BatchTransitionError {
            throw ProblemError.badRequest(error.detail, code: "INGEST-1111-400")
        }
        if outcome.actions.contains(.discardStagedOutput) {
            let keys = BlobKeys(tenant: tenant, batchID: batchID, datasetID: outcome.datasetID)
            try? await blobs.deletePrefix(keys.stagingPrefix)
        }
        if outcome.actions.contains(.enqueueJob) { wakeup.signal() }
    }

    static func event(_ action: String?) throws -> BatchLifecycle.Event {
        switch action?.uppercased() {
        case "COMPLETE": return .complete
        case "ABORT": return .abort
        case "FAIL": return .fail
        case "REVERT": return .revert
        case nil:
            throw ProblemError.badRequest("The 'action' query parameter is required: COMPLETE, ABORT, FAIL or REVERT.",
                                          code: "INGEST-1110-400")
        default:
            throw ProblemError.badRequest(
                "Unknown action '\(action ?? "")'; use COMPLETE, ABORT, FAIL or REVERT.", code: "INGEST-1110-400")
        }
    }
}
