import AsyncHTTPClient
import BatchyardClient
import BatchyardCore
import BatchyardTestSupport
import Foundation
import NIOCore
import Testing

/// Downloads, resumed uploads, batch signals and schemas through the binary.
@Suite("CLI end to end: downloads, resume, signals, schemas", .serialized)
struct CLITransferTests {
    static func api(_ server: RunningServer) -> BatchyardAPI {
        var settings = ClientSettings.defaults
        settings.baseURL = server.baseURL
        return BatchyardAPI(settings: settings)
    }

    @Test("files get downloads exactly what the Data Access API serves, and pyarrow reads it")
    func download() throws {
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try CLIEndToEndTests.createDataset(server)
        let file = try CLIEndToEndTests.write(CLIEndToEndTests.jsonLines(500), "rows.json", in: work)
        let ingest = try CLIRun.run(server, ["ingest", file, "--dataset", dataset, "--wait", "--json"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let batch = try #require(ingest.json["batchId"]?.stringValue)

        let output = work + "/out"
        let get = try CLIRun.run(server, ["files", "get", batch, "--output", output])
        #expect(get.status == 0, "\(get.stderr)")
        #expect(get.stderr.contains("part-00001.parquet: ") && get.stderr.contains(" downloaded in "), "\(get.stderr)")
        let listing = try JSONValue(parsing: [UInt8](server.curl("/data/foundation/export/batches/\(batch)/files")))
        let fileIDs = (listing["data"]?.arrayValue ?? []).compactMap { $0["dataSetFileId"]?.stringValue }
        #expect(!fileIDs.isEmpty)
        var names: [String] = []
        for fileID in fileIDs {
            let inner = try JSONValue(parsing: [UInt8](server.curl("/data/foundation/export/files/\(fileID)")))
            for name in (inner["data"]?.arrayValue ?? []).compactMap({ $0["name"]?.stringValue }) {
                let served = try server.curl("/data/foundation/export/files/\(fileID)?path=\(name)")
                let downloaded = try Data(contentsOf: URL(fileURLWithPath: output + "/" + name))
                #expect(downloaded == served, "\(name)")
                names.append(name)
            }
        }
        #expect(get.stdout == names.map { "\(output)/\($0)\t\(try! Data(contentsOf: URL(fileURLWithPath: output + "/" + $0)).count)" }
            .joined(separator: "\n") + "\n")
        let python = try ProjectPython.run([
            "-c", "import pyarrow.parquet as pq, sys; print(pq.read_table(sys.argv[1]).num_rows)", output,
        ])
        #expect(python.status == 0, "\(String(decoding: python.errors, as: UTF8.self))")
        #expect(String(decoding: python.output, as: UTF8.self) == "500\n")

        let json = try CLIRun.run(server, ["files", "get", batch, "-o", work + "/again", "--json"])
        #expect(json.json.arrayValue?.first?["name"] == "part-00001.parquet")
        #expect(json.stderr.isEmpty)
    }

    @Test("an interrupted chunked upload resumes with --batch and sends only the missing bytes")
    func resume() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try CLIEndToEndTests.createDataset(server)
        let text = CLIEndToEndTests.jsonLines(3000, padding: 100)
        let path = try CLIEndToEndTests.write(text, "big.json", in: work)
        let size = Int64(text.utf8.count)

        // A first client got as far as two chunks of 64 KiB, then died.
        let api = Self.api(server)
        let batch = try await api.createBatch(datasetID: dataset, inputFormat: ["format": "json"])
        let batchID = try #require(batch["id"]?.stringValue)
        let filePath = FileUploader.filePath(batchID: batchID, datasetID: dataset, remotePath: "big.json")
        _ = try await api.send(.POST, filePath, query: [("action", "INITIALIZE")])
        let bytes = Array(text.utf8)
        for start in [0, 65536] {
            var buffer = ByteBufferAllocator().buffer(capacity: 65536)
            buffer.writeBytes(bytes[start..<start + 65536])
            _ = try await api.sendBytes(
                .PATCH, filePath, body: .bytes(buffer),
                headers: [("Content-Range", "bytes \(start)-\(start + 65535)/\(size)")])
        }

        // Resumed with another chunk size: only the gap goes, and the batch holds every record once.
        let run = try CLIRun.run(server, [
            "ingest", path, "--dataset", dataset, "--batch", batchID, "--chunk-size", "100k", "--wait", "--json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.json["files"]?.arrayValue?.first?["resumedBytes"]?.int64Value == 131072)
        #expect(run.json["metrics"]?["outputRecordCount"] == 3000)
        #expect(run.json["metrics"]?["inputByteSize"]?.int64Value == size)

        // Resuming a batch that is no longer loading is a usage error that says why.
        let again = try CLIRun.run(server, ["ingest", path, "--dataset", dataset, "--batch", batchID])
        #expect(again.status == 2)
        #expect(again.stderr.contains("is 'success'; only a 'loading' batch can take more files."), "\(again.stderr)")
    }

    @Test("a killed ingest is resumed by running it again with --batch")
    func killedAndResumed() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try CLIEndToEndTests.createDataset(server)
        let text = CLIEndToEndTests.jsonLines(6000, padding: 150)  // about 1.1 MB
        let path = try CLIEndToEndTests.write(text, "big.json", in: work)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunningServer.binaryPath)
        process.arguments = ["ingest", path, "--dataset", dataset, "--chunk-size", "128k", "--limit-rate", "256k",
                             "--url", server.baseURL]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        // Wait until the server holds at least one chunk, then kill the client mid-upload.
        let api = Self.api(server)
        var batchID: String?
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            let batches = try await api.listBatches(query: [("dataSet", dataset)])
            guard let id = batches.objectValue?.keys.first else { continue }
            batchID = id
            let head = try? await api.send(.HEAD, FileUploader.filePath(batchID: id, datasetID: dataset, remotePath: "big.json"))
            if let range = head?.headers.first(name: "Range"), !UploadPlan.ranges(fromHeader: range).isEmpty { break }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let id = try #require(batchID)
        #expect(try await api.batch(id)["status"] == "loading")

        let run = try CLIRun.run(server, ["ingest", path, "--dataset", dataset, "--batch", id, "--chunk-size", "128k", "--wait", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let resumed = run.json["files"]?.arrayValue?.first?["resumedBytes"]?.int64Value ?? 0
        #expect(resumed >= 131072 && resumed < Int64(text.utf8.count), "\(run.stdout)")
        #expect(run.json["metrics"]?["outputRecordCount"] == 6000)
    }

    @Test("batches get, complete, abort and revert; schemas create, list and get; a dataset with that schema")
    func signalsAndSchemas() async throws {
        let server = try RunningServer()
        defer { server.stop() }
        let work = RunningServer.temporaryDirectory("work")
        let dataset = try CLIEndToEndTests.createDataset(server)
        let file = try CLIEndToEndTests.write(CLIEndToEndTests.jsonLines(2), "a.json", in: work)
        let ingest = try CLIRun.run(server, ["ingest", file, "--dataset", dataset, "--wait", "--json"])
        let batch = try #require(ingest.json["batchId"]?.stringValue)
        let revert = try CLIRun.run(server, ["batches", "revert", batch])
        #expect(revert.status == 0, "\(revert.stderr)")
        #expect(revert.stdout == "REVERT sent to batch \(batch); its status is now 'inactive'\n")
        let get = try CLIRun.run(server, ["batches", "get", batch, "--json"])
        #expect(get.json["status"] == "inactive")

        let fresh = try await Self.api(server).createBatch(datasetID: dataset, inputFormat: ["format": "json"])
        let freshID = try #require(fresh["id"]?.stringValue)
        let abort = try CLIRun.run(server, ["batches", "abort", freshID, "--json"])
        #expect(abort.json["status"] == "aborted", "\(abort.stdout)\(abort.stderr)")
        let complete = try CLIRun.run(server, ["batches", "complete", freshID])
        #expect(complete.status == 3, "COMPLETE on an aborted batch is refused")
        #expect(complete.stderr.contains("(400)"), "\(complete.stderr)")
        let table = try CLIRun.run(server, ["batches", "list", "--order-by", "desc:created", "--limit", "5"])
        #expect(table.stdout.contains("aborted") && table.stdout.contains("inactive"), "\(table.stdout)")

        let schemaFile = try CLIEndToEndTests.write("""
            {"title": "Members", "type": "object",
             "allOf": [{"$ref": "https://ns.adobe.com/xdm/context/profile"}]}
            """, "schema.json", in: work)
        let created = try CLIRun.run(server, ["schemas", "create", schemaFile, "--json"])
        #expect(created.status == 0, "\(created.stderr)")
        let schemaID = try #require(created.json["$id"]?.stringValue)
        let list = try CLIRun.run(server, ["schemas", "list"])
        #expect(list.stdout.contains("Members") && list.stdout.contains(schemaID), "\(list.stdout)")
        let one = try CLIRun.run(server, ["schemas", "get", schemaID, "--json"])
        #expect(one.json["title"] == "Members", "\(one.stderr)")
        let withSchema = try CLIRun.run(server, ["datasets", "create", "--name", "Typed", "--schema", schemaID, "--json"])
        #expect(withSchema.json["schemaRef"]?["id"]?.stringValue == schemaID, "\(withSchema.stderr)")
        let unknown = try CLIRun.run(server, ["datasets", "create", "--name", "Bad", "--schema", "https://ns.adobe.com/x/schemas/nope"])
        #expect(unknown.status == 3 && unknown.stderr.contains("(400)"), "\(unknown.stderr)")
    }
}
