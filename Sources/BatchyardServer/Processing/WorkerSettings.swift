import BatchyardCore
import XDMValidation

/// How the ingestion workers run (from `batchyard serve` flags and `BATCHYARD_*` variables).
public struct WorkerSettings: Sendable {
    /// Concurrent workers in this process (`--workers`); 0 runs none (another process works).
    public var workers = 2
    /// How long a claim holds a job without renewal; a crashed worker's job is retried after it.
    public var leaseMillis: Int64 = 30_000
    /// How often idle workers look for jobs queued elsewhere or released by expired leases.
    public var pollMillis: Int64 = 1_000
    /// A `loading` batch untouched this long becomes `abandoned` (`--abandon-after`, default 24 h).
    public var abandonAfterMillis: Int64 = 24 * 3_600 * 1_000
    /// An `inactive` batch (reverted, or replaced by a replay) this long is garbage-collected: its
    /// lake files and `dataSetFiles` go and it becomes `deleted` (`--delete-inactive-after`, 24 h).
    public var deleteInactiveAfterMillis: Int64 = 24 * 3_600 * 1_000
    /// Delay before an interrupted batch is processed again.
    public var retryDelayMillis: Int64 = 1_000

    /// The defaults: 2 workers, 30 s leases, 1 s polls, abandonment and deletion after 24 h.
    public init() {}
}

/// Finds the validator for a dataset's `schemaRef`; `nil` when the dataset has no schema.
///
/// The Schema Registry supplies it by default; a dataset without a schema accepts any JSON object,
/// and one whose schema cannot be resolved (the provider throws) fails its batches.
public typealias ValidatorProvider = @Sendable (_ dataset: JSONValue, _ tenant: Tenant) async throws -> RecordValidator?
