import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import HTTPTypes

extension APIClient {
    static let tenantA = Tenant(org: TestServer.orgA, sandbox: "prod")

    /// Writes a batch status directly, as only the pipeline can, to put a batch in any state.
    func setStatus(_ id: String, _ status: BatchStatus, tenant: Tenant = APIClient.tenantA) async throws {
        try await store.transaction { tx in
            guard var object = try await tx.get(.batches, tenant: tenant, id: id) else { return }
            let version = object.version
            object.document["status"] = .string(status.rawValue)
            try await tx.replace(.batches, tenant: tenant, object: object, expectedVersion: version)
        }
    }

    /// Sends the worker's success event through the lifecycle, as a worker would after publishing.
    func finishWithSuccess(_ id: String, tenant: Tenant = APIClient.tenantA) async throws {
        try await BatchyardApplication.applyBatchEvent(.workerSucceeded, batchID: id, tenant: tenant, store: store)
    }
}
