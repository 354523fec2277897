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
        // Storage first: a wrong bucket or missing credentials fail before the database is open.
        let blobs = try BlobStoreOpening.open(configuration)
        try await BlobStoreOpening.recover(blobs, sharedWithOtherNodes: BlobStoreOpening.isShared(configuration))
        let database = try await MetadataDatabaseOpening.open(configuration: configuration, logger: logger)
        do {
            let collected = try await BlobStoreOpening.collectGarbage(blobs, database: database)
            if collected > 0 { logger.info("deleted \(collected) unpublished blobs of finished batches") }
        } catch {
            logger.warning("blob garbage collection failed: \(error)")
        }
        let metrics = BatchyardMetrics()
        let router = try makeRouter(
            configuration: configuration, database: database, logger: logger, metrics: metrics, blobs: blobs)
        let address = configuration.host
        return Application(
            router: router,
            server: .http1(additionalChannelHandlers: [ExpectContinueHandler(), LargeReadsHandler()]),
            configuration: .init(address: .hostname(address, port: configuration.port), serverName: "batchyard"),
            services: [
                DatabaseService(database: database),
                try makeWorkers(configuration: configuration, database: database, logger: logger, metrics: metrics, blobs: blobs),
            ],
            onServerRunning: { channel in
                await onServerRunning(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger)
    }

    /// The router with every route and middleware, over an open metadata database (and the blob
    /// store `blobs`, else the one the configuration names). `metrics` receives its request counts
    /// and renders `/metrics`.
    public static func makeRouter(
        configuration: ServerConfiguration, database: any MetadataDatabase, logger: Logger,
        metrics: BatchyardMetrics = BatchyardMetrics(), blobs: (any BlobStore)? = nil
    ) throws -> Router<BatchyardRequestContext> {
        let blobs = try blobs ?? BlobStoreOpening.open(configuration)
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
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: APIErrorMiddleware())
        router.add(middleware: URLLengthMiddleware())
        router.add(middleware: GatewayMiddleware(mode: configuration.authMode, issuer: issuer))

        OperationsController(
            database: database, blobs: blobs, metrics: metrics,
            document: OpenAPIDocument.make(authMode: configuration.authMode)
        ).addRoutes(to: router)
        if let issuer {
            TokenController(issuer: issuer, registry: NIOLockedValueBox(registry)).addRoutes(to: router)
        }
        CatalogController(service: CatalogService(store: store, clock: clock, schemas: schemaRegistry), maxBodySize: configuration.maxJSONBodySize)
            .addRoutes(to: router)
        SchemaRegistryController(service: schemaRegistry, maxBodySize: configuration.maxJSONBodySize, clock: clock)
            .addRoutes(to: router)
        BatchSignalController(
            store: store, blobs: blobs,
            transitions: BatchTransitions(retryDelayMillis: configuration.workers.retryDelayMillis), wakeup: .shared,
            clock: clock
        ).addRoutes(to: router)
        ImportController(creation: BatchCreation(store: store), maxBodySize: configuration.maxJSONBodySize, clock: clock)
            .addRoutes(to: router)
        try FileRoutes.add(to: router, configuration: configuration, database: database, blobs: blobs, clock: clock)
        ConsoleController(authMode: configuration.authMode).addRoutes(to: router)
        return router
    }
}
