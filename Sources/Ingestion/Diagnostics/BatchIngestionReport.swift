import BatchyardCore

/// Everything processing learned about a batch, and the verdict drawn from it: success or failure,
/// the batch's `errors`, its `metrics`, and the lifecycle event to send.
///
/// Workers fill one report per file (or share) and merge them; the verdict is drawn once, after
/// the last file, so that a batch is published whole or not at all.
public struct BatchIngestionReport: Sendable, Hashable {
    /// Rows read and rejected.
    public var rows = RowErrorTally()
    /// Files that could not be read at all; any one of them fails the batch.
    public var fileErrors: [IngestionFileError] = []
    /// Uploaded files read.
    public var inputFileCount = 0
    /// Their total size in bytes.
    public var inputByteSize: Int64 = 0
    /// Lake files written (known once they are staged).
    public var outputFileCount = 0
    /// Their total size in bytes.
    public var outputByteSize: Int64 = 0

    public init() {}

    /// Counts one item from a reader.
    public mutating func record(_ item: ReadItem) {
        switch item {
        case .record: rows.recordAccepted()
        case .rowError(let error): rows.recordRejected(error)
        }
    }

    /// Adds another part of the batch.
    public mutating func merge(_ other: BatchIngestionReport) {
        rows.merge(other.rows)
        fileErrors += other.fileErrors
        inputFileCount += other.inputFileCount
        inputByteSize += other.inputByteSize
        outputFileCount += other.outputFileCount
        outputByteSize += other.outputByteSize
    }

    /// The verdict on a processed batch.
    public struct Verdict: Sendable, Hashable {
        /// Whether the batch is published.
        public var decision: PartialIngestionPolicy.Decision
        /// The batch's `errors`, in order: file errors, then the row summary.
        public var errors: [BatchErrorEntry]
        /// The batch's `metrics`.
        public var metrics: JSONValue
        /// What to tell the batch's ``BatchLifecycle``.
        public var event: BatchLifecycle.Event

        /// ``errors`` as the JSON array stored on the batch.
        public var errorsJSON: JSONValue { .array(errors.map(\.jsonValue)) }
    }

    /// Decides the batch: it fails on any unreadable file, or when rejected rows exceed what
    /// `policy` allows; otherwise it succeeds, with its rejected rows (if any) summarised.
    public func verdict(policy: PartialIngestionPolicy, diagnosticsEnabled: Bool) -> Verdict {
        let decision = fileErrors.isEmpty ? policy.decide(rows) : .fail
        var errors = fileErrors.map(\.batchError)
        var rowErrors = rows.batchErrors(diagnosticsEnabled: diagnosticsEnabled)
        if decision == .fail, let summary = rowErrors.first, summary.code == "INGEST-1212-400" {
            rowErrors[0].description = thresholdDescription(policy)
        }
        errors += rowErrors

        var metrics: [String: JSONValue] = [
            "inputFileCount": .int(Int64(inputFileCount)), "inputByteSize": .int(inputByteSize),
            "inputRecordCount": .int(Int64(rows.inputRecords)), "failedRecordCount": .int(Int64(rows.failedRecords)),
            "outputRecordCount": .int(decision == .succeed ? Int64(rows.outputRecords) : 0),
        ]
        if decision == .succeed {
            metrics["outputFileCount"] = .int(Int64(outputFileCount))
            metrics["outputByteSize"] = .int(outputByteSize)
        }

        let event: BatchLifecycle.Event
        switch decision {
        case .succeed:
            event = .workerSucceeded
        case .fail:
            event = .workerFailed(reason: errors.first?.description ?? "The batch failed.")
        }
        return Verdict(decision: decision, errors: errors, metrics: .object(metrics), event: event)
    }

    /// The INGEST-1212-400 description for a batch that failed on its rows: nothing was ingested.
    private func thresholdDescription(_ policy: PartialIngestionPolicy) -> String {
        let allowed =
            policy.percentage.map { "more than the \(Self.format($0))% of rows the batch's partialIngestionPercentage allows" }
            ?? "and the batch does not allow partial ingestion"
        return "Encountered \(rows.failedRecords) errors in \(rows.inputRecords) rows, \(allowed). "
            + "No rows were ingested. Please review the associated diagnostic files for more details."
    }

    private static func format(_ percentage: Double) -> String {
        percentage.rounded() == percentage ? String(Int(percentage)) : String(percentage)
    }
}
