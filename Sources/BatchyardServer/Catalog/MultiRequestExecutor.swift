import HTTPTypes
import BatchyardCore
import BatchyardStore
import Hummingbird

/// Multi-request `POST /`: sub-requests run in order in one transaction, later ones may refer to
/// earlier answers with `<<requestId.attribute>>`, and one failed write rolls every write back.
struct MultiRequestExecutor: Sendable {
    let service: CatalogService
    static let maxItems = 100

    /// Carries the results out of a rolled-back transaction.
    private struct RolledBack: Error {
        let results: [JSONValue]
        let status: HTTPResponse.Status
    }

    func run(_ body: JSONValue?, principal: Principal, tenant: Tenant) async throws -> CatalogResponse {
        guard let items = body?.arrayValue else {
            throw ProblemError.badRequest(
                "The multi-request body must be an array of {id, method, resource, headers, body}.",
                code: "CATALOG-1004-400")
        }
        guard items.count <= Self.maxItems else {
            throw ProblemError.badRequest("At most \(Self.maxItems) sub-requests are allowed in one call.",
                                          code: "CATALOG-1004-400")
        }
        let parsed = try items.enumerated().map { index, item in try SubRequest(item, index: index) }
        do {
            let results = try await service.store.transaction { tx in
                var answers: [String: JSONValue] = [:]
                var results: [JSONValue] = []
                for item in parsed {
                    let request = try item.catalogRequest(resolving: answers)
                    var result: [String: JSONValue] = ["id": .string(item.id)]
                    do {
                        let response = try await service.handle(request, principal: principal, tenant: tenant, transaction: tx)
                        // AEP's example answers sub-request creates with code 200.
                        result["code"] = .int(Int64(response.status == .created ? 200 : response.status.code))
                        result["body"] = response.body
                        answers[item.id] = Self.templateSource(response.body)
                        results.append(.object(result))
                    } catch let error as any APIError {
                        result["code"] = .int(Int64(error.status.code))
                        result["body"] = error.body(requestID: "")
                        results.append(.object(result))
                        if request.method != .get { throw RolledBack(results: results, status: error.status) }
                    }
                }
                return results
            }
            return CatalogResponse(status: .ok, body: .array(results))
        } catch let rolledBack as RolledBack {
            return CatalogResponse(status: rolledBack.status, body: .array(rolledBack.results))
        }
    }

    /// What `<<id.attr>>` reads: the answer body, where a bare `["@/type/id"]` reference is aliased
    /// to `{"id": id}` as AEP documents.
    private static func templateSource(_ body: JSONValue) -> JSONValue {
        if let array = body.arrayValue, array.count == 1, let reference = array[0].stringValue,
            reference.hasPrefix("@/"), let id = reference.split(separator: "/").last
        {
            return ["id": .string(String(id))]
        }
        if let object = body.objectValue, object.count == 1, let only = object.first?.value, only.objectValue != nil {
            // A lookup answers {id: object}: let templates read the object's fields directly.
            var members = only.objectValue ?? [:]
            if members["id"] == nil, let key = object.first?.key { members["id"] = .string(key) }
            return .object(members)
        }
        return body
    }

    /// One parsed item of the body.
    private struct SubRequest: Sendable {
        let id: String
        let method: HTTPRequest.Method
        let resource: String
        let headers: [String: String]
        let body: JSONValue?

        init(_ item: JSONValue, index: Int) throws {
            guard let members = item.objectValue else {
                throw ProblemError.badRequest("Sub-request \(index) must be an object.", code: "CATALOG-1004-400")
            }
            id = members["id"]?.stringValue ?? String(index)
            guard let methodName = members["method"]?.stringValue?.uppercased(),
                let method = HTTPRequest.Method(methodName), ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(methodName)
            else {
                throw ProblemError.badRequest(
                    "Sub-request '\(id)' needs a method of get, post, put, patch or delete.", code: "CATALOG-1004-400")
            }
            self.method = method
            guard let resource = members["resource"]?.stringValue, resource.hasPrefix("/"), !resource.hasPrefix("//")
            else {
                throw ProblemError.badRequest(
                    "Sub-request '\(id)' needs a resource path relative to the Catalog root, starting with '/'.",
                    code: "CATALOG-1004-400")
            }
            self.resource = resource
            var headers: [String: String] = [:]
            for (name, value) in members["headers"]?.objectValue ?? [:] {
                headers[name.lowercased()] = value.stringValue
            }
            self.headers = headers
            self.body = members["body"]
        }

        func catalogRequest(resolving answers: [String: JSONValue]) throws -> CatalogRequest {
            let resolvedResource = try Self.substitute(resource, answers: answers)
            let pathPart = resolvedResource.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let path = pathPart[0].split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
            var query: [(name: String, value: String)] = []
            if pathPart.count > 1 {
                for pair in pathPart[1].split(separator: "&") {
                    let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    query.append((String(parts[0]).removingPercentEncoding ?? String(parts[0]),
                                  parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""))
                }
            }
            let contentType = headers["content-type"]?.split(separator: ";").first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            return CatalogRequest(
                method: method, path: path, query: query, ifMatch: headers["if-match"],
                ifNoneMatch: headers["if-none-match"], validateOnly: false,
                contentType: contentType ?? (body == nil ? nil : "application/json"),
                body: try body.map { try Self.substitute(in: $0, answers: answers) })
        }

        private static func substitute(in value: JSONValue, answers: [String: JSONValue]) throws -> JSONValue {
            switch value {
            case .string(let text): .string(try substitute(text, answers: answers))
            case .array(let elements): .array(try elements.map { try substitute(in: $0, answers: answers) })
            case .object(let members): .object(try members.mapValues { try substitute(in: $0, answers: answers) })
            default: value
            }
        }

        /// Replaces every `<<requestId.attribute>>` with that attribute of an earlier answer.
        static func substitute(_ text: String, answers: [String: JSONValue]) throws -> String {
            guard text.contains("<<") else { return text }
            var output = ""
            var rest = Substring(text)
            while let open = rest.range(of: "<<") {
                output += rest[..<open.lowerBound]
                guard let close = rest[open.upperBound...].range(of: ">>") else {
                    output += rest[open.lowerBound...]
                    return output
                }
                let reference = rest[open.upperBound..<close.lowerBound]
                let parts = reference.split(separator: ".", maxSplits: 1)
                guard parts.count == 2, let answer = answers[String(parts[0])] else {
                    throw ProblemError.badRequest(
                        "Template <<\(reference)>> names no earlier sub-request answer.", code: "CATALOG-1005-400")
                }
                var value: JSONValue? = answer
                for key in parts[1].split(separator: ".") { value = value?[String(key)] }
                guard let value, value.objectValue == nil, value.arrayValue == nil else {
                    throw ProblemError.badRequest(
                        "Template <<\(reference)>> does not name a scalar attribute of that answer.",
                        code: "CATALOG-1005-400")
                }
                output += value.stringValue ?? value.serialized()
                rest = rest[close.upperBound...]
            }
            output += rest
            return output
        }
    }
}
