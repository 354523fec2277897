import BatchyardCore
import Foundation

/// `batchyard ingest`: creates a batch (or reuses one to resume), uploads the files, signals
/// COMPLETE, and optionally follows the batch to its end and collects metrics and the first bad rows.
public struct Ingestor: Sendable {
    /// What to ingest and how.
    public struct Request: Sendable {
        /// Local files; each is stored in the batch under its base name.
        public var files: [String]
        /// The dataset.
        public var datasetID: String
        /// The batch's input format (see `IngestFormat`).
        public var format: String
        /// JSON files hold one multi-line document (an array) rather than JSON Lines.
        public var multiLineJSON = false
        /// An existing `loading` batch to add to (resuming an interrupted ingest).
        public var batchID: String?
        /// Follow the batch until it is final.
        public var wait = false
        /// How many bad rows to fetch when the batch has row errors.
        public var rowErrorLimit = 5

        /// A request for `files` into `datasetID` in `format`.
        public init(files: [String], datasetID: String, format: String) {
            self.files = files
            self.datasetID = datasetID
            self.format = format
        }
    }

    /// What happened.
    public struct Report: Sendable {
        /// The batch.
        public var batchID: String
        /// Per file.
        public var uploads: [FileUploader.Outcome] = []
        /// The final batch object (with `--wait`).
        public var batch: JSONValue?
        /// The first bad rows (with `--wait`, when there are any).
        public var rowErrors: [JSONValue] = []

        /// The final status, when followed.
        public var status: String? { batch?["status"]?.stringValue }

        /// 0 when the batch succeeded or was not followed, 1 when it ended otherwise.
        public var exitStatus: ExitStatus {
            guard let status else { return .success }
            return BatchFollower.succeeded(status) ? .success : .batchFailed
        }

        /// The report as one JSON object for `--json`.
        public var json: JSONValue {
            var object: [String: JSONValue] = [
                "batchId": .string(batchID),
                "files": .array(uploads.map {
                    ["path": .string($0.remotePath), "size": .int($0.size), "chunked": .bool($0.chunked),
                     "resumedBytes": .int($0.skippedBytes)]
                }),
            ]
            if let batch {
                object["status"] = batch["status"] ?? .null
                object["metrics"] = batch["metrics"] ?? .object([:])
                object["errors"] = batch["errors"] ?? .array([])
                object["rowErrors"] = .array(rowErrors)
            }
            return .object(object)
        }
    }

    /// Something worth telling the user while it runs.
    public enum Event: Sendable {
        case batchCreated(String)
        case resuming(String)
        case completed(String)
        case status(String)
    }

    /// The server.
    public let api: BatchyardAPI
    /// Uploads the files.
    public var uploader: FileUploader
    /// Follows the batch.
    public var follower: BatchFollower

    /// An ingestor with the given uploader and follower settings.
    public init(api: BatchyardAPI, uploader: FileUploader, follower: BatchFollower) {
        self.api = api
        self.uploader = uploader
        self.follower = follower
    }

    /// Checks that the files exist, are regular files and have distinct names; returns their
    /// names in the batch. A usage error otherwise.
    public static func remoteNames(for files: [String]) throws(ClientError) -> [String] {
        guard !files.isEmpty else { throw ClientError(.usage, "Name at least one file to ingest.") }
        var names: [String] = []
        for file in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw ClientError(.usage, "There is no file \(file).")
            }
            guard !isDirectory.boolValue else { throw ClientError(.usage, "\(file) is a directory; name the files in it.") }
            let name = URL(fileURLWithPath: file).lastPathComponent
            guard !names.contains(name) else {
                throw ClientError(.usage, "Two files are named \(name); a batch holds each name once.")
            }
            names.append(name)
        }
        return names
    }

    /// Runs the ingest. `makeReporter(label, total, alreadyThere)` shows each file's progress.
    public func run(
        _ request: Request, events: (Event) -> Void,
        makeReporter: (_ label: String, _ total: Int64, _ alreadyThere: Int64) -> ProgressReporter
    ) async throws(ClientError) -> Report {
        let names = try Self.remoteNames(for: request.files)
        let batchID: String
        if let existing = request.batchID {
            let batch = try await api.batch(existing)
            let status = batch["status"]?.stringValue ?? ""
            guard status == "loading" else {
                throw ClientError(.usage, "Batch \(existing) is '\(status)'; only a 'loading' batch can take more files.")
            }
            batchID = existing
            events(.resuming(batchID))
        } else {
            var format: [String: JSONValue] = ["format": .string(request.format)]
            if request.multiLineJSON { format["isMultiLineJson"] = .bool(true) }
            let batch = try await api.createBatch(datasetID: request.datasetID, inputFormat: .object(format))
            guard let id = batch["id"]?.stringValue else {
                throw ClientError(.server(status: 201), "The server created a batch but did not say its id.")
            }
            batchID = id
            events(.batchCreated(batchID))
        }
        var report = Report(batchID: batchID)
        for (file, name) in zip(request.files, names) {
            let outcome = try await uploader.upload(
                localPath: file, remotePath: name, batchID: batchID, datasetID: request.datasetID,
                resume: request.batchID != nil
            ) { total, there in makeReporter(name, total, there) }
            report.uploads.append(outcome)
        }
        try await api.signal(batchID: batchID, action: "COMPLETE")
        events(.completed(batchID))
        guard request.wait else { return report }
        let final = try await follower.follow(batchID: batchID) { events(.status($0)) }
        report.batch = final
        let failed = final["metrics"]?["failedRecordCount"]?.int64Value ?? 0
        if failed > 0 || !BatchFollower.succeeded(final["status"]?.stringValue ?? "") {
            report.rowErrors = try await api.rowErrors(batchID: batchID, limit: request.rowErrorLimit)
        }
        return report
    }
}
