extension BatchLifecycle {
    /// Work the caller must carry out, in the same transaction as the status change where it can.
    ///
    /// The lifecycle decides; storage and workers only execute. Each action is stated in terms of
    /// the batch the lifecycle belongs to.
    public enum Action: Sendable, Hashable {
        /// Put a processing job for the batch on the durable queue.
        case enqueueJob
        /// Put the job back on the queue for another attempt after an interruption.
        case requeueJob
        /// Remove the batch's job from the queue; a worker holding it must stop and discard its work.
        case cancelJob
        /// Delete whatever the current attempt wrote to the staging area; nothing is published.
        case discardStagedOutput
        /// Publish all staged files at once and create their `dataSetFiles` entries.
        case publishOutput
        /// Stop serving the batch's published files (revert or replay); the bytes stay until collected.
        case withdrawOutput
        /// Remove the batch's lake files for good.
        case deleteOutput
        /// Set the batch's `started` to now.
        case setStarted
        /// Set the batch's `completed` to now.
        case setCompleted
        /// Record why processing failed in the batch's `errors`.
        case recordFailure(reason: String)
        /// Reset the abandonment clock: the client is still active.
        case recordActivity
        /// Apply the new status to the dataset's `lastBatch*` fields (see ``DatasetBatchPointers``).
        case updateDataset(BatchStatus)
        /// Send ``BatchLifecycle/Event/replaySucceeded`` to every batch in `replay.predecessors`.
        case deactivatePredecessors
    }
}
