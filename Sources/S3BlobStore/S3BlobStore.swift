import AsyncHTTPClient
import BlobStore
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Blobs as objects of an S3-compatible bucket, under a key prefix: `<prefix><key>`.
///
/// Every request is signed with SigV4 and streamed: bodies go up in parts of
/// ``S3Configuration/partSize`` (multipart upload once a body outgrows one part), downloads come
/// down piece by piece as the reader pulls. A PUT is atomic on S3 (readers see the old or the new
/// object), but `move` is a copy then a delete, so nothing may rely on a move being atomic:
/// Batchyard decides what is visible with metadata rows (`batch_files`, `dataSetFiles`), and
/// objects no row points to are invisible and garbage (see ``S3BlobStore`` GC in the server).
public struct S3BlobStore: BlobStore {
    public let configuration: S3Configuration
    let client: S3Client

    public init(configuration: S3Configuration) {
        self.configuration = configuration
        self.client = S3Client(configuration: configuration)
    }

    /// Opens the store a storage URL names (see ``S3Configuration/parse(_:environment:endpoint:region:)``).
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.init(configuration: try S3Configuration.parse(url, environment: environment))
    }

    public func localPath(for key: String) -> String? { nil }

    /// Checks that the bucket answers to these credentials (a cheap listing); run at start-up so
    /// that a wrong endpoint or key fails the server at once, not its first upload.
    public func checkAccess() async throws {
        _ = try await client.sendCollecting(
            .GET, key: nil, query: [("list-type", "2"), ("max-keys", "1"), ("prefix", configuration.prefix)])
    }

    // MARK: Writing

    public func put(key: String, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64 {
        try BlobKey.validate(key)
        let partSize = configuration.partSize
        var buffer = ByteBuffer()
        var upload: MultipartUpload?
        var inFlight: Task<Void, any Error>?
        var total: Int64 = 0
        do {
            for try await var piece in body {
                total += Int64(piece.readableBytes)
                while piece.readableBytes > 0 {
                    let take = min(piece.readableBytes, partSize - buffer.readableBytes)
                    var slice = piece.readSlice(length: take)!
                    buffer.writeBuffer(&slice)
                    if buffer.readableBytes == partSize {
                        if upload == nil { upload = try await MultipartUpload.start(client, key: key) }
                        // One part goes up while the next one fills; never more than one.
                        try await inFlight?.value
                        let part = buffer
                        let current = upload!
                        inFlight = Task { _ = try await current.uploadPart(part) }
                        buffer = ByteBuffer()
                        buffer.reserveCapacity(partSize)
                    }
                }
            }
            try await inFlight?.value
            inFlight = nil
            guard let upload else {
                _ = try await client.send(.PUT, key: key, body: .bytes(buffer))
                return total
            }
            if buffer.readableBytes > 0 { _ = try await upload.uploadPart(buffer) }
            try await upload.complete()
            return total
        } catch {
            _ = try? await inFlight?.value
            if let upload { await upload.abort() }
            throw error
        }
    }

    public func putFile(key: String, fromLocalPath path: String, removingSource: Bool) async throws -> Int64 {
        try BlobKey.validate(key)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let partSize = Int64(configuration.partSize)
        if size <= partSize {
            _ = try await client.send(
                .PUT, key: key, body: .stream(LocalFileChunks(path: path, offset: 0, length: size), length: size))
        } else {
            let upload = try await MultipartUpload.start(client, key: key)
            do {
                var offset: Int64 = 0
                while offset < size {
                    let length = min(partSize, size - offset)
                    _ = try await upload.uploadPart(
                        stream: LocalFileChunks(path: path, offset: offset, length: length), length: length)
                    offset += length
                }
                try await upload.complete()
            } catch {
                await upload.abort()
                throw error
            }
        }
        if removingSource { try? FileManager.default.removeItem(atPath: path) }
        return size
    }

    // MARK: Reading

    public func get(key: String, range: ClosedRange<Int64>?) -> AsyncThrowingStream<ByteBuffer, any Error> {
        let reader = S3ObjectReader(client: client, key: key, range: range)
        return AsyncThrowingStream(unfolding: { try await reader.next() })
    }

    public func size(key: String) async throws -> Int64? {
        try BlobKey.validate(key)
        let response = try await client.send(.HEAD, key: key, expecting: [404])
        if response.status == .notFound { return nil }
        guard let length = response.headers.first(name: "content-length").flatMap({ Int64($0) }) else {
            throw S3ResponseError.malformed("HEAD '\(key)' without Content-Length")
        }
        return length
    }

    public func list(prefix: String) async throws -> [BlobInfo] {
        try BlobKey.validatePrefix(prefix)
        let storePrefix = configuration.prefix
        var found: [BlobInfo] = []
        var token: String?
        repeat {
            var query: [(name: String, value: String)] = [("list-type", "2"), ("prefix", storePrefix + prefix)]
            if let token { query.append(("continuation-token", token)) }
            let (_, body) = try await client.sendCollecting(.GET, key: nil, query: query)
            let page = try S3Responses.listPage(body)
            for entry in page.entries where entry.key.hasPrefix(storePrefix) {
                found.append(BlobInfo(key: String(entry.key.dropFirst(storePrefix.count)), size: entry.size))
            }
            token = page.isTruncated ? page.nextContinuationToken : nil
        } while token != nil
        return found.sorted { $0.key < $1.key }
    }

    // MARK: Deleting and moving

    public func delete(key: String) async throws {
        try BlobKey.validate(key)
        _ = try await client.send(.DELETE, key: key, expecting: [404])
    }

    public func deletePrefix(_ prefix: String) async throws {
        let keys = try await list(prefix: prefix).map(\.key)
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(start + 1000, keys.count)])
            try await deleteObjects(batch)
            start += batch.count
        }
    }

    /// One DeleteObjects request for up to 1000 keys.
    private func deleteObjects(_ keys: [String]) async throws {
        var xml = "<Delete><Quiet>true</Quiet>"
        for key in keys { xml += "<Object><Key>" + S3XMLElement.escape(client.objectKey(key)) + "</Key></Object>" }
        xml += "</Delete>"
        let body = ByteBuffer(string: xml)
        let md5 = Data(Insecure.MD5.hash(data: body.readableBytesView)).base64EncodedString()
        let (_, answer) = try await client.sendCollecting(
            .POST, key: nil, query: [("delete", "")], headers: [("content-md5", md5)], body: .bytes(body))
        let root = try S3XMLElement.parse(answer)
        if let failure = root.children.first(where: { $0.name == "Error" }) {
            throw S3ResponseError.service(
                status: 200, code: failure.text(of: "Code") ?? "Unknown", message: failure.text(of: "Message") ?? "",
                key: failure.text(of: "Key") ?? "")
        }
    }

    public func move(from source: String, to destination: String) async throws {
        try BlobKey.validate(source)
        try BlobKey.validate(destination)
        if source == destination { return }
        // One CopyObject in the common case; objects over its 5 GiB limit are composed from ranges.
        do {
            let (_, body) = try await client.sendCollecting(
                .PUT, key: destination, headers: [("x-amz-copy-source", client.copySource(source))])
            _ = try S3Responses.copyETag(body, key: destination)
        } catch let error as S3ResponseError {
            if error.code == "NoSuchKey" { throw BlobStoreError(.notFound, key: source, "no such object") }
            guard let size = try await size(key: source), size > S3Configuration.maximumSinglePartSize else { throw error }
            _ = try await compose([ObjectSegment(key: source, start: 0, length: size)], into: destination)
        }
        try await delete(key: source)
    }

    public func concatenate(_ parts: [String], into key: String) async throws -> Int64 {
        try BlobKey.validate(key)
        var segments: [ObjectSegment] = []
        for part in parts {
            try BlobKey.validate(part)
            guard let size = try await size(key: part) else { throw BlobStoreError(.notFound, key: part, "no such object") }
            segments.append(ObjectSegment(key: part, start: 0, length: size))
        }
        return try await compose(segments, into: key)
    }
}
