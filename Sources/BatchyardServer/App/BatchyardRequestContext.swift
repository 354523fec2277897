import BatchyardCore
import Hummingbird

/// Per-request state that the gateway fills in for the handlers.
public struct BatchyardRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// `x-request-id`, echoed from the request or generated.
    public var requestID: String = ""
    /// Who is calling (set by `GatewayMiddleware` on API paths).
    public var principal: Principal?
    /// The org and sandbox the call acts in (set by `GatewayMiddleware` on API paths).
    public var tenant: Tenant?

    public init(source: Source) {
        self.coreContext = .init(source: source)
    }

    /// The tenant, which every API route has once the gateway let it through.
    func requireTenant() throws -> Tenant {
        guard let tenant else { throw GatewayError.orgMissing }
        return tenant
    }

    func requirePrincipal() throws -> Principal {
        guard let principal else { throw GatewayError.tokenMissing }
        return principal
    }
}

/// The authenticated caller: an API client (its `x-api-key`) and the user it acts as.
public struct Principal: Sendable, Hashable {
    public let clientID: String
    public let userID: String

    public init(clientID: String, userID: String) {
        self.clientID = clientID
        self.userID = userID
    }
}
