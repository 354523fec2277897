import SQLKit

/// Migration 3: the durable ingestion job queue.
///
/// One row per completed batch waiting for (or held by) a worker. A worker's claim writes a lease
/// (`lease_owner`, `lease_expires`); a crashed worker's lease simply runs out and the next claim
/// takes the job again. The row is deleted in the transaction that finishes the batch.
enum JobQueueSchema {
    static let version = 3

    static func apply(to database: any SQLDatabase) async throws {
        let done = try await database.raw(
            "SELECT version FROM schema_migrations WHERE version = \(bind: version)").all()
        guard done.isEmpty else { return }
        try await database.raw("""
            CREATE TABLE IF NOT EXISTS ingest_jobs (
                org TEXT NOT NULL,
                sandbox TEXT NOT NULL,
                batch_id TEXT NOT NULL,
                dataset_id TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                enqueued BIGINT NOT NULL,
                available_at BIGINT NOT NULL,
                lease_owner TEXT,
                lease_expires BIGINT,
                PRIMARY KEY (org, sandbox, batch_id)
            )
            """).run()
        try await database.raw("""
            CREATE INDEX IF NOT EXISTS ingest_jobs_by_availability ON ingest_jobs (available_at, enqueued, batch_id)
            """).run()
        try await database.raw("INSERT INTO schema_migrations (version) VALUES (\(bind: version))").run()
    }
}
