import BatchyardCore
import Testing

/// Every (status, event) pair of ``BatchLifecycle``, each outcome written out.
///
/// The table was generated once from the lifecycle diagram in decisions.md and then reviewed by
/// hand; it is data, not a second implementation. Processing and retrying batches start with one
/// attempt behind them (as they would in life), all others with none.
@Suite("BatchLifecycle transition table")
struct BatchLifecycleTableTests {
    enum Outcome: Sendable, CustomStringConvertible {
        case to(BatchStatus, [BatchLifecycle.Action])
        case same([BatchLifecycle.Action])
        case illegal

        var description: String {
            switch self {
            case .to(let status, _): return "→ \(status.rawValue)"
            case .same: return "unchanged"
            case .illegal: return "illegal"
            }
        }
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let status: BatchStatus
        let event: BatchLifecycle.Event.Kind
        let outcome: Outcome

        init(_ status: BatchStatus, _ event: BatchLifecycle.Event.Kind, _ outcome: Outcome) {
            self.status = status
            self.event = event
            self.outcome = outcome
        }

        var testDescription: String { "\(status.rawValue) + \(event.rawValue) \(outcome)" }
    }

    static func sampleEvent(_ kind: BatchLifecycle.Event.Kind) -> BatchLifecycle.Event {
        switch kind {
        case .complete: return .complete
        case .abort: return .abort
        case .fail: return .fail
        case .revert: return .revert
        case .upload: return .upload
        case .abandonTimeout: return .abandonTimeout
        case .workerClaimed: return .workerClaimed
        case .workerSucceeded: return .workerSucceeded
        case .workerFailed: return .workerFailed(reason: "bad rows")
        case .interrupted: return .interrupted
        case .replaySucceeded: return .replaySucceeded
        case .garbageCollected: return .garbageCollected
        }
    }

    static let table: [Row] = [
        Row(.loading, .complete, .to(.staging, [.enqueueJob, .updateDataset(.staging)])),
        Row(.loading, .abort, .to(.aborted, [.setCompleted, .updateDataset(.aborted)])),
        Row(.loading, .fail, .to(.failed, [.setCompleted, .updateDataset(.failed)])),
        Row(.loading, .revert, .illegal),
        Row(.loading, .upload, .same([.recordActivity])),
        Row(.loading, .abandonTimeout, .to(.abandoned, [.setCompleted, .updateDataset(.abandoned)])),
        Row(.loading, .workerClaimed, .illegal),
        Row(.loading, .workerSucceeded, .illegal),
        Row(.loading, .workerFailed, .illegal),
        Row(.loading, .interrupted, .illegal),
        Row(.loading, .replaySucceeded, .illegal),
        Row(.loading, .garbageCollected, .illegal),
        Row(.loaded, .complete, .illegal),
        Row(.loaded, .abort, .illegal),
        Row(.loaded, .fail, .illegal),
        Row(.loaded, .revert, .illegal),
        Row(.loaded, .upload, .illegal),
        Row(.loaded, .abandonTimeout, .illegal),
        Row(.loaded, .workerClaimed, .illegal),
        Row(.loaded, .workerSucceeded, .illegal),
        Row(.loaded, .workerFailed, .illegal),
        Row(.loaded, .interrupted, .illegal),
        Row(.loaded, .replaySucceeded, .illegal),
        Row(.loaded, .garbageCollected, .illegal),
        Row(.staging, .complete, .same([])),
        Row(.staging, .abort, .to(.aborted, [.cancelJob, .setCompleted, .updateDataset(.aborted)])),
        Row(.staging, .fail, .illegal),
        Row(.staging, .revert, .illegal),
        Row(.staging, .upload, .illegal),
        Row(.staging, .abandonTimeout, .illegal),
        Row(.staging, .workerClaimed, .to(.processing, [.setStarted, .updateDataset(.processing)])),
        Row(.staging, .workerSucceeded, .illegal),
        Row(.staging, .workerFailed, .illegal),
        Row(.staging, .interrupted, .illegal),
        Row(.staging, .replaySucceeded, .illegal),
        Row(.staging, .garbageCollected, .illegal),
        Row(.staged, .complete, .illegal),
        Row(.staged, .abort, .illegal),
        Row(.staged, .fail, .illegal),
        Row(.staged, .revert, .illegal),
        Row(.staged, .upload, .illegal),
        Row(.staged, .abandonTimeout, .illegal),
        Row(.staged, .workerClaimed, .illegal),
        Row(.staged, .workerSucceeded, .illegal),
        Row(.staged, .workerFailed, .illegal),
        Row(.staged, .interrupted, .illegal),
        Row(.staged, .replaySucceeded, .illegal),
        Row(.staged, .garbageCollected, .illegal),
        Row(.processing, .complete, .same([])),
        Row(.processing, .abort, .to(.aborted, [.cancelJob, .discardStagedOutput, .setCompleted, .updateDataset(.aborted)])),
        Row(.processing, .fail, .illegal),
        Row(.processing, .revert, .illegal),
        Row(.processing, .upload, .illegal),
        Row(.processing, .abandonTimeout, .illegal),
        Row(.processing, .workerClaimed, .illegal),
        Row(.processing, .workerSucceeded, .to(.success, [.publishOutput, .setCompleted, .updateDataset(.success)])),
        Row(.processing, .workerFailed, .to(.failed, [.discardStagedOutput, .recordFailure(reason: "bad rows"), .setCompleted, .updateDataset(.failed)])),
        Row(.processing, .interrupted, .to(.retrying, [.discardStagedOutput, .requeueJob, .updateDataset(.retrying)])),
        Row(.processing, .replaySucceeded, .illegal),
        Row(.processing, .garbageCollected, .illegal),
        Row(.queued, .complete, .illegal),
        Row(.queued, .abort, .illegal),
        Row(.queued, .fail, .illegal),
        Row(.queued, .revert, .illegal),
        Row(.queued, .upload, .illegal),
        Row(.queued, .abandonTimeout, .illegal),
        Row(.queued, .workerClaimed, .illegal),
        Row(.queued, .workerSucceeded, .illegal),
        Row(.queued, .workerFailed, .illegal),
        Row(.queued, .interrupted, .illegal),
        Row(.queued, .replaySucceeded, .illegal),
        Row(.queued, .garbageCollected, .illegal),
        Row(.retrying, .complete, .same([])),
        Row(.retrying, .abort, .to(.aborted, [.cancelJob, .setCompleted, .updateDataset(.aborted)])),
        Row(.retrying, .fail, .illegal),
        Row(.retrying, .revert, .illegal),
        Row(.retrying, .upload, .illegal),
        Row(.retrying, .abandonTimeout, .illegal),
        Row(.retrying, .workerClaimed, .to(.processing, [.updateDataset(.processing)])),
        Row(.retrying, .workerSucceeded, .illegal),
        Row(.retrying, .workerFailed, .illegal),
        Row(.retrying, .interrupted, .illegal),
        Row(.retrying, .replaySucceeded, .illegal),
        Row(.retrying, .garbageCollected, .illegal),
        Row(.stalled, .complete, .illegal),
        Row(.stalled, .abort, .illegal),
        Row(.stalled, .fail, .illegal),
        Row(.stalled, .revert, .illegal),
        Row(.stalled, .upload, .illegal),
        Row(.stalled, .abandonTimeout, .illegal),
        Row(.stalled, .workerClaimed, .illegal),
        Row(.stalled, .workerSucceeded, .illegal),
        Row(.stalled, .workerFailed, .illegal),
        Row(.stalled, .interrupted, .illegal),
        Row(.stalled, .replaySucceeded, .illegal),
        Row(.stalled, .garbageCollected, .illegal),
        Row(.success, .complete, .same([])),
        Row(.success, .abort, .illegal),
        Row(.success, .fail, .illegal),
        Row(.success, .revert, .to(.inactive, [.withdrawOutput, .updateDataset(.inactive)])),
        Row(.success, .upload, .illegal),
        Row(.success, .abandonTimeout, .illegal),
        Row(.success, .workerClaimed, .illegal),
        Row(.success, .workerSucceeded, .illegal),
        Row(.success, .workerFailed, .illegal),
        Row(.success, .interrupted, .illegal),
        Row(.success, .replaySucceeded, .to(.inactive, [.withdrawOutput, .updateDataset(.inactive)])),
        Row(.success, .garbageCollected, .illegal),
        Row(.failed, .complete, .illegal),
        Row(.failed, .abort, .illegal),
        Row(.failed, .fail, .same([])),
        Row(.failed, .revert, .illegal),
        Row(.failed, .upload, .illegal),
        Row(.failed, .abandonTimeout, .illegal),
        Row(.failed, .workerClaimed, .illegal),
        Row(.failed, .workerSucceeded, .illegal),
        Row(.failed, .workerFailed, .illegal),
        Row(.failed, .interrupted, .illegal),
        Row(.failed, .replaySucceeded, .illegal),
        Row(.failed, .garbageCollected, .illegal),
        Row(.failure, .complete, .illegal),
        Row(.failure, .abort, .illegal),
        Row(.failure, .fail, .same([])),
        Row(.failure, .revert, .illegal),
        Row(.failure, .upload, .illegal),
        Row(.failure, .abandonTimeout, .illegal),
        Row(.failure, .workerClaimed, .illegal),
        Row(.failure, .workerSucceeded, .illegal),
        Row(.failure, .workerFailed, .illegal),
        Row(.failure, .interrupted, .illegal),
        Row(.failure, .replaySucceeded, .illegal),
        Row(.failure, .garbageCollected, .illegal),
        Row(.aborted, .complete, .illegal),
        Row(.aborted, .abort, .same([])),
        Row(.aborted, .fail, .illegal),
        Row(.aborted, .revert, .illegal),
        Row(.aborted, .upload, .illegal),
        Row(.aborted, .abandonTimeout, .illegal),
        Row(.aborted, .workerClaimed, .illegal),
        Row(.aborted, .workerSucceeded, .illegal),
        Row(.aborted, .workerFailed, .illegal),
        Row(.aborted, .interrupted, .illegal),
        Row(.aborted, .replaySucceeded, .illegal),
        Row(.aborted, .garbageCollected, .illegal),
        Row(.abandoned, .complete, .illegal),
        Row(.abandoned, .abort, .illegal),
        Row(.abandoned, .fail, .illegal),
        Row(.abandoned, .revert, .illegal),
        Row(.abandoned, .upload, .illegal),
        Row(.abandoned, .abandonTimeout, .same([])),
        Row(.abandoned, .workerClaimed, .illegal),
        Row(.abandoned, .workerSucceeded, .illegal),
        Row(.abandoned, .workerFailed, .illegal),
        Row(.abandoned, .interrupted, .illegal),
        Row(.abandoned, .replaySucceeded, .illegal),
        Row(.abandoned, .garbageCollected, .illegal),
        Row(.inactive, .complete, .illegal),
        Row(.inactive, .abort, .illegal),
        Row(.inactive, .fail, .illegal),
        Row(.inactive, .revert, .same([])),
        Row(.inactive, .upload, .illegal),
        Row(.inactive, .abandonTimeout, .illegal),
        Row(.inactive, .workerClaimed, .illegal),
        Row(.inactive, .workerSucceeded, .illegal),
        Row(.inactive, .workerFailed, .illegal),
        Row(.inactive, .interrupted, .illegal),
        Row(.inactive, .replaySucceeded, .same([])),
        Row(.inactive, .garbageCollected, .to(.deleted, [.deleteOutput, .updateDataset(.deleted)])),
        Row(.deleted, .complete, .illegal),
        Row(.deleted, .abort, .illegal),
        Row(.deleted, .fail, .illegal),
        Row(.deleted, .revert, .illegal),
        Row(.deleted, .upload, .illegal),
        Row(.deleted, .abandonTimeout, .illegal),
        Row(.deleted, .workerClaimed, .illegal),
        Row(.deleted, .workerSucceeded, .illegal),
        Row(.deleted, .workerFailed, .illegal),
        Row(.deleted, .interrupted, .illegal),
        Row(.deleted, .replaySucceeded, .same([])),
        Row(.deleted, .garbageCollected, .same([])),
        Row(.active, .complete, .same([])),
        Row(.active, .abort, .illegal),
        Row(.active, .fail, .illegal),
        Row(.active, .revert, .to(.inactive, [.withdrawOutput, .updateDataset(.inactive)])),
        Row(.active, .upload, .illegal),
        Row(.active, .abandonTimeout, .illegal),
        Row(.active, .workerClaimed, .illegal),
        Row(.active, .workerSucceeded, .illegal),
        Row(.active, .workerFailed, .illegal),
        Row(.active, .interrupted, .illegal),
        Row(.active, .replaySucceeded, .to(.inactive, [.withdrawOutput, .updateDataset(.inactive)])),
        Row(.active, .garbageCollected, .illegal),
    ]

    @Test("The table covers every status and event exactly once")
    func tableIsComplete() {
        var seen: Set<String> = []
        for row in Self.table {
            #expect(seen.insert("\(row.status.rawValue)/\(row.event.rawValue)").inserted)
        }
        #expect(seen.count == BatchStatus.allCases.count * BatchLifecycle.Event.Kind.allCases.count)
    }

    @Test("Transition", arguments: table)
    func transition(_ row: Row) throws {
        let attempts = (row.status == .processing || row.status == .retrying) ? 1 : 0
        var lifecycle = BatchLifecycle(status: row.status, attempts: attempts)
        let event = Self.sampleEvent(row.event)
        switch row.outcome {
        case .to(let expected, let actions):
            #expect(try lifecycle.handle(event) == actions)
            #expect(lifecycle.status == expected)
        case .same(let actions):
            #expect(try lifecycle.handle(event) == actions)
            #expect(lifecycle.status == row.status)
        case .illegal:
            #expect(throws: BatchTransitionError(status: row.status, event: row.event)) {
                _ = try lifecycle.handle(event)
            }
            #expect(lifecycle == BatchLifecycle(status: row.status, attempts: attempts))
        }
    }
}
