import Foundation
import Logging

/// Everything `batchyard serve` can be told, from flags or `BATCHYARD_*` variables.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Where the embedded default keeps its SQLite file and blobs.
    public var dataDirectory: String = "./batchyard-data"
    public var authMode: AuthMode = .dev
    public var logLevel: Logger.Level = .info
    /// The largest JSON body accepted (Catalog and create-batch); larger ones answer 413.
    public var maxJSONBodySize: Int = 4 * 1024 * 1024
    /// Connections that serve reads concurrently with the one writer.
    public var readConnections: Int = 4
    /// A PostgreSQL URL for the metadata (`postgres://user:password@host:port/database`); `nil`
    /// keeps it in SQLite in the data directory.
    public var databaseURL: String?
    /// The PostgreSQL schema to keep the tables in (created if missing); `nil`: the URL's default.
    public var databaseSchema: String?

    /// Ingestion workers, job leases, and the maintenance sweep (abandonment, deletion of inactive batches).
    public var workers = WorkerSettings()
    /// Resolves a dataset's schema to a validator; `nil` (the default) uses the Schema Registry.
    public var validators: ValidatorProvider?

    /// What the upload routes accept (sizes, guardrails).
    public var uploadLimits = UploadLimits()

    /// Where blobs live: `nil` for `<data-dir>/blobs`, or `s3://bucket/prefix?endpoint=…&region=…`
    /// for an S3-compatible bucket (see ``BlobStoreOpening``).
    public var storage: String?
    /// The variables S3 credentials, region and endpoint are read from (`AWS_*`).
    public var storageEnvironment: [String: String] = ProcessInfo.processInfo.environment

    public init() {}

    /// Where blobs (uploads, lake files, diagnostics) live inside the data directory.
    public var blobsDirectory: String { dataDirectory + "/blobs" }

    /// The SQLite metadata file inside the data directory.
    public var databasePath: String { dataDirectory + "/metadata.sqlite" }
}
