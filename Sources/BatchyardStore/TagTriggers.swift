import SQLKit

/// Keeps `catalog_tags` in step with the `tags` of each stored document, inside the database.
///
/// Tags are matched through their own indexed table; maintaining it with triggers makes every
/// Catalog write a single statement (the hot create-batch path included) instead of three, and a
/// write can never leave the table out of step with the document.
enum TagTriggers {
    static let version = 5

    static func apply(to database: any SQLDatabase, dialect: StoreDialect) async throws {
        if dialect == .postgres {
            try await PostgresTagTriggers.apply(to: database)
            try await database.raw("INSERT INTO schema_migrations (version) VALUES (\(literal: version))").run()
            return
        }
        for table in ["datasets", "batches"] {
            try await database.raw("DELETE FROM catalog_tags WHERE tbl = \(bind: table)").run()
            try await database.raw("""
                INSERT INTO catalog_tags (tbl, org, sandbox, object_id, name, value) \
                \(unsafeRaw: selectTags(table: table, row: table))
                """).run()
            try await database.raw("""
                CREATE TRIGGER IF NOT EXISTS \(ident: table + "_tags_insert") AFTER INSERT ON \(ident: table) BEGIN \
                INSERT INTO catalog_tags (tbl, org, sandbox, object_id, name, value) \
                \(unsafeRaw: selectTags(table: table, row: "NEW")); END
                """).run()
            try await database.raw("""
                CREATE TRIGGER IF NOT EXISTS \(ident: table + "_tags_update") AFTER UPDATE OF doc ON \(ident: table) BEGIN \
                DELETE FROM catalog_tags WHERE tbl = '\(unsafeRaw: table)' AND org = OLD.org AND sandbox = OLD.sandbox \
                AND object_id = OLD.id; \
                INSERT INTO catalog_tags (tbl, org, sandbox, object_id, name, value) \
                \(unsafeRaw: selectTags(table: table, row: "NEW")); END
                """).run()
            try await database.raw("""
                CREATE TRIGGER IF NOT EXISTS \(ident: table + "_tags_delete") AFTER DELETE ON \(ident: table) BEGIN \
                DELETE FROM catalog_tags WHERE tbl = '\(unsafeRaw: table)' AND org = OLD.org AND sandbox = OLD.sandbox \
                AND object_id = OLD.id; END
                """).run()
        }
        try await database.raw("INSERT INTO schema_migrations (version) VALUES (\(literal: version))").run()
    }

    /// One row per tag value: array tags give one row per element, scalar tags (AEP writes
    /// `acp_partialIngestionPercent: 5`) one row with their text; booleans as `true`/`false`.
    private static func selectTags(table: String, row: String) -> String {
        let text = { (alias: String) in
            "CASE \(alias).type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' WHEN 'null' THEN '' "
                + "ELSE CAST(\(alias).value AS TEXT) END"
        }
        return """
            SELECT '\(table)', \(row).org, \(row).sandbox, \(row).id, t.key, \(text("v")) \
            FROM \(row == table ? table + " AS " + row + ", " : "")json_each(\(row).doc, '$.tags') AS t, json_each(t.value) AS v \
            WHERE t.type = 'array' \
            UNION ALL SELECT '\(table)', \(row).org, \(row).sandbox, \(row).id, t.key, \(text("t")) \
            FROM \(row == table ? table + " AS " + row + ", " : "")json_each(\(row).doc, '$.tags') AS t WHERE t.type <> 'array'
            """
    }
}

/// A migration step that has no implementation for a dialect yet.
struct UnsupportedDialect: Error, CustomStringConvertible {
    let feature: String
    let dialect: StoreDialect
    var description: String { "\(feature) are not implemented for \(dialect)" }
}
