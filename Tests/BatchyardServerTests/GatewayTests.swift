import HTTPTypes
import BatchyardCore
import BatchyardServer
import Foundation
import Hummingbird
import Testing

@Suite("Gateway headers, auth and tenancy")
struct GatewayTests {
    static let path = "/data/foundation/catalog/dataSets"

    @Test("each missing header answers the gateway's exact body")
    func missingHeaders() async throws {
        try await TestServer().run { api in
            let cases: [(drop: String, status: HTTPResponse.Status, code: String, message: String)] = [
                ("authorization", .forbidden, "403010", "Oauth token is missing."),
                ("x-api-key", .forbidden, "403000", "Api Key is required"),
                ("x-gw-ims-org-id", .badRequest, "400003", "Missing header"),
            ]
            for item in cases {
                var headers = APIClient.headers()
                headers[HTTPField.Name(item.drop)!] = nil
                let response = try await api.send(.get, Self.path, headers: headers)
                #expect(response.status == item.status, "\(item.drop)")
                #expect(response.json == ["error_code": .string(item.code), "message": .string(item.message)])
            }
            var noSandbox = APIClient.headers()
            noSandbox[HTTPField.Name("x-sandbox-name")!] = nil
            let sandbox = try await api.send(.get, Self.path, headers: noSandbox)
            #expect(sandbox.status == .badRequest)
            #expect(sandbox.json["error_code"] == "400003")

            var notBearer = APIClient.headers()
            notBearer[.authorization] = "Basic abc"
            let invalid = try await api.send(.get, Self.path, headers: notBearer)
            #expect(invalid.status == .unauthorized)
            #expect(invalid.json == ["error_code": "401013", "message": "Oauth token is not valid"])
        }
    }

    @Test("x-request-id is echoed, or generated, on every response")
    func requestID() async throws {
        try await TestServer().run { api in
            let echoed = try await api.send(.get, Self.path, extraHeaders: ["x-request-id": "abc-123"])
            #expect(echoed.headers[HTTPField.Name("x-request-id")!] == "abc-123")
            let generated = try await api.send(.get, "/data/foundation/catalog/dataSets/nope")
            let id = try #require(generated.headers[HTTPField.Name("x-request-id")!])
            #expect(!id.isEmpty)
            #expect(generated.json["report"]?["requestId"] == .string(id))
            let unauthenticated = try await api.send(.get, Self.path, headers: [:])
            #expect(unauthenticated.headers[HTTPField.Name("x-request-id")!] != nil)
        }
    }

    @Test("an object of another org or sandbox answers 404, exactly like a missing one")
    func tenancyWalls() async throws {
        try await TestServer().run { api in
            let id = try await api.createDataset(["name": "mine"])
            let mine = try await api.send(.get, "/data/foundation/catalog/dataSets/\(id)")
            #expect(mine.status == .ok)
            for headers in [APIClient.headers(org: TestServer.orgB), APIClient.headers(sandbox: "dev")] {
                let other = try await api.send(.get, "/data/foundation/catalog/dataSets/\(id)", headers: headers)
                #expect(other.status == .notFound)
                let list = try await api.send(.get, Self.path, headers: headers)
                #expect(list.json == [:])
                let patch = try await api.send(.patch, "/data/foundation/catalog/dataSets/\(id)", json: ["name": "x"], headers: headers)
                #expect(patch.status == .notFound)
                let delete = try await api.send(.delete, "/data/foundation/catalog/dataSets/\(id)", headers: headers)
                #expect(delete.json == [])
            }
            let still = try await api.send(.get, "/data/foundation/catalog/dataSets/\(id)")
            #expect(still.json[id]?["name"] == "mine")
        }
    }

    @Test("--auth strict: tokens from POST /ims/token/v3, bound to the client and its orgs")
    func strictMode() async throws {
        var server = TestServer(authMode: .strict)
        let url = ClientRegistry.fileURL(dataDirectory: server.configuration.dataDirectory)
        var registry = ClientRegistry()
        let secret = registry.add(clientID: "pipeline", orgs: [TestServer.orgA], user: nil)
        try registry.save(to: url)
        server.configuration.authMode = .strict
        try await server.run { api in
            func token(_ form: String) async throws -> APIResponse {
                try await api.send(.post, "/ims/token/v3", raw: form, contentType: "application/x-www-form-urlencoded", headers: [:])
            }
            let bad = try await token("grant_type=client_credentials&client_id=pipeline&client_secret=wrong")
            #expect(bad.status == .unauthorized)
            let issued = try await token("grant_type=client_credentials&client_id=pipeline&client_secret=\(secret)&scope=openid")
            #expect(issued.status == .ok)
            #expect(issued.json["token_type"] == "bearer")
            #expect(issued.json["expires_in"] == 86400)
            let accessToken = try #require(issued.json["access_token"]?.stringValue)

            let ok = try await api.send(.get, Self.path, headers: APIClient.headers(token: accessToken, apiKey: "pipeline"))
            #expect(ok.status == .ok)
            let forged = try await api.send(.get, Self.path, headers: APIClient.headers(token: accessToken + "x", apiKey: "pipeline"))
            #expect(forged.json["error_code"] == "401013")
            let devToken = try await api.send(.get, Self.path, headers: APIClient.headers(token: "anything", apiKey: "pipeline"))
            #expect(devToken.json["error_code"] == "401013")
            let otherKey = try await api.send(.get, Self.path, headers: APIClient.headers(token: accessToken, apiKey: "someone"))
            #expect(otherKey.json == ["error_code": "403003", "message": "Api Key is invalid"])
            let otherOrg = try await api.send(
                .get, Self.path, headers: APIClient.headers(org: TestServer.orgB, token: accessToken, apiKey: "pipeline"))
            #expect(otherOrg.json == ["error_code": "403025", "message": "Profile is not valid"])

            let created = try await api.createDataset(headers: APIClient.headers(token: accessToken, apiKey: "pipeline"))
            let dataset = try await api.send(
                .get, "/data/foundation/catalog/dataSets/\(created)", headers: APIClient.headers(token: accessToken, apiKey: "pipeline"))
            #expect(dataset.json[created]?["createdUser"] == "pipeline@AdobeID")
        }
    }

    @Test("token issuer: expiry and tampering are refused")
    func tokenIssuer() {
        let issuer = TokenIssuer(keyBytes: Array(repeating: 7, count: 32), lifetime: 100)
        let client = ClientRegistry.Client(clientID: "c", secretSHA256: "", orgs: ["o"], user: "u")
        let token = issuer.issue(for: client, now: 1000)
        #expect(issuer.verify(token, now: 1050)?.orgs == ["o"])
        #expect(issuer.verify(token, now: 1100) == nil)
        let other = TokenIssuer(keyBytes: Array(repeating: 8, count: 32))
        #expect(other.verify(token, now: 1050) == nil)
        var bytes = Array(token.utf8)
        bytes[10] = bytes[10] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(issuer.verify(String(decoding: bytes, as: UTF8.self), now: 1050) == nil)
    }
}
