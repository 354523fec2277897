import BatchyardCore

/// The blob-store keys of one batch, as the issue-5 contract lays them out.
///
/// Uploads, staging, lake and metadata all carry the org and sandbox, so two tenants' batches can
/// never share bytes even if their ids collided.
public struct BlobKeys: Sendable, Hashable {
    public let tenant: Tenant
    public let batchID: String
    public let datasetID: String

    public init(tenant: Tenant, batchID: String, datasetID: String) {
        self.tenant = tenant
        self.batchID = batchID
        self.datasetID = datasetID
    }

    private var scope: String { "\(tenant.org)/\(tenant.sandbox)" }

    /// The folder of the batch's uploaded files (`uploads/{org}/{sandbox}/{batchId}/`).
    public var uploadsPrefix: String { "uploads/\(scope)/\(batchID)/" }
    /// The staging folder of every attempt of the batch.
    public var stagingPrefix: String { "staging/\(scope)/\(batchID)/" }
    /// The staging folder of one processing attempt.
    public func stagingPrefix(attempt: Int) -> String { "\(stagingPrefix)attempt-\(attempt)/" }
    /// The lake folder of the batch (`lake/{org}/{sandbox}/{datasetId}/{batchId}/`).
    public var lakePrefix: String { "lake/\(scope)/\(datasetID)/\(batchID)/" }
    /// The batch's metadata folder (`meta/{org}/{sandbox}/{batchId}/`): row errors, input files.
    public var metaPrefix: String { "meta/\(scope)/\(batchID)/" }

    /// The name of the `number`th output file (from 1): `part-00001.parquet`.
    public static func partName(_ number: Int) -> String {
        let digits = String(number)
        return "part-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".parquet"
    }
}
