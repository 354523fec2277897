import HTTPTypes
import BatchyardCore
import Foundation
import Testing

/// Drives the real `batchyard` binary with curl, the way the README tells people to.
@Suite("End to end: the binary over real HTTP", .serialized)
struct EndToEndTests {
    static let headers = [
        "-H", "Authorization: Bearer token", "-H", "x-api-key: acme-client",
        "-H", "x-gw-ims-org-id: 4F3BB22C5631222A7F000101@AdobeOrg", "-H", "x-sandbox-name: prod",
    ]

    @Test("the README's walk-through: create a dataset, create a batch, read it back; SIGTERM exits cleanly")
    func walkThrough() throws {
        let directory = NSTemporaryDirectory() + "batchyard-e2e-" + UUID().uuidString
        let server = try ServerProcess(dataDirectory: directory)
        #expect(server.startupLog.contains(directory))
        let dataset = try server.curl(Self.headers + [
            "-X", "POST", "\(server.baseURL)/data/foundation/catalog/dataSets",
            "-H", "Content-Type: application/json", "-d", #"{"name": "LoyaltyMembersDataset"}"#,
        ])
        #expect(dataset.status == 201)
        let reference = try JSONValue(parsing: dataset.body).arrayValue?.first?.stringValue ?? ""
        let datasetID = String(reference.split(separator: "/").last ?? "")
        let batch = try server.curl(Self.headers + [
            "-X", "POST", "\(server.baseURL)/data/foundation/import/batches",
            "-H", "Content-Type: application/json",
            "-d", #"{"datasetId": "\#(datasetID)", "inputFormat": {"format": "json"}}"#,
        ])
        #expect(batch.status == 201)
        let object = try JSONValue(parsing: batch.body)
        #expect(object["status"] == "loading")
        #expect(object["tags"]?["acp_producer"] == ["acme-client"])
        let batchID = try #require(object["id"]?.stringValue)
        let lookup = try server.curl(Self.headers + ["\(server.baseURL)/data/foundation/catalog/batches/\(batchID)"])
        #expect(lookup.status == 200)
        #expect(try JSONValue(parsing: lookup.body)[batchID] == object)
        #expect(server.terminate() == 0)

        // Restarted on the same directory, the batch is still there.
        let again = try ServerProcess(dataDirectory: directory)
        let after = try again.curl(Self.headers + ["\(again.baseURL)/data/foundation/catalog/batches/\(batchID)"])
        #expect(try JSONValue(parsing: after.body)[batchID] == object)
        #expect(again.terminate() == 0)
    }

    @Test("a bad flag is a usage error, not a crash")
    func badFlag() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binaryPath)
        process.arguments = ["serve", "--auth", "nonsense"]
        process.standardError = Pipe()
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
    }
}

extension EndToEndTests {
    @Test("--auth strict with a client made by `batchyard credentials add`")
    func strictWithCredentialsCommand() throws {
        let directory = NSTemporaryDirectory() + "batchyard-e2e-" + UUID().uuidString
        let add = Process()
        add.executableURL = URL(fileURLWithPath: ServerProcess.binaryPath)
        add.arguments = ["credentials", "add", "--data-dir", directory, "--client-id", "acme-client",
                         "--org", "4F3BB22C5631222A7F000101@AdobeOrg"]
        let pipe = Pipe()
        add.standardOutput = pipe
        try add.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        add.waitUntilExit()
        #expect(add.terminationStatus == 0)
        let secret = try #require(output.split(separator: "\n").first { $0.hasPrefix("client_secret=") }?
            .dropFirst("client_secret=".count))
        let server = try ServerProcess(dataDirectory: directory, arguments: ["--auth", "strict"])
        defer { _ = server.terminate() }
        let token = try server.curl([
            "-X", "POST", "\(server.baseURL)/ims/token/v3", "-d", "grant_type=client_credentials",
            "-d", "client_id=acme-client", "-d", "client_secret=\(secret)", "-d", "scope=openid",
        ])
        #expect(token.status == 200)
        let accessToken = try #require(try JSONValue(parsing: token.body)["access_token"]?.stringValue)
        var headers = Self.headers
        headers[1] = "Authorization: Bearer \(accessToken)"
        let list = try server.curl(headers + ["\(server.baseURL)/data/foundation/catalog/dataSets"])
        #expect(list.status == 200)
        let devToken = try server.curl(Self.headers + ["\(server.baseURL)/data/foundation/catalog/dataSets"])
        #expect(devToken.status == 401)
    }
}
