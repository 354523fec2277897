import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Testing

@Suite("Batch processing against a Schema Registry schema")
struct ProcessingSchemaTests {
    @Test("records are validated and coerced by the dataset's XDM schema; bad rows within the percentage are skipped")
    func schemaValidation() async throws {
        let server = TestServer()
        let directory = server.configuration.dataDirectory
        try await server.runWithWorkers { api in
            let group = try await api.createRegistryResource("fieldgroups", Registry.loyaltyFieldGroup())
            let schemaID = try await api.createSchema("Members", fieldGroups: [group["$id"]?.stringValue ?? ""])
            let dataset = try await api.createDataset(DatasetSchemaTests.dataset(schemaID))
            let batch = try await api.createBatch(
                datasetID: dataset,
                extra: ["inputFormat": ["format": "json"], "partialIngestionPercentage": 50, "enableErrorDiagnostics": true])
            let id = batch["id"]?.stringValue ?? ""
            let ns = "_" + Registry.tenantA
            let lines = [
                #"{"\#(ns)": {"loyalty": {"points": "120", "tier": "gold", "joined": "2020-01-02"}}}"#,
                #"{"\#(ns)": {"loyalty": {"points": 7}}}"#,
                #"{"\#(ns)": {"loyalty": {"tier": "gold"}}}"#,
            ]
            try await api.placeUpload(dataDirectory: directory, batchID: id, path: "m.json", bytes: Array(lines.joined(separator: "\n").utf8))
            _ = try await api.send(.post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil)
            let final = try await api.waitForFinal(id)
            #expect(final["status"]?.stringValue == "success", "\(final.serialized())")
            #expect(final["metrics"]?["outputRecordCount"]?.int64Value == 2)
            #expect(final["metrics"]?["failedRecordCount"]?.int64Value == 1)
            let codes = final["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(codes == ["INGEST-1212-400", "INGEST-1555-400"], "\(codes)")
            let lake = try await ProcessingEndToEndTests.lake(server, dataset: dataset, batch: id)
            let rows = try TestPython.duckDBRows(lake, orderBy: "\(ns).loyalty.points")
            #expect(rows.count == 2)
            #expect(rows.first?.contains(#""points": 7"#) == true, "\(rows)")
            #expect(rows.last?.contains(#""points": 120"#) == true && rows.last?.contains("2020-01-02") == true, "\(rows)")
        }
    }
}
