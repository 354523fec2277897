import BatchyardCore
import HTTPTypes
import Hummingbird

/// The file routes of the Batch Ingestion API: `…/batches/{batchId}/datasets/{datasetId}/files/{filePath}`
/// with PUT (small file), POST `?action=INITIALIZE|COMPLETE`, PATCH (chunk) and HEAD (status),
/// and the ingestion-side preview `…/batches/{batchId}/datasets/{datasetId}/preview`.
///
/// Bodies are never collected: they stream from the socket to disk, so the JSON body limit does
/// not apply here and memory does not grow with the upload.
struct UploadController: Sendable {
    static let prefix = ImportController.prefix + "/batches"
    let service: UploadService
    let preview: IngestionPreview

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        let files = RouterPath(Self.prefix + "/:batchId/datasets/:datasetId/files/**")
        let bare = RouterPath(Self.prefix + "/:batchId/datasets/:datasetId/files")
        router.put(files) { request, context in try await put(request, context) }
        router.patch(files) { request, context in try await patch(request, context) }
        router.post(files) { request, context in try await post(request, context) }
        router.head(files) { request, context in try await head(request, context) }
        for method in [HTTPRequest.Method.put, .patch, .post, .head] {
            router.on(bare, method: method) { _, _ -> Response in
                throw ProblemError.badRequest("The file path is empty; name the file after '/files/'.", code: "INGEST-1410-400")
            }
        }
        router.get(RouterPath(Self.prefix + "/:batchId/datasets/:datasetId/preview")) { request, context in
            let tenant = try context.requireTenant()
            let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
            let body = try await preview.preview(
                tenant: tenant, batchID: Self.decode(segments[5]), datasetID: Self.decode(segments[7]),
                query: RequestBody.queryItems(request))
            return JSONResponse.make(.ok, body)
        }
    }

    private func put(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        try Self.requireOctetStream(request)
        let target = try Self.target(request, context)
        try Self.refuseAction(request, allowed: [])
        try await service.putFile(target, body: request.body, contentLength: Self.contentLength(request))
        return JSONResponse.emptyOK()
    }

    private func patch(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        try Self.requireOctetStream(request)
        let target = try Self.target(request, context)
        try Self.refuseAction(request, allowed: [])
        let range = try ContentRange(header: request.headers[.contentRange])
        let received = try await service.putChunk(
            target, range: range, body: request.body, contentLength: Self.contentLength(request))
        var headers = HTTPFields()
        if let received { headers[.range] = received }
        return Response(status: .ok, headers: headers, body: ResponseBody())
    }

    private func post(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let target = try Self.target(request, context)
        switch try Self.refuseAction(request, allowed: ["initialize", "complete"]) {
        case "initialize":
            try await service.initialize(target)
        default:
            try await service.complete(target)
        }
        return Response(status: .created, body: ResponseBody())
    }

    private func head(_ request: Request, _ context: BatchyardRequestContext) async throws -> Response {
        let target = try Self.target(request, context)
        let (file, range) = try await service.status(target)
        var headers = HTTPFields()
        if let range { headers[.range] = range }
        headers[Self.uploadStatus] = file.status.rawValue
        return Response(status: .ok, headers: headers, body: ResponseBody())
    }

    /// Tells HEAD callers whether the file is complete or still taking chunks.
    static let uploadStatus = HTTPField.Name("x-batchyard-upload-status")!

    // MARK: Request parsing

    /// Batch, dataset and path from the raw path: `/data/foundation/import/batches/{b}/datasets/{d}/files/{p…}`.
    static func target(_ request: Request, _ context: BatchyardRequestContext) throws -> UploadTarget {
        let tenant = try context.requireTenant()
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 9, segments[8] == "files" else {
            throw ProblemError.badRequest("The file path is empty; name the file after '/files/'.", code: "INGEST-1410-400")
        }
        let path = try UploadPath(rawSegments: segments.dropFirst(9))
        return UploadTarget(tenant: tenant, batchID: decode(segments[5]), datasetID: decode(segments[7]), path: path)
    }

    static func decode(_ segment: Substring) -> String {
        String(segment).removingPercentEncoding ?? String(segment)
    }

    /// The lower-cased `action`; 400 when it is missing where required, unknown, or given where
    /// none is taken, and for any other query parameter.
    @discardableResult
    static func refuseAction(_ request: Request, allowed: Set<String>) throws -> String {
        var action: String?
        for item in RequestBody.queryItems(request) {
            guard item.name == "action" else {
                throw ProblemError.badRequest("Unknown query parameter '\(item.name)'.", code: "INGEST-1001-400")
            }
            action = item.value.lowercased()
        }
        if allowed.isEmpty {
            if let action { throw ProblemError.badRequest("'action=\(action)' is not taken by this method.", code: "INGEST-1001-400") }
            return ""
        }
        guard let action, allowed.contains(action) else {
            throw ProblemError.badRequest(
                "POST on a file needs ?action=INITIALIZE or ?action=COMPLETE.", code: "INGEST-1001-400")
        }
        return action
    }

    static func requireOctetStream(_ request: Request) throws {
        guard let type = RequestBody.mediaType(request) else { throw MissingContentTypeError() }
        guard type == "application/octet-stream" else {
            throw ProblemError.unsupportedMediaType(
                "The uploaded file media type isn't supported: send file bytes as application/octet-stream, not \(type).",
                code: "INGEST-1415-415")
        }
    }

    static func contentLength(_ request: Request) -> Int64? {
        request.headers[.contentLength].flatMap { Int64($0) }
    }
}
