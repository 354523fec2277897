import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Testing

@Suite("Batch processing end to end")
struct ProcessingEndToEndTests {
    /// The lake prefix of a batch.
    static func lakePrefix(dataset: String, batch: String) -> String { "lake/\(TestServer.orgA)/prod/\(dataset)/\(batch)/" }

    /// A local folder with the lake files of a batch (for DuckDB).
    static func lake(_ server: TestServer, dataset: String, batch: String) async throws -> String {
        try await server.localFolder(prefix: lakePrefix(dataset: dataset, batch: batch))
    }

    @Test("JSON Lines, multi-line JSON, CSV and pyarrow Parquet: PUT → COMPLETE → success → download, DuckDB reads it")
    func formats() async throws {
        let server = TestServer()
        let directory = server.configuration.dataDirectory
        let parquetPath = directory + "/made-by-pyarrow.parquet"
        _ = try TestPython.run("""
            import pyarrow as pa, pyarrow.parquet as pq, sys
            pq.write_table(pa.table({"id": ["p1", "p2"], "n": [1, 2]}), sys.argv[1])
            """, [parquetPath])
        let parquet = try [UInt8](Data(contentsOf: URL(fileURLWithPath: parquetPath)))
        let inputs: [(format: JSONValue, file: String, bytes: [UInt8], expected: [String])] = [
            (["format": "json"], "a/one.json", Array("{\"id\": \"j1\", \"n\": 1}\n{\"id\": \"j2\", \"n\": 2}\n".utf8),
             [#"{"id": "j1", "n": 1}"#, #"{"id": "j2", "n": 2}"#]),
            (["format": "json", "isMultiLineJson": true], "m.json",
             Array("[\n  {\"id\": \"m1\",\n   \"n\": 1},\n  {\"id\": \"m2\", \"n\": 2}\n]".utf8),
             [#"{"id": "m1", "n": 1}"#, #"{"id": "m2", "n": 2}"#]),
            (["format": "csv"], "c.csv", Array("id,n\nc1,x\nc2,y\n".utf8),
             [#"{"id": "c1", "n": "x"}"#, #"{"id": "c2", "n": "y"}"#]),
            (["format": "parquet"], "p.parquet", parquet, [#"{"id": "p1", "n": 1}"#, #"{"id": "p2", "n": 2}"#]),
        ]
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            for input in inputs {
                let batch = try await api.createBatch(datasetID: dataset, extra: ["inputFormat": input.format])
                let id = batch["id"]?.stringValue ?? ""
                try await api.placeUpload(dataDirectory: directory, batchID: id, path: input.file, bytes: input.bytes)
                let complete = try await api.send(.post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil)
                #expect(complete.status == .ok)
                let final = try await api.waitForFinal(id)
                #expect(final["status"]?.stringValue == "success", "\(input.file): \(final.serialized())")
                #expect(final["metrics"]?["outputRecordCount"]?.int64Value == 2)
                #expect(final["metrics"]?["inputFileCount"]?.int64Value == 1)
                #expect(final["started"]?.int64Value != nil && final["completed"]?.int64Value != nil)
                let files = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?batchId=\(id)")
                let listed = files.json.objectValue ?? [:]
                #expect(listed.count == 1, "\(files.text)")
                let file = listed.values.first
                #expect(file?["records"]?.int64Value == 2)
                #expect(file?["isValid"] == .bool(true))
                #expect(file?["name"]?.stringValue == "part-00001.parquet")
                let inputFiles = "meta/\(TestServer.orgA)/prod/\(id)/input_files/fileMetaData1.json"
                let listedInputs = String(decoding: try await server.blobBytes(inputFiles) ?? [], as: UTF8.self)
                #expect(listedInputs == "{\"path\":\"\(input.file)\"}\n")
                let rows = try await TestPython.duckDBRows(Self.lake(server, dataset: dataset, batch: id), orderBy: "id")
                #expect(rows == input.expected, "\(input.file)")
                // Download through Data Access and read the downloaded bytes with DuckDB too.
                let exported = try await api.send(.get, "/data/foundation/export/batches/\(id)/files")
                let fileID = exported.json["data"]?.arrayValue?.first?["dataSetFileId"]?.stringValue ?? ""
                #expect(!fileID.isEmpty, "\(exported.text)")
                let download = try await api.sendBytes(
                    .get, "/data/foundation/export/files/\(fileID)?path=part-00001.parquet", bytes: nil, contentType: nil)
                #expect(download.status == .ok)
                let downloads = directory + "/downloads-\(id)"
                try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
                try Data(download.body).write(to: URL(fileURLWithPath: downloads + "/part-00001.parquet"))
                #expect(try TestPython.duckDBRows(downloads, orderBy: "id") == input.expected)
            }
            let datasetDoc = try await api.store.get(.dataSets, tenant: APIClient.tenantA, id: dataset)?.document
            #expect(datasetDoc?["lastBatchStatus"]?.stringValue == "success")
            #expect(datasetDoc?["lastSuccessfulBatch"] == datasetDoc?["lastBatchId"])
        }
    }

    @Test("a batch with a bad row fails: errors recorded, nothing in the lake, dataset lastFailedBatch")
    func failure() async throws {
        let server = TestServer()
        let directory = server.configuration.dataDirectory
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            let batch = try await api.createBatch(
                datasetID: dataset, extra: ["inputFormat": ["format": "json"], "enableErrorDiagnostics": true])
            let id = batch["id"]?.stringValue ?? ""
            try await api.placeUpload(dataDirectory: directory, batchID: id, path: "f.json", bytes: Array("{\"a\": 1}\n{oops\n".utf8))
            _ = try await api.send(.post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil)
            let final = try await api.waitForFinal(id)
            #expect(final["status"]?.stringValue == "failed")
            let codes = final["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
            #expect(codes.contains("INGEST-1212-400") && codes.contains("INGEST-1401-400"), "\(codes)")
            #expect(final["metrics"]?["failedRecordCount"]?.int64Value == 1)
            #expect(try await server.blobs().list(prefix: Self.lakePrefix(dataset: dataset, batch: id)).isEmpty)
            let rowErrors = "meta/\(TestServer.orgA)/prod/\(id)/row_errors/parsing_errors_0.json"
            #expect(try await server.blobBytes(rowErrors) != nil)
            let files = try await api.send(.get, "/data/foundation/catalog/dataSetFiles?batchId=\(id)")
            #expect(files.json.objectValue?.isEmpty ?? true, "\(files.text)")
            let datasetDoc = try await api.store.get(.dataSets, tenant: APIClient.tenantA, id: dataset)?.document
            #expect(datasetDoc?["lastFailedBatch"]?.stringValue == id)
        }
    }

    @Test("many batches, several workers: each batch is processed exactly once")
    func concurrency() async throws {
        var configured = TestServer()
        configured.configuration.workers.workers = 4
        let server = configured
        let directory = server.configuration.dataDirectory
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            var ids: [String] = []
            for index in 0..<12 {
                let id = try await api.createBatch(datasetID: dataset, extra: ["inputFormat": ["format": "json"]])["id"]?
                    .stringValue ?? ""
                let lines = (0..<(index + 1) * 10).map { "{\"batch\": \(index), \"row\": \($0)}" }.joined(separator: "\n")
                try await api.placeUpload(dataDirectory: directory, batchID: id, path: "f.json", bytes: Array(lines.utf8))
                ids.append(id)
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in ids {
                    group.addTask {
                        _ = try await api.send(.post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil)
                    }
                }
                try await group.waitForAll()
            }
            for (index, id) in ids.enumerated() {
                let final = try await api.waitForFinal(id)
                #expect(final["status"]?.stringValue == "success")
                #expect(final["metrics"]?["outputRecordCount"]?.int64Value == Int64((index + 1) * 10))
                let rows = try await TestPython.duckDBRows(Self.lake(server, dataset: dataset, batch: id), orderBy: "row")
                #expect(rows.count == (index + 1) * 10)
                #expect(Set(rows).count == rows.count)
            }
        }
    }

    @Test("abandonment: a loading batch untouched for --abandon-after becomes abandoned")
    func abandonment() async throws {
        var configured = TestServer()
        configured.configuration.workers.abandonAfterMillis = 300
        let server = configured
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            let id = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            let final = try await api.waitForFinal(id)
            #expect(final["status"]?.stringValue == "abandoned")
            #expect(final["completed"]?.int64Value != nil)
        }
    }

    @Test("abandonment counts uploads as activity: a batch still receiving files stays loading")
    func uploadsKeepBatchAlive() async throws {
        var configured = TestServer()
        configured.configuration.workers.abandonAfterMillis = 3_000
        let server = configured
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            let id = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            let started = Date()
            var index = 0
            while Date().timeIntervalSince(started) < 4.5 {
                let upload = try await api.send(
                    .put, "/data/foundation/import/batches/\(id)/datasets/\(dataset)/files/part-\(index).json",
                    raw: "{\"row\": \(index)}\n", contentType: "application/octet-stream")
                #expect(upload.status == .ok)
                index += 1
                try await Task.sleep(for: .milliseconds(600))
            }
            // Older than --abandon-after since creation, but files arrived within it.
            let alive = try await api.send(.get, "/data/foundation/catalog/batches/\(id)")
            #expect(alive.json[id]?["status"]?.stringValue == "loading")
            let final = try await api.waitForFinal(id)
            #expect(final["status"]?.stringValue == "abandoned")
        }
    }
}
