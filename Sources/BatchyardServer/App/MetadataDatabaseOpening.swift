import BatchyardStore
import Foundation
import Logging

/// Chooses the metadata database `batchyard serve` runs on: the embedded SQLite file in the data
/// directory, or PostgreSQL when a `--database` URL is given (several nodes may share it).
public enum MetadataDatabaseOpening {
    /// Opens (and migrates) the configured metadata database.
    public static func open(configuration: ServerConfiguration, logger: Logger) async throws -> any MetadataDatabase {
        guard let url = configuration.databaseURL else {
            return try await SQLiteMetadataDatabase.open(
                path: configuration.databasePath, readConnections: configuration.readConnections, logger: logger)
        }
        let database = try await PostgresMetadataDatabase.open(
            url: url, schema: configuration.databaseSchema, readConnections: configuration.readConnections,
            writeConnections: configuration.readConnections, logger: logger)
        logger.info("metadata in PostgreSQL at \(describe(url)) schema \(configuration.databaseSchema ?? "(default)")")
        return database
    }

    /// Host, port and database of a URL, without credentials, for the log.
    static func describe(_ url: String) -> String {
        guard let components = URLComponents(string: url), let host = components.host else { return "(unparsed URL)" }
        return host + (components.port.map { ":\($0)" } ?? "") + components.path
    }
}
