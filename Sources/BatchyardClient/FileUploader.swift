#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import AsyncHTTPClient
import NIOCore
import Synchronization

/// Uploads one local file into a batch with the Batch Ingestion API: a single streamed `PUT` up to
/// `chunkSize` bytes; above it the large-file protocol (`?action=INITIALIZE`, `PATCH` chunks with
/// `Content-Range`, `?action=COMPLETE`), resumable: with `resume`, `HEAD` tells what the server
/// already holds and only the gaps are sent.
public struct FileUploader: Sendable {
    /// The server.
    public let api: BatchyardAPI
    /// Files larger than this go in chunks of this size.
    public var chunkSize: Int64
    /// An optional bandwidth cap.
    public var throttle: Throttle?
    /// How often a chunk is retried after a broken connection or a 5xx answer.
    public var retries: Int = 3

    /// An uploader with `chunkSize` (default 64 MiB, well under the server's 256 MB PUT limit).
    public init(api: BatchyardAPI, chunkSize: Int64 = 64 << 20, throttle: Throttle? = nil) {
        self.api = api
        self.chunkSize = chunkSize
        self.throttle = throttle
    }

    /// What happened to one file.
    public struct Outcome: Sendable, Hashable {
        /// The path in the batch.
        public var remotePath: String
        /// The file's size.
        public var size: Int64
        /// Whether the large-file protocol was used.
        public var chunked: Bool
        /// Chunks (or PUTs) actually sent by this run.
        public var requestsSent: Int
        /// Bytes the server already held (a resumed upload), not sent again.
        public var skippedBytes: Int64
    }

    /// The URL path of a file in a batch.
    public static func filePath(batchID: String, datasetID: String, remotePath: String) -> String {
        "/data/foundation/import/batches/\(BatchyardAPI.encode(batchID))/datasets/\(BatchyardAPI.encode(datasetID))/files/"
            + BatchyardAPI.encodePath(remotePath)
    }

    /// Uploads `localPath` as `remotePath`; `makeReporter(total, alreadyThere)` gives the progress
    /// display once it is known how much is left.
    public func upload(
        localPath: String, remotePath: String, batchID: String, datasetID: String, resume: Bool,
        makeReporter: (_ total: Int64, _ alreadyThere: Int64) -> ProgressReporter
    ) async throws(ClientError) -> Outcome {
        let descriptor = open(localPath, O_RDONLY)
        guard descriptor >= 0 else { throw ClientError(.usage, "Cannot open \(localPath) for reading.") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ClientError(.usage, "Cannot read the size of \(localPath).") }
        let size = Int64(info.st_size)
        let path = Self.filePath(batchID: batchID, datasetID: datasetID, remotePath: remotePath)

        var received: [ClosedRange<Int64>] = []
        var startOver = true
        if resume, let held = try await heldBytes(path) {
            if held.complete, held.size == size {
                let reporter = makeReporter(size, size)
                reporter.finish()
                return Outcome(remotePath: remotePath, size: size, chunked: size > chunkSize, requestsSent: 0, skippedBytes: size)
            }
            if !held.complete, size > chunkSize {
                received = held.ranges
                startOver = false
            }
        }
        if size <= chunkSize {
            let reporter = makeReporter(size, 0)
            try await withRetries(reporter: reporter) { (counter: ByteCounter) async throws(ClientError) in
                _ = try await api.sendBytes(.PUT, path, body: body(descriptor, 0, size, reporter, counter))
            }
            reporter.finish()
            return Outcome(remotePath: remotePath, size: size, chunked: false, requestsSent: 1, skippedBytes: 0)
        }
        if startOver {
            _ = try await api.send(.POST, path, query: [("action", "INITIALIZE")])
        }
        let plan = UploadPlan(fileSize: size, chunkSize: chunkSize, received: received)
        let reporter = makeReporter(size, plan.receivedBytes)
        for chunk in plan.chunks {
            try await withRetries(reporter: reporter) { (counter: ByteCounter) async throws(ClientError) in
                _ = try await api.sendBytes(
                    .PATCH, path, body: body(descriptor, chunk.start, chunk.length, reporter, counter),
                    headers: [("Content-Range", chunk.contentRange(total: size))])
            }
        }
        _ = try await api.send(.POST, path, query: [("action", "COMPLETE")])
        reporter.finish()
        return Outcome(
            remotePath: remotePath, size: size, chunked: true, requestsSent: plan.chunks.count,
            skippedBytes: plan.receivedBytes)
    }

    /// What the server holds of a file: `nil` when it has nothing.
    func heldBytes(_ path: String) async throws(ClientError) -> (complete: Bool, size: Int64, ranges: [ClosedRange<Int64>])? {
        let response: BatchyardAPI.Response
        do throws(ClientError) {
            response = try await api.send(.HEAD, path)
        } catch where error.kind == .server(status: 404) {
            return nil
        }
        let ranges = UploadPlan.ranges(fromHeader: response.headers.first(name: "Range"))
        let complete = response.headers.first(name: "x-batchyard-upload-status") == "complete"
        return (complete, ranges.last.map { $0.upperBound + 1 } ?? 0, ranges)
    }

    private func body(
        _ descriptor: Int32, _ offset: Int64, _ length: Int64, _ reporter: ProgressReporter, _ counter: ByteCounter
    ) -> HTTPClientRequest.Body {
        // Smaller pieces under a bandwidth cap, so progress moves smoothly.
        let piece = throttle == nil ? 256 * 1024 : 32 * 1024
        let stream = FileByteStream(
            descriptor: descriptor, offset: offset, length: length, pieceSize: piece, throttle: throttle
        ) { count in
            counter.add(count)
            reporter.add(count)
        }
        return .stream(stream, length: .known(length))
    }

    /// Runs `attempt`, again after a broken connection or a 5xx (taking back the progress it had
    /// counted), up to `retries` more times.
    private func withRetries(
        reporter: ProgressReporter, _ attempt: (ByteCounter) async throws(ClientError) -> Void
    ) async throws(ClientError) {
        var failures = 0
        while true {
            let counter = ByteCounter()
            do throws(ClientError) {
                try await attempt(counter)
                return
            } catch {
                let retriable: Bool
                switch error.kind {
                case .transport: retriable = true
                case .server(let status): retriable = status >= 500
                default: retriable = false
                }
                failures += 1
                guard retriable, failures <= retries else { throw error }
                reporter.add(-Int(counter.value))
                try? await Task.sleep(for: .milliseconds(200 * failures))
            }
        }
    }
}
