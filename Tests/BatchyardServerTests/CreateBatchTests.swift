import HTTPTypes
import BatchyardCore
import Foundation
import Hummingbird
import Testing

@Suite("POST /data/foundation/import/batches")
struct CreateBatchTests {
    @Test("answers 201 with the batch object of AEP's Create a batch page")
    func seedResponse() async throws {
        try await TestServer().run { api in
            let datasetID = try await api.createDataset()
            let before = Int64(Date().timeIntervalSince1970 * 1000)
            let response = try await api.send(.post, "/data/foundation/import/batches", json: ["datasetId": .string(datasetID)])
            #expect(response.status == .created)
            let batch = response.json
            let id = try #require(batch["id"]?.stringValue)
            #expect(id.count == 26)
            #expect(batch["imsOrg"] == .string(TestServer.orgA))
            #expect(batch["status"] == "loading")
            #expect(batch["version"] == "1.0.0")
            #expect(batch["relatedObjects"] == [["type": "dataSet", "id": .string(datasetID)]])
            #expect(batch["externalId"] == .string(id))
            #expect(batch["createdClient"] == "test-client")
            #expect(batch["createdUser"] == "test-client@AdobeID")
            #expect(batch["updatedUser"] == "test-client@AdobeID")
            #expect(batch["inputFormat"] == ["format": "parquet"])
            #expect(batch["tags"] == [
                "acp_producer": ["test-client"],
                "acp_stagePath": .array([.string("test-client/stage/\(id)")]),
                "use_plan_b_batch_status": ["false"],
            ])
            let created = try #require(batch["created"]?.int64Value)
            #expect(created >= before && created <= before + 60_000)
            #expect(batch["updated"]?.int64Value == created)
            #expect(Set(batch.objectValue?.keys ?? [:].keys) == [
                "id", "imsOrg", "created", "updated", "status", "relatedObjects", "version", "tags", "createdUser",
                "updatedUser", "createdClient", "externalId", "inputFormat",
            ])
            // The same object is in the Catalog.
            let lookup = try await api.send(.get, "/data/foundation/catalog/batches/\(id)")
            #expect(lookup.status == .ok)
            #expect(lookup.json[id] == batch)
        }
    }

    @Test("optional fields: inputFormat, externalId, tags, replay, diagnostics, partial ingestion")
    func optionalFields() async throws {
        try await TestServer().run { api in
            let datasetID = try await api.createDataset()
            let first = try await api.createBatch(datasetID: datasetID)
            let firstID = try #require(first["id"]?.stringValue)
            let batch = try await api.createBatch(datasetID: datasetID, extra: [
                "inputFormat": ["format": "JSON", "isMultiLineJson": true],
                "externalId": "my-external-id",
                "tags": ["team": ["data"]],
                "replay": ["predecessors": .array([.string("$" + firstID)]), "reason": "replace"],
                "enableErrorDiagnostics": true,
                "partialIngestionPercentage": 5,
            ])
            #expect(batch["inputFormat"] == ["format": "json", "isMultiLineJson": true])
            #expect(batch["externalId"] == "my-external-id")
            #expect(batch["tags"]?["team"] == ["data"])
            #expect(batch["tags"]?["acp_enableErrorDiagnostics"] == true)
            #expect(batch["tags"]?["acp_partialIngestionPercent"] == 5)
            #expect(batch["replay"] == ["predecessors": .array([.string(firstID)]), "reason": "replace"])
        }
    }

    @Test("unknown, other-tenant or missing dataset, and bad bodies answer 400 with a clear detail")
    func badRequests() async throws {
        try await TestServer().run { api in
            let datasetID = try await api.createDataset()
            let unknown = try await api.send(.post, "/data/foundation/import/batches", json: ["datasetId": "000000000000000000000000"])
            #expect(unknown.status == .badRequest)
            #expect(unknown.json["detail"]?.stringValue?.contains("does not exist") == true)
            #expect(unknown.json["type"]?.stringValue?.hasPrefix("http://ns.adobe.com/aep/errors/") == true)

            let otherTenant = try await api.send(
                .post, "/data/foundation/import/batches", json: ["datasetId": .string(datasetID)],
                headers: APIClient.headers(org: TestServer.orgB))
            #expect(otherTenant.status == .badRequest)
            let otherSandbox = try await api.send(
                .post, "/data/foundation/import/batches", json: ["datasetId": .string(datasetID)],
                headers: APIClient.headers(sandbox: "dev"))
            #expect(otherSandbox.status == .badRequest)

            let noBody = try await api.send(.post, "/data/foundation/import/batches")
            #expect(noBody.status == .badRequest)
            let notJSON = try await api.send(.post, "/data/foundation/import/batches", raw: "{datasetId:")
            #expect(notJSON.status == .badRequest)
            #expect(notJSON.json["detail"]?.stringValue?.contains("not valid JSON") == true)
            let noDataset = try await api.send(.post, "/data/foundation/import/batches", json: ["inputFormat": ["format": "json"]])
            #expect(noDataset.status == .badRequest)
            let badFormat = try await api.send(
                .post, "/data/foundation/import/batches",
                json: ["datasetId": .string(datasetID), "inputFormat": ["format": "xml"]])
            #expect(badFormat.status == .badRequest)
            let badPercent = try await api.send(
                .post, "/data/foundation/import/batches",
                json: ["datasetId": .string(datasetID), "partialIngestionPercentage": 101])
            #expect(badPercent.status == .badRequest)
            let badReplay = try await api.send(
                .post, "/data/foundation/import/batches",
                json: ["datasetId": .string(datasetID), "replay": ["predecessors": ["01NOTABATCH0000000000000000"]]])
            #expect(badReplay.status == .badRequest)
            let missingType = try await api.send(
                .post, "/data/foundation/import/batches", json: ["datasetId": .string(datasetID)], contentType: nil)
            #expect(missingType.status == .badRequest)
            #expect(missingType.json["detail"] == "A valid content-type must be specified")
            let wrongType = try await api.send(
                .post, "/data/foundation/import/batches", json: ["datasetId": .string(datasetID)], contentType: "text/plain")
            #expect(wrongType.status == .unsupportedMediaType)
        }
    }
}
