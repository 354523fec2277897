import BatchyardCore
import Foundation
import Testing

/// SIGKILL during uploads: what was acknowledged is intact, what was not is absent or resumable.
@Suite("Uploads survive a SIGKILL", .serialized)
struct UploadCrashTests {
    static let headers = EndToEndTests.headers

    static func write(_ bytes: [UInt8], to path: String) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    @Test("kill mid-PUT and mid-chunk, restart: acknowledged files intact, in-flight ones absent, chunked upload resumes")
    func killMidUpload() throws {
        let directory = NSTemporaryDirectory() + "batchyard-crash-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var server = try ServerProcess(dataDirectory: directory + "/data")
        let dataset = try server.curl(Self.headers + [
            "-X", "POST", "\(server.baseURL)/data/foundation/catalog/dataSets",
            "-H", "Content-Type: application/json", "-d", #"{"name": "crash"}"#,
        ])
        let datasetID = String((try JSONValue(parsing: dataset.body).arrayValue?.first?.stringValue ?? "").split(separator: "/").last ?? "")
        let batch = try server.curl(Self.headers + [
            "-X", "POST", "\(server.baseURL)/data/foundation/import/batches",
            "-H", "Content-Type: application/json", "-d", #"{"datasetId": "\#(datasetID)", "inputFormat": {"format": "json"}}"#,
        ])
        let batchID = try #require(try JSONValue(parsing: batch.body)["id"]?.stringValue)
        let files = { (base: String) in "\(base)/data/foundation/import/batches/\(batchID)/datasets/\(datasetID)/files" }
        let octet = ["-H", "Content-Type: application/octet-stream"]

        // Acknowledged: a small file and the first chunk of a large one.
        let small = randomBytes(100_000)
        Self.write(small, to: directory + "/small.bin")
        #expect(try server.curl(Self.headers + octet + ["-X", "PUT", "-T", directory + "/small.bin", files(server.baseURL) + "/small.bin"]).status == 200)
        let large = randomBytes(8_000_000)
        Self.write(Array(large[0..<4_000_000]), to: directory + "/chunk0")
        Self.write(Array(large[4_000_000...]), to: directory + "/chunk1")
        Self.write(large, to: directory + "/large.bin")
        #expect(try server.curl(Self.headers + ["-X", "POST", files(server.baseURL) + "/large.bin?action=INITIALIZE"]).status == 201)
        #expect(try server.curl(Self.headers + octet + ["-X", "PATCH", "-T", directory + "/chunk0", "-H", "Content-Range: bytes 0-3999999/8000000",
                                                        files(server.baseURL) + "/large.bin"]).status == 200)

        // In flight when the server dies: a throttled PUT and a throttled second chunk.
        let slow = randomBytes(20_000_000)
        Self.write(slow, to: directory + "/slow.bin")
        var clients: [Process] = []
        for arguments in [
            octet + ["-X", "PUT", "-T", directory + "/slow.bin", files(server.baseURL) + "/slow.bin"],
            octet + ["-X", "PATCH", "-T", directory + "/chunk1", "-H", "Content-Range: bytes 4000000-7999999/8000000", files(server.baseURL) + "/large.bin"],
        ] {
            let curl = Process()
            curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            curl.arguments = ["-s", "-o", "/dev/null", "--limit-rate", "1M"] + Self.headers + arguments
            try curl.run()
            clients.append(curl)
        }
        Thread.sleep(forTimeInterval: 1.5)
        server.kill()
        for client in clients { client.waitUntilExit() }

        server = try ServerProcess(dataDirectory: directory + "/data")
        defer { _ = server.terminate() }
        let blobs = directory + "/data/blobs"
        let uploads = "\(blobs)/uploads/4F3BB22C5631222A7F000101@AdobeOrg/prod/\(batchID)"
        #expect(FileManager.default.contents(atPath: uploads + "/small.bin") == Data(small))
        #expect(!FileManager.default.fileExists(atPath: uploads + "/slow.bin"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: blobs + "/.tmp"))?.isEmpty == true)
        #expect(!FileManager.default.fileExists(atPath: blobs + "/incoming"))
        let head = try server.curl(Self.headers + ["-I", files(server.baseURL) + "/slow.bin"])
        #expect(head.status == 404)

        // The large file resumes: HEAD says what arrived, the client sends the rest and completes.
        let resume = try server.curl(Self.headers + ["-I", files(server.baseURL) + "/large.bin"])
        #expect(resume.status == 200)
        #expect(resume.body.lowercased().contains("range: bytes=0-3999999"))
        #expect(try server.curl(Self.headers + octet + ["-X", "PATCH", "-T", directory + "/chunk1", "-H", "Content-Range: bytes 4000000-7999999/8000000",
                                                        files(server.baseURL) + "/large.bin"]).status == 200)
        #expect(try server.curl(Self.headers + ["-X", "POST", files(server.baseURL) + "/large.bin?action=COMPLETE"]).status == 201)
        #expect(FileManager.default.contents(atPath: uploads + "/large.bin") == Data(large))
    }
}
