import BatchyardCore

/// Whether a batch with rejected rows still succeeds: AEP's partial ingestion.
///
/// A batch created with `partialIngestionPercentage` p (0–100) fails when more than p % of its rows
/// are rejected; the rest are ingested. Without a percentage a single rejected row fails the batch.
public struct PartialIngestionPolicy: Sendable, Hashable {
    /// The share of rows, in percent, that may be rejected; `nil` when partial ingestion is off.
    public var percentage: Double?

    public init(percentage: Double? = nil) {
        self.percentage = percentage.map { min(max($0, 0), 100) }
    }

    /// Reads the policy from a batch document: its `acp_partialIngestionPercent` tag, which the
    /// create-batch body's `partialIngestionPercentage` becomes (a number, or a one-element array).
    public init(batch: JSONValue) {
        var value = batch["tags"]?["acp_partialIngestionPercent"]
        if let first = value?.arrayValue?.first { value = first }
        let percentage = value?.doubleValue ?? value?.stringValue.flatMap { Double($0) }
        self.init(percentage: percentage)
    }

    /// What happens to the batch.
    public enum Decision: Sendable, Hashable {
        /// Ingest the accepted rows; the batch succeeds (with errors recorded if any).
        case succeed
        /// Publish nothing; the batch fails.
        case fail
    }

    /// Decides for a batch with `failed` rejected rows out of `total` read.
    public func decide(failed: Int, total: Int) -> Decision {
        guard failed > 0 else { return .succeed }
        guard let percentage, total > 0 else { return .fail }
        return Double(failed) * 100 > percentage * Double(total) ? .fail : .succeed
    }

    /// Decides from a batch's tally.
    public func decide(_ tally: RowErrorTally) -> Decision {
        decide(failed: tally.failedRecords, total: tally.inputRecords)
    }
}
