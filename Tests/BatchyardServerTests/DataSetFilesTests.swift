import BatchyardCore
import BatchyardStore
import HTTPTypes
import Testing

@Suite("Catalog dataSetFiles")
struct DataSetFilesTests {
    @Test("lists and looks up the files ingestion records, with batchId/dataSetId filters")
    func listAndFilter() async throws {
        try await TestServer().run { api in
            let tenant = Tenant(org: TestServer.orgA, sandbox: "prod")
            let context = CatalogDocumentRules.WriteContext(tenant: tenant, clientID: "c", userID: "u", now: 1_000)
            // Only ingestion writes dataSetFiles; write them as it does.
            try await api.store.transaction { tx in
                for (batch, dataset, n) in [("B1", "D1", 1), ("B1", "D1", 2), ("B2", "D2", 1)] {
                    let id = "\(batch)-\(n)"
                    let document = CatalogDocumentRules.newDocument(
                        ["batchId": .string(batch), "dataSetId": .string(dataset), "records": .int(Int64(10 * n)),
                         "size": 2048, "isValid": true, "name": .string("part-0000\(n).parquet")],
                        id: id, collection: .dataSetFiles, context: context)
                    try await tx.insert(.dataSetFiles, tenant: tenant, object: StoredObject(id: id, document: document))
                }
            }
            let byBatch = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?batchId=B1")
            #expect(Set(byBatch.json.objectValue?.keys.map { $0 } ?? []) == ["B1-1", "B1-2"])
            let byDataset = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?dataSetId=D2&properties=records")
            #expect(byDataset.json == ["B2-1": ["records": 10]])
            let big = try await api.send(.get, "/data/foundation/catalog/datasetfiles?property=records>10")
            #expect(big.json.objectValue?.keys.map { $0 } == ["B1-2"])
            let one = try await api.send(.get, "/data/foundation/catalog/dataSetFiles/B1-2")
            #expect(one.json["B1-2"]?["isValid"] == true)
            #expect(one.headers[.eTag] == "\"1.0.0\"")
            let other = try await api.send(.get, "/data/foundation/catalog/dataSetFiles/B1-2", headers: APIClient.headers(sandbox: "dev"))
            #expect(other.status == .notFound)
            let tags = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?tags=a:b")
            #expect(tags.status == .badRequest)
        }
    }
}
