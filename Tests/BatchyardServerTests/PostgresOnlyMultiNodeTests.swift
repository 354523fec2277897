import BatchyardCore
import BatchyardTestSupport
import BlobStore
import Foundation
import StoreTestSupport
import Testing

/// Two `batchyard serve` processes on one PostgreSQL schema and one data directory (or one bucket
/// prefix with BATCHYARD_TEST_S3_URL): batches are
/// created concurrently through both, uploaded through one node and completed through the other;
/// one node is SIGKILLed in the middle of ingesting a batch and the other finishes it once the
/// lease runs out. Every batch must end `success` with each record in the lake exactly once.
@Suite("PostgreSQL: two serve nodes, one killed mid-ingest", .serialized, .enabled(if: PostgresTestGate.enabled))
struct PostgresOnlyMultiNodeTests {
    static let batches = 6
    static let records = 2_000

    static func headers() -> [String] {
        ["-H", "Authorization: Bearer t", "-H", "x-api-key: multi-node", "-H", "x-gw-ims-org-id: \(TestServer.orgA)",
         "-H", "x-sandbox-name: prod"]
    }

    /// Creates a batch through `creator`, uploads its file through `creator`, completes it through
    /// `completer`; returns the batch id.
    static func ingest(_ index: Int, dataset: String, creator: ServerProcess, completer: ServerProcess, directory: String)
        throws -> String
    {
        let batch = try creator.curl(headers() + [
            "-X", "POST", creator.baseURL + "/data/foundation/import/batches", "-H", "Content-Type: application/json",
            "-d", #"{"datasetId": "\#(dataset)", "inputFormat": {"format": "json"}}"#,
        ])
        let batchID = try #require((try? JSONValue(parsing: batch.body))?["id"]?.stringValue, "\(batch.body)")
        let lines = (0..<records).map { "{\"row\": \($0), \"batch\": \(index)}" }.joined(separator: "\n")
        let local = directory + "/input-\(index).json"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: local))
        let put = try creator.curl(headers() + [
            "-X", "PUT", creator.baseURL + "/data/foundation/import/batches/\(batchID)/datasets/\(dataset)/files/data.json",
            "-H", "Content-Type: application/octet-stream", "--data-binary", "@" + local,
        ])
        #expect(put.status == 200 || put.status == 201, "\(put.body)")
        let complete = try completer.curl(headers() + [
            "-X", "POST", completer.baseURL + "/data/foundation/import/batches/\(batchID)?action=COMPLETE",
        ])
        #expect(complete.status == 200, "\(complete.body)")
        return batchID
    }

    @Test("batches cross nodes; a killed node's batch is finished by the other after its lease")
    func killOneNode() async throws {
        _ = try PostgresTestGate.url()
        let directory = TestServer.temporaryDirectory()
        // With BATCHYARD_TEST_S3_URL both nodes share one bucket prefix instead of the data directory.
        let fast = ["BATCHYARD_JOB_LEASE": "2s", "BATCHYARD_WORKER_POLL": "100ms"]
            .merging(TestBlobStores.serveEnvironment(dataDirectory: directory)) { $1 }
        let blobs = try TestBlobStores.open(root: directory + "/blobs")
        var pausing = fast
        pausing["BATCHYARD_FAULT_PAUSE_AT"] = "processing"
        // Both start before any upload: a starting node sweeps a local blob folder's temporary files.
        let doomed = try ServerProcess(dataDirectory: directory, arguments: ["--workers", "1"], environment: pausing)
        let survivor = try ServerProcess(dataDirectory: directory, arguments: ["--workers", "1"], environment: fast)
        defer { _ = survivor.terminate() }
        let created = try doomed.curl(Self.headers() + [
            "-X", "POST", doomed.baseURL + "/data/foundation/catalog/dataSets", "-H", "Content-Type: application/json",
            "-d", #"{"name": "multi-node"}"#,
        ])
        let dataset = String(created.body.split(separator: "/").last?.prefix { $0 != "\"" } ?? "")
        #expect(!dataset.isEmpty, "\(created.body)")

        // Upload through one node, COMPLETE through the other (which wakes that node's worker), concurrently.
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<Self.batches {
                let (creator, completer) = index % 2 == 0 ? (survivor, doomed) : (doomed, survivor)
                group.addTask {
                    try Self.ingest(index, dataset: dataset, creator: creator, completer: completer, directory: directory)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }

        let marker = directory + "/fault-processing"
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the doomed node never claimed a batch")
        doomed.kill()

        for batchID in ids {
            var status = ""
            var document = JSONValue.null
            let finish = Date().addingTimeInterval(90)
            while Date() < finish {
                let answer = try survivor.curl(Self.headers() + [survivor.baseURL + "/data/foundation/catalog/batches/\(batchID)"])
                document = (try? JSONValue(parsing: answer.body))?[batchID] ?? .null
                status = document["status"]?.stringValue ?? ""
                if ["success", "failed", "stalled"].contains(status) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(status == "success", "\(batchID): \(document.serialized())")
            let files = try survivor.curl(Self.headers() + [
                survivor.baseURL + "/data/foundation/catalog/dataSetFiles?batchId=\(batchID)",
            ])
            let listed = (try? JSONValue(parsing: files.body))?.objectValue ?? [:]
            let prefix = "lake/\(TestServer.orgA)/prod/\(dataset)/\(batchID)/"
            let stored = try await blobs.list(prefix: prefix).map { String($0.key.dropFirst(prefix.count)) }
                .filter { $0.hasSuffix(".parquet") && !$0.contains("/") }
            #expect(Set(listed.values.compactMap { $0["name"]?.stringValue }) == Set(stored), "\(batchID)")
            // DuckDB reads local files: copy the batch's lake files out of whichever store holds them.
            let lake = TestServer.temporaryDirectory()
            let copy = try LocalBlobStore(root: lake)
            for name in stored { _ = try await copy.put(key: name, body: blobs.get(key: prefix + name)) }
            let rows = try TestPython.duckDBRows(lake, orderBy: "row")
            #expect(rows.count == Self.records, "\(batchID)")
            #expect(Set(rows).count == Self.records, "\(batchID)")
        }
        // Exactly the batches created, each once: nothing lost, nothing duplicated.
        let listing = try survivor.curl(Self.headers() + [
            survivor.baseURL + "/data/foundation/catalog/batches?dataSet=\(dataset)&limit=100",
        ])
        let listed = (try? JSONValue(parsing: listing.body))?.objectValue ?? [:]
        #expect(Set(listed.keys) == Set(ids))
    }
}
