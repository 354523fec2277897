import BatchyardCore
import Hummingbird

/// Reading JSON request bodies the way AEP's gateway does.
enum RequestBody {
    /// The media type without parameters, lower-cased (`application/json; charset=utf-8` → `application/json`).
    static func mediaType(_ request: Request) -> String? {
        guard let header = request.headers[.contentType] else { return nil }
        let type = header.split(separator: ";", maxSplits: 1).first.map(String.init) ?? header
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Collects and parses a JSON body of one of `accepted` media types, or `nil` when there is no body.
    ///
    /// No `Content-Type` is the gateway's 400 (§1.3); a present but unaccepted type is 415; a body
    /// larger than `limit` is 413; a body that is not JSON is 400 with where it broke.
    static func json(_ request: Request, limit: Int, accepted: Set<String> = ["application/json"]) async throws -> JSONValue? {
        let buffer = try await request.body.collect(upTo: limit)
        let hasBody = buffer.readableBytes > 0
        guard let type = mediaType(request) else {
            if hasBody { throw MissingContentTypeError() }
            return nil
        }
        guard accepted.contains(type) else {
            throw ProblemError.unsupportedMediaType(
                "Content-Type \(type) is not accepted here; send \(accepted.sorted().joined(separator: " or ")).")
        }
        guard hasBody else { return nil }
        do {
            return try buffer.withUnsafeReadableBytes { bytes in try JSONValue(parsing: bytes) }
        } catch {
            throw ProblemError.badRequest("The body is not valid JSON: \(error).", code: "PLATFORM-1400-400")
        }
    }

    /// `name=value` pairs of the query string in order, percent-decoded (`+` stays a plus: filters
    /// and regexes use it literally).
    static func queryItems(_ request: Request) -> [(name: String, value: String)] {
        guard let query = request.uri.query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            return (name, value)
        }
    }

    /// Percent-decoded path segments after `prefix`.
    static func segments(of path: String, after prefix: String) -> [String] {
        guard path.hasPrefix(prefix) else { return [] }
        return path.dropFirst(prefix.count).split(separator: "/").map {
            String($0).removingPercentEncoding ?? String($0)
        }
    }
}
