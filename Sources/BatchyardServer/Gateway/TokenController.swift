import HTTPTypes
import BatchyardCore
import Foundation
import Hummingbird
import NIOConcurrencyHelpers

/// `POST /ims/token/v3`: the client-credentials grant of Adobe IMS, for `--auth strict`.
struct TokenController {
    let issuer: TokenIssuer
    let registry: NIOLockedValueBox<ClientRegistry>

    func addRoutes(to router: Router<BatchyardRequestContext>) {
        router.post("/ims/token/v3") { request, context in
            try await issue(request, context: context)
        }
    }

    private func issue(_ request: Request, context: BatchyardRequestContext) async throws -> Response {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let body = try await request.body.collect(upTo: 64 * 1024)
        var fields: [String: String] = [:]
        if contentType.hasPrefix("application/x-www-form-urlencoded") || contentType.isEmpty {
            for pair in String(buffer: body).split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = Self.formDecode(String(parts[0]))
                fields[name] = parts.count > 1 ? Self.formDecode(String(parts[1])) : ""
            }
        } else {
            throw ProblemError.unsupportedMediaType(
                "Send the token request as application/x-www-form-urlencoded.", code: "IMS-1415-415")
        }
        // Clients also pass the fields as query parameters; the body wins.
        for (name, value) in request.uri.queryParameters where fields[String(name)] == nil {
            fields[String(name)] = String(value)
        }
        guard fields["grant_type"] == "client_credentials" else {
            return Self.imsError(.badRequest, "unsupported_grant_type", "grant_type must be client_credentials")
        }
        guard let clientID = fields["client_id"], let secret = fields["client_secret"],
            let client = registry.withLockedValue({ $0.authenticate(clientID: clientID, secret: secret) })
        else {
            return Self.imsError(.unauthorized, "invalid_client", "invalid client_id or client_secret")
        }
        let token = issuer.issue(for: client, now: Int64(Date().timeIntervalSince1970))
        return JSONResponse.make(.ok, [
            "access_token": .string(token), "token_type": "bearer", "expires_in": .int(issuer.lifetime),
        ])
    }

    /// IMS answers token errors in OAuth's shape, not problem details.
    private static func imsError(_ status: HTTPResponse.Status, _ error: String, _ description: String) -> Response {
        JSONResponse.make(status, ["error": .string(error), "error_description": .string(description)])
    }

    private static func formDecode(_ text: String) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text
    }
}
