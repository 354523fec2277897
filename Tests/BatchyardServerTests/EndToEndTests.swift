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
