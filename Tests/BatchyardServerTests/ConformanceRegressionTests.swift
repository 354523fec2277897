import BatchyardCore
import BatchyardServer
import Testing

/// Requests schemathesis (`scripts/api-conformance.sh`) found answering 5xx, kept as regressions:
/// each must now answer a clear 4xx problem body.
@Suite("Conformance regressions")
struct ConformanceRegressionTests {
    @Test("uniques of a field that cannot form a JSON path answers 400, not 500", arguments: [
        "%C3%BE%5C",  // þ\ — a trailing backslash
        "%C2%81%C2%98jKu%01%C2%ADr%C3%A5k%F2%AC%B3%AD%04%26%F3%A7%B3%97%5C",  // control characters
        "a%22b",  // a quote
        "a..b",  // an empty key
    ])
    func uniquesField(encodedField: String) async throws {
        try await TestServer().run { api in
            let response = try await api.send(.get, "/data/foundation/catalog/batches/uniques/\(encodedField)")
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(response.json["type"] == "http://ns.adobe.com/aep/errors/CATALOG-1001-400")
            #expect(response.json["detail"]?.stringValue?.contains("not a property name") == true)
        }
    }

    @Test("uniques of ordinary and dotted fields still answers 200")
    func uniquesFieldValid() async throws {
        try await TestServer().run { api in
            let dataset = try await api.createDataset()
            _ = try await api.createBatch(datasetID: dataset)
            let status = try await api.send(.get, "/data/foundation/catalog/batches/uniques/status")
            #expect(status.status == .ok, "\(status.text)")
            #expect(status.json == ["loading"])
            let dotted = try await api.send(.get, "/data/foundation/catalog/batches/uniques/inputFormat.format")
            #expect(dotted.status == .ok, "\(dotted.text)")
        }
    }
}
