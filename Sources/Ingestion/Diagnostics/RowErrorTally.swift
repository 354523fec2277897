/// Counts of read and rejected rows over a whole batch, from which the batch's `errors`, its
/// `metrics` and the partial-ingestion decision are made.
///
/// Each rejected row counts once, under its first issue's code, so that the per-code counts add
/// up to ``failedRecords`` (as in AEP's example: 2 × 1401 + 3 × 1555 = 5 errors).
public struct RowErrorTally: Sendable, Hashable {
    /// Rows read, good and bad.
    public private(set) var inputRecords: Int = 0
    /// Rows rejected.
    public private(set) var failedRecords: Int = 0
    /// Rejected rows by their primary code.
    public private(set) var failuresByCode: [RowErrorCode: Int] = [:]

    public init() {}

    /// Rows that made it into the lake.
    public var outputRecords: Int { inputRecords - failedRecords }

    /// Counts a row that was read and accepted.
    public mutating func recordAccepted(count: Int = 1) {
        inputRecords += count
    }

    /// Counts a rejected row.
    public mutating func recordRejected(_ error: RowError) {
        inputRecords += 1
        failedRecords += 1
        failuresByCode[error.primaryCode, default: 0] += 1
    }

    /// Adds the counts of another part of the batch (another file, another worker's share).
    public mutating func merge(_ other: RowErrorTally) {
        inputRecords += other.inputRecords
        failedRecords += other.failedRecords
        failuresByCode.merge(other.failuresByCode, uniquingKeysWith: +)
    }

    /// The batch's `errors` for its rejected rows (none when there are none).
    ///
    /// With diagnostics on: the INGEST-1212-400 summary, then one entry per code with its
    /// `recordCount` (most frequent first). With diagnostics off, AEP gives only INGEST-1211-400,
    /// which asks the client to resend with diagnostics enabled.
    public func batchErrors(diagnosticsEnabled: Bool) -> [BatchErrorEntry] {
        guard failedRecords > 0 else { return [] }
        guard diagnosticsEnabled else {
            return [
                BatchErrorEntry(
                    code: "INGEST-1211-400",
                    description:
                        "Encountered errors while parsing, converting or otherwise validating the data. "
                        + "Please resend the data with error diagnostics enabled to collect additional "
                        + "information on failure types")
            ]
        }
        var entries = [
            BatchErrorEntry(
                code: "INGEST-1212-400",
                description:
                    "Encountered \(failedRecords) errors in the data. Successfully ingested \(outputRecords) rows. "
                    + "Please review the associated diagnostic files for more details.")
        ]
        let ordered = failuresByCode.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.rawValue < $1.key.rawValue }
        for (code, count) in ordered {
            entries.append(BatchErrorEntry(code: code.batchCode, description: code.batchDescription, recordCount: count))
        }
        return entries
    }
}
