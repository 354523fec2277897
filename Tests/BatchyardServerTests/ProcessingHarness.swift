import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import StoreTestSupport
import Testing

/// A test server whose ingestion workers run too, with uploads placed straight into the blob store.
/// The router and the workers share one `BatchyardMetrics`, as in `batchyard serve`.
extension TestServer {
    func runWithWorkers<T: Sendable>(_ body: @escaping @Sendable (APIClient) async throws -> T) async throws -> T {
        let metrics = BatchyardMetrics()
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        var configuration = self.configuration
        configuration.workers.pollMillis = 100
        configuration.workers.leaseMillis = 5_000
        let database = try await TestMetadataDatabase.open(
            sqlitePath: configuration.databasePath, readConnections: 2, logger: logger)
        let workers = try BatchyardApplication.makeWorkers(
            configuration: configuration, database: database, logger: logger, metrics: metrics)
        let group = ServiceGroup(services: [workers], logger: logger)
        let task = Task { try await group.run() }
        // Stops the workers the way SIGTERM does: they finish their transaction and exit.
        let stop = {
            await group.triggerGracefulShutdown()
            _ = await task.result
        }
        do {
            let router = try BatchyardApplication.makeRouter(
                configuration: configuration, database: database, logger: logger, metrics: metrics)
            let app = Application(router: router, logger: logger)
            let store = CatalogStore(database: database)
            let result = try await app.test(.router) { client in try await body(APIClient(client: client, store: store)) }
            await stop()
            try await database.close()
            return result
        } catch {
            await stop()
            try? await database.close()
            throw error
        }
    }
}

extension APIClient {
    /// Uploads a file into a loading batch with the small-file PUT, as a client would.
    func placeUpload(dataDirectory: String, batchID: String, path: String, bytes: [UInt8], tenant: Tenant = APIClient.tenantA) async throws {
        let batch = try await store.get(.batches, tenant: tenant, id: batchID)?.document ?? .null
        let dataset = batch["relatedObjects"]?.arrayValue?.first?["id"]?.stringValue ?? ""
        let response = try await sendBytes(.put, UploadFixtures.importPath(batchID, dataset, path), bytes: bytes)
        #expect(response.status == .ok || response.status == .created, "PUT \(path): \(response.status)")
    }

    /// Polls the batch until its status is final (or 60 s pass) and returns it.
    func waitForFinal(_ id: String, tenant: Tenant = APIClient.tenantA) async throws -> JSONValue {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let batch = try await store.get(.batches, tenant: tenant, id: id)?.document,
                let status = batch["status"]?.stringValue.flatMap(BatchStatus.init(wireValue:)), status.isFinal
            {
                return batch
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("batch \(id) did not finish")
        return .null
    }
}
