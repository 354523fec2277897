import BatchyardCore
import SQLKit

/// The files uploaded into batches (`batch_files`), scoped by tenant on every statement.
///
/// Processing reads ``files(ofBatch:tenant:)`` to know what to ingest; the upload routes write
/// through ``transaction(_:)``, which also sees the Catalog, so that "the batch is still loading"
/// and "record this file" are decided in one transaction (a COMPLETE cannot slip in between).
public struct UploadStore: Sendable {
    public let database: any MetadataDatabase

    public init(database: any MetadataDatabase) {
        self.database = database
    }

    /// The batch's complete files, sorted by path.
    public func files(ofBatch batchID: String, tenant: Tenant) async throws -> [UploadedFile] {
        try await database.read { db in
            try await UploadTransaction.select(db, tenant: tenant, batchID: batchID, onlyComplete: true)
        }
    }

    /// Every file of the batch, including large files still uploading, sorted by path.
    public func allFiles(ofBatch batchID: String, tenant: Tenant) async throws -> [UploadedFile] {
        try await database.read { db in
            try await UploadTransaction.select(db, tenant: tenant, batchID: batchID, onlyComplete: false)
        }
    }

    /// One file of the batch, or `nil`.
    public func file(_ path: String, ofBatch batchID: String, tenant: Tenant) async throws -> UploadedFile? {
        try await database.read { db in
            try await UploadTransaction.select(db, tenant: tenant, batchID: batchID, path: path)
        }
    }

    /// The last upload activity on the batch (epoch milliseconds), for abandonment timing.
    public func lastActivity(ofBatch batchID: String, tenant: Tenant) async throws -> Int64? {
        try await database.read { db in
            let row = try await db.raw("""
                SELECT MAX(updated) AS last FROM batch_files WHERE org = \(bind: tenant.org) \
                AND sandbox = \(bind: tenant.sandbox) AND batch_id = \(bind: batchID)
                """).first()
            return try row?.decode(column: "last", as: Int64?.self)
        }
    }

    /// Runs `body` in one metadata transaction that reads and writes both the Catalog and
    /// `batch_files`; all of it commits or none.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (UploadTransaction) async throws -> T) async throws -> T {
        let dialect = database.dialect
        return try await database.write { db in
            try await body(UploadTransaction(database: db, catalog: CatalogTransaction(database: db, dialect: dialect)))
        }
    }

    /// Migration 2: the `batch_files` table.
    static func migrate(_ database: any SQLDatabase) async throws {
        try await database.raw("""
            CREATE TABLE IF NOT EXISTS batch_files (
                org TEXT NOT NULL,
                sandbox TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                path TEXT NOT NULL,
                size BIGINT NOT NULL,
                status TEXT NOT NULL,
                created BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                declared_size BIGINT,
                upload_id TEXT,
                PRIMARY KEY (org, sandbox, batch_id, path)
            )
            """).run()
        try await database.raw("INSERT INTO schema_migrations (version) VALUES (2)").run()
    }
}
