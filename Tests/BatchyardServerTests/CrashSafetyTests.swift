import BatchyardCore
import BatchyardTestSupport
import Foundation
import Testing

/// SIGKILLs the `batchyard` binary in the middle of processing and in the middle of publishing
/// (paused there by `BATCHYARD_FAULT_PAUSE_AT`), restarts it and checks that every batch ends
/// `success` with all its files visible exactly once, or `failed` with none.
@Suite("Crash safety of processing", .serialized)
struct CrashSafetyTests {
    static let records = 5_000

    func headers() -> [String] {
        ["-H", "Authorization: Bearer t", "-H", "x-api-key: crash-test", "-H", "x-gw-ims-org-id: \(TestServer.orgA)",
         "-H", "x-sandbox-name: prod"]
    }

    @Test("kill mid-processing and mid-publish, restart: success, every record once", arguments: ["processing", "publish"])
    func killAndRestart(point: String) async throws {
        let directory = TestServer.temporaryDirectory()
        // With BATCHYARD_TEST_S3_URL the binary keeps its blobs in S3 (where a move is copy + delete).
        let fast = ["BATCHYARD_JOB_LEASE": "1s", "BATCHYARD_WORKER_POLL": "100ms"]
            .merging(TestBlobStores.serveEnvironment(dataDirectory: directory)) { $1 }
        var environment = fast
        environment["BATCHYARD_FAULT_PAUSE_AT"] = point
        let first = try ServerProcess(dataDirectory: directory, arguments: ["--workers", "1"], environment: environment)
        let base = first.baseURL + "/data/foundation"
        let dataset = try first.curl(headers() + ["-X", "POST", base + "/catalog/dataSets", "-H", "Content-Type: application/json",
                                                  "-d", #"{"name": "crash"}"#])
        let datasetID = String(dataset.body.split(separator: "/").last?.prefix { $0 != "\"" } ?? "")
        let batch = try first.curl(headers() + ["-X", "POST", base + "/import/batches", "-H", "Content-Type: application/json",
                                                "-d", #"{"datasetId": "\#(datasetID)", "inputFormat": {"format": "json"}}"#])
        let batchID = (try? JSONValue(parsing: batch.body))?["id"]?.stringValue ?? ""
        #expect(!batchID.isEmpty, "\(batch.body)")
        let lines = (0..<Self.records).map { "{\"row\": \($0), \"text\": \"record \($0)\"}" }.joined(separator: "\n")
        let local = directory + "/input.json"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: local))
        let put = try first.curl(headers() + [
            "-X", "PUT", base + "/import/batches/\(batchID)/datasets/\(datasetID)/files/data.json",
            "-H", "Content-Type: application/octet-stream", "--data-binary", "@" + local,
        ])
        #expect(put.status == 200 || put.status == 201, "\(put.body)")
        let complete = try first.curl(headers() + ["-X", "POST", base + "/import/batches/\(batchID)?action=COMPLETE"])
        #expect(complete.status == 200, "\(complete.body)")

        let marker = directory + "/fault-" + point
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker), Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the worker never reached \(point)")
        first.kill()

        let second = try ServerProcess(dataDirectory: directory, arguments: ["--workers", "1"], environment: fast)
        defer { _ = second.terminate() }
        var status = ""
        var document = JSONValue.null
        let finish = Date().addingTimeInterval(60)
        while Date() < finish {
            let answer = try second.curl(headers() + [second.baseURL + "/data/foundation/catalog/batches/\(batchID)"])
            document = (try? JSONValue(parsing: answer.body))?[batchID] ?? .null
            status = document["status"]?.stringValue ?? ""
            if ["success", "failed", "stalled"].contains(status) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(status == "success", "\(document.serialized())")
        let files = try second.curl(headers() + [second.baseURL + "/data/foundation/catalog/dataSetFiles?batchId=\(batchID)"])
        let listed = (try? JSONValue(parsing: files.body))?.objectValue ?? [:]
        let inspector = TestServer(dataDirectory: directory)
        let lakePrefix = "lake/\(TestServer.orgA)/prod/\(datasetID)/\(batchID)/"
        let onDisk = try await inspector.blobs().list(prefix: lakePrefix).map { String($0.key.dropFirst(lakePrefix.count)) }
            .filter { $0.hasSuffix(".parquet") }
        #expect(Set(listed.values.compactMap { $0["name"]?.stringValue }) == Set(onDisk))
        let rows = try await TestPython.duckDBRows(inspector.localFolder(prefix: lakePrefix), orderBy: "row")
        #expect(rows.count == Self.records)
        #expect(Set(rows).count == Self.records)
        let leftovers = try await inspector.blobs().list(prefix: "staging/\(TestServer.orgA)/prod/\(batchID)/")
            .filter { $0.key.hasSuffix(".parquet") }
        #expect(leftovers.isEmpty)
    }
}
