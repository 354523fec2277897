import NIOConcurrencyHelpers

/// Tells the workers to stop taking work, set on graceful shutdown.
///
/// A flag rather than task cancellation, so that a metadata transaction already running completes
/// (a cancelled transaction could not roll back cleanly) and a batch cut short is recorded as
/// interrupted before the database closes.
final class StopSignal: Sendable {
    private let flag = NIOLockedValueBox(false)

    init() {}

    /// Asks every worker to stop.
    func stop() { flag.withLockedValue { $0 = true } }

    /// Whether the workers should stop (also when their task was cancelled).
    var isStopping: Bool { flag.withLockedValue { $0 } || Task.isCancelled }

    /// Sleeps up to `millis`, returning early when stopping or when `until` becomes true.
    func sleep(millis: Int64, until: () -> Bool = { false }) async {
        var waited: Int64 = 0
        while waited < millis, !isStopping, !until() {
            try? await Task.sleep(for: .milliseconds(min(20, millis - waited)))
            waited += 20
        }
    }
}
