import BatchyardTestSupport
import BlobStore
import Foundation
import Testing

@testable import S3BlobStore

/// Transient S3 failures (503 SlowDown, 500, a dropped connection) are retried twice, for bodies in
/// memory and for bodies streamed from a local file alike: a streamed file is read again from its
/// start on each attempt, so every attempt sends the whole body.
@Suite("S3 retries against a scripted server")
struct S3RetryTests {
    func store(port: Int) throws -> S3BlobStore {
        let configuration = try S3Configuration.parse(
            "s3://bucket/prefix?endpoint=http://127.0.0.1:\(port)&region=us-east-1",
            environment: ["AWS_ACCESS_KEY_ID": "key", "AWS_SECRET_ACCESS_KEY": "secret"])
        return S3BlobStore(configuration: configuration)
    }

    /// A local file of `count` bytes that streams in several pieces.
    func localFile(_ count: Int) throws -> (path: String, bytes: [UInt8]) {
        var random = SeededGenerator(seed: UInt64(count))
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
        let path = NSTemporaryDirectory() + "s3-retry-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, bytes)
    }

    @Test("a streamed file PUT answered 503, then dropped, is sent whole a third time and succeeds")
    func streamedBodyIsRetried() async throws {
        let server = ScriptedS3Server(script: [.status(503), .drop])
        let port = try await server.start()
        let (path, bytes) = try localFile(LocalFileChunks.pieceBytes * 2 + 1234)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stored = try await store(port: port).putFile(key: "uploads/a/b.bin", fromLocalPath: path, removingSource: false)
        await server.stop()
        #expect(stored == Int64(bytes.count))
        let puts = server.received.filter { $0.method == "PUT" }
        #expect(puts.count == 3)
        for put in puts {
            #expect(put.uri == "/bucket/prefix/uploads/a/b.bin")
            #expect(put.body == bytes)
        }
    }

    @Test("three 503 answers in a row fail the call with S3's error")
    func persistentFailureSurfaces() async throws {
        let server = ScriptedS3Server(script: [.status(503), .status(503), .status(503)])
        let port = try await server.start()
        let (path, _) = try localFile(1000)
        defer { try? FileManager.default.removeItem(atPath: path) }
        await #expect {
            _ = try await store(port: port).putFile(key: "uploads/a/c.bin", fromLocalPath: path, removingSource: false)
        } throws: { error in
            guard case .service(let status, let code, _, _) = error as? S3ResponseError else { return false }
            return status == 503 && code == "SlowDown"
        }
        await server.stop()
        #expect(server.received.count == 3)
    }

    @Test("a body in memory is retried the same way")
    func bytesBodyIsRetried() async throws {
        let server = ScriptedS3Server(script: [.status(500)])
        let port = try await server.start()
        try await store(port: port).delete(key: "uploads/a/d.bin")
        await server.stop()
        #expect(server.received.map(\.method) == ["DELETE", "DELETE"])
    }
}
