import HTTPTypes
import BatchyardCore
import Hummingbird
import Testing

@Suite("Catalog dataSets")
struct DatasetTests {
    static let base = "/data/foundation/catalog/dataSets"

    @Test("POST answers 201 with the reference and Location; GET shows the stamped object with an ETag")
    func createAndLookup() async throws {
        try await TestServer().run { api in
            let response = try await api.send(.post, Self.base, json: [
                "name": "LoyaltyMembersDataset",
                "schemaRef": ["id": "https://ns.adobe.com/xdm/context/profile", "contentType": "application/vnd.adobe.xed+json;version=1"],
                "tags": ["team": ["a", "b"]],
                "imsOrg": "spoofed", "version": "9.9.9",
            ])
            #expect(response.status == .created)
            let reference = try #require(response.json.arrayValue?.first?.stringValue)
            let id = String(reference.dropFirst("@/dataSets/".count))
            #expect(reference == "@/dataSets/\(id)")
            #expect(id.count == 24 && id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
            #expect(response.headers[.location] == "/data/foundation/catalog/dataSets/\(id)")

            let lookup = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(lookup.status == .ok)
            #expect(lookup.headers[.eTag] == "\"1.0.0\"")
            let dataset = try #require(lookup.json[id])
            #expect(dataset["name"] == "LoyaltyMembersDataset")
            #expect(dataset["imsOrg"] == .string(TestServer.orgA))
            #expect(dataset["version"] == "1.0.0")
            #expect(dataset["files"] == .string("@/dataSetFiles?dataSetId=\(id)"))
            #expect(dataset["tags"] == ["team": ["a", "b"]])
            #expect(dataset["createdClient"] == "test-client")
            #expect(dataset["created"]?.int64Value != nil)
            #expect(dataset["id"] == nil)

            let projected = try await api.send(.get, "\(Self.base)/\(id)?properties=name,description")
            #expect(projected.json == [.init(stringLiteral: id): ["name": "LoyaltyMembersDataset"]] as JSONValue)
        }
    }

    @Test("multi-ID lookup returns the existing ones; none → 404; collection names ignore case")
    func multiLookup() async throws {
        try await TestServer().run { api in
            let a = try await api.createDataset(["name": "a"])
            let b = try await api.createDataset(["name": "b"])
            let both = try await api.send(.get, "\(Self.base)/\(a),\(b),000000000000000000000000?properties=name")
            #expect(both.json == .object([a: ["name": "a"], b: ["name": "b"]]))
            #expect(both.headers[.eTag] == nil)
            let none = try await api.send(.get, "\(Self.base)/000000000000000000000000")
            #expect(none.status == .notFound)
            #expect(none.json["status"] == 404)
            let lower = try await api.send(.get, "/data/foundation/catalog/datasets/\(a)")
            #expect(lower.json[a]?["name"] == "a")
            let badParam = try await api.send(.get, "\(Self.base)/\(a)?limit=5")
            #expect(badParam.status == .badRequest)
        }
    }

    @Test("PUT replaces client fields, keeps system fields, bumps the version; If-Match guards it")
    func replace() async throws {
        try await TestServer().run { api in
            let id = try await api.createDataset(["name": "old", "description": "gone after PUT"])
            let put = try await api.send(.put, "\(Self.base)/\(id)", json: ["name": "new"])
            #expect(put.status == .ok)
            #expect(put.json == [.string("@/dataSets/\(id)")])
            let after = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(after.json[id]?["name"] == "new")
            #expect(after.json[id]?["description"] == nil)
            #expect(after.json[id]?["version"] == "1.0.1")
            #expect(after.json[id]?["files"] == .string("@/dataSetFiles?dataSetId=\(id)"))

            let stale = try await api.send(.put, "\(Self.base)/\(id)", json: ["name": "x"], extraHeaders: ["if-match": "\"1.0.0\""])
            #expect(stale.status == .preconditionFailed)
            let current = try await api.send(.put, "\(Self.base)/\(id)", json: ["name": "y"], extraHeaders: ["if-match": "1.0.1"])
            #expect(current.status == .ok)
            let noneMatch = try await api.send(.put, "\(Self.base)/\(id)", json: ["name": "z"], extraHeaders: ["if-none-match": "\"1.0.2\""])
            #expect(noneMatch.status == .preconditionFailed)
            let missing = try await api.send(.put, "\(Self.base)/000000000000000000000000", json: ["name": "x"])
            #expect(missing.status == .notFound)
        }
    }

    @Test("PATCH with a JSON merge body; system fields cannot change")
    func mergePatch() async throws {
        try await TestServer().run { api in
            let id = try await api.createDataset(["name": "n", "description": "d", "tags": ["a": ["1"]]])
            let patch = try await api.send(.patch, "\(Self.base)/\(id)", json: ["description": nil, "tags": ["b": ["2"]]])
            #expect(patch.status == .ok)
            let after = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(after.json[id]?["description"] == nil)
            #expect(after.json[id]?["tags"] == ["a": ["1"], "b": ["2"]])
            #expect(after.json[id]?["version"] == "1.0.1")
            let system = try await api.send(.patch, "\(Self.base)/\(id)", json: ["imsOrg": "other"])
            #expect(system.status == .badRequest)
            #expect(system.json["detail"]?.stringValue?.contains("imsOrg") == true)
            let lastBatch = try await api.send(.patch, "\(Self.base)/\(id)", json: ["lastBatchId": "x"])
            #expect(lastBatch.status == .badRequest)
            let badType = try await api.send(.patch, "\(Self.base)/\(id)", json: ["name": 5])
            #expect(badType.status == .badRequest)
        }
    }

    @Test("PATCH with application/json-patch+json applies all six RFC 6902 operations")
    func jsonPatch() async throws {
        try await TestServer().run { api in
            let id = try await api.createDataset(["name": "n", "description": "d", "tags": ["a": ["1"]]])
            let ops: JSONValue = [
                ["op": "add", "path": "/tags/unifiedProfile", "value": ["enabled:true", "isUpsert:true"]],
                ["op": "replace", "path": "/name", "value": "renamed"],
                ["op": "copy", "from": "/name", "path": "/description"],
                ["op": "move", "from": "/tags/a", "path": "/tags/moved"],
                ["op": "test", "path": "/tags/moved", "value": ["1"]],
                ["op": "remove", "path": "/tags/moved/0"],
            ]
            let response = try await api.send(.patch, "\(Self.base)/\(id)", json: ops, contentType: "application/json-patch+json")
            #expect(response.status == .ok, "\(response.text)")
            let after = try await api.send(.get, "\(Self.base)/\(id)")
            let dataset = try #require(after.json[id])
            #expect(dataset["name"] == "renamed")
            #expect(dataset["description"] == "renamed")
            #expect(dataset["tags"] == ["unifiedProfile": ["enabled:true", "isUpsert:true"], "moved": []])

            let failedTest = try await api.send(
                .patch, "\(Self.base)/\(id)", json: [["op": "test", "path": "/name", "value": "nope"]],
                contentType: "application/json-patch+json")
            #expect(failedTest.status == .badRequest)
            let version = try await api.send(
                .patch, "\(Self.base)/\(id)", json: [["op": "replace", "path": "/version", "value": "5.0.0"]],
                contentType: "application/json-patch+json")
            #expect(version.status == .badRequest)
            let unchanged = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(unchanged.json[id]?["version"] == "1.0.1")
        }
    }

    @Test("PATCH /v2/dataSets/{id} deep-merges and creates missing intermediate objects")
    func deepMerge() async throws {
        try await TestServer().run { api in
            let id = try await api.createDataset(["name": "n", "classification": ["managedBy": "CUSTOMER"]])
            let response = try await api.send(.patch, "/data/foundation/catalog/v2/dataSets/\(id)", json: [
                "extensions": ["adobe_lakeHouse": ["rowExpiration": ["ttlValue": "P3Y"]]],
                "classification": ["dataBehavior": "time-series"],
            ])
            #expect(response.status == .ok)
            let after = try await api.send(.get, "\(Self.base)/\(id)")
            let dataset = try #require(after.json[id])
            #expect(dataset["extensions"] == ["adobe_lakeHouse": ["rowExpiration": ["ttlValue": "P3Y"]]])
            #expect(dataset["classification"] == ["managedBy": "CUSTOMER", "dataBehavior": "time-series"])
            let missing = try await api.send(.patch, "/data/foundation/catalog/v2/dataSets/000000000000000000000000", json: ["a": 1])
            #expect(missing.status == .notFound)
        }
    }

    @Test("DELETE answers 200 with the reference, then the dataset is gone (404)")
    func delete() async throws {
        try await TestServer().run { api in
            let id = try await api.createDataset()
            let delete = try await api.send(.delete, "\(Self.base)/\(id)")
            #expect(delete.status == .ok)
            #expect(delete.json == [.string("@/dataSets/\(id)")])
            let gone = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(gone.status == .notFound)
            let again = try await api.send(.delete, "\(Self.base)/\(id)")
            #expect(again.status == .ok)
            #expect(again.json == [])
        }
    }

    @Test("Pragma: validate-only persists nothing and still reports invalid bodies")
    func validateOnly() async throws {
        try await TestServer().run { api in
            let ok = try await api.send(.post, Self.base, json: ["name": "dry"], extraHeaders: ["pragma": "validate-only"])
            #expect(ok.status == .ok)
            let list = try await api.send(.get, Self.base)
            #expect(list.json == [:])
            let invalid = try await api.send(.post, Self.base, json: ["name": 1], extraHeaders: ["pragma": "validate-only"])
            #expect(invalid.status == .badRequest)
            let id = try await api.createDataset(["name": "real"])
            let put = try await api.send(.put, "\(Self.base)/\(id)", json: ["name": "dry"], extraHeaders: ["pragma": "validate-only"])
            #expect(put.status == .ok)
            let after = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(after.json[id]?["name"] == "real")
            #expect(after.json[id]?["version"] == "1.0.0")
        }
    }

    @Test("bodies: missing Content-Type → 400, wrong → 415, not an object → 400, too large → 413")
    func bodies() async throws {
        try await TestServer().run { api in
            let missing = try await api.send(.post, Self.base, json: ["name": "x"], contentType: nil)
            #expect(missing.status == .badRequest)
            #expect(missing.json["title"] == "BadRequestError")
            let wrong = try await api.send(.post, Self.base, json: ["name": "x"], contentType: "text/csv")
            #expect(wrong.status == .unsupportedMediaType)
            let array = try await api.send(.post, Self.base, json: ["name"])
            #expect(array.status == .badRequest)
            let huge = try await api.send(.post, Self.base, raw: "{\"name\": \"" + String(repeating: "x", count: 300 * 1024) + "\"}")
            #expect(huge.status == .contentTooLarge)
            #expect(huge.json["status"] == 413)
        }
    }
}
