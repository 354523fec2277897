import BatchyardCore
import BlobStore

/// The blob-store keys of one batch, as the issue-5 contract lays them out.
///
/// Uploads, staging, lake and metadata all carry the org and sandbox, so two tenants' batches can
/// never share bytes even if their ids collided.
public struct BlobKeys: Sendable, Hashable {
    /// The batch's org and sandbox, part of every key.
    public let tenant: Tenant
    /// The batch.
    public let batchID: String
    /// The batch's dataset (lake keys are per dataset).
    public let datasetID: String

    /// The keys of batch `batchID` of dataset `datasetID` in `tenant`.
    public init(tenant: Tenant, batchID: String, datasetID: String) {
        self.tenant = tenant
        self.batchID = batchID
        self.datasetID = datasetID
    }

    private var scope: String { "\(Self.segment(tenant.org))/\(Self.segment(tenant.sandbox))" }
    private var batch: String { Self.segment(batchID) }

    /// The folder of the batch's uploaded files (`uploads/{org}/{sandbox}/{batchId}/`).
    public var uploadsPrefix: String { "uploads/\(scope)/\(batch)/" }
    /// The staging folder of every attempt of the batch.
    public var stagingPrefix: String { "staging/\(scope)/\(batch)/" }
    /// The staging folder of one processing attempt.
    public func stagingPrefix(attempt: Int) -> String { "\(stagingPrefix)attempt-\(attempt)/" }
    /// The lake folder of the batch (`lake/{org}/{sandbox}/{datasetId}/{batchId}/`).
    public var lakePrefix: String { "lake/\(scope)/\(Self.segment(datasetID))/\(batch)/" }
    /// The batch's metadata folder (`meta/{org}/{sandbox}/{batchId}/`): row errors, input files.
    public var metaPrefix: String { "meta/\(scope)/\(batch)/" }

    /// One key segment from header text, encoded as the upload side encodes it.
    static func segment(_ text: String) -> String { BlobKey.segment(text) }

    /// The name of the `number`th output file (from 1): `part-00001.parquet`.
    public static func partName(_ number: Int) -> String {
        let digits = String(number)
        return "part-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".parquet"
    }
}
