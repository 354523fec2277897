/// The batch lifecycle as a value: the current status plus an event give the next status and the
/// actions the caller must carry out.
///
/// ```
/// create → loading ──COMPLETE──▶ staging ──worker──▶ processing ──▶ success
///             │                    │                    │   └──▶ failed
///             ├──ABORT──▶ aborted ◀┴────────ABORT───────┘
///             ├──FAIL───▶ failed
///             └──(no upload or signal for --abandon-after)──▶ abandoned
/// processing interrupted ──▶ retrying ──▶ processing … after N tries ──▶ stalled
/// success ──REVERT──▶ inactive ──(garbage collection)──▶ deleted
/// replay batch succeeds ──▶ its predecessors become inactive
/// ```
///
/// Nothing here does I/O, so every (status, event) pair is tested directly. The store loads the
/// batch, calls ``handle(_:)`` inside a transaction, writes the new status and performs the actions.
///
/// Beyond the diagram, where the contract leaves room:
/// - Repeating a signal that already took effect answers success without change, so a client may
///   retry after a lost response: COMPLETE on staging, processing, retrying or success; ABORT on
///   aborted; FAIL on failed; REVERT on inactive. Internal events repeat the same way
///   (abandonment of an abandoned batch, collection of a deleted one, replay of an inactive or
///   deleted predecessor).
/// - `retrying` is part of processing: ABORT is allowed there too.
/// - `active` and `failure` behave as their synonyms `success` and `failed`. `loaded`, `staged`
///   and `queued`, which only a direct Catalog write can produce, allow no event.
public struct BatchLifecycle: Sendable, Hashable {
    /// How many processing attempts an interrupted batch gets before it is `stalled`.
    public static let defaultMaxAttempts = 3

    /// The batch's current status.
    public private(set) var status: BatchStatus
    /// How many times a worker has claimed the batch; persisted with the job.
    public private(set) var attempts: Int
    /// The attempt count at which an interruption stalls the batch instead of retrying it.
    public let maxAttempts: Int
    /// Whether the batch names `replay.predecessors`, which its success deactivates.
    public let replacesPredecessors: Bool

    /// Resumes the lifecycle of a stored batch (or starts a new one in `loading`).
    public init(
        status: BatchStatus = .loading, attempts: Int = 0, maxAttempts: Int = BatchLifecycle.defaultMaxAttempts,
        replacesPredecessors: Bool = false
    ) {
        self.status = status
        self.attempts = attempts
        self.maxAttempts = max(1, maxAttempts)
        self.replacesPredecessors = replacesPredecessors
    }

    /// Applies `event`, returning the actions to carry out (empty when the event changes nothing).
    ///
    /// - Throws: ``BatchTransitionError`` when the current status does not allow the event; the
    ///   lifecycle is then unchanged.
    public mutating func handle(_ event: Event) throws(BatchTransitionError) -> [Action] {
        let illegal = BatchTransitionError(status: status, event: event.kind)
        switch (status.canonical, event) {
        // loading: the client is uploading.
        case (.loading, .upload):
            return [.recordActivity]
        case (.loading, .complete):
            return move(to: .staging, [.enqueueJob])
        case (.loading, .abort):
            return move(to: .aborted, [.setCompleted])
        case (.loading, .fail):
            return move(to: .failed, [.setCompleted])
        case (.loading, .abandonTimeout):
            return move(to: .abandoned, [.setCompleted])

        // staging: completed, waiting for a worker.
        case (.staging, .complete), (.processing, .complete), (.retrying, .complete), (.success, .complete):
            return []
        case (.staging, .abort):
            return move(to: .aborted, [.cancelJob, .setCompleted])
        case (.staging, .workerClaimed), (.retrying, .workerClaimed):
            let first = attempts == 0
            attempts += 1
            return move(to: .processing, first ? [.setStarted] : [])

        // processing: a worker holds the job.
        case (.processing, .abort):
            return move(to: .aborted, [.cancelJob, .discardStagedOutput, .setCompleted])
        case (.processing, .workerSucceeded):
            return move(
                to: .success, [.publishOutput, .setCompleted] + (replacesPredecessors ? [.deactivatePredecessors] : []))
        case (.processing, .workerFailed(let reason)):
            return move(to: .failed, [.discardStagedOutput, .recordFailure(reason: reason), .setCompleted])
        case (.processing, .interrupted):
            if attempts >= maxAttempts {
                return move(to: .stalled, [.cancelJob, .discardStagedOutput])
            }
            return move(to: .retrying, [.discardStagedOutput, .requeueJob])

        // retrying: between attempts; the job is queued again.
        case (.retrying, .abort):
            return move(to: .aborted, [.cancelJob, .setCompleted])

        // success and after.
        case (.success, .revert), (.success, .replaySucceeded):
            return move(to: .inactive, [.withdrawOutput])
        case (.inactive, .garbageCollected):
            return move(to: .deleted, [.deleteOutput])

        // Repeats of something that already happened.
        case (.aborted, .abort), (.failed, .fail), (.inactive, .revert), (.abandoned, .abandonTimeout),
            (.inactive, .replaySucceeded), (.deleted, .replaySucceeded), (.deleted, .garbageCollected):
            return []

        default:
            throw illegal
        }
    }

    /// Whether an upload may proceed now, without changing anything; the upload routes check this
    /// before taking any bytes.
    public func checkUpload() throws(BatchTransitionError) {
        var copy = self
        _ = try copy.handle(.upload)
    }

    private mutating func move(to newStatus: BatchStatus, _ actions: [Action]) -> [Action] {
        status = newStatus
        return actions + [.updateDataset(newStatus)]
    }
}
