import SQLKit

/// PostgreSQL's half of `TagTriggers`: one PL/pgSQL trigger function keeps `catalog_tags` in step
/// with `doc -> 'tags'` of datasets and batches, with the same rows SQLite's triggers write (one
/// per array element, one for a scalar tag; `true`/`false` for booleans, `''` for null).
enum PostgresTagTriggers {
    static func apply(to database: any SQLDatabase) async throws {
        try await database.raw("""
            CREATE OR REPLACE FUNCTION batchyard_sync_tags() RETURNS trigger LANGUAGE plpgsql AS $body$
            BEGIN
                IF TG_OP <> 'INSERT' THEN
                    DELETE FROM catalog_tags WHERE tbl = TG_TABLE_NAME AND org = OLD.org
                        AND sandbox = OLD.sandbox AND object_id = OLD.id;
                END IF;
                IF TG_OP <> 'DELETE' THEN
                    INSERT INTO catalog_tags (tbl, org, sandbox, object_id, name, value)
                    \(unsafeRaw: selectTags(table: "TG_TABLE_NAME", row: "NEW"));
                END IF;
                RETURN NULL;
            END
            $body$
            """).run()
        for table in ["datasets", "batches"] {
            try await database.raw("DELETE FROM catalog_tags WHERE tbl = \(bind: table)").run()
            try await database.raw("""
                INSERT INTO catalog_tags (tbl, org, sandbox, object_id, name, value) \
                \(unsafeRaw: selectTags(table: "'\(table)'", row: "r", source: table + " AS r, "))
                """).run()
            try await database.raw("DROP TRIGGER IF EXISTS \(ident: table + "_tags") ON \(ident: table)").run()
            try await database.raw("""
                CREATE TRIGGER \(ident: table + "_tags") AFTER INSERT OR DELETE OR UPDATE OF doc ON \(ident: table) \
                FOR EACH ROW EXECUTE FUNCTION batchyard_sync_tags()
                """).run()
        }
    }

    /// The tag rows of `row` (read from `source` for the backfill; `NEW` in the trigger).
    /// A tag that is not an array is read as a one-element array.
    private static func selectTags(table: String, row: String, source: String = "") -> String {
        let tags = "CASE WHEN jsonb_typeof(\(row).doc -> 'tags') = 'object' THEN \(row).doc -> 'tags' ELSE '{}'::jsonb END"
        let values = "CASE WHEN jsonb_typeof(t.value) = 'array' THEN t.value ELSE jsonb_build_array(t.value) END"
        let text = "CASE jsonb_typeof(v.value) WHEN 'string' THEN v.value #>> '{}' WHEN 'null' THEN '' ELSE v.value::text END"
        let select = "SELECT \(table), \(row).org, \(row).sandbox, \(row).id, t.key, \(text) "
        return select + "FROM \(source)jsonb_each(\(tags)) AS t, jsonb_array_elements(\(values)) AS v(value)"
    }
}
