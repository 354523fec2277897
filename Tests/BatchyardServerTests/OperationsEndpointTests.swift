import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Health, readiness and the OpenAPI document over HTTP")
struct OperationsEndpointTests {
    @Test("/health and /ready answer 200 without gateway headers")
    func healthy() async throws {
        try await TestServer().run { api in
            let health = try await api.send(.get, "/health", headers: [:])
            #expect(health.status == .ok)
            #expect(health.json["status"] == "ok")
            let ready = try await api.send(.get, "/ready", headers: [:])
            #expect(ready.status == .ok, "\(ready.text)")
            #expect(ready.json["status"] == "ready")
        }
    }

    @Test("/ready answers 503 with a reason when the blob store cannot be written")
    func blobStoreNotWritable() async throws {
        var local = TestServer()
        local.configuration.storage = nil  // a local folder in the way: this case is about local files
        let server = local
        try await server.run { api in
            // A file where the blob store's folders should be: no write can succeed (even as root).
            let readiness = server.configuration.blobsDirectory + "/readiness"
            try? FileManager.default.removeItem(atPath: readiness)
            FileManager.default.createFile(atPath: readiness, contents: Data("in the way".utf8))
            let ready = try await api.send(.get, "/ready", headers: [:])
            #expect(ready.status == .serviceUnavailable, "\(ready.text)")
            #expect(ready.json["status"] == "unavailable")
            #expect(ready.json["reason"]?.stringValue?.contains("blob store") == true, "\(ready.text)")
            try FileManager.default.removeItem(atPath: readiness)
            #expect(try await api.send(.get, "/ready", headers: [:]).status == .ok)
        }
    }

    @Test("/ready answers 503 with a reason when the metadata database does not answer")
    func databaseClosed() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let configuration = TestServer().configuration
        let database = try await SQLiteMetadataDatabase.open(path: configuration.databasePath, readConnections: 1, logger: logger)
        let router = try BatchyardApplication.makeRouter(configuration: configuration, database: database, logger: logger)
        try await database.close()
        try await Application(router: router, logger: logger).test(.router) { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let body = try JSONValue(parsing: String(buffer: response.body))
                #expect(body["reason"]?.stringValue?.contains("metadata database") == true, "\(body.serialized())")
            }
            // Liveness does not depend on the database.
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("/openapi.json is served without headers and is the document the server builds")
    func document() async throws {
        try await TestServer().run { api in
            let response = try await api.send(.get, "/openapi.json", headers: [:])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.json == OpenAPIDocument.make(authMode: .dev))
            #expect(response.json["openapi"] == "3.1.0")
        }
    }
}
