import BatchyardCore
import Foundation
import HTTPTypes
import XDMValidation

/// An error in the Schema Registry's own problem-details shape (contract §6):
/// `{"type", "title", "status", "detail", "report": {"registryRequestId", "timestamp",
/// "detailed-message", "sub-errors"}}`.
///
/// It is an `APIError` like every other, so `APIErrorMiddleware` renders it; `report.requestId`
/// is kept beside `registryRequestId` so the body also carries the field every Batchyard error has.
public struct RegistryProblem: APIError, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// An AEP code such as `XDM-1012-404`; it forms the `type` URI.
    public let code: String
    public let title: String
    /// A sentence a person can act on (also `report.detailed-message`).
    public let detail: String
    /// When the error happened, for `report.timestamp`.
    public let date: Date

    /// An error with AEP's `code` (`XDM-1012-404`), `title` and a `detail` a person can act on.
    public init(_ status: HTTPResponse.Status, code: String, title: String, detail: String, date: Date = Date()) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.date = date
    }

    public func body(requestID: String) -> JSONValue {
        [
            "type": .string("http://ns.adobe.com/aep/errors/\(code)"),
            "title": .string(title),
            "status": .int(Int64(status.code)),
            "report": [
                "registryRequestId": .string(requestID),
                "requestId": .string(requestID),
                "timestamp": .string(Self.timestamp(date)),
                "detailed-message": .string(detail),
                "sub-errors": [],
            ],
            "detail": .string(detail),
        ]
    }

    public var description: String { "\(status.code) \(code): \(detail)" }

    /// AEP's `MM-dd-yyyy HH:mm:ss` in UTC.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(two(parts.month))-\(two(parts.day))-\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}

extension RegistryProblem {
    /// `XDM-1012-404`: no such resource in the caller's org and sandbox (or in the global container).
    static func notFound(_ id: String, version: Int? = nil) -> RegistryProblem {
        let suffix = version.map { " with version \($0)" } ?? ""
        return RegistryProblem(
            .notFound, code: "XDM-1012-404", title: "Resource Not Found",
            detail: "Requested resource \(id)\(suffix) is not found")
    }

    /// An `Accept` header the registry refuses (`XDM-1006-400` listing, `XDM-1007-400` lookup).
    static func accept(_ error: XDMAcceptError) -> RegistryProblem {
        RegistryProblem(.init(code: error.status), code: error.code, title: error.title, detail: error.detail)
    }

    /// 406: the resource exists but not in the requested version.
    static func notAcceptable(_ id: String, accept: String, version: String) -> RegistryProblem {
        RegistryProblem(
            .notAcceptable, code: "XDM-1010-406", title: "Not Acceptable",
            detail: "The specified Accept format/version (\(accept)) is not available for resource \(id); "
                + "its current version is \(version).")
    }

    /// `XDM-1001-400`: a body, resource or parameter the registry cannot accept.
    static func badRequest(_ detail: String) -> RegistryProblem {
        RegistryProblem(.badRequest, code: "XDM-1001-400", title: "Bad Request", detail: detail)
    }

    /// `XDM-1405-405`: the path exists but not with this method (global resources are read-only).
    static func methodNotAllowed(_ method: HTTPRequest.Method, _ path: String) -> RegistryProblem {
        RegistryProblem(
            .methodNotAllowed, code: "XDM-1405-405", title: "Method Not Allowed",
            detail: "\(method.rawValue) is not supported on \(path).")
    }

    /// `XDM-1404-404`: no Schema Registry endpoint at this path.
    static func noSuchEndpoint(_ path: String) -> RegistryProblem {
        RegistryProblem(
            .notFound, code: "XDM-1404-404", title: "Not Found",
            detail: "There is no Schema Registry endpoint at \(path).")
    }
}
