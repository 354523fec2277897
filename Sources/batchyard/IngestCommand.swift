import ArgumentParser
import BatchyardClient
import BatchyardCore

/// `batchyard ingest FILE… --dataset ID`: one batch from local files, end to end.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Create a batch, upload files into it, and signal COMPLETE (with --wait: follow it to the end).",
        discussion: """
            Files above --chunk-size are sent with the large-file protocol in chunks; if an upload is \
            interrupted, run the same command again with --batch <id> to send only what is missing.

            Exit status: 0 success, 1 the batch failed, 2 usage error, 3 the server refused a request, \
            4 the server could not be reached.
            """)

    @OptionGroup var client: ClientOptions
    @Argument(help: "Files to upload (stored in the batch under their base names).") var files: [String] = []
    @Option(help: "The dataset to ingest into.") var dataset: String
    @Option(help: "json, csv or parquet (default: from the file extensions).") var format: String?
    @Flag(name: .customLong("multi-line"), help: "JSON files are one multi-line document, not JSON Lines.")
    var multiLine = false
    @Flag(help: "Follow the batch until it is final; print its metrics and first bad rows.") var wait = false
    @Option(help: "Add to this loading batch instead of creating one (resumes interrupted uploads).") var batch: String?
    @Option(name: .customLong("chunk-size"), help: "Files larger than this are uploaded in chunks of this size: bytes, or 512k, 64M, 1G (default 64M).")
    var chunkSize: String = "64M"
    @Option(name: .customLong("limit-rate"), help: "Cap the upload bandwidth: bytes per second, or 500k, 10M.")
    var limitRate: String?
    @Option(name: .customLong("show-errors"), help: "How many bad rows to print (default 5).") var showErrors: Int = 5
    @Option(name: .customLong("poll-interval"), help: "Seconds between status checks with --wait (default 0.5).")
    var pollInterval: Double = 0.5
    @Flag(help: "No progress output.") var quiet = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to ingest") }
        guard let size = ByteSize.parse(chunkSize) else {
            throw ValidationError("--chunk-size must be a size such as 1048576, 512k or 64M")
        }
        guard size <= 512_000_000 else {
            throw ValidationError("--chunk-size can be at most 512000000 bytes (the server's chunk limit)")
        }
        if let limitRate, Throttle(parsing: limitRate) == nil { throw ValidationError("--limit-rate must be a rate such as 500k or 10M") }
        guard pollInterval > 0 else { throw ValidationError("--poll-interval must be positive") }
    }

    func run() async throws {
        let api = try client.api()
        let format = try IngestFormat.resolve(explicit: format, paths: files)
        var request = Ingestor.Request(files: files, datasetID: dataset, format: format)
        request.multiLineJSON = multiLine
        request.batchID = batch
        request.wait = wait
        request.rowErrorLimit = showErrors
        let uploader = FileUploader(
            api: api, chunkSize: ByteSize.parse(chunkSize) ?? 64 << 20, throttle: limitRate.flatMap(Throttle.init(parsing:)))
        let follower = BatchFollower(api: api, interval: .milliseconds(Int64(pollInterval * 1000)))
        let style = client.progressStyle(quiet: quiet)
        let talk = !client.json && !quiet
        let report: Ingestor.Report
        var createdBatch: String?
        var completed = false
        do throws(ClientError) {
            report = try await Ingestor(api: api, uploader: uploader, follower: follower).run(request) { event in
                if case .batchCreated(let id) = event { createdBatch = id }
                if case .completed = event { completed = true }
                guard talk else { return }
                switch event {
                case .batchCreated(let id): Output.note("batch \(id) created in dataset \(dataset)\n")
                case .resuming(let id): Output.note("adding to batch \(id)\n")
                case .completed(let id): Output.note("batch \(id) complete" + (wait ? "; waiting for processing\n" : "\n"))
                case .status(let status): Output.note("status: \(status)\n")
                }
            } makeReporter: { label, total, there in
                ProgressReporter(label: label, total: total, initial: there, style: style, verb: "uploaded", write: Output.note)
            }
        } catch {
            if !completed, error.kind != .usage, let id = batch ?? createdBatch {
                throw ClientError(error.kind, error.message + " To resume, run the command again with --batch \(id).")
            }
            throw error
        }
        print(report)
        if report.exitStatus != .success { throw ExitCode(report.exitStatus.rawValue) }
    }

    private func print(_ report: Ingestor.Report) {
        if client.json { return Output.json(report.json, compact: true) }
        guard let batch = report.batch else {
            return Output.print("batch \(report.batchID): files uploaded and COMPLETE signalled")
        }
        var lines = ["batch \(report.batchID): \(report.status ?? "")"]
        if let metrics = batch["metrics"]?.objectValue, !metrics.isEmpty {
            let order = ["inputFileCount", "inputByteSize", "inputRecordCount", "outputRecordCount", "failedRecordCount",
                         "outputFileCount", "outputByteSize"]
            let keys = order.filter { metrics[$0] != nil } + metrics.keys.sorted().filter { !order.contains($0) }
            lines.append("metrics: " + keys.map { "\($0)=\(metrics[$0]!.serialized())" }.joined(separator: " "))
        }
        for error in batch["errors"]?.arrayValue ?? [] {
            let code = error["code"]?.stringValue ?? ""
            let count = error["recordCount"]?.int64Value.map { " (\($0) rows)" } ?? ""
            lines.append("error \(code): \(error["description"]?.stringValue ?? "")\(count)")
        }
        if !report.rowErrors.isEmpty {
            lines.append("first bad rows:")
            lines += report.rowErrors.map { "  " + BatchyardAPI.describeRowError($0) }
        }
        Output.print(lines.joined(separator: "\n"))
    }
}
