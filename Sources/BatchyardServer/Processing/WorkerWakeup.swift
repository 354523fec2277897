import NIOConcurrencyHelpers

/// Wakes idle workers when a job is queued, so a COMPLETE is picked up at once instead of at the
/// next poll; the poll remains for jobs queued by other processes or released by expired leases.
///
/// A generation counter rather than continuations: waiters look at it every 20 ms, which costs
/// nothing measurable and cannot leave a waiter stranded.
final class WorkerWakeup: Sendable {
    /// One per process: the signal controller and the workers of a server share it.
    static let shared = WorkerWakeup()

    private let generation = NIOLockedValueBox(0)

    init() {}

    /// Wakes every waiting worker.
    func signal() {
        generation.withLockedValue { $0 += 1 }
    }

    /// Waits until `signal()`, `timeoutMillis` or a stop, whichever comes first.
    func wait(timeoutMillis: Int64, stop: StopSignal) async {
        let start = generation.withLockedValue { $0 }
        await stop.sleep(millis: timeoutMillis) { self.generation.withLockedValue { $0 } != start }
    }
}
