import Hummingbird

/// Refuses URLs over 2000 characters with 414, as AEP's gateway does for every API.
struct URLLengthMiddleware: RouterMiddleware {
    typealias Context = BatchyardRequestContext
    static let maxLength = 2000

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.uri.description.utf8.count <= Self.maxLength else {
            throw ProblemError(
                .uriTooLong, code: "PLATFORM-1414-414", title: "URI Too Long",
                detail: "The URL length exceeds the allowed 2000 characters.")
        }
        return try await next(request, context)
    }
}
