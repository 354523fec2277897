import HTTPTypes
import BatchyardCore
import Hummingbird
import Testing

@Suite("Durability")
struct DurabilityTests {
    @Test("everything written is there after a restart on the same data directory")
    func restart() async throws {
        let directory = TestServer.temporaryDirectory()
        let written = try await TestServer(dataDirectory: directory).run { api in
            let dataset = try await api.createDataset(["name": "durable", "tags": ["k": ["v"]]])
            let batch = try await api.createBatch(datasetID: dataset)
            try await api.send(.patch, "/data/foundation/catalog/dataSets/\(dataset)", json: ["description": "patched"])
            return (dataset, batch)
        }
        try await TestServer(dataDirectory: directory).run { api in
            let dataset = try await api.send(.get, "/data/foundation/catalog/dataSets/\(written.0)")
            #expect(dataset.json[written.0]?["description"] == "patched")
            #expect(dataset.json[written.0]?["version"] == "1.0.1")
            let batchID = try #require(written.1["id"]?.stringValue)
            let batch = try await api.send(.get, "/data/foundation/catalog/batches/\(batchID)")
            #expect(batch.json[batchID] == written.1)
            let tagged = try await api.send(.get, "/data/foundation/catalog/dataSets?tags=k:v")
            #expect(tagged.json.objectValue?.keys.map { $0 } == [written.0])
        }
    }
}
