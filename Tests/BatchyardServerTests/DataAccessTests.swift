import BatchyardCore
import BatchyardServer
import BatchyardStore
import BlobStore
import Foundation
import HTTPTypes
import Hummingbird
import Parquet
import Testing

@Suite("Data Access (/data/foundation/export)")
struct DataAccessTests {
    static let export = "/data/foundation/export"

    @Test("GET /batches/{id}/files lists the batch's dataSetFiles with paging and links")
    func batchFiles() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let files = try (0..<3).map { try UploadFixtures.parquet(rows: 5, offset: $0 * 5) }
            let ids = try await UploadFixtures.publish(
                files, batchID: batch, datasetID: dataset, blobsRoot: server.configuration.blobsDirectory, store: api.store)
            let all = try await api.send(.get, "\(Self.export)/batches/\(batch)/files")
            #expect(all.status == .ok)
            let data = try #require(all.json["data"]?.arrayValue)
            #expect(data.compactMap { $0["dataSetFileId"]?.stringValue } == ids)
            #expect(data[0]["isValid"] == true)
            #expect(data[0]["created"] == "1700000000000")
            #expect(data[0]["size"] == .string(String(files[0].count)))
            #expect(data[0]["_links"]?["self"]?["href"]?.stringValue?.hasSuffix("/data/foundation/export/files/\(ids[0])") == true)
            #expect(all.json["_page"] == ["limit": 100, "count": 3])
            #expect(all.json["_links"] == nil)

            let paged = try await api.send(.get, "\(Self.export)/batches/\(batch)/files?start=1&limit=1")
            #expect(paged.json["data"]?.arrayValue?.compactMap { $0["dataSetFileId"]?.stringValue } == [ids[1]])
            #expect(paged.json["_page"] == ["limit": 1, "count": 3])
            #expect(paged.json["_links"]?["next"]?["href"]?.stringValue?.hasSuffix("/batches/\(batch)/files?start=2&limit=1") == true)
            #expect(paged.json["_links"]?["page"]?["templated"] == true)

            #expect(try await api.send(.get, "\(Self.export)/batches/\(batch)/files?limit=0").status == .badRequest)
            #expect(try await api.send(.get, "\(Self.export)/batches/\(batch)/files?limit=101").status == .badRequest)
            #expect(try await api.send(.get, "\(Self.export)/batches/\(batch)/files?color=red").status == .badRequest)
            #expect(try await api.send(.get, "\(Self.export)/batches/nope/files").status == .notFound)
            let foreign = try await api.send(.get, "\(Self.export)/batches/\(batch)/files", headers: APIClient.headers(org: TestServer.orgB))
            #expect(foreign.status == .notFound)
        }
    }

    @Test("GET /files/{id} lists the file; ?path= streams bytes; Range gives 206; HEAD gives headers")
    func fileDownload() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let file = try UploadFixtures.parquet(rows: 50)
            let id = try #require(try await UploadFixtures.publish(
                [file], batchID: batch, datasetID: dataset, blobsRoot: server.configuration.blobsDirectory, store: api.store).first)

            let listing = try await api.send(.get, "\(Self.export)/files/\(id)")
            #expect(listing.status == .ok)
            #expect(listing.json["data"]?.arrayValue?.first?["name"] == "part-00001.parquet")
            #expect(listing.json["data"]?.arrayValue?.first?["length"] == .string(String(file.count)))
            #expect(listing.json["data"]?.arrayValue?.first?["_links"]?["self"]?["href"]?.stringValue?.hasSuffix("/files/\(id)?path=part-00001.parquet") == true)
            #expect(listing.json["_page"] == ["limit": 100, "count": 1])

            let whole = try await api.sendBytes(.get, "\(Self.export)/files/\(id)?path=part-00001.parquet", bytes: nil, contentType: nil)
            #expect(whole.status == .ok)
            #expect(whole.body == file)
            #expect(whole.headers[.contentType] == "application/parquet")
            #expect(whole.headers[.acceptRanges] == "bytes")
            #expect(try ParquetFileReader(bytes: whole.body).rowCount == 50)

            let ranged = try await api.sendBytes(.get, "\(Self.export)/files/\(id)?path=part-00001.parquet", bytes: nil,
                                                 contentType: nil, extraHeaders: ["Range": "bytes=0-99"])
            #expect(ranged.status == .partialContent)
            #expect(ranged.body == Array(file[0...99]))
            #expect(ranged.headers[.contentRange] == "bytes 0-99/\(file.count)")
            #expect(ranged.headers[.contentLength] == "100")
            let suffix = try await api.sendBytes(.get, "\(Self.export)/files/\(id)?path=part-00001.parquet", bytes: nil,
                                                 contentType: nil, extraHeaders: ["Range": "bytes=-8"])
            #expect(suffix.status == .partialContent)
            #expect(suffix.body == Array(file.suffix(8)))
            #expect(Array(suffix.body.suffix(4)) == Array("PAR1".utf8))
            let open = try await api.sendBytes(.get, "\(Self.export)/files/\(id)?path=part-00001.parquet", bytes: nil,
                                               contentType: nil, extraHeaders: ["Range": "bytes=\(file.count - 10)-"])
            #expect(open.body == Array(file.suffix(10)))
            let beyond = try await api.sendBytes(.get, "\(Self.export)/files/\(id)?path=part-00001.parquet", bytes: nil,
                                                 contentType: nil, extraHeaders: ["Range": "bytes=\(file.count)-"])
            #expect(beyond.status == .rangeNotSatisfiable)
            #expect(beyond.headers[.contentRange] == "bytes */\(file.count)")

            let head = try await api.sendBytes(.head, "\(Self.export)/files/\(id)?path=part-00001.parquet", bytes: nil, contentType: nil)
            #expect(head.status == .ok)
            #expect(head.headers[.contentLength] == String(file.count))
            #expect(head.headers[.acceptRanges] == "bytes")
            #expect(head.headers[.contentType] == "application/parquet")
            #expect(head.body.isEmpty)

            #expect(try await api.send(.get, "\(Self.export)/files/\(id)?path=other.parquet").status == .notFound)
            #expect(try await api.send(.get, "\(Self.export)/files/\(batch)-9").status == .notFound)
            let foreign = try await api.send(.get, "\(Self.export)/files/\(id)?path=part-00001.parquet",
                                             headers: APIClient.headers(sandbox: "dev"))
            #expect(foreign.status == .notFound)
        }
    }

    @Test("GET /datasets/{id}/preview answers the first 100 rows of the lake files")
    func datasetPreview() async throws {
        let server = TestServer()
        try await server.run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            try await UploadFixtures.publish(
                [try UploadFixtures.parquet(rows: 60), try UploadFixtures.parquet(rows: 60, offset: 60)],
                batchID: batch, datasetID: dataset, blobsRoot: server.configuration.blobsDirectory, store: api.store)
            let preview = try await api.send(.get, "\(Self.export)/datasets/\(dataset)/preview")
            #expect(preview.status == .ok)
            let rows = try #require(preview.json["data"]?.arrayValue)
            #expect(rows.count == 100)
            #expect(rows[0] == ["id": 0, "name": "row 0", "nested": ["score": 0.0]])
            #expect(rows[99]["id"] == 99)

            let (empty, _) = try await api.datasetAndBatch()
            let none = try await api.send(.get, "\(Self.export)/datasets/\(empty)/preview")
            #expect(none.json == ["data": []])
            #expect(try await api.send(.get, "\(Self.export)/datasets/000000000000000000000000/preview").status == .notFound)
        }
    }

    @Test("GET /batches/{id}/meta lists diagnostics folders and returns their files")
    func meta() async throws {
        let server = TestServer()
        try await server.run { api in
            let (_, batch) = try await api.datasetAndBatch()
            let blobs = try server.blobs()
            let root = BlobKey.metaPrefix(org: TestServer.orgA, sandbox: "prod", batchID: batch)
            let errors = Array("{\"_corrupt_record\": \"{x\", \"_errors\": [{\"code\": \"1401\"}]}\n".utf8)
            _ = try await blobs.put(key: root + "row_errors/parsing_errors_0.json", body: Pieces(errors))
            _ = try await blobs.put(key: root + "row_errors/conversion_errors_0.json", body: Pieces(Array("{}\n".utf8)))
            _ = try await blobs.put(key: root + "input_files/fileMetaData1.json", body: Pieces(Array("{\"path\": \"F1.json\"}\n".utf8)))

            let top = try await api.send(.get, "\(Self.export)/batches/\(batch)/meta")
            #expect(top.status == .ok)
            #expect(top.json["data"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["input_files", "row_errors"])
            let rowErrors = try await api.send(.get, "\(Self.export)/batches/\(batch)/meta?path=row_errors")
            let entries = try #require(rowErrors.json["data"]?.arrayValue)
            #expect(entries.compactMap { $0["name"]?.stringValue } == ["conversion_errors_0.json", "parsing_errors_0.json"])
            #expect(entries[1]["length"] == .string(String(errors.count)))
            #expect(entries[1]["_links"]?["self"]?["href"]?.stringValue?.hasSuffix("meta?path=row_errors%2Fparsing_errors_0.json") == true)
            let content = try await api.sendBytes(.get, "\(Self.export)/batches/\(batch)/meta?path=row_errors%2Fparsing_errors_0.json",
                                                  bytes: nil, contentType: nil)
            #expect(content.status == .ok)
            #expect(content.body == errors)
            #expect(content.headers[.contentType] == "application/json")
            #expect(try await api.send(.get, "\(Self.export)/batches/\(batch)/meta?path=nothing").status == .notFound)
            #expect(try await api.send(.get, "\(Self.export)/batches/\(batch)/meta?path=..%2F..%2Fx").status == .badRequest)
            // Another tenant's batch id does not reach these files.
            let foreign = try await api.send(.get, "\(Self.export)/batches/\(batch)/meta?path=row_errors",
                                             headers: APIClient.headers(org: TestServer.orgB))
            #expect(foreign.status == .notFound)
        }
    }

    @Test("GET /batches/{id}/failed lists a failed batch's input files and serves them")
    func failed() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let bytes = Array("{\"bad\": \n".utf8)
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "in/bad.json"), bytes: bytes).status == .ok)
            let loading = try await api.send(.get, "\(Self.export)/batches/\(batch)/failed")
            #expect(loading.json["data"] == [])
            try await api.setBatchStatus(batch, "failed")
            let failed = try await api.send(.get, "\(Self.export)/batches/\(batch)/failed")
            #expect(failed.json["data"]?.arrayValue?.first?["name"] == "in/bad.json")
            #expect(failed.json["data"]?.arrayValue?.first?["length"] == .string(String(bytes.count)))
            #expect(failed.json["_page"] == ["limit": 100, "count": 1])
            let content = try await api.sendBytes(.get, "\(Self.export)/batches/\(batch)/failed?path=in%2Fbad.json", bytes: nil, contentType: nil)
            #expect(content.body == bytes)
            #expect(try await api.send(.get, "\(Self.export)/batches/\(batch)/failed?path=other").status == .notFound)
        }
    }

    @Test("the ingestion-side preview parses the files uploaded so far")
    func ingestionPreview() async throws {
        try await TestServer().run { api in
            let (dataset, batch) = try await api.datasetAndBatch()
            let lines = (0..<5).map { "{\"id\": \($0), \"person\": {\"name\": \"n\($0)\"}}" }.joined(separator: "\n")
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(batch, dataset, "a.json"), bytes: Array(lines.utf8)).status == .ok)
            let preview = try await api.send(.get, "/data/foundation/import/batches/\(batch)/datasets/\(dataset)/preview?nrow=3")
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(preview.json["formatParams"]?["format"] == "json")
            #expect(preview.json["preview"]?["columns"] == [["cid": 0, "name": "id"], ["cid": 1, "name": "person/name"]])
            #expect(preview.json["preview"]?["rows"] == [["0": 0, "1": "n0"], ["0": 1, "1": "n1"], ["0": 2, "1": "n2"]])

            let (csvDataset, csvBatch) = try await api.datasetAndBatch(["inputFormat": ["format": "csv"]])
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(csvBatch, csvDataset, "a.csv"),
                                            bytes: Array("x;y\n1;2\n3;4\n".utf8)).status == .ok)
            let csv = try await api.send(.get, "/data/foundation/import/batches/\(csvBatch)/datasets/\(csvDataset)/preview?format=csv&delimiter=;")
            #expect(csv.status == .ok, "\(csv.text)")
            #expect(csv.json["formatParams"]?["delimiter"] == ";")
            #expect(csv.json["preview"]?["rows"] == [["0": "1", "1": "2"], ["0": "3", "1": "4"]])

            let (pqDataset, pqBatch) = try await api.datasetAndBatch(["inputFormat": ["format": "parquet"]])
            #expect(try await api.sendBytes(.put, UploadFixtures.importPath(pqBatch, pqDataset, "p.parquet"),
                                            bytes: try UploadFixtures.parquet(rows: 4)).status == .ok)
            let parquet = try await api.send(.get, "/data/foundation/import/batches/\(pqBatch)/datasets/\(pqDataset)/preview")
            #expect(parquet.json["preview"]?["rows"]?.arrayValue?.count == 4)

            #expect(try await api.send(.get, "/data/foundation/import/batches/\(batch)/datasets/\(csvDataset)/preview").status == .notFound)
            #expect(try await api.send(.get, "/data/foundation/import/batches/\(batch)/datasets/\(dataset)/preview?bogus=1").status == .badRequest)
        }
    }
}
