import BatchyardCore
import Crypto
import Foundation

/// The API clients that `--auth strict` issues tokens to, kept in `clients.json` in the data dir.
///
/// Secrets are stored only as SHA-256 digests; the secret itself is shown once, when the client is
/// created with `batchyard credentials add`.
public struct ClientRegistry: Sendable {
    /// One configured client.
    public struct Client: Sendable, Equatable {
        public var clientID: String
        public var secretSHA256: String
        /// The IMS orgs this client may act for.
        public var orgs: [String]
        /// The user its tokens act as (`createdUser` on what it writes).
        public var user: String

        public init(clientID: String, secretSHA256: String, orgs: [String], user: String) {
            self.clientID = clientID
            self.secretSHA256 = secretSHA256
            self.orgs = orgs
            self.user = user
        }
    }

    public private(set) var clients: [String: Client]

    public init(clients: [Client] = []) {
        self.clients = Dictionary(clients.map { ($0.clientID, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The registry file inside a data directory.
    public static func fileURL(dataDirectory: String) -> URL {
        URL(fileURLWithPath: dataDirectory).appendingPathComponent("clients.json")
    }

    /// Loads the registry; a missing file is an empty registry.
    public static func load(from url: URL) throws -> ClientRegistry {
        guard FileManager.default.fileExists(atPath: url.path) else { return ClientRegistry() }
        let data = try Data(contentsOf: url)
        let document = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
        var clients: [Client] = []
        for entry in document["clients"]?.arrayValue ?? [] {
            guard let id = entry["clientId"]?.stringValue, let digest = entry["secretSHA256"]?.stringValue else {
                throw CredentialsError("every entry of \(url.path) needs clientId and secretSHA256")
            }
            let orgs = entry["orgs"]?.arrayValue?.compactMap(\.stringValue) ?? []
            clients.append(Client(
                clientID: id, secretSHA256: digest, orgs: orgs,
                user: entry["user"]?.stringValue ?? "\(id)@AdobeID"))
        }
        return ClientRegistry(clients: clients)
    }

    /// Writes the registry (owner-only permissions: it names who may get tokens).
    public func save(to url: URL) throws {
        let entries: [JSONValue] = clients.values.sorted { $0.clientID < $1.clientID }.map { client in
            [
                "clientId": .string(client.clientID), "secretSHA256": .string(client.secretSHA256),
                "orgs": .array(client.orgs.map { .string($0) }), "user": .string(client.user),
            ]
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = JSONValue.object(["clients": .array(entries)]).serialized() + "\n"
        try Data(text.utf8).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// Adds or replaces a client, returning its new secret.
    public mutating func add(clientID: String, orgs: [String], user: String?) -> String {
        var bytes = [UInt8](repeating: 0, count: 24)
        var rng = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &rng) }
        let secret = "p8e-" + bytes.map { String(format: "%02x", $0) }.joined()
        clients[clientID] = Client(
            clientID: clientID, secretSHA256: Self.digest(secret), orgs: orgs, user: user ?? "\(clientID)@AdobeID")
        return secret
    }

    /// Removes a client; `false` if there was none.
    public mutating func remove(clientID: String) -> Bool {
        clients.removeValue(forKey: clientID) != nil
    }

    /// The client whose id and secret these are, or `nil`.
    public func authenticate(clientID: String, secret: String) -> Client? {
        guard let client = clients[clientID] else { return nil }
        let given = Array(Self.digest(secret).utf8)
        let stored = Array(client.secretSHA256.utf8)
        guard given.count == stored.count else { return nil }
        // Constant-time comparison: the digest of a wrong secret must not leak how close it was.
        var difference: UInt8 = 0
        for index in given.indices { difference |= given[index] ^ stored[index] }
        return difference == 0 ? client : nil
    }

    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// A problem with the credentials configuration.
public struct CredentialsError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
