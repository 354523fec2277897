import BatchyardCore
import HTTPTypes
import Hummingbird

/// Data Access paging (`start`, `limit`; default and maximum 100) and its envelope:
/// `{"data": […], "_page": {"limit", "count"}, "_links": {"next", "page"}}`, where `count` is the
/// total and `_links` is left out when everything fits on one page (contract §4, §7).
struct DataAccessPage: Sendable {
    static let maxLimit = 100
    var start = 0
    var limit = maxLimit

    /// Reads `start`/`limit`; `extra` names the other parameters the endpoint takes. Anything else,
    /// or a value out of range, is a 400.
    static func parse(_ items: [(name: String, value: String)], extra: Set<String> = []) throws -> (DataAccessPage, [String: String]) {
        var page = DataAccessPage()
        var others: [String: String] = [:]
        for item in items {
            switch item.name {
            case "start":
                guard let value = Int(item.value), value >= 0 else {
                    throw ProblemError.badRequest("'start' must be a non-negative integer.", code: "EXPORT-1001-400")
                }
                page.start = value
            case "limit":
                guard let value = Int(item.value), (1...maxLimit).contains(value) else {
                    throw ProblemError.badRequest("'limit' must be an integer from 1 to \(maxLimit).", code: "EXPORT-1001-400")
                }
                page.limit = value
            case let name where extra.contains(name):
                others[name] = item.value
            default:
                throw ProblemError.badRequest("Unknown query parameter '\(item.name)'.", code: "EXPORT-1001-400")
            }
        }
        return (page, others)
    }

    /// The envelope for the page of `items` (already sliced) out of `total`; `base` is the URL
    /// without paging parameters, `query` extra parameters to keep in the links.
    func envelope(_ items: [JSONValue], total: Int, base: String, query: String = "") -> JSONValue {
        var body: [String: JSONValue] = [
            "data": .array(items),
            "_page": ["limit": .int(Int64(limit)), "count": .int(Int64(total))],
        ]
        if start > 0 || total > limit {
            var links: [String: JSONValue] = [
                "page": ["href": .string("\(base)?\(query)start=\(start)&limit=\(limit)"), "templated": true],
            ]
            if start + limit < total {
                links["next"] = ["href": .string("\(base)?\(query)start=\(start + limit)&limit=\(limit)")]
            }
            body["_links"] = .object(links)
        }
        return .object(body)
    }

    /// The slice of `all` this page shows.
    func slice<T>(_ all: [T]) -> [T] {
        guard start < all.count else { return [] }
        return Array(all[start..<min(all.count, start + limit)])
    }
}

extension Request {
    /// `http://{host}` as the client addressed us, for absolute `_links` like AEP's.
    var baseURL: String {
        let host = head.authority ?? "localhost"
        let scheme = headers[HTTPField.Name("x-forwarded-proto")!] ?? "http"
        return "\(scheme)://\(host)"
    }
}
