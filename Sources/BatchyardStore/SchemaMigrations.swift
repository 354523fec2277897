import SQLKit

/// Creates and upgrades the metadata schema.
///
/// Every Catalog collection has the same layout: the whole object as a JSON document (`doc`) plus
/// the fields that list queries filter and sort on, copied into indexed columns so that filters
/// run in SQL instead of over every row in memory.
enum SchemaMigrations {
    static let catalogTables = ["datasets", "batches", "dataset_files"]

    static func apply(to database: any SQLDatabase, dialect: StoreDialect) async throws {
        let documentType = dialect == .postgres ? "JSONB" : "TEXT"
        try await database.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)").run()
        // Each step records its version; steps are applied by membership, not by a high-water mark,
        // so independently numbered steps can land in any order.
        let applied = Set(try await database.raw("SELECT version FROM schema_migrations").all()
            .map { try $0.decode(column: "version", as: Int.self) })
        if !applied.contains(1) { try await applyVersion1(to: database, documentType: documentType) }
        if !applied.contains(SchemaRegistryMigration.version) {
            try await SchemaRegistryMigration.apply(to: database, dialect: dialect)
        }
        if !applied.contains(TagTriggers.version) { try await TagTriggers.apply(to: database, dialect: dialect) }
        if !applied.contains(2) { try await UploadStore.migrate(database) }
        if !applied.contains(JobQueueSchema.version) { try await JobQueueSchema.apply(to: database) }
    }

    private static func applyVersion1(to database: any SQLDatabase, documentType: String) async throws {
        for table in catalogTables {
            try await database.raw("""
                CREATE TABLE IF NOT EXISTS \(ident: table) (
                    org TEXT NOT NULL,
                    sandbox TEXT NOT NULL,
                    id TEXT NOT NULL,
                    created BIGINT NOT NULL,
                    updated BIGINT NOT NULL,
                    version TEXT NOT NULL,
                    version_key BIGINT NOT NULL,
                    name TEXT,
                    status TEXT,
                    external_id TEXT,
                    dataset_id TEXT,
                    batch_id TEXT,
                    created_client TEXT,
                    created_user TEXT,
                    updated_user TEXT,
                    doc \(unsafeRaw: documentType) NOT NULL,
                    PRIMARY KEY (org, sandbox, id)
                )
                """).run()
            for columns in [["created", "id"], ["updated", "id"], ["status", "created", "id"],
                            ["dataset_id", "created", "id"], ["name"], ["external_id"], ["batch_id"]] {
                let name = "\(table)_by_\(columns.joined(separator: "_"))"
                try await database.raw("""
                    CREATE INDEX IF NOT EXISTS \(ident: name) ON \(ident: table) \
                    (org, sandbox, \(idents: columns, joinedBy: ", "))
                    """).run()
            }
        }
        try await database.raw("""
            CREATE TABLE IF NOT EXISTS catalog_tags (
                tbl TEXT NOT NULL,
                org TEXT NOT NULL,
                sandbox TEXT NOT NULL,
                object_id TEXT NOT NULL,
                name TEXT NOT NULL,
                value TEXT NOT NULL
            )
            """).run()
        try await database.raw("""
            CREATE INDEX IF NOT EXISTS catalog_tags_by_value ON catalog_tags (org, sandbox, tbl, name, value, object_id)
            """).run()
        try await database.raw("""
            CREATE INDEX IF NOT EXISTS catalog_tags_by_object ON catalog_tags (tbl, org, sandbox, object_id)
            """).run()
        try await database.raw("INSERT INTO schema_migrations (version) VALUES (1)").run()
    }
}
