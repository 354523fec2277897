import HTTPTypes
import Hummingbird

/// Counts every request by route template and status, times it until its body is written, and
/// counts the bytes of file uploads as they stream in.
///
/// It sits outermost, so the status it sees is the one the client gets (errors are already
/// rendered by `APIErrorMiddleware`) and the time includes every other middleware.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = BatchyardRequestContext

    let metrics: BatchyardMetrics

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        let metrics = self.metrics
        var request = request
        if Self.isUpload(request) {
            let body = request.body
            request.body = Hummingbird.RequestBody(asyncSequence: body.map { buffer in
                metrics.addUploadedBytes(buffer.readableBytes)
                return buffer
            })
        }
        let method = request.method.rawValue
        do {
            var response = try await next(request, context)
            let status = Int(response.status.code)
            let body = response.body
            let endpoint = context.coreContext.endpointPath
            response.body = ResponseBody(contentLength: body.contentLength) { writer in
                defer {
                    metrics.recordRequest(
                        method: method, route: Self.route(endpoint.value), status: status,
                        duration: ContinuousClock.now - start)
                }
                try await body.write(writer)
            }
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.recordRequest(
                method: method, route: Self.route(context.endpointPath), status: Int(status),
                duration: ContinuousClock.now - start)
            throw error
        }
    }

    /// The route label: the matched template, or one label for everything no route matched (so
    /// scanners probing random paths cannot create unbounded series).
    static func route(_ endpoint: String?) -> String {
        guard let endpoint, endpoint != "NotFound" else { return "unmatched" }  // Hummingbird's marker for no route
        return endpoint
    }

    /// File uploads: PUT (small file) and PATCH (chunk) below `…/import/batches/…/files/`.
    static func isUpload(_ request: Request) -> Bool {
        guard request.method == .put || request.method == .patch else { return false }
        let path = request.uri.path
        return path.hasPrefix(UploadController.prefix + "/") && path.contains("/files/")
    }
}
