import HTTPTypes
import BatchyardCore
import Hummingbird
import Testing

@Suite("Error bodies and limits")
struct ErrorTests {
    @Test("URLs over 2000 characters answer 414")
    func uriTooLong() async throws {
        try await TestServer().run { api in
            let long = "/data/foundation/catalog/dataSets?name=" + String(repeating: "a", count: 2000)
            let response = try await api.send(.get, long)
            #expect(response.status == .uriTooLong)
            #expect(response.json["detail"] == "The URL length exceeds the allowed 2000 characters.")
        }
    }

    @Test("unknown endpoints and methods answer problem details")
    func unknownEndpoints() async throws {
        try await TestServer().run { api in
            let unknownCollection = try await api.send(.get, "/data/foundation/catalog/widgets")
            #expect(unknownCollection.status == .notFound)
            #expect(unknownCollection.json["type"] == "http://ns.adobe.com/aep/errors/CATALOG-1404-404")
            #expect(unknownCollection.json["title"] == "Not Found")
            let method = try await api.send(.put, "/data/foundation/catalog/dataSets", json: ["name": "x"])
            #expect(method.status == .methodNotAllowed)
            let unrouted = try await api.send(.get, "/nothing/here")
            #expect(unrouted.status == .notFound)
            #expect(unrouted.json["status"] == 404)
        }
    }

    @Test("health and readiness need no headers")
    func health() async throws {
        try await TestServer().run { api in
            let health = try await api.send(.get, "/health", headers: [:])
            #expect(health.status == .ok)
            let ready = try await api.send(.get, "/ready", headers: [:])
            #expect(ready.json == ["status": "ready"])
        }
    }
}
