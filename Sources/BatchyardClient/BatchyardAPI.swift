import AsyncHTTPClient
import BatchyardCore
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP calls of the client commands against one Batchyard (or AEP) server: every request
/// carries the gateway headers of `settings`, and every error answer becomes a `ClientError`
/// with the server's own sentence.
public struct BatchyardAPI: Sendable {
    /// Where and as whom.
    public let settings: ClientSettings
    let http: HTTPClient
    /// How long a JSON call may take; uploads and downloads get `transferTimeout`.
    public var timeout: TimeAmount = .seconds(60)
    /// How long one upload or download may take.
    public var transferTimeout: TimeAmount = .hours(24)

    /// An API on `http` (by default one process-wide client, which needs no shutdown).
    public init(settings: ClientSettings, http: HTTPClient = BatchyardAPI.sharedHTTPClient) {
        self.settings = settings
        self.http = http
    }

    /// A decoded answer.
    public struct Response: Sendable {
        /// The HTTP status code.
        public var status: Int
        /// The response headers.
        public var headers: HTTPHeaders
        /// The whole body (JSON calls only; transfers stream instead).
        public var body: [UInt8]

        /// The body as JSON (`null` when empty or not JSON).
        public var json: JSONValue { (try? JSONValue(parsing: body)) ?? .null }
    }

    /// Sends one request with an optional JSON body and collects the answer (up to 64 MiB).
    /// Statuses outside `accept` (by default 200–299) throw the server's error sentence.
    public func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], json: JSONValue? = nil,
        headers: [(String, String)] = [], accept: ClosedRange<Int> = 200...299
    ) async throws(ClientError) -> Response {
        var request = makeRequest(method, path, query: query, headers: headers)
        if let json {
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: json.serializedBytes()))
        }
        return try await collect(request, path: path, accept: accept, timeout: timeout)
    }

    /// Sends `body` as `application/octet-stream` (streamed, never held whole), with extra headers.
    public func sendBytes(
        _ method: HTTPMethod, _ path: String, body: HTTPClientRequest.Body, headers: [(String, String)] = []
    ) async throws(ClientError) -> Response {
        var request = makeRequest(method, path, query: [], headers: headers)
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/octet-stream")
        request.body = body
        return try await collect(request, path: path, accept: 200...299, timeout: transferTimeout)
    }

    /// Streams a GET's body to `destination` (replacing it), calling `progress` with each piece's
    /// size; returns the number of bytes written. `announce` receives the `Content-Length`
    /// before the first byte, so a progress bar knows its total.
    public func download(
        _ path: String, query: [(String, String)], to destination: String, throttle: Throttle? = nil,
        announce: @Sendable (Int64?) -> Void = { _ in }, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws(ClientError) -> Int64 {
        let request = makeRequest(.GET, path, query: query, headers: [])
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: transferTimeout)
        } catch {
            throw Self.transportError(error, settings: settings)
        }
        guard (200...299).contains(Int(response.status.code)) else {
            let body = (try? await response.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
            throw ClientError.server(status: Int(response.status.code), body: body, method: "GET", path: path)
        }
        announce(response.headers.first(name: "Content-Length").flatMap { Int64($0) })
        let temporary = destination + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else { throw ClientError(.usage, "Cannot write \(destination).") }
        defer { try? handle.close() }
        var written: Int64 = 0
        let pacer = throttle.map { Pacer(throttle: $0) }
        do {
            for try await buffer in response.body {
                try handle.write(contentsOf: Data(buffer.readableBytesView))
                written += Int64(buffer.readableBytes)
                progress(buffer.readableBytes)
                try await pacer?.pace(total: written)
            }
            try handle.synchronize()
        } catch let error as ClientError {
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw ClientError(.transport, "The download of \(path) broke off after \(written) bytes: \(error).")
        }
        _ = try? FileManager.default.removeItem(atPath: destination)
        do {
            try FileManager.default.moveItem(atPath: temporary, toPath: destination)
        } catch {
            throw ClientError(.usage, "Cannot write \(destination): \(error.localizedDescription)")
        }
        return written
    }

    /// The process-wide client: like AsyncHTTPClient's shared one, but a refused connection fails
    /// at once instead of being retried until the request's deadline, so "no server there" is
    /// reported in milliseconds.
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    // MARK: Plumbing

    func makeRequest(_ method: HTTPMethod, _ path: String, query: [(String, String)], headers: [(String, String)]) -> HTTPClientRequest {
        var url = settings.baseURL + path
        if !query.isEmpty {
            url += "?" + query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in settings.headers { request.headers.add(name: name, value: value) }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        return request
    }

    private func collect(
        _ request: HTTPClientRequest, path: String, accept: ClosedRange<Int>, timeout: TimeAmount
    ) async throws(ClientError) -> Response {
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await http.execute(request, timeout: timeout)
            body = try await response.body.collect(upTo: 64 << 20)
        } catch let error as ClientError {
            throw error
        } catch {
            throw Self.transportError(error, settings: settings)
        }
        let status = Int(response.status.code)
        let bytes = Array(body.readableBytesView)
        guard accept.contains(status) else {
            throw ClientError.server(status: status, body: bytes, method: request.method.rawValue, path: path)
        }
        return Response(status: status, headers: response.headers, body: bytes)
    }

    static func transportError(_ error: any Error, settings: ClientSettings) -> ClientError {
        if let error = error as? ClientError { return error }
        let text = String(describing: error)
        if text.contains("connectTimeout") || text.contains("connectionRefused") || text.contains("Connection refused")
            || text.contains("connect(descriptor") || text.contains("NIOConnectionError")
        {
            return ClientError(.transport, "Cannot reach the server at \(settings.baseURL) (is `batchyard serve` running?).")
        }
        if text.contains("deadlineExceeded") {
            return ClientError(.transport, "The server at \(settings.baseURL) did not answer in time.")
        }
        return ClientError(.transport, "The connection to \(settings.baseURL) failed: \(text).")
    }

    /// Percent-encodes a path segment or query value (everything but RFC 3986's unreserved characters).
    public static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes a file path for the URL, keeping its `/` separators.
    public static func encodePath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { encode(String($0)) }.joined(separator: "/")
    }
}
