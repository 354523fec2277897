import ArgumentParser
import BatchyardServer
import Foundation

/// `batchyard credentials`: manages the API clients that `--auth strict` issues tokens to.
struct CredentialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credentials",
        abstract: "Manage API clients for --auth strict (stored in <data-dir>/clients.json).",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create (or rotate) a client and print its secret once.")
        @Option(name: .customLong("data-dir"), help: "The server's data directory (BATCHYARD_DATA_DIR).")
        var dataDirectory: String?
        @Option(name: .customLong("client-id"), help: "The client id (its x-api-key).")
        var clientID: String
        @Option(name: .customLong("org"), help: "An IMS org the client may act for; repeat for several.")
        var orgs: [String]
        @Option(help: "The user its tokens act as (default <client-id>@AdobeID).")
        var user: String?

        func run() throws {
            guard !orgs.isEmpty else { throw ValidationError("give at least one --org") }
            let url = ClientRegistry.fileURL(dataDirectory: resolvedDataDirectory(dataDirectory))
            var registry = try ClientRegistry.load(from: url)
            let secret = registry.add(clientID: clientID, orgs: orgs, user: user)
            try registry.save(to: url)
            print("client_id=\(clientID)")
            print("client_secret=\(secret)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients and their orgs.")
        @Option(name: .customLong("data-dir"), help: "The server's data directory (BATCHYARD_DATA_DIR).")
        var dataDirectory: String?

        func run() throws {
            let registry = try ClientRegistry.load(from: ClientRegistry.fileURL(dataDirectory: resolvedDataDirectory(dataDirectory)))
            for client in registry.clients.values.sorted(by: { $0.clientID < $1.clientID }) {
                print("\(client.clientID)\t\(client.orgs.joined(separator: ","))\t\(client.user)")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a client; its tokens stop working when they expire.")
        @Option(name: .customLong("data-dir"), help: "The server's data directory (BATCHYARD_DATA_DIR).")
        var dataDirectory: String?
        @Option(name: .customLong("client-id"), help: "The client id to remove.")
        var clientID: String

        func run() throws {
            let url = ClientRegistry.fileURL(dataDirectory: resolvedDataDirectory(dataDirectory))
            var registry = try ClientRegistry.load(from: url)
            guard registry.remove(clientID: clientID) else { throw ValidationError("no client '\(clientID)'") }
            try registry.save(to: url)
        }
    }
}

func resolvedDataDirectory(_ flag: String?) -> String {
    flag ?? ProcessInfo.processInfo.environment["BATCHYARD_DATA_DIR"] ?? "./batchyard-data"
}
