import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import NIOPosix

/// Signs and sends S3 requests for one bucket, turning error answers into ``S3ResponseError``.
struct S3Client: Sendable {
    let configuration: S3Configuration
    let http: HTTPClient
    let signer: SigV4Signer
    private let host: String
    private let basePath: String
    private let baseURL: String

    /// One HTTP client for every S3 store of the process: it lives as long as the process, so it
    /// is never shut down. Redirects are not followed (they would break the signature), and a
    /// connection that stays silent for a minute fails the request.
    static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(60)))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 16
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    init(configuration: S3Configuration, http: HTTPClient = S3Client.sharedHTTPClient) {
        self.configuration = configuration
        self.http = http
        self.signer = SigV4Signer(credentials: configuration.credentials, region: configuration.region)
        let schemeEnd = configuration.endpoint.range(of: "://")!.upperBound
        let scheme = String(configuration.endpoint[..<schemeEnd])
        var authority = String(configuration.endpoint[schemeEnd...])
        if let slash = authority.firstIndex(of: "/") { authority = String(authority[..<slash]) }
        if scheme == "http://", authority.hasSuffix(":80") { authority.removeLast(3) }
        if scheme == "https://", authority.hasSuffix(":443") { authority.removeLast(4) }
        if configuration.pathStyle {
            host = authority
            basePath = "/" + S3Encoding.encode(configuration.bucket, keepingSlash: false)
        } else {
            host = configuration.bucket + "." + authority
            basePath = ""
        }
        baseURL = scheme + host
    }

    /// The object key in the bucket for a blob key.
    func objectKey(_ key: String) -> String { configuration.prefix + key }

    /// The `x-amz-copy-source` value naming a blob.
    func copySource(_ key: String) -> String {
        "/" + S3Encoding.encode(configuration.bucket, keepingSlash: false) + "/"
            + S3Encoding.encode(objectKey(key), keepingSlash: true)
    }

    /// Sends a request and returns the response once its status is a success; an error status
    /// throws with the service's `<Error>` code and message. `key` is a blob key (`nil`: the bucket).
    ///
    /// Every request is retried twice after a connection failure or a 500/503 answer: each body
    /// can be sent again (bytes in memory, or a local file read again from its start).
    func send(
        _ method: HTTPMethod, key: String?, query: [(name: String, value: String)] = [], headers: [(String, String)] = [],
        body: RequestBody = .none, expecting accepted: Set<Int> = []
    ) async throws -> HTTPClientResponse {
        var attempt = 0
        while true {
            attempt += 1
            do {
                let response = try await sendOnce(method, key: key, query: query, headers: headers, body: body)
                let status = Int(response.status.code)
                if (200..<300).contains(status) || accepted.contains(status) { return response }
                let bytes = try await response.body.collect(upTo: 1 << 20)
                let error = S3Responses.serviceError(status: status, body: Data(buffer: bytes), key: key ?? "")
                if attempt < 3, status == 500 || status == 503 {
                    try await Task.sleep(for: .milliseconds(100 * attempt * attempt))
                    continue
                }
                throw error
            } catch let error as S3ResponseError {
                throw error
            } catch {
                guard attempt < 3, !(error is CancellationError) else { throw error }
                try await Task.sleep(for: .milliseconds(100 * attempt * attempt))
            }
        }
    }

    /// Sends a request and returns the whole (small) answer body.
    func sendCollecting(
        _ method: HTTPMethod, key: String?, query: [(name: String, value: String)] = [], headers: [(String, String)] = [],
        body: RequestBody = .none
    ) async throws -> (HTTPClientResponse, Data) {
        let response = try await send(method, key: key, query: query, headers: headers, body: body)
        let bytes = try await response.body.collect(upTo: 16 << 20)
        return (response, Data(buffer: bytes))
    }

    private func sendOnce(
        _ method: HTTPMethod, key: String?, query: [(name: String, value: String)], headers: [(String, String)],
        body: RequestBody
    ) async throws -> HTTPClientResponse {
        var path = basePath + "/"
        if let key { path += S3Encoding.encode(objectKey(key), keepingSlash: true) }
        let queryString = S3Encoding.canonicalQuery(query)
        var request = HTTPClientRequest(url: baseURL + path + (queryString.isEmpty ? "" : "?" + queryString))
        request.method = method
        var signedHeaders = headers
        signedHeaders.append(("host", host))
        let payloadHash: String
        switch body {
        case .none:
            payloadHash = SigV4Signer.emptyPayloadHash
        case .bytes(let buffer):
            payloadHash = S3Encoding.hex(SHA256.hash(data: buffer.readableBytesView))
            request.body = .bytes(buffer)
        case .stream(let stream, let length):
            payloadHash = SigV4Signer.unsignedPayload
            request.body = .stream(stream, length: .known(length))
        }
        let authorization = signer.sign(
            method: method.rawValue, path: path, query: query, headers: signedHeaders, payloadHash: payloadHash,
            date: Date())
        for (name, value) in signedHeaders + authorization { request.headers.replaceOrAdd(name: name, value: value) }
        return try await http.execute(request, deadline: .now() + .hours(24))
    }
}

/// A request body: nothing, bytes in memory (hashed and signed), or a range of a local file of
/// known length (sent as `UNSIGNED-PAYLOAD`). Each can be sent again: a `LocalFileChunks` starts
/// reading its file from the beginning for every iteration, and the files streamed are staged
/// parts and spooled uploads, which nothing changes while a request is on its way.
enum RequestBody: Sendable {
    case none
    case bytes(ByteBuffer)
    case stream(LocalFileChunks, length: Int64)
}
