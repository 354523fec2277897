import BatchyardStore
import Foundation
import Logging

/// The one place tests choose their metadata database.
///
/// By default every test gets the embedded SQLite file it asks for. With
/// `BATCHYARD_TEST_POSTGRES_URL` set (`scripts/postgres.sh url`), every test gets PostgreSQL
/// instead: a schema of its own in that database, named after the SQLite path it asked for, so a
/// test that reopens "the same file" reopens the same schema, and tests never see each other's rows.
public enum TestMetadataDatabase {
    /// The environment variable that switches the suite to PostgreSQL.
    public static let postgresURLVariable = "BATCHYARD_TEST_POSTGRES_URL"

    /// The PostgreSQL server the suite runs on, or `nil` for SQLite.
    public static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment[postgresURLVariable], !url.isEmpty else { return nil }
        return url
    }

    /// Opens the metadata database of a test: SQLite at `sqlitePath`, or its PostgreSQL schema.
    public static func open(sqlitePath: String, readConnections: Int = 2, logger: Logger) async throws -> any MetadataDatabase {
        if let url = postgresURL {
            return try await PostgresMetadataDatabase.open(
                url: url, schema: schemaName(for: sqlitePath), readConnections: 1, writeConnections: 3, logger: logger)
        }
        return try await SQLiteMetadataDatabase.open(path: sqlitePath, readConnections: readConnections, logger: logger)
    }

    /// Extra `batchyard serve` arguments for a spawned server on `dataDirectory`: none on SQLite;
    /// on PostgreSQL `--database` and the schema a test opening the same directory would get, so a
    /// restarted server (or a second node on the same directory) finds the same metadata.
    public static func serveArguments(dataDirectory: String) -> [String] {
        guard let url = postgresURL else { return [] }
        return ["--database", url, "--database-schema", schemaName(for: dataDirectory + "/metadata.sqlite")]
    }

    /// A schema name that depends only on `path` (FNV-1a, stable across processes).
    public static func schemaName(for path: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return "t_" + String(hash, radix: 16)
    }

    /// Runs `body` on a Catalog store over a fresh test database (named after `name`), closed
    /// afterwards whether `body` succeeds or throws.
    public static func withCatalogStore(
        named name: String, _ body: (CatalogStore) async throws -> Void
    ) async throws {
        let path = NSTemporaryDirectory() + name + "-" + UUID().uuidString + ".sqlite"
        let database = try await open(sqlitePath: path, readConnections: 1, logger: Logger(label: "test"))
        do {
            try await body(CatalogStore(database: database))
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
    }
}
