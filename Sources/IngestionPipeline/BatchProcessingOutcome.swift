import Ingestion

/// What a processing attempt produced: the verdict and, when it succeeds, the staged parts to publish.
public struct BatchProcessingOutcome: Sendable {
    /// Counts, file errors and output sizes.
    public var report: BatchIngestionReport
    /// Success or failure, with the batch's `errors`, `metrics` and the lifecycle event.
    public var verdict: BatchIngestionReport.Verdict
    /// The staged parts (empty when the batch fails: staging is then already discarded).
    public var parts: [StagedPart]
    /// The row-error diagnostics files written under the batch's metadata folder.
    public var rowErrorFiles: [String]
}
