/// How the gateway checks callers.
public enum AuthMode: String, Sendable, CaseIterable {
    /// Any non-empty bearer token and API key are accepted (the embedded default).
    case dev
    /// Tokens must come from this server's issuer (`POST /ims/token/v3`) and name the org.
    case strict
}
