import BatchyardCore
import SQLKit

/// Turns many concurrent "insert this object if its parent exists" calls into few statements.
///
/// SQLite has one writer, and every statement costs a hop to its thread and back; under load
/// (many clients creating batches at once) that hop, not SQLite, bounds throughput. Callers that
/// arrive while a statement runs wait for the next one, which inserts all of them with one
/// multi-row `INSERT … SELECT … WHERE EXISTS(parent) ON CONFLICT DO NOTHING RETURNING id`.
/// Each row keeps its own outcome; a statement error fails only the calls it carried.
actor InsertCoalescer {
    private struct Pending {
        let tenant: Tenant
        let object: StoredObject
        let parentID: String
        let continuation: CheckedContinuation<Bool, any Error>
    }

    private let database: any MetadataDatabase
    private let collection: CatalogCollection
    private let parentCollection: CatalogCollection
    private var pending: [Pending] = []
    private var flushing = false
    /// Rows per statement: 17 binds a row stays far below SQLite's 32 766-variable limit.
    static let maxRows = 256

    init(database: any MetadataDatabase, collection: CatalogCollection, parentCollection: CatalogCollection) {
        self.database = database
        self.collection = collection
        self.parentCollection = parentCollection
    }

    func insert(_ object: StoredObject, tenant: Tenant, parentID: String) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(tenant: tenant, object: object, parentID: parentID, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            let group = Array(pending.prefix(Self.maxRows))
            pending.removeFirst(group.count)
            do {
                let inserted = try await write(group)
                for item in group { item.continuation.resume(returning: inserted.contains(item.object.id)) }
            } catch {
                for item in group { item.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }

    private func write(_ group: [Pending]) async throws -> Set<String> {
        let collection = self.collection
        let parent = self.parentCollection
        let dialect = database.dialect
        let rows: [SQLQueryString] = group.map { item in
            let columns = IndexedColumns(collection: collection, document: item.object.document)
            let document: SQLQueryString = dialect == .postgres
                ? "CAST(\(bind: item.object.document.serialized()) AS JSONB)" : "\(bind: item.object.document.serialized())"
            return """
                (\(bind: item.tenant.org), \(bind: item.tenant.sandbox), \(bind: item.object.id), \
                \(bind: columns.created), \(bind: columns.updated), \(bind: columns.version), \(bind: columns.versionKey), \
                \(bind: columns.name), \(bind: columns.status), \(bind: columns.externalID), \(bind: columns.datasetID), \
                \(bind: columns.batchID), \(bind: columns.createdClient), \(bind: columns.createdUser), \
                \(bind: columns.updatedUser), \(document), \(bind: item.parentID))
                """
        }
        let names = "org, sandbox, id, created, updated, version, version_key, name, status, external_id, dataset_id, "
            + "batch_id, created_client, created_user, updated_user, doc"
        return try await database.writeStatement { db in
            let returned = try await db.raw("""
                WITH v(\(unsafeRaw: names), parent_id) AS (VALUES \(rows.joined(separator: ", "))) \
                INSERT INTO \(ident: collection.table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: names) FROM v \
                WHERE EXISTS (SELECT 1 FROM \(ident: parent.table) p WHERE p.org = v.org AND p.sandbox = v.sandbox \
                AND p.id = v.parent_id) ON CONFLICT DO NOTHING RETURNING id
                """).all()
            return Set(try returned.map { try $0.decode(column: "id", as: String.self) })
        }
    }
}
