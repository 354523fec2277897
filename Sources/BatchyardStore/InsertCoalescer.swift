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
        let collection: CatalogCollection
        let parentCollection: CatalogCollection
        let continuation: CheckedContinuation<Bool, any Error>
    }

    private let database: any MetadataDatabase
    private var pending: [Pending] = []
    private var flushing = false
    /// Rows per statement: 17 binds a row stays far below SQLite's 32 766-variable limit.
    static let maxRows = 256

    init(database: any MetadataDatabase) {
        self.database = database
    }

    func insert(
        _ object: StoredObject, into collection: CatalogCollection, tenant: Tenant,
        parentID: String, parentCollection: CatalogCollection
    ) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Pending(
                tenant: tenant, object: object, parentID: parentID, collection: collection,
                parentCollection: parentCollection, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await self.flush() }
            }
        }
    }

    private func flush() async {
        while !pending.isEmpty {
            // One statement per (collection, parent) pair; other pairs wait for the next round.
            let first = pending[0]
            var group: [Pending] = []
            var rest: [Pending] = []
            for item in pending {
                if group.count < Self.maxRows, item.collection == first.collection,
                    item.parentCollection == first.parentCollection
                {
                    group.append(item)
                } else {
                    rest.append(item)
                }
            }
            pending = rest
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
        let collection = group[0].collection
        let parent = group[0].parentCollection
        let syntax = SQLDialectSyntax(dialect: database.dialect)
        let rows: [SQLQueryString] = group.map { item in
            let columns = IndexedColumns(collection: collection, document: item.object.document)
            let values = columns.values(tenant: item.tenant, id: item.object.id, document: item.object.document, syntax: syntax)
            return "(\(values), \(bind: item.parentID))"
        }
        let names = IndexedColumns.columnList
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
