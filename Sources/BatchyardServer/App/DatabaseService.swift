import HTTPTypes
import BatchyardStore
import ServiceLifecycle

/// Closes the metadata database after the HTTP server has drained, on SIGTERM/SIGINT.
struct DatabaseService: Service {
    let database: any MetadataDatabase

    func run() async throws {
        try? await gracefulShutdown()
        try await database.close()
    }
}
