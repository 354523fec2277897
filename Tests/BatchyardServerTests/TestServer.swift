import HTTPTypes
import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import StoreTestSupport
import Testing

/// A Batchyard router on a fresh data directory, driven in process through HummingbirdTesting.
struct TestServer {
    static let orgA = "AAAA1111AAAA1111AAAA1111@AdobeOrg"
    static let orgB = "BBBB2222BBBB2222BBBB2222@AdobeOrg"

    var configuration: ServerConfiguration

    init(authMode: AuthMode = .dev, dataDirectory: String? = nil) {
        configuration = ServerConfiguration()
        configuration.dataDirectory = dataDirectory ?? TestServer.temporaryDirectory()
        configuration.authMode = authMode
        configuration.maxJSONBodySize = 256 * 1024
        configuration.useTestStorage()
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "batchyard-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `body` against the router (in process, no socket).
    func run<T: Sendable>(_ setup: TestingSetup = .router, _ body: @escaping @Sendable (APIClient) async throws -> T) async throws -> T {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let database = try await TestMetadataDatabase.open(
            sqlitePath: configuration.databasePath, readConnections: 2, logger: logger)
        do {
            let router = try BatchyardApplication.makeRouter(configuration: configuration, database: database, logger: logger)
            let app = Application(router: router, logger: logger)
            let store = CatalogStore(database: database)
            let result = try await app.test(setup) { client in try await body(APIClient(client: client, store: store)) }
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// A response with its body parsed as JSON where it is JSON.
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String
    var json: JSONValue { (try? JSONValue(parsing: text)) ?? .null }
}

/// Sends AEP-style requests with the four gateway headers filled in.
struct APIClient: Sendable {
    let client: any TestClientProtocol
    /// The server's store, for writing what only ingestion writes (and checking what is stored).
    let store: CatalogStore

    static func headers(org: String = TestServer.orgA, sandbox: String = "prod", token: String = "token",
                        apiKey: String = "test-client") -> HTTPFields {
        var fields = HTTPFields()
        fields[.authorization] = "Bearer \(token)"
        fields[HTTPField.Name("x-api-key")!] = apiKey
        fields[HTTPField.Name("x-gw-ims-org-id")!] = org
        fields[HTTPField.Name("x-sandbox-name")!] = sandbox
        return fields
    }

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, json body: JSONValue? = nil, raw: String? = nil,
        contentType: String? = "application/json", headers: HTTPFields = APIClient.headers(),
        extraHeaders: [String: String] = [:]
    ) async throws -> APIResponse {
        var headers = headers
        let text = body?.serialized() ?? raw
        if text != nil, let contentType { headers[.contentType] = contentType }
        for (name, value) in extraHeaders { headers[HTTPField.Name(name)!] = value }
        return try await client.execute(
            uri: path, method: method, headers: headers, body: text.map { ByteBuffer(string: $0) }
        ) { response in
            APIResponse(status: response.status, headers: response.headers, text: String(buffer: response.body))
        }
    }

    /// Creates a dataset and returns its id.
    func createDataset(_ body: JSONValue = ["name": "test dataset"], headers: HTTPFields = APIClient.headers()) async throws -> String {
        let response = try await send(.post, "/data/foundation/catalog/dataSets", json: body, headers: headers)
        #expect(response.status == .created, "\(response.text)")
        let reference = response.json.arrayValue?.first?.stringValue ?? ""
        return String(reference.split(separator: "/").last ?? "")
    }

    /// Creates a batch through the Batch Ingestion API and returns its object.
    func createBatch(datasetID: String, extra: [String: JSONValue] = [:], headers: HTTPFields = APIClient.headers()) async throws -> JSONValue {
        var body = extra
        body["datasetId"] = .string(datasetID)
        let response = try await send(.post, "/data/foundation/import/batches", json: .object(body), headers: headers)
        #expect(response.status == .created, "\(response.text)")
        return response.json
    }
}
