import BatchyardCore
import Crypto
import Foundation

/// Issues and checks the bearer tokens of `--auth strict`.
///
/// A token is `by1.<payload>.<signature>`: base64url JSON naming the client, its user, the orgs
/// it may act for and its expiry, signed with HMAC-SHA256. Nodes that share the signing key
/// accept each other's tokens, so no token store is needed.
public struct TokenIssuer: Sendable {
    /// What a valid token says.
    public struct Claims: Sendable, Equatable {
        public let clientID: String
        public let user: String
        public let orgs: [String]
        public let expiresAt: Int64
    }

    private let key: SymmetricKey
    /// How long tokens live, in seconds (AEP's are 24 hours).
    public let lifetime: Int64

    public init(keyBytes: [UInt8], lifetime: Int64 = 86_400) {
        self.key = SymmetricKey(data: keyBytes)
        self.lifetime = lifetime
    }

    /// Loads the signing key from `token-signing.key` in the data dir, creating it on first use.
    public static func loadOrCreateKey(dataDirectory: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: dataDirectory).appendingPathComponent("token-signing.key")
        if let data = try? Data(contentsOf: url), data.count >= 32 { return Array(data) }
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try Data(bytes).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
        return bytes
    }

    /// A signed token for `client`, valid from `now` (seconds since the epoch) for `lifetime`.
    public func issue(for client: ClientRegistry.Client, now: Int64) -> String {
        let payload: JSONValue = [
            "cid": .string(client.clientID), "user": .string(client.user),
            "orgs": .array(client.orgs.map { .string($0) }), "iat": .int(now), "exp": .int(now + lifetime),
        ]
        let head = "by1." + Base64URL.encode(payload.serializedBytes())
        let signature = HMAC<SHA256>.authenticationCode(for: Array(head.utf8), using: key)
        return head + "." + Base64URL.encode(Array(signature))
    }

    /// The claims of `token` if its signature holds and it has not expired at `now`.
    public func verify(_ token: String, now: Int64) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "by1",
            let payloadBytes = Base64URL.decode(String(parts[1])),
            let signature = Base64URL.decode(String(parts[2]))
        else { return nil }
        let head = Array("by1.\(parts[1])".utf8)
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: head, using: key) else { return nil }
        guard let payload = try? JSONValue(parsing: String(decoding: payloadBytes, as: UTF8.self)),
            let clientID = payload["cid"]?.stringValue, let expiry = payload["exp"]?.int64Value, expiry > now
        else { return nil }
        return Claims(
            clientID: clientID, user: payload["user"]?.stringValue ?? "\(clientID)@AdobeID",
            orgs: payload["orgs"]?.arrayValue?.compactMap(\.stringValue) ?? [], expiresAt: expiry)
    }
}

/// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), as tokens use.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
