import BatchyardCore
import HTTPTypes

/// An error that knows the status and body AEP answers it with.
///
/// Every failure a handler can hit ends up as one of these; `APIErrorMiddleware` renders it, so
/// the mapping from errors to wire bodies lives in one place.
public protocol APIError: Error {
    var status: HTTPResponse.Status { get }
    /// The JSON body, given the request id to report.
    func body(requestID: String) -> JSONValue
}

/// The problem-details body that Platform services answer errors with:
/// `{"type", "title", "status", "detail", "report": {"requestId"}}`.
public struct ProblemError: APIError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    /// An AEP-style code such as `CATALOG-1001-400`; it forms the `type` URI.
    public let code: String
    public let title: String
    /// A sentence a person can act on.
    public let detail: String

    public init(_ status: HTTPResponse.Status, code: String, title: String, detail: String) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
    }

    public func body(requestID: String) -> JSONValue {
        [
            "type": .string("http://ns.adobe.com/aep/errors/\(code)"),
            "title": .string(title),
            "status": .int(Int64(status.code)),
            "detail": .string(detail),
            "report": ["requestId": .string(requestID)],
        ]
    }

    public var description: String { "\(status.code) \(code): \(detail)" }
}

extension ProblemError {
    /// A malformed request: bad body, bad parameter, illegal transition.
    public static func badRequest(_ detail: String, code: String = "CATALOG-1000-400") -> ProblemError {
        ProblemError(.badRequest, code: code, title: "Bad Request", detail: detail)
    }

    /// An object that does not exist in the caller's org and sandbox.
    public static func notFound(_ detail: String, code: String = "CATALOG-1404-404") -> ProblemError {
        ProblemError(.notFound, code: code, title: "Not Found", detail: detail)
    }

    /// `If-Match`/`If-None-Match` did not hold.
    public static func preconditionFailed(_ detail: String) -> ProblemError {
        ProblemError(.preconditionFailed, code: "CATALOG-1412-412", title: "Precondition Failed", detail: detail)
    }

    /// A body whose media type the endpoint does not take.
    public static func unsupportedMediaType(_ detail: String, code: String = "CATALOG-1415-415") -> ProblemError {
        ProblemError(.unsupportedMediaType, code: code, title: "Unsupported Media Type", detail: detail)
    }
}

/// The gateway's own error body, `{"error_code", "message"}`, for header and auth failures
/// (aep-api.md §1.3); the status is the code's first three digits.
public struct GatewayError: APIError, CustomStringConvertible {
    public let errorCode: String
    public let message: String

    public var status: HTTPResponse.Status { HTTPResponse.Status(code: Int(errorCode.prefix(3)) ?? 400) }

    public func body(requestID: String) -> JSONValue {
        ["error_code": .string(errorCode), "message": .string(message)]
    }

    public var description: String { "\(errorCode) \(message)" }

    public static let tokenMissing = GatewayError(errorCode: "403010", message: "Oauth token is missing.")
    public static let tokenInvalid = GatewayError(errorCode: "401013", message: "Oauth token is not valid")
    public static let apiKeyMissing = GatewayError(errorCode: "403000", message: "Api Key is required")
    public static let apiKeyInvalid = GatewayError(errorCode: "403003", message: "Api Key is invalid")
    public static let orgMissing = GatewayError(errorCode: "400003", message: "Missing header")
    public static let sandboxMissing = GatewayError(
        errorCode: "400003", message: "Missing header: x-sandbox-name")
    public static let notEntitled = GatewayError(errorCode: "403025", message: "Profile is not valid")
}

/// The body the gateway answers a POST/PUT/PATCH without a usable `Content-Type` with (§1.3).
public struct MissingContentTypeError: APIError {
    public var status: HTTPResponse.Status { .badRequest }
    public init() {}
    public func body(requestID: String) -> JSONValue {
        [
            "type": "/placeholder/type/uri", "status": 400, "title": "BadRequestError",
            "detail": "A valid content-type must be specified",
        ]
    }
}
