import HTTPTypes
import BatchyardCore
import Hummingbird
import Testing

@Suite("Multi-request POST /")
struct MultiRequestTests {
    static let root = "/data/foundation/catalog/"

    @Test("sub-requests run in order, templates read earlier answers, each item has its code")
    func inOrderWithTemplates() async throws {
        try await TestServer().run { api in
            let response = try await api.send(.post, Self.root, json: [
                ["id": "firstObjectId", "method": "post", "resource": "/dataSets", "body": ["name": "multi"]],
                ["id": "batch", "method": "post", "resource": "/batches",
                 "body": ["status": "loading", "relatedObjects": [["type": "dataSet", "id": "<<firstObjectId.id>>"]]]],
                ["id": "read", "method": "get", "resource": "/dataSets/<<firstObjectId.id>>?properties=name"],
                ["id": "patch", "method": "patch", "resource": "/dataSets/<<firstObjectId.id>>",
                 "headers": ["if-match": "1.0.0"], "body": ["description": "named <<read.name>>"]],
                ["id": "missing", "method": "get", "resource": "/dataSets/000000000000000000000000"],
            ])
            #expect(response.status == .ok, "\(response.text)")
            let items = try #require(response.json.arrayValue)
            #expect(items.count == 5)
            #expect(items.map { $0["id"]?.stringValue } == ["firstObjectId", "batch", "read", "patch", "missing"])
            #expect(items.map { $0["code"]?.int64Value } == [200, 200, 200, 200, 404])
            let datasetID = try #require(items[0]["body"]?.arrayValue?.first?.stringValue?.split(separator: "/").last.map(String.init))
            let dataset = try await api.send(.get, "/data/foundation/catalog/dataSets/\(datasetID)")
            #expect(dataset.json[datasetID]?["description"] == "named multi")
            let batches = try await api.send(.get, "/data/foundation/catalog/batches?dataSet=\(datasetID)")
            #expect(batches.json.objectValue?.count == 1)
        }
    }

    @Test("a failed write rolls back every write of the call")
    func rollback() async throws {
        try await TestServer().run { api in
            let existing = try await api.createDataset(["name": "keep"])
            let response = try await api.send(.post, Self.root, json: [
                ["id": "a", "method": "post", "resource": "/dataSets", "body": ["name": "rolled back"]],
                ["id": "b", "method": "patch", "resource": .string("/dataSets/\(existing)"), "body": ["name": "changed"]],
                ["id": "c", "method": "put", "resource": .string("/dataSets/\(existing)"), "headers": ["if-match": "9.9.9"],
                 "body": ["name": "conflict"]],
                ["id": "d", "method": "post", "resource": "/dataSets", "body": ["name": "never run"]],
            ])
            #expect(response.status == .preconditionFailed)
            let items = try #require(response.json.arrayValue)
            #expect(items.map { $0["code"]?.int64Value } == [200, 200, 412])
            let list = try await api.send(.get, "/data/foundation/catalog/dataSets")
            #expect(list.json == .object([existing: list.json[existing] ?? .null]))
            #expect(list.json[existing]?["name"] == "keep")
            #expect(list.json[existing]?["version"] == "1.0.0")
        }
    }

    @Test("malformed bodies and templates answer 400")
    func malformed() async throws {
        try await TestServer().run { api in
            let notArray = try await api.send(.post, Self.root, json: ["id": "x"])
            #expect(notArray.status == .badRequest)
            let badMethod = try await api.send(.post, Self.root, json: [["id": "x", "method": "trace", "resource": "/dataSets"]])
            #expect(badMethod.status == .badRequest)
            let badTemplate = try await api.send(.post, Self.root, json: [
                ["id": "x", "method": "get", "resource": "/dataSets/<<nobody.id>>"],
            ])
            #expect(badTemplate.status == .badRequest)
            let collections = try await api.send(.get, Self.root)
            #expect(collections.json["dataSets"] == "@/dataSets")
        }
    }
}
