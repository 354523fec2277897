import HTTPTypes
import BatchyardCore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Gives every response an `x-request-id` and turns every error into its AEP body.
///
/// This is the one place where errors meet the wire: `APIError`s render themselves, Hummingbird's
/// own errors (413, 404 for unknown routes) become problem details, and anything unexpected is
/// logged and answered 500 without leaking internals.
struct APIErrorMiddleware: RouterMiddleware {
    typealias Context = BatchyardRequestContext

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let requestID = request.headers[.xRequestID].flatMap { $0.isEmpty || $0.utf8.count > 128 ? nil : $0 }
            ?? UUID().uuidString.lowercased()
        context.requestID = requestID
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Self.response(for: error, requestID: requestID, logger: context.logger)
        }
        response.headers[.xRequestID] = requestID
        return response
    }

    static func response(for error: any Error, requestID: String, logger: Logger) -> Response {
        let apiError: any APIError
        switch error {
        case let error as any APIError:
            apiError = error
        case is NIOTooManyBytesError:
            apiError = ProblemError(
                .contentTooLarge, code: "PLATFORM-1413-413", title: "Content Too Large",
                detail: "The request body is larger than this endpoint accepts.")
        case let error as HTTPError:
            apiError = ProblemError(
                error.status, code: "PLATFORM-\(error.status.code)-\(error.status.code)",
                title: error.status.reasonPhrase,
                detail: error.body ?? Self.defaultDetail(for: error.status))
        default:
            logger.error("unhandled error: \(String(reflecting: error))", metadata: ["request": "\(requestID)"])
            apiError = ProblemError(
                .internalServerError, code: "PLATFORM-1500-500", title: "Internal Server Error",
                detail: "The server failed to handle the request; it was logged with request id \(requestID).")
        }
        return JSONResponse.make(apiError.status, apiError.body(requestID: requestID))
    }

    private static func defaultDetail(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "No such endpoint."
        case .contentTooLarge: "The request body is larger than this server accepts."
        case .methodNotAllowed: "This endpoint does not accept that method."
        default: status.reasonPhrase
        }
    }
}

extension HTTPField.Name {
    static let xRequestID = HTTPField.Name("x-request-id")!
    static let xAPIKey = HTTPField.Name("x-api-key")!
    static let xOrgID = HTTPField.Name("x-gw-ims-org-id")!
    static let xSandboxName = HTTPField.Name("x-sandbox-name")!
    static let pragma = HTTPField.Name("pragma")!
}
