import AsyncHTTPClient
import BlobStore
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1

/// The state behind one ``S3BlobStore`` `get` stream: sends the (ranged) GET on the first pull and
/// then hands out the response body as it arrives, so a slow reader holds back the download
/// instead of buffering the object.
final class S3ObjectReader: Sendable {
    private struct State: @unchecked Sendable {
        var iterator: HTTPClientResponse.Body.AsyncIterator?
        var started = false
        var finished = false
    }

    private let client: S3Client
    private let key: String
    private let range: ClosedRange<Int64>?
    // `AsyncThrowingStream(unfolding:)` never calls `next` concurrently; the box only makes the
    // iterator's hand-over between calls visible to the compiler.
    private let state = NIOLockedValueBox(State())

    init(client: S3Client, key: String, range: ClosedRange<Int64>?) {
        self.client = client
        self.key = key
        self.range = range
    }

    func next() async throws -> ByteBuffer? {
        var current = state.withLockedValue { $0 }
        if current.finished { return nil }
        if !current.started {
            current.started = true
            state.withLockedValue { $0.started = true }
            do {
                current.iterator = try await start().makeAsyncIterator()
            } catch {
                state.withLockedValue { $0.finished = true }
                throw error
            }
        }
        do {
            var iterator = current.iterator!
            let piece = try await iterator.next()
            state.withLockedValue {
                $0.iterator = iterator
                if piece == nil { $0.finished = true; $0.iterator = nil }
            }
            return piece
        } catch {
            state.withLockedValue { $0.finished = true; $0.iterator = nil }
            throw error
        }
    }

    private func start() async throws -> HTTPClientResponse.Body {
        try BlobKey.validate(key)
        var headers: [(String, String)] = []
        if let range {
            guard range.lowerBound >= 0 else {
                throw BlobStoreError(.invalidRange, key: key, "bytes \(range.lowerBound)-\(range.upperBound)")
            }
            headers.append(("range", "bytes=\(range.lowerBound)-\(range.upperBound)"))
        }
        let response: HTTPClientResponse
        do {
            response = try await client.send(.GET, key: key, headers: headers)
        } catch let error as S3ResponseError {
            switch error.code {
            case "NoSuchKey": throw BlobStoreError(.notFound, key: key, "no such object")
            case "InvalidRange":
                throw BlobStoreError(.invalidRange, key: key, "bytes \(range?.lowerBound ?? 0)-\(range?.upperBound ?? 0)")
            default: throw error
            }
        }
        if let range {
            // S3 shortens a range that runs past the end; the protocol wants an error instead.
            guard response.status == .partialContent,
                let contentRange = response.headers.first(name: "content-range"),
                let slash = contentRange.lastIndex(of: "/"), let dash = contentRange.lastIndex(of: "-"),
                let end = Int64(contentRange[contentRange.index(after: dash)..<slash].trimmingCharacters(in: .whitespaces)),
                end == range.upperBound
            else {
                throw BlobStoreError(.invalidRange, key: key, "bytes \(range.lowerBound)-\(range.upperBound) are beyond the object")
            }
        }
        return response.body
    }
}
