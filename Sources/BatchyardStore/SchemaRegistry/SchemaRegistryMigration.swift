import SQLKit

/// Migration 4: the Schema Registry's table.
///
/// One table holds tenant schemas, field groups and data types (`kind`), because `$ref`s name any
/// of them by `$id` alone; `$id` and `meta:altId` are both unique within a tenant.
enum SchemaRegistryMigration {
    static let version = 4

    static func apply(to database: any SQLDatabase, dialect: StoreDialect) async throws {
        let documentType = dialect == .postgres ? "JSONB" : "TEXT"
        try await database.raw("""
            CREATE TABLE IF NOT EXISTS registry_resources (
                org TEXT NOT NULL,
                sandbox TEXT NOT NULL,
                kind TEXT NOT NULL,
                id TEXT NOT NULL,
                alt_id TEXT NOT NULL,
                title TEXT NOT NULL,
                version TEXT NOT NULL,
                created BIGINT NOT NULL,
                updated BIGINT NOT NULL,
                doc \(unsafeRaw: documentType) NOT NULL,
                PRIMARY KEY (org, sandbox, id)
            )
            """).run()
        try await database.raw("""
            CREATE UNIQUE INDEX IF NOT EXISTS registry_resources_by_alt_id ON registry_resources (org, sandbox, alt_id)
            """).run()
        for column in ["title", "version", "alt_id", "id"] {
            try await database.raw("""
                CREATE INDEX IF NOT EXISTS \(ident: "registry_resources_by_kind_" + column) \
                ON registry_resources (org, sandbox, kind, \(ident: column), id)
                """).run()
        }
        try await database.raw("INSERT INTO schema_migrations (version) VALUES (\(bind: version))").run()
    }
}
