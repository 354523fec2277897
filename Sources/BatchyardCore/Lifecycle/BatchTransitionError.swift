/// An event the batch's current status does not allow, such as an upload to a completed batch or
/// an ABORT of a finished one.
///
/// The API answers it with 400 and ``detail`` as the problem's `detail`, which names the current
/// status so that the client can tell what happened to its batch.
public struct BatchTransitionError: Error, Sendable, Hashable {
    /// The batch's status when the event arrived; the batch is left unchanged.
    public let status: BatchStatus
    /// What was attempted.
    public let event: BatchLifecycle.Event.Kind

    public init(status: BatchStatus, event: BatchLifecycle.Event.Kind) {
        self.status = status
        self.event = event
    }

    /// A sentence a person can act on, naming the batch's current status.
    public var detail: String {
        let current = "its status is '\(status.rawValue)'"
        switch event {
        case .upload:
            return "Files can only be uploaded while the batch is 'loading'; \(current)."
        case .complete:
            return "The batch cannot be completed: \(current). Only a 'loading' batch can be completed."
        case .abort:
            return "The batch cannot be aborted: \(current). Only a batch that is loading or being processed can be aborted."
        case .fail:
            return "The batch cannot be marked failed: \(current). Only a 'loading' batch can be marked failed."
        case .revert:
            return "The batch cannot be reverted: \(current). Only a successful batch can be reverted."
        default:
            return "The event '\(event.rawValue)' is not allowed while the batch's status is '\(status.rawValue)'."
        }
    }
}

extension BatchTransitionError: CustomStringConvertible {
    public var description: String { detail }
}
