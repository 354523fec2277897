import AsyncHTTPClient
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// One S3 multipart upload in progress: parts are numbered as they are added (from memory, from a
/// local file, or copied server-side from a range of another object), then completed or aborted.
final class MultipartUpload: Sendable {
    let client: S3Client
    let key: String
    let uploadID: String
    private let parts = NIOLockedValueBox<[Int: String]>([:])
    private let nextNumber = NIOLockedValueBox(1)

    private init(client: S3Client, key: String, uploadID: String) {
        self.client = client
        self.key = key
        self.uploadID = uploadID
    }

    static func start(_ client: S3Client, key: String) async throws -> MultipartUpload {
        let (_, body) = try await client.sendCollecting(.POST, key: key, query: [("uploads", "")])
        return MultipartUpload(client: client, key: key, uploadID: try S3Responses.uploadID(body))
    }

    private func claimNumber() throws -> Int {
        let number = nextNumber.withLockedValue { value in
            defer { value += 1 }
            return value
        }
        guard number <= 10_000 else {
            throw S3ResponseError.malformed("'\(key)' needs more than S3's 10000 parts; raise part-size")
        }
        return number
    }

    /// Uploads bytes held in memory as the next part.
    @discardableResult
    func uploadPart(_ bytes: ByteBuffer) async throws -> Int {
        let number = try claimNumber()
        let response = try await client.send(
            .PUT, key: key, query: [("partNumber", String(number)), ("uploadId", uploadID)], body: .bytes(bytes))
        try record(number, response)
        return number
    }

    /// Streams a range of a local file as the next part.
    func uploadPart(stream: LocalFileChunks, length: Int64) async throws {
        let number = try claimNumber()
        let response = try await client.send(
            .PUT, key: key, query: [("partNumber", String(number)), ("uploadId", uploadID)],
            body: .stream(stream, length: length))
        try record(number, response)
    }

    /// Copies bytes `range` of the blob `source` as the next part, without moving them through
    /// this process (UploadPartCopy).
    func copyPart(from source: String, range: ClosedRange<Int64>) async throws {
        let number = try claimNumber()
        let (_, body) = try await client.sendCollecting(
            .PUT, key: key, query: [("partNumber", String(number)), ("uploadId", uploadID)],
            headers: [
                ("x-amz-copy-source", client.copySource(source)),
                ("x-amz-copy-source-range", "bytes=\(range.lowerBound)-\(range.upperBound)"),
            ])
        let etag = try S3Responses.copyETag(body, key: key)
        parts.withLockedValue { $0[number] = etag }
    }

    private func record(_ number: Int, _ response: HTTPClientResponse) throws {
        guard let etag = response.headers.first(name: "etag") else {
            throw S3ResponseError.malformed("UploadPart of '\(key)' answered without an ETag")
        }
        parts.withLockedValue { $0[number] = etag }
    }

    /// Turns the parts into the object; it appears atomically.
    func complete() async throws {
        let recorded = parts.withLockedValue { $0 }.sorted { $0.key < $1.key }
        var xml = "<CompleteMultipartUpload>"
        for (number, etag) in recorded {
            xml += "<Part><PartNumber>\(number)</PartNumber><ETag>\(S3XMLElement.escape(etag))</ETag></Part>"
        }
        xml += "</CompleteMultipartUpload>"
        let (_, body) = try await client.sendCollecting(
            .POST, key: key, query: [("uploadId", uploadID)], body: .bytes(ByteBuffer(string: xml)))
        try S3Responses.checkCompletion(body, key: key)
    }

    /// Discards the parts (best effort: a bucket lifecycle rule cleans up what this misses).
    func abort() async {
        _ = try? await client.send(.DELETE, key: key, query: [("uploadId", uploadID)], expecting: [404])
    }
}
