import HTTPTypes
import BatchyardStore
import BatchyardCore
import Hummingbird
import Testing

@Suite("Catalog batches")
struct BatchCatalogTests {
    static let base = "/data/foundation/catalog/batches"

    @Test("POST requires status, answers 201; POST /batches/{id} uses the chosen id once")
    func create() async throws {
        try await TestServer().run { api in
            let noStatus = try await api.send(.post, Self.base, json: ["externalId": "x"])
            #expect(noStatus.status == .badRequest)
            let badStatus = try await api.send(.post, Self.base, json: ["status": "sleeping"])
            #expect(badStatus.status == .badRequest)
            let created = try await api.send(.post, Self.base, json: ["status": "success", "recordCount": 3])
            #expect(created.status == .created)
            let id = try #require(created.json.arrayValue?.first?.stringValue?.split(separator: "/").last.map(String.init))
            #expect(created.headers[.location] == "/data/foundation/catalog/batches/\(id)")
            let lookup = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(lookup.json[id]?["id"] == .string(id))
            #expect(lookup.json[id]?["recordCount"] == 3)

            let chosen = try await api.send(.post, "\(Self.base)/my-batch-1", json: ["status": "loading"])
            #expect(chosen.status == .created)
            #expect(chosen.json == ["@/batches/my-batch-1"])
            let again = try await api.send(.post, "\(Self.base)/my-batch-1", json: ["status": "loading"])
            #expect(again.status == .badRequest)
            let tricky = try await api.send(.post, "\(Self.base)/bad%20id", json: ["status": "loading"])
            #expect(tricky.status == .badRequest)
        }
    }

    @Test("PUT and PATCH bump the version; aggregate is accepted; deprecated DELETE removes")
    func updateAndDelete() async throws {
        try await TestServer().run { api in
            let datasetID = try await api.createDataset()
            let batch = try await api.createBatch(datasetID: datasetID)
            let id = try #require(batch["id"]?.stringValue)
            let patch = try await api.send(.patch, "\(Self.base)/\(id)", json: ["metrics": ["inputFileCount": 2]])
            #expect(patch.status == .ok)
            #expect(patch.headers[.eTag] == "\"1.0.1\"")
            var replacement = try #require(batch.objectValue)
            replacement["status"] = "success"
            let put = try await api.send(.put, "\(Self.base)/\(id)", json: .object(replacement), extraHeaders: ["if-match": "1.0.1"])
            #expect(put.status == .ok, "\(put.text)")
            let aggregated = try await api.send(.get, "\(Self.base)/\(id)?aggregate=true")
            #expect(aggregated.json[id]?["status"] == "success")
            #expect(aggregated.json[id]?["version"] == "1.0.2")
            #expect(aggregated.json[id]?["metrics"] == nil)
            #expect(aggregated.json[id]?["created"] == batch["created"])
            let badAggregate = try await api.send(.get, "\(Self.base)/\(id)?aggregate=maybe")
            #expect(badAggregate.status == .badRequest)
            let delete = try await api.send(.delete, "\(Self.base)/\(id)")
            #expect(delete.json == [.string("@/batches/\(id)")])
            let gone = try await api.send(.get, "\(Self.base)/\(id)")
            #expect(gone.status == .notFound)
        }
    }

    @Test("GET /batches/uniques/{field} lists distinct values among the filtered batches")
    func uniques() async throws {
        try await TestServer().run { api in
            for status in ["success", "failed", "success", "loading"] {
                try await api.send(.post, Self.base, json: ["status": .string(status)])
            }
            let all = try await api.send(.get, "\(Self.base)/uniques/status")
            #expect(all.json == ["failed", "loading", "success"])
            let filtered = try await api.send(.get, "\(Self.base)/uniques/status?status=!loading")
            #expect(filtered.json == ["failed", "success"])
            let bad = try await api.send(.get, "\(Self.base)/uniques/status?bogus=1")
            #expect(bad.status == .badRequest)
        }
    }

    @Test("GET /lastBatches shows each dataset's last batch fields")
    func lastBatches() async throws {
        try await TestServer().run { api in
            let withBatch = try await api.createDataset(["name": "a"])
            let failedOne = try await api.createDataset(["name": "b"])
            _ = try await api.createDataset(["name": "no batches"])
            let empty = try await api.send(.get, "/data/foundation/catalog/lastBatches")
            #expect(empty.json == [:])
            // Only ingestion writes these slots; write them as it does, through the store.
            let tenant = Tenant(org: TestServer.orgA, sandbox: "prod")
            for (id, status) in [(withBatch, "success"), (failedOne, "failed")] {
                try await api.store.transaction { tx in
                    let dataset = try #require(try await tx.get(.dataSets, tenant: tenant, id: id))
                    var document = dataset.document
                    document["lastBatchId"] = .string("B-\(id)")
                    document["lastBatchStatus"] = .string(status)
                    document[status == "success" ? "lastSuccessfulBatch" : "lastFailedBatch"] = .string("B-\(id)")
                    try await tx.replace(.dataSets, tenant: tenant, object: StoredObject(id: id, document: document),
                                         expectedVersion: dataset.version)
                }
            }
            let all = try await api.send(.get, "/data/foundation/catalog/lastBatches")
            #expect(Set(all.json.objectValue?.keys.map { $0 } ?? []) == [withBatch, failedOne])
            #expect(all.json[withBatch]?["lastBatchId"] == .string("B-\(withBatch)"))
            #expect(all.json[withBatch]?["lastSuccessfulBatchId"] == .string("B-\(withBatch)"))
            #expect(all.json[failedOne]?["lastFailedBatchId"] == .string("B-\(failedOne)"))
            #expect(all.json[withBatch]?["imsOrg"] == .string(TestServer.orgA))
            let filtered = try await api.send(.get, "/data/foundation/catalog/lastBatches?lastBatchStatus=success")
            #expect(filtered.json.objectValue?.keys.map { $0 } == [withBatch])
            let byDataset = try await api.send(.get, "/data/foundation/catalog/lastBatches?dataSetId=\(failedOne),nope")
            #expect(byDataset.json.objectValue?.keys.map { $0 } == [failedOne])
            let bad = try await api.send(.get, "/data/foundation/catalog/lastBatches?name=a")
            #expect(bad.status == .badRequest)
        }
    }
}
