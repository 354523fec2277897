import BatchyardCore
import Testing
@testable import BatchyardClient

@Suite("Errors: one sentence from the server's body; exit statuses that mean something")
struct ClientErrorTests {
    @Test("problem details, gateway and non-JSON bodies each give one sentence")
    func sentences() {
        let problem = ClientError.server(
            status: 404,
            body: Array(#"{"type": "x", "title": "Not Found", "status": 404, "detail": "The specified batch was not found."}"#.utf8),
            method: "GET", path: "/b")
        #expect(problem.message == "The server refused the request (404): The specified batch was not found.")
        #expect(problem.exitStatus == .serverError)
        let gateway = ClientError.server(
            status: 403, body: Array(#"{"error_code": "403010", "message": "Oauth token is missing"}"#.utf8), method: "GET", path: "/")
        #expect(gateway.message == "The server refused the request (403): Oauth token is missing.")
        let empty = ClientError.server(status: 404, body: [], method: "HEAD", path: "/f")
        #expect(empty.message == "The server refused the request (404): HEAD /f answered 404 without an explanation.")
        let text = ClientError.server(status: 502, body: Array("  Bad gateway\n".utf8), method: "GET", path: "/")
        #expect(text.message == "The server refused the request (502): Bad gateway.")
    }

    @Test("exit statuses: 0 success, 1 failed batch, 2 usage, 3 refused, 4 unreachable")
    func exitStatuses() {
        #expect(ExitStatus.allCases.map(\.rawValue) == [0, 1, 2, 3, 4])
        #expect(ClientError(.batchFailed, "").exitStatus == .batchFailed)
        #expect(ClientError(.usage, "").exitStatus == .usage)
        #expect(ClientError(.transport, "").exitStatus == .unreachable)
        var report = Ingestor.Report(batchID: "b")
        #expect(report.exitStatus == .success)
        report.batch = ["status": "failed"]
        #expect(report.exitStatus == .batchFailed)
        report.batch = ["status": "success"]
        #expect(report.exitStatus == .success)
        report.batch = ["status": "aborted"]
        #expect(report.exitStatus == .batchFailed)
    }

    @Test("formats come from --format or agreeing extensions")
    func formats() throws {
        #expect(try IngestFormat.resolve(explicit: nil, paths: ["a/x.jsonl", "y.JSON"]) == "json")
        #expect(try IngestFormat.resolve(explicit: nil, paths: ["x.csv"]) == "csv")
        #expect(try IngestFormat.resolve(explicit: "PARQUET", paths: ["x.bin"]) == "parquet")
        #expect(throws: ClientError.self) { try IngestFormat.resolve(explicit: nil, paths: ["x.json", "y.csv"]) }
        #expect(throws: ClientError.self) { try IngestFormat.resolve(explicit: nil, paths: ["x.txt"]) }
        #expect(throws: ClientError.self) { try IngestFormat.resolve(explicit: "avro", paths: ["x.json"]) }
    }

    @Test("rates and sizes parse like curl's")
    func throttle() {
        #expect(Throttle(parsing: "500k")?.bytesPerSecond == 512_000)
        #expect(Throttle(parsing: "2M")?.bytesPerSecond == 2 << 20)
        #expect(Throttle(parsing: "1000")?.bytesPerSecond == 1000)
        #expect(Throttle(parsing: "fast") == nil)
        #expect(Throttle(parsing: "0") == nil)
        #expect(ByteSize.parse("64M") == 64 << 20)
        #expect(ByteSize.parse(" 512k ") == 512 << 10)
        #expect(ByteSize.parse("-1") == nil)
        #expect(ByteSize.parse("99999999999999999999G") == nil)
    }

    @Test("row errors print as file, line, reason and the row")
    func rowError() {
        let row: BatchyardCore.JSONValue = [
            "_filename": "f.json", "_line": 2, "_corrupt_record": "{oops",
            "_errors": [["code": "1401", "message": "Row is corrupted", "reason": "expected a key"]],
        ]
        #expect(BatchyardAPI.describeRowError(row) == "f.json line 2: [1401] expected a key — {oops")
    }
}
