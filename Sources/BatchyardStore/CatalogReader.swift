import BatchyardCore
import SQLKit

/// Catalog reads on one connection (a read connection, or the writer inside a transaction).
struct CatalogReader: Sendable {
    let database: any SQLDatabase

    func get(_ collection: CatalogCollection, tenant: Tenant, ids: [String]) async throws -> [StoredObject] {
        guard !ids.isEmpty else { return [] }
        let rows = try await database.raw("""
            SELECT id, doc FROM \(ident: collection.table) WHERE org = \(bind: tenant.org) \
            AND sandbox = \(bind: tenant.sandbox) AND id IN (\(binds: ids))
            """).all()
        let objects = try rows.map(Self.object)
        let byID = Dictionary(objects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<String>()
        return ids.compactMap { id in seen.insert(id).inserted ? byID[id] : nil }
    }

    func list(_ collection: CatalogCollection, tenant: Tenant, query: CatalogQuery, dialect: StoreDialect) async throws -> [StoredObject] {
        let compiler = CatalogFilterCompiler(collection: collection, tenant: tenant, syntax: SQLDialectSyntax(dialect: dialect))
        let rows = try await database.raw("""
            SELECT id, doc FROM \(ident: collection.table) WHERE \(try compiler.whereClause(query.filter)) \
            ORDER BY \(compiler.orderClause(query.orderBy)) LIMIT \(bind: query.limit) OFFSET \(bind: query.start)
            """).all()
        return try rows.map(Self.object)
    }

    func uniques(
        _ collection: CatalogCollection, tenant: Tenant, property: String, query: CatalogQuery, dialect: StoreDialect
    ) async throws -> [JSONValue] {
        let syntax = SQLDialectSyntax(dialect: dialect)
        let compiler = CatalogFilterCompiler(collection: collection, tenant: tenant, syntax: syntax)
        let expression: SQLQueryString
        if let column = IndexedColumns.columnForProperty[property] {
            expression = column == "version_key" ? "version" : "\(ident: column)"
        } else {
            expression = syntax.jsonText(CatalogFilterCompiler.path(property))
        }
        let rows = try await database.raw("""
            SELECT DISTINCT \(expression) AS v FROM \(ident: collection.table) \
            WHERE \(try compiler.whereClause(query.filter)) AND \(expression) IS NOT NULL \
            ORDER BY v LIMIT 10000
            """).all()
        return rows.compactMap { row in
            // PostgreSQL's driver would read a BIGINT's binary bytes as a string, so integers go
            // first there; SQLite would read the text "007" as an integer, so text goes first there.
            if dialect == .postgres, let number = try? row.decode(column: "v", as: Int64.self) {
                return .string(String(number))
            }
            if let text = try? row.decode(column: "v", as: String.self) { return .string(text) }
            if let number = try? row.decode(column: "v", as: Int64.self) { return .string(String(number)) }
            return nil
        }
    }

    static func object(_ row: any SQLRow) throws -> StoredObject {
        let id = try row.decode(column: "id", as: String.self)
        let text = try row.decode(column: "doc", as: String.self)
        do {
            return StoredObject(id: id, document: try JSONValue(parsing: text))
        } catch {
            throw StoreError.corruptDocument(id: id, reason: "\(error)")
        }
    }
}
