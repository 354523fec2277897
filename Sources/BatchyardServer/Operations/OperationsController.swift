import BatchyardCore
import BatchyardStore
import BlobStore
import HTTPTypes
import Hummingbird
import NIOCore
import SQLKit

/// `GET /health`, `/ready`, `/metrics` and `/openapi.json`: what operators and load balancers call.
///
/// These sit outside the gateway's header checks (its prefix is `/data/foundation/`), so probes and
/// scrapers need no AEP credentials; none of them reveals tenant data.
struct OperationsController: Sendable {
    let database: any MetadataDatabase
    let blobs: any BlobStore
    let metrics: BatchyardMetrics
    let document: JSONValue

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        // Liveness: the process answers; nothing else is checked, so a slow disk never gets it killed.
        router.get("/health") { _, _ in JSONResponse.make(.ok, ["status": "ok"]) }
        router.get("/ready") { _, context in
            if let reason = await notReadyReason() {
                context.logger.warning("not ready: \(reason)")
                return JSONResponse.make(.serviceUnavailable, ["status": "unavailable", "reason": .string(reason)])
            }
            return JSONResponse.make(.ok, ["status": "ready"])
        }
        router.get("/metrics") { _, _ in
            let text = try await metrics.exposition(database: database)
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        let bytes = document.serializedBytes()
        router.get("/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// Why this instance cannot serve API calls, or `nil` when the metadata database answers a
    /// query and the blob store takes (and deletes) a write.
    func notReadyReason() async -> String? {
        do {
            _ = try await database.read { db in try await db.raw("SELECT 1 AS one").all() }
        } catch {
            return "The metadata database does not answer: \(error)"
        }
        let key = Self.probeKey
        do {
            let probe = AsyncStream<ByteBuffer> { continuation in
                continuation.yield(ByteBuffer(string: "ready"))
                continuation.finish()
            }
            _ = try await blobs.put(key: key, body: probe)
            try await blobs.delete(key: key)
        } catch {
            return "The blob store is not writable: \(error)"
        }
        return nil
    }

    /// Outside every tenant's prefix, so a probe never shows up in a listing.
    static let probeKey = "readiness/probe"
}
