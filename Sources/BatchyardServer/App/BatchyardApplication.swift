import HTTPTypes
import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation
import Hummingbird
import Logging
import NIOConcurrencyHelpers

/// Builds the Batchyard HTTP application on the embedded default (SQLite + local files).
public enum BatchyardApplication {
    /// Opens the data directory and returns the application, ready to `runService()`.
    public static func build(
        configuration: ServerConfiguration, logger: Logger,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        let database = try await MetadataDatabaseOpening.open(configuration: configuration, logger: logger)
        try await recoverFiles(configuration: configuration)
        let router = try makeRouter(configuration: configuration, database: database, logger: logger)
        let address = configuration.host
        return Application(
            router: router,
            server: .http1(additionalChannelHandlers: [ExpectContinueHandler()]),
            configuration: .init(address: .hostname(address, port: configuration.port), serverName: "batchyard"),
            services: [DatabaseService(database: database), try makeWorkers(configuration: configuration, database: database, logger: logger)],
            onServerRunning: { channel in
                await onServerRunning(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
    }

    /// The router with every route and middleware, over an open metadata database.
    public static func makeRouter(
        configuration: ServerConfiguration, database: any MetadataDatabase, logger: Logger
    ) throws -> Router<BatchyardRequestContext> {
        let store = CatalogStore(database: database)
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        var issuer: TokenIssuer?
        var registry = ClientRegistry()
        if configuration.authMode == .strict {
            issuer = TokenIssuer(keyBytes: try TokenIssuer.loadOrCreateKey(dataDirectory: configuration.dataDirectory))
            registry = try ClientRegistry.load(from: ClientRegistry.fileURL(dataDirectory: configuration.dataDirectory))
        }
        let schemaRegistry = SchemaRegistryService(store: SchemaRegistryStore(database: database), clock: clock)
        let router = Router(context: BatchyardRequestContext.self)
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: URLLengthMiddleware())
        router.add(middleware: GatewayMiddleware(mode: configuration.authMode, issuer: issuer))

        router.get("/health") { _, _ in JSONResponse.make(.ok, ["status": "ok"]) }
        router.get("/ready") { _, _ in
            _ = try await database.read { db in try await db.raw("SELECT 1 AS one").all() }
            return JSONResponse.make(.ok, ["status": "ready"])
        }
        if let issuer {
            TokenController(issuer: issuer, registry: NIOLockedValueBox(registry)).addRoutes(to: router)
        }
        CatalogController(service: CatalogService(store: store, clock: clock, schemas: schemaRegistry), maxBodySize: configuration.maxJSONBodySize)
            .addRoutes(to: router)
        SchemaRegistryController(service: schemaRegistry, maxBodySize: configuration.maxJSONBodySize, clock: clock)
            .addRoutes(to: router)
        BatchSignalController(
            store: store, blobs: try LocalBlobStore(root: configuration.blobsDirectory),
            transitions: BatchTransitions(retryDelayMillis: configuration.workers.retryDelayMillis), wakeup: .shared,
            clock: clock
        ).addRoutes(to: router)
        ImportController(creation: BatchCreation(store: store), maxBodySize: configuration.maxJSONBodySize, clock: clock)
            .addRoutes(to: router)
        try FileRoutes.add(to: router, configuration: configuration, database: database, clock: clock)
        ConsoleController(authMode: configuration.authMode).addRoutes(to: router)
        return router
    }
}
