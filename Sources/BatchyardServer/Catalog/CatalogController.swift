import HTTPTypes
import BatchyardCore
import Hummingbird

/// Routes `/data/foundation/catalog/**` to `CatalogService` and back to HTTP.
struct CatalogController: Sendable {
    static let prefix = "/data/foundation/catalog"
    let service: CatalogService
    let maxBodySize: Int

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        for path in [Self.prefix, Self.prefix + "/**"] {
            router.on(RouterPath(path), method: .get) { request, context in try await handle(request, context) }
            router.on(RouterPath(path), method: .post) { request, context in try await handle(request, context) }
            router.on(RouterPath(path), method: .put) { request, context in try await handle(request, context) }
            router.on(RouterPath(path), method: .patch) { request, context in try await handle(request, context) }
            router.on(RouterPath(path), method: .delete) { request, context in try await handle(request, context) }
        }
    }

    private func handle(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let tenant = try context.requireTenant()
        let principal = try context.requirePrincipal()
        let path = RequestBody.segments(of: request.uri.path, after: Self.prefix)
        // Metrics and traces name the Catalog operation, not the one `**` route that serves it all.
        let endpoint = try CatalogEndpoint.resolve(request.method, path)
        context.coreContext.endpointPath.value = Self.prefix + endpoint.template
        var body: JSONValue?
        if [.post, .put, .patch].contains(request.method) {
            let accepted: Set<String> = request.method == .patch
                ? ["application/json", "application/json-patch+json"] : ["application/json"]
            body = try await RequestBody.json(request, limit: maxBodySize, accepted: accepted)
        }
        let catalogRequest = CatalogRequest(
            method: request.method, path: path, query: RequestBody.queryItems(request),
            ifMatch: request.headers[.ifMatch], ifNoneMatch: request.headers[.ifNoneMatch],
            validateOnly: request.headers[values: .pragma].contains { $0.lowercased().contains("validate-only") },
            contentType: RequestBody.mediaType(request), body: body)
        let response: CatalogResponse
        if endpoint == .listCollections || endpoint == .multiRequest {
            response = try await root(catalogRequest, principal: principal, tenant: tenant)
        } else {
            response = try await service.handle(catalogRequest, principal: principal, tenant: tenant)
        }
        var headers = HTTPFields()
        if let etag = response.etag { headers[.eTag] = ETag.header(for: etag) }
        if let location = response.location { headers[.location] = location }
        return JSONResponse.make(response.status, response.body, headers: headers)
    }

    /// `GET /` lists the collections; `POST /` is the multi-request endpoint.
    private func root(_ request: CatalogRequest, principal: Principal, tenant: Tenant) async throws -> CatalogResponse {
        switch request.method {
        case .get:
            try CatalogService.requireNoQuery(request)
            var resources: [String: JSONValue] = ["lastBatches": "@/lastBatches"]
            for collection in CatalogCollection.all {
                resources[collection.pathName] = .string("@/\(collection.pathName)")
            }
            return CatalogResponse(status: .ok, body: .object(resources))
        case .post:
            try CatalogService.requireNoQuery(request)
            return try await MultiRequestExecutor(service: service)
                .run(request.body, principal: principal, tenant: tenant)
        default:
            throw CatalogService.methodNotAllowed(request.method, [])
        }
    }
}
