import BatchyardCore
import SQLKit

/// The reads and writes of batch garbage collection (`inactive` → `deleted`), in the same
/// transaction as the status change, so a batch and its `dataSetFiles` never disagree.
extension CatalogTransaction {
    /// Claims up to `limit` batches that have been `inactive` since before `before` (their last
    /// change: the REVERT or replay that deactivated them): candidates for garbage collection.
    ///
    /// On PostgreSQL the rows are locked `FOR UPDATE SKIP LOCKED`, so collectors on several nodes
    /// take disjoint batches instead of waiting for each other (and SERIALIZABLE catches the rest);
    /// on SQLite the single writer makes the claim exclusive.
    public func claimInactiveBatches(updatedBefore before: Int64, limit: Int) async throws -> [(tenant: Tenant, id: String)] {
        let lock = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await database.raw("""
            SELECT org, sandbox, id FROM batches WHERE status = 'inactive' AND updated < \(bind: before) \
            ORDER BY updated, id LIMIT \(bind: limit)\(unsafeRaw: lock)
            """).all()
        return try rows.map { row in
            (Tenant(org: try row.decode(column: "org", as: String.self),
                    sandbox: try row.decode(column: "sandbox", as: String.self)),
             try row.decode(column: "id", as: String.self))
        }
    }

    /// Deletes every `dataSetFiles` entry of the batch; returns how many there were. Data Access
    /// finds its files through these entries, so once they are gone the files answer 404.
    @discardableResult
    public func deleteDataSetFiles(ofBatch batchID: String, tenant: Tenant) async throws -> Int {
        try await database.raw("""
            DELETE FROM \(ident: CatalogCollection.dataSetFiles.table) WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND batch_id = \(bind: batchID) RETURNING id
            """).all().count
    }
}
