import BatchyardCore
import Testing

@Suite("BatchLifecycle")
struct BatchLifecycleTests {
    @Test("Statuses carry their Catalog wire values")
    func wireValues() {
        #expect(BatchStatus.allCases.count == 16)
        #expect(Set(BatchStatus.allCases.map(\.rawValue)) == [
            "loading", "loaded", "staging", "staged", "processing", "queued", "retrying", "stalled", "success",
            "failed", "failure", "aborted", "abandoned", "inactive", "deleted", "active",
        ])
        #expect(BatchStatus(wireValue: "success") == .success)
        #expect(BatchStatus(wireValue: "SUCCESS") == nil)
        #expect(BatchStatus.active.canonical == .success)
        #expect(BatchStatus.failure.canonical == .failed)
        #expect(BatchStatus.inactive.hasDataInMaster && BatchStatus.active.hasDataInMaster)
        #expect(!BatchStatus.failed.hasDataInMaster)
        #expect(BatchStatus.stalled.isFinal && !BatchStatus.retrying.isFinal && !BatchStatus.loading.isFinal)
    }

    @Test("Happy path: loading → staging → processing → success → inactive → deleted")
    func happyPath() throws {
        var lifecycle = BatchLifecycle()
        #expect(try lifecycle.handle(.upload) == [.recordActivity])
        #expect(try lifecycle.handle(.complete) == [.enqueueJob, .updateDataset(.staging)])
        #expect(try lifecycle.handle(.complete) == [])
        #expect(try lifecycle.handle(.workerClaimed) == [.setStarted, .updateDataset(.processing)])
        #expect(lifecycle.attempts == 1)
        #expect(try lifecycle.handle(.workerSucceeded) == [.publishOutput, .setCompleted, .updateDataset(.success)])
        #expect(try lifecycle.handle(.complete) == [])
        #expect(try lifecycle.handle(.revert) == [.withdrawOutput, .updateDataset(.inactive)])
        #expect(try lifecycle.handle(.garbageCollected) == [.deleteOutput, .updateDataset(.deleted)])
        #expect(lifecycle.status == .deleted)
    }

    @Test("Interruptions retry until the attempts run out, then stall")
    func retriesThenStalls() throws {
        var lifecycle = BatchLifecycle(status: .staging, maxAttempts: 3)
        for attempt in 1...2 {
            #expect(try lifecycle.handle(.workerClaimed).contains(.setStarted) == (attempt == 1))
            #expect(lifecycle.attempts == attempt)
            #expect(try lifecycle.handle(.interrupted) == [.discardStagedOutput, .requeueJob, .updateDataset(.retrying)])
            #expect(lifecycle.status == .retrying)
        }
        _ = try lifecycle.handle(.workerClaimed)
        #expect(try lifecycle.handle(.interrupted) == [.cancelJob, .discardStagedOutput, .updateDataset(.stalled)])
        #expect(lifecycle.status == .stalled)
        #expect(throws: BatchTransitionError(status: .stalled, event: .workerClaimed)) {
            _ = try lifecycle.handle(.workerClaimed)
        }
    }

    @Test("A stored attempt count survives a restart")
    func resumedAttempts() throws {
        var lifecycle = BatchLifecycle(status: .processing, attempts: 1, maxAttempts: 1)
        _ = try lifecycle.handle(.interrupted)
        #expect(lifecycle.status == .stalled)
        #expect(BatchLifecycle(maxAttempts: 0).maxAttempts == 1)
    }

    @Test("A retried batch can still succeed, without a second `started`")
    func retryThenSuccess() throws {
        var lifecycle = BatchLifecycle(status: .processing, attempts: 1)
        _ = try lifecycle.handle(.interrupted)
        #expect(try lifecycle.handle(.workerClaimed) == [.updateDataset(.processing)])
        _ = try lifecycle.handle(.workerSucceeded)
        #expect(lifecycle.status == .success)
    }

    @Test("A replay batch's success deactivates its predecessors, which become inactive")
    func replay() throws {
        var replay = BatchLifecycle(status: .processing, attempts: 1, replacesPredecessors: true)
        #expect(try replay.handle(.workerSucceeded) == [
            .publishOutput, .setCompleted, .deactivatePredecessors, .updateDataset(.success),
        ])
        var predecessor = BatchLifecycle(status: .active)
        #expect(try predecessor.handle(.replaySucceeded) == [.withdrawOutput, .updateDataset(.inactive)])
        #expect(try predecessor.handle(.replaySucceeded) == [])
        #expect(predecessor.status == .inactive)
    }

    @Test("A replay batch that fails leaves its predecessors alone")
    func failedReplay() throws {
        var replay = BatchLifecycle(status: .processing, attempts: 1, replacesPredecessors: true)
        let actions = try replay.handle(.workerFailed(reason: "schema mismatch"))
        #expect(!actions.contains(.deactivatePredecessors))
        #expect(actions.contains(.recordFailure(reason: "schema mismatch")))
    }

    @Test("Two workers never hold one batch: a second claim is refused")
    func secondClaim() throws {
        var lifecycle = BatchLifecycle(status: .staging)
        _ = try lifecycle.handle(.workerClaimed)
        #expect(throws: BatchTransitionError(status: .processing, event: .workerClaimed)) {
            _ = try lifecycle.handle(.workerClaimed)
        }
    }

    @Test("A worker finishing after ABORT is told no, and the abort already discarded its output")
    func lateWorker() throws {
        var lifecycle = BatchLifecycle(status: .processing, attempts: 1)
        #expect(try lifecycle.handle(.abort).contains(.discardStagedOutput))
        #expect(throws: BatchTransitionError(status: .aborted, event: .workerSucceeded)) {
            _ = try lifecycle.handle(.workerSucceeded)
        }
    }

    @Test("Uploads are checked without changing the lifecycle")
    func uploadCheck() throws {
        try BatchLifecycle().checkUpload()
        for status in BatchStatus.allCases where status != .loading {
            #expect(throws: BatchTransitionError(status: status, event: .upload)) {
                try BatchLifecycle(status: status).checkUpload()
            }
        }
    }

    @Test("Synonyms keep their wire value when nothing changes")
    func synonymsStay() throws {
        var active = BatchLifecycle(status: .active)
        _ = try active.handle(.complete)
        #expect(active.status == .active)
        var failure = BatchLifecycle(status: .failure)
        _ = try failure.handle(.fail)
        #expect(failure.status == .failure)
    }

    @Test("Errors name the current status in a sentence for the API's detail")
    func errorDetail() {
        let upload = BatchTransitionError(status: .staging, event: .upload)
        #expect(upload.detail == "Files can only be uploaded while the batch is 'loading'; its status is 'staging'.")
        let abort = BatchTransitionError(status: .success, event: .abort)
        #expect(abort.detail.contains("'success'"))
        #expect(abort.detail.hasPrefix("The batch cannot be aborted"))
        for kind in BatchLifecycle.Event.Kind.allCases {
            let detail = BatchTransitionError(status: .deleted, event: kind).detail
            #expect(detail.contains("'deleted'"))
            #expect(detail.hasSuffix("."))
        }
        #expect(BatchLifecycle.Event.Kind.complete.signalName == "COMPLETE")
        #expect(BatchLifecycle.Event.Kind.interrupted.signalName == nil)
        #expect(BatchLifecycle.Event.workerFailed(reason: "x").kind == .workerFailed)
    }
}
