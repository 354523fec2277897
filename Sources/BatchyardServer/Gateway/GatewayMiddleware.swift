import HTTPTypes
import BatchyardCore
import Foundation
import Hummingbird

/// Checks the four headers AEP's gateway requires on every API call and sets the caller and tenant.
///
/// The checks run in the gateway's order, so a request missing several headers gets the same
/// error AEP would give (§1.3): token, then API key, then org; then the sandbox.
struct GatewayMiddleware: RouterMiddleware {
    typealias Context = BatchyardRequestContext

    let mode: AuthMode
    let issuer: TokenIssuer?
    /// Paths below this prefix are API calls; others (health, console, token) pass through.
    static let apiPrefix = "/data/foundation/"

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.uri.path.hasPrefix(Self.apiPrefix) else { return try await next(request, context) }
        var context = context
        let (principal, tenant) = try authorize(request.headers, now: Int64(Date().timeIntervalSince1970))
        context.principal = principal
        context.tenant = tenant
        return try await next(request, context)
    }

    func authorize(_ headers: HTTPFields, now: Int64) throws -> (Principal, Tenant) {
        guard let authorization = headers[.authorization], !authorization.isEmpty else { throw GatewayError.tokenMissing }
        guard authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else {
            throw GatewayError.tokenInvalid
        }
        let token = authorization.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { throw GatewayError.tokenInvalid }
        var claims: TokenIssuer.Claims?
        if mode == .strict {
            guard let verified = issuer?.verify(token, now: now) else { throw GatewayError.tokenInvalid }
            claims = verified
        }
        guard let apiKey = headers[.xAPIKey], !apiKey.isEmpty else { throw GatewayError.apiKeyMissing }
        if let claims, claims.clientID != apiKey { throw GatewayError.apiKeyInvalid }
        guard let org = headers[.xOrgID], !org.isEmpty else { throw GatewayError.orgMissing }
        if let claims, !claims.orgs.contains(org) { throw GatewayError.notEntitled }
        guard let sandbox = headers[.xSandboxName], !sandbox.isEmpty else { throw GatewayError.sandboxMissing }
        let principal = Principal(clientID: apiKey, userID: claims?.user ?? "\(apiKey)@AdobeID")
        return (principal, Tenant(org: org, sandbox: sandbox))
    }
}
