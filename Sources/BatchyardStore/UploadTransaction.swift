import BatchyardCore
import SQLKit

/// The `batch_files` reads and writes of one metadata transaction, next to its Catalog half.
public struct UploadTransaction: Sendable {
    let database: any SQLDatabase
    /// The same transaction's Catalog reads and writes (the batch's status, say).
    public let catalog: CatalogTransaction

    /// One file as this transaction sees it.
    public func file(_ path: String, ofBatch batchID: String, tenant: Tenant) async throws -> UploadedFile? {
        try await Self.select(database, tenant: tenant, batchID: batchID, path: path)
    }

    /// How many files the batch has and their total bytes (declared sizes for large files still
    /// uploading), leaving out `path`: what a guardrail check adds the new file to.
    public func totals(ofBatch batchID: String, tenant: Tenant, excluding path: String) async throws -> (files: Int, bytes: Int64) {
        let row = try await database.raw("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(CASE WHEN status = 'complete' THEN size \
            ELSE COALESCE(declared_size, size) END), 0) AS BIGINT) AS bytes FROM batch_files \
            WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) AND batch_id = \(bind: batchID) \
            AND path <> \(bind: path)
            """).first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "bytes", as: Int64.self) ?? 0)
    }

    /// The files of the batch whose path is an ancestor folder of `path`, or lies below it: a
    /// file system (and a lake partition layout) cannot have `a` both as a file and a folder.
    public func conflictingPath(_ path: String, ofBatch batchID: String, tenant: Tenant) async throws -> String? {
        var ancestors: [String] = []
        var current = Substring(path)
        while let slash = current.lastIndex(of: "/") {
            current = current[..<slash]
            ancestors.append(String(current))
        }
        let below = path + "/"
        let rows = try await database.raw("""
            SELECT path FROM batch_files WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) \
            AND batch_id = \(bind: batchID) AND (path IN (\(binds: ancestors.isEmpty ? [""] : ancestors)) \
            OR substr(path, 1, CAST(\(bind: below.unicodeScalars.count) AS INTEGER)) = \(bind: below)) LIMIT 1
            """).all()
        return try rows.first?.decode(column: "path", as: String.self)
    }

    /// Creates or replaces the row of `file`, keeping its original `created`.
    public func upsert(_ file: UploadedFile, ofBatch batchID: String, tenant: Tenant) async throws {
        let existing = try await self.file(file.path, ofBatch: batchID, tenant: tenant)
        if let existing {
            try await database.raw("""
                UPDATE batch_files SET size = \(bind: file.size), status = \(bind: file.status.rawValue), \
                updated = \(bind: file.updated), declared_size = \(bind: file.declaredSize), \
                upload_id = \(bind: file.uploadID) \
                WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) \
                AND batch_id = \(bind: batchID) AND path = \(bind: existing.path)
                """).run()
        } else {
            try await database.raw("""
                INSERT INTO batch_files (org, sandbox, batch_id, path, size, status, created, updated, declared_size, \
                upload_id) \
                VALUES (\(bind: tenant.org), \(bind: tenant.sandbox), \(bind: batchID), \(bind: file.path), \
                \(bind: file.size), \(bind: file.status.rawValue), \(bind: file.created), \(bind: file.updated), \
                \(bind: file.declaredSize), \(bind: file.uploadID))
                """).run()
        }
    }

    static func select(
        _ database: any SQLDatabase, tenant: Tenant, batchID: String, onlyComplete: Bool
    ) async throws -> [UploadedFile] {
        let filter: SQLQueryString = onlyComplete ? " AND status = 'complete'" : ""
        return try await database.raw("""
            SELECT path, size, status, created, updated, declared_size, upload_id FROM batch_files \
            WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) AND batch_id = \(bind: batchID)\
            \(filter) ORDER BY path
            """).all().map(Self.file)
    }

    static func select(_ database: any SQLDatabase, tenant: Tenant, batchID: String, path: String) async throws -> UploadedFile? {
        try await database.raw("""
            SELECT path, size, status, created, updated, declared_size, upload_id FROM batch_files \
            WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) AND batch_id = \(bind: batchID) \
            AND path = \(bind: path)
            """).first().map(Self.file)
    }

    private static func file(_ row: any SQLRow) throws -> UploadedFile {
        UploadedFile(
            path: try row.decode(column: "path", as: String.self),
            size: try row.decode(column: "size", as: Int64.self),
            status: UploadedFile.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .uploading,
            created: try row.decode(column: "created", as: Int64.self),
            updated: try row.decode(column: "updated", as: Int64.self),
            declaredSize: try row.decode(column: "declared_size", as: Int64?.self),
            uploadID: try row.decode(column: "upload_id", as: String?.self))
    }
}
