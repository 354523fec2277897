import BatchyardCore
import Testing

/// Random event sequences from a new batch: whatever clients, timers and workers do, the lifecycle
/// never publishes twice, never leaves a final status, and reports every status change to the
/// dataset.
@Suite("BatchLifecycle: random event sequences")
struct BatchLifecyclePropertyTests {

    static let events: [BatchLifecycle.Event] = [
        .complete, .abort, .fail, .revert, .upload, .abandonTimeout, .workerClaimed, .workerSucceeded,
        .workerFailed(reason: "r"), .interrupted, .replaySucceeded, .garbageCollected,
    ]

    @Test("Invariants hold over random event sequences", arguments: Array(UInt64(1)...300))
    func invariants(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        // Worker events are made likelier so that sequences get past `loading` often.
        let weighted = Self.events + [.workerClaimed, .workerSucceeded, .interrupted, .complete, .workerClaimed]
        var lifecycle = BatchLifecycle(maxAttempts: Int.random(in: 1...3, using: &generator), replacesPredecessors: true)
        var counts: [BatchLifecycle.Action: Int] = [:]
        var final: BatchStatus?
        for _ in 0..<40 {
            let event = weighted.randomElement(using: &generator)!
            let before = lifecycle
            do {
                let actions = try lifecycle.handle(event)
                for action in actions { counts[action, default: 0] += 1 }
                if lifecycle.status != before.status {
                    #expect(actions.last == .updateDataset(lifecycle.status))
                    #expect(final == nil || lifecycle.status == .deleted && final == .inactive)
                } else {
                    #expect(!actions.contains { if case .updateDataset = $0 { return true } else { return false } })
                }
                if actions.contains(.withdrawOutput) { #expect(counts[.publishOutput] == 1) }
                if actions.contains(.deleteOutput) { #expect(counts[.withdrawOutput] == 1) }
            } catch {
                #expect(lifecycle == before)
                #expect(error.status == before.status && error.event == event.kind)
            }
            if [.aborted, .failed, .abandoned, .stalled, .inactive, .deleted].contains(lifecycle.status) {
                final = lifecycle.status
            }
            #expect(lifecycle.attempts <= lifecycle.maxAttempts)
        }
        for action in [BatchLifecycle.Action.enqueueJob, .publishOutput, .setStarted, .setCompleted, .deactivatePredecessors] {
            #expect(counts[action, default: 0] <= 1, "\(action)")
        }
        #expect(counts[.deactivatePredecessors, default: 0] == counts[.publishOutput, default: 0])
    }
}
