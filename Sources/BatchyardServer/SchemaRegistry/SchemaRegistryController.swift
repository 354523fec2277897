import BatchyardCore
import BatchyardStore
import HTTPTypes
import Hummingbird

/// Routes `/data/foundation/schemaregistry/**` to `SchemaRegistryService` and back to HTTP.
///
/// One `**` route dispatched here, like the Catalog's: resource ids are URL-encoded `$id`s whose
/// decoded form contains slashes, and collection names are matched case-insensitively.
struct SchemaRegistryController: Sendable {
    static let prefix = "/data/foundation/schemaregistry"
    let service: SchemaRegistryService
    let maxBodySize: Int
    let clock: @Sendable () -> Int64

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        let path = RouterPath(Self.prefix + "/**")
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            router.on(path, method: method) { request, context in try await handle(request, context) }
        }
    }

    private func handle(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let principal = try context.requirePrincipal()
        let rawPath = request.uri.path
        let segments = RequestBody.segments(of: rawPath, after: Self.prefix)
        let query = RequestBody.queryItems(request)
        let method = request.method
        let shownPath = String(rawPath.dropFirst(Self.prefix.count))

        if segments == ["stats"] {
            guard method == .get else { throw RegistryProblem.methodNotAllowed(method, shownPath) }
            try Self.requireNoQuery(query)
            return JSONResponse.make(.ok, try await service.stats(tenant: tenant))
        }
        guard segments.count >= 2, let container = RegistryContainer(rawValue: segments[0].lowercased()),
            let collection = RegistryContainer.collection(segments[1])
        else { throw RegistryProblem.noSuchEndpoint(shownPath) }
        // A `$id` sent with only some of its slashes encoded still names one resource.
        let id = segments.count > 2 ? segments[2...].joined(separator: "/") : nil
        let accept = request.headers[.accept]
        let writeContext = RegistryDocumentRules.WriteContext(
            tenant: tenant, tenantID: SchemaRegistryService.tenantID(org: tenant.org),
            clientID: principal.clientID, userID: principal.userID, now: clock())

        if method != .get, container == .global {
            throw RegistryProblem.methodNotAllowed(method, shownPath)
        }
        switch (method, id) {
        case (.get, nil):
            let body = try await service.list(
                collection, container: container, tenant: tenant, accept: accept, query: query,
                baseURL: Self.baseURL(request))
            return JSONResponse.make(.ok, body)
        case (.get, let id?):
            try Self.requireNoQuery(query)
            return JSONResponse.make(
                .ok, try await service.lookup(collection, container: container, id: id, tenant: tenant, accept: accept))
        case (.post, nil):
            try Self.requireNoQuery(query)
            let body = try await RequestBody.json(request, limit: maxBodySize)
            return JSONResponse.make(.created, try await service.create(collection, body: body, context: writeContext))
        case (.put, let id?):
            try Self.requireNoQuery(query)
            let body = try await RequestBody.json(request, limit: maxBodySize)
            return JSONResponse.make(.ok, try await service.replace(collection, id: id, body: body, context: writeContext))
        case (.patch, let id?):
            try Self.requireNoQuery(query)
            let body = try await RequestBody.json(
                request, limit: maxBodySize, accepted: ["application/json", "application/json-patch+json"])
            return JSONResponse.make(.ok, try await service.patch(collection, id: id, body: body, context: writeContext))
        case (.delete, let id?):
            try Self.requireNoQuery(query)
            try await service.delete(collection, id: id, tenant: tenant)
            return Response(status: .noContent)
        default:
            throw RegistryProblem.methodNotAllowed(method, shownPath)
        }
    }

    private static func requireNoQuery(_ query: [(name: String, value: String)]) throws {
        guard query.isEmpty else {
            throw RegistryProblem.badRequest(
                "Unsupported query parameter(s) for this call: \(query.map(\.name).joined(separator: ", ")).")
        }
    }

    /// The scheme and host the client used, so `_links` point back at this server.
    private static func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        return "http://\(host)"
    }
}
