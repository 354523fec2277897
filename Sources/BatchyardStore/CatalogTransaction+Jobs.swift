import BatchyardCore
import Foundation
import SQLKit

/// The ingestion job queue, written in the same transaction as the batch it belongs to, so a
/// status change and its job never disagree.
extension CatalogTransaction {
    /// Queues the batch's job (COMPLETE); queuing an already queued batch changes nothing.
    public func enqueueJob(tenant: Tenant, batchID: String, datasetID: String, now: Int64) async throws {
        try await database.raw("""
            INSERT INTO ingest_jobs (org, sandbox, batch_id, dataset_id, attempts, enqueued, available_at) \
            VALUES (\(bind: tenant.org), \(bind: tenant.sandbox), \(bind: batchID), \(bind: datasetID), 0, \
            \(bind: now), \(bind: now)) ON CONFLICT (org, sandbox, batch_id) DO NOTHING
            """).run()
    }

    /// Leases the oldest available job whose lease is free or expired, or returns `nil`.
    ///
    /// One UPDATE whose WHERE repeats the availability test: on SQLite the single writer makes it
    /// atomic; on PostgreSQL the dialect adds `FOR UPDATE SKIP LOCKED` to the inner SELECT so
    /// concurrent claimers skip each other's rows instead of waiting.
    public func claimJob(now: Int64, leaseMillis: Int64) async throws -> IngestionJob? {
        let token = UUID().uuidString
        let free: SQLQueryString = "available_at <= \(bind: now) AND (lease_expires IS NULL OR lease_expires <= \(bind: now))"
        let rows = try await database.raw("""
            UPDATE ingest_jobs SET lease_owner = \(bind: token), lease_expires = \(bind: now + leaseMillis) \
            WHERE (org, sandbox, batch_id) IN (SELECT org, sandbox, batch_id FROM ingest_jobs WHERE \(free) \
            ORDER BY available_at, enqueued, batch_id LIMIT 1\(unsafeRaw: dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : "")) \
            AND \(free) RETURNING org, sandbox, batch_id, dataset_id, attempts
            """).all()
        guard let row = rows.first else { return nil }
        return IngestionJob(
            tenant: Tenant(org: try row.decode(column: "org", as: String.self),
                           sandbox: try row.decode(column: "sandbox", as: String.self)),
            batchID: try row.decode(column: "batch_id", as: String.self),
            datasetID: try row.decode(column: "dataset_id", as: String.self),
            attempts: try row.decode(column: "attempts", as: Int.self), leaseToken: token)
    }

    /// Extends the lease while `job` still holds it; `false` when the job was cancelled or lost.
    public func renewLease(_ job: IngestionJob, now: Int64, leaseMillis: Int64) async throws -> Bool {
        let rows = try await database.raw("""
            UPDATE ingest_jobs SET lease_expires = \(bind: now + leaseMillis) WHERE org = \(bind: job.tenant.org) \
            AND sandbox = \(bind: job.tenant.sandbox) AND batch_id = \(bind: job.batchID) \
            AND lease_owner = \(bind: job.leaseToken) RETURNING batch_id
            """).all()
        return !rows.isEmpty
    }

    /// Records the attempt count after a claim started processing.
    public func setJobAttempts(_ job: IngestionJob, attempts: Int) async throws {
        try await database.raw("""
            UPDATE ingest_jobs SET attempts = \(bind: attempts) WHERE org = \(bind: job.tenant.org) \
            AND sandbox = \(bind: job.tenant.sandbox) AND batch_id = \(bind: job.batchID)
            """).run()
    }

    /// Releases the lease and makes the job available again at `availableAt` (retry after an interruption).
    public func requeueJob(tenant: Tenant, batchID: String, availableAt: Int64) async throws {
        try await database.raw("""
            UPDATE ingest_jobs SET lease_owner = NULL, lease_expires = NULL, available_at = \(bind: availableAt) \
            WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) AND batch_id = \(bind: batchID)
            """).run()
    }

    /// Removes the batch's job. With `leaseToken`, only if that claim still holds it; returns
    /// whether a row was removed (a finishing worker that gets `false` has lost its job).
    @discardableResult
    public func deleteJob(tenant: Tenant, batchID: String, leaseToken: String? = nil) async throws -> Bool {
        let owner: SQLQueryString = leaseToken.map { token -> SQLQueryString in " AND lease_owner = \(bind: token)" } ?? ""
        let rows = try await database.raw("""
            DELETE FROM ingest_jobs WHERE org = \(bind: tenant.org) AND sandbox = \(bind: tenant.sandbox) \
            AND batch_id = \(bind: batchID)\(owner) RETURNING batch_id
            """).all()
        return !rows.isEmpty
    }

    /// Batches still `loading` whose last change — to the batch or to any of its uploaded files —
    /// is older than `before`: candidates for `abandoned`. Uploads do not bump the batch's
    /// `version`, so their `batch_files` rows are what shows a batch is still being filled.
    public func staleLoadingBatches(updatedBefore before: Int64, limit: Int) async throws -> [(tenant: Tenant, id: String)] {
        let rows = try await database.raw("""
            SELECT org, sandbox, id FROM batches WHERE status = 'loading' AND updated < \(bind: before) \
            AND NOT EXISTS (SELECT 1 FROM batch_files f WHERE f.org = batches.org AND f.sandbox = batches.sandbox \
            AND f.batch_id = batches.id AND f.updated >= \(bind: before)) \
            ORDER BY updated LIMIT \(bind: limit)
            """).all()
        return try rows.map { row in
            (Tenant(org: try row.decode(column: "org", as: String.self),
                    sandbox: try row.decode(column: "sandbox", as: String.self)),
             try row.decode(column: "id", as: String.self))
        }
    }
}
