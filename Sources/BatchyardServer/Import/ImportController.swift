import BatchyardCore
import BatchyardStore
import Foundation
import Hummingbird

/// The Batch Ingestion API (`/data/foundation/import`).
struct ImportController: Sendable {
    static let prefix = "/data/foundation/import"
    let creation: BatchCreation
    let maxBodySize: Int
    let clock: @Sendable () -> Int64

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        router.post(RouterPath(Self.prefix + "/batches")) { request, context in
            let body = try await RequestBody.json(request, limit: maxBodySize)
            let batch = try await creation.create(
                body: body, principal: try context.requirePrincipal(), tenant: try context.requireTenant(), now: clock())
            return JSONResponse.make(.created, batch)
        }
    }
}
