extension BatchLifecycle {
    /// Something that happens to a batch: a client signal, an upload, a timer or a worker report.
    public enum Event: Sendable, Hashable {
        /// `POST /batches/{id}?action=COMPLETE`: the client has uploaded everything.
        case complete
        /// `POST /batches/{id}?action=ABORT`: the client gives up on the batch.
        case abort
        /// `POST /batches/{id}?action=FAIL`: the client marks its loading batch as failed.
        case fail
        /// `POST /batches/{id}?action=REVERT`: the client withdraws a promoted batch.
        case revert
        /// A file upload (PUT, INITIALIZE, PATCH, file COMPLETE) asks whether it may proceed.
        case upload
        /// The batch has seen no upload and no signal for `--abandon-after`.
        case abandonTimeout
        /// A worker claimed the batch's job and starts (or restarts) processing it.
        case workerClaimed
        /// The worker validated and staged every file, within the partial-ingestion threshold.
        case workerSucceeded
        /// The worker rejected the batch: a bad file, a bad configuration, or too many bad rows.
        case workerFailed(reason: String)
        /// Processing stopped for a reason that is not the data's fault (crash, lost lease, I/O).
        case interrupted
        /// A batch that named this one in `replay.predecessors` has succeeded.
        case replaySucceeded
        /// The batch has been `inactive` for `--delete-inactive-after`: the garbage collector drops its
        /// `dataSetFiles` with this change and deletes its lake files right after.
        case garbageCollected

        /// The event without its payload, for tables, logs and error messages.
        public var kind: Kind {
            switch self {
            case .complete: return .complete
            case .abort: return .abort
            case .fail: return .fail
            case .revert: return .revert
            case .upload: return .upload
            case .abandonTimeout: return .abandonTimeout
            case .workerClaimed: return .workerClaimed
            case .workerSucceeded: return .workerSucceeded
            case .workerFailed: return .workerFailed
            case .interrupted: return .interrupted
            case .replaySucceeded: return .replaySucceeded
            case .garbageCollected: return .garbageCollected
            }
        }

        /// The kinds of ``Event``, enumerable so that tests can cover every (status, event) pair.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case complete, abort, fail, revert, upload, abandonTimeout, workerClaimed, workerSucceeded
            case workerFailed, interrupted, replaySucceeded, garbageCollected

            /// The `action` query value for client signals (`COMPLETE`), or `nil` for internal events.
            public var signalName: String? {
                switch self {
                case .complete: return "COMPLETE"
                case .abort: return "ABORT"
                case .fail: return "FAIL"
                case .revert: return "REVERT"
                default: return nil
                }
            }
        }
    }
}
