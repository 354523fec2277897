import BatchyardCore

/// A claimed processing job: one completed batch, leased to one worker.
public struct IngestionJob: Sendable, Hashable {
    /// The batch's org and sandbox.
    public let tenant: Tenant
    /// The completed batch to process.
    public let batchID: String
    /// Its dataset.
    public let datasetID: String
    /// Processing attempts already started before this claim (persisted with the job).
    public let attempts: Int
    /// The claim's token; lease renewal, requeue and completion only succeed while it still holds.
    public let leaseToken: String

    /// A claimed job.
    public init(tenant: Tenant, batchID: String, datasetID: String, attempts: Int, leaseToken: String) {
        self.tenant = tenant
        self.batchID = batchID
        self.datasetID = datasetID
        self.attempts = attempts
        self.leaseToken = leaseToken
    }
}
