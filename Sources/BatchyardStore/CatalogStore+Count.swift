import BatchyardCore
import SQLKit

extension CatalogStore {
    /// How many objects of `collection` in `tenant` match `query`'s filter (its paging ignored),
    /// for envelopes that report a total (`_page.count` of Data Access).
    public func count(_ collection: CatalogCollection, tenant: Tenant, query: CatalogQuery) async throws -> Int {
        let dialect = database.dialect
        return try await database.read { db in
            let compiler = CatalogFilterCompiler(
                collection: collection, tenant: tenant, syntax: SQLDialectSyntax(dialect: dialect))
            let row = try await db.raw("""
                SELECT COUNT(*) AS n FROM \(ident: collection.table) WHERE \(try compiler.whereClause(query.filter))
                """).first()
            return try row?.decode(column: "n", as: Int.self) ?? 0
        }
    }
}
