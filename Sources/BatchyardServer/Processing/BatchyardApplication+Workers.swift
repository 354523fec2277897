import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation
import Logging
import ServiceLifecycle

extension BatchyardApplication {
    /// The ingestion workers over an open database, as a service to run beside the HTTP server;
    /// `metrics` counts the records of the batches they finish.
    public static func makeWorkers(
        configuration: ServerConfiguration, database: any MetadataDatabase, logger: Logger,
        metrics: BatchyardMetrics? = nil, blobs: (any BlobStore)? = nil
    ) throws -> some Service {
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        let registry = SchemaRegistryService(store: SchemaRegistryStore(database: database), clock: clock)
        let validators: ValidatorProvider = configuration.validators ?? { dataset, tenant in
            try await registry.schema(forDataset: dataset, tenant: tenant)?.validator
        }
        return IngestionWorkers(
            store: CatalogStore(database: database), blobs: try blobs ?? BlobStoreOpening.open(configuration),
            settings: configuration.workers,
            transitions: BatchTransitions(retryDelayMillis: configuration.workers.retryDelayMillis),
            wakeup: .shared, validators: validators,
            faults: FaultInjection(dataDirectory: configuration.dataDirectory), logger: logger, clock: clock,
            metrics: metrics)
    }
}

extension BatchyardApplication {
    /// Sends one lifecycle event to a batch and stores the result (tools and tests; workers and
    /// signals use the same path). Throws `BatchTransitionError` when the status does not allow it.
    public static func applyBatchEvent(
        _ event: BatchLifecycle.Event, batchID: String, tenant: Tenant, store: CatalogStore,
        now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    ) async throws {
        try await store.transaction { tx in
            _ = try await BatchTransitions().apply(event, batchID: batchID, tenant: tenant, in: tx, now: now)
        }
    }
}
