import ArgumentParser
import BatchyardServer
import Foundation
import Logging

/// `batchyard serve`: runs the HTTP server until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the Batchyard server (embedded default: SQLite + local files).",
        discussion: "Every option can also be given as an environment variable BATCHYARD_<NAME>, e.g. BATCHYARD_PORT=9090; flags win.")

    @Option(help: "Address to listen on (BATCHYARD_HOST).")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (BATCHYARD_PORT).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Directory for metadata and files (BATCHYARD_DATA_DIR).")
    var dataDirectory: String?

    @Option(help: "Authentication: dev (any token) or strict (tokens from POST /ims/token/v3) (BATCHYARD_AUTH).")
    var auth: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (BATCHYARD_LOG_LEVEL).")
    var logLevel: String?

    @Option(help: "PostgreSQL URL for metadata, postgres://user:password@host:port/database; default: SQLite in the data directory (BATCHYARD_DATABASE).")
    var database: String?

    @Option(name: .customLong("database-schema"),
            help: "PostgreSQL schema for the tables, created if missing (BATCHYARD_DATABASE_SCHEMA).")
    var databaseSchema: String?

    @Option(help: "Ingestion workers in this process (BATCHYARD_WORKERS; default 2).")
    var workers: Int?

    @Option(name: .customLong("abandon-after"),
            help: "A loading batch untouched this long becomes abandoned: 24h, 90m, 30s, 500ms (BATCHYARD_ABANDON_AFTER).")
    var abandonAfter: String?

    @Option(name: .customLong("delete-inactive-after"),
            help: "An inactive (reverted or replaced) batch this long is deleted with its lake files: 24h, 90m, 30s, 500ms (BATCHYARD_DELETE_INACTIVE_AFTER).")
    var deleteInactiveAfter: String?

    @Option(help: "Blob storage: s3://bucket/prefix for an S3-compatible bucket (credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; default: <data-dir>/blobs) (BATCHYARD_STORAGE).")
    var storage: String?

    @Option(name: .customLong("s3-endpoint"), help: "S3 endpoint, e.g. http://127.0.0.1:9000 (BATCHYARD_S3_ENDPOINT; else AWS_ENDPOINT_URL; default AWS).")
    var s3Endpoint: String?

    @Option(name: .customLong("s3-region"), help: "S3 region (BATCHYARD_S3_REGION; else AWS_REGION, AWS_DEFAULT_REGION; default us-east-1).")
    var s3Region: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        func setting(_ flag: String?, _ name: String) -> String? { flag ?? environment["BATCHYARD_\(name)"] }

        var configuration = ServerConfiguration()
        if let host = setting(host, "HOST") { configuration.host = host }
        if let text = setting(port.map(String.init), "PORT") {
            guard let value = Int(text), (0...65535).contains(value) else {
                throw ValidationError("port must be a number from 0 to 65535, not '\(text)'")
            }
            configuration.port = value
        }
        if let directory = setting(dataDirectory, "DATA_DIR") { configuration.dataDirectory = directory }
        if let url = setting(database, "DATABASE"), !url.isEmpty { configuration.databaseURL = url }
        if let schema = setting(databaseSchema, "DATABASE_SCHEMA"), !schema.isEmpty { configuration.databaseSchema = schema }
        if let text = setting(auth, "AUTH") {
            guard let mode = AuthMode(rawValue: text.lowercased()) else {
                throw ValidationError("auth must be dev or strict, not '\(text)'")
            }
            configuration.authMode = mode
        }
        if let text = setting(logLevel, "LOG_LEVEL") {
            guard let level = Logger.Level(rawValue: text.lowercased()) else {
                throw ValidationError("log level must be one of trace, debug, info, notice, warning, error, critical")
            }
            configuration.logLevel = level
        }
        if let text = setting(workers.map(String.init), "WORKERS") {
            guard let value = Int(text), (0...64).contains(value) else {
                throw ValidationError("workers must be a number from 0 to 64, not '\(text)'")
            }
            configuration.workers.workers = value
        }
        for (flag, name) in [
            (abandonAfter, "ABANDON_AFTER"), (deleteInactiveAfter, "DELETE_INACTIVE_AFTER"), (nil, "JOB_LEASE"), (nil, "WORKER_POLL"),
        ] {
            guard let text = setting(flag, name) else { continue }
            guard let millis = DurationText.milliseconds(text) else {
                throw ValidationError("\(name.lowercased()) must be a duration such as 24h, 90m, 30s or 500ms, not '\(text)'")
            }
            switch name {
            case "ABANDON_AFTER": configuration.workers.abandonAfterMillis = millis
            case "DELETE_INACTIVE_AFTER": configuration.workers.deleteInactiveAfterMillis = millis
            case "JOB_LEASE": configuration.workers.leaseMillis = millis
            default: configuration.workers.pollMillis = millis
            }
        }
        if var url = setting(storage, "STORAGE"), !url.isEmpty {
            // Flags are appended to the URL's query, where the last value of a name wins.
            for (value, name) in [(setting(s3Endpoint, "S3_ENDPOINT"), "endpoint"), (setting(s3Region, "S3_REGION"), "region")] {
                guard let value, !value.isEmpty else { continue }
                url += (url.contains("?") ? "&" : "?") + name + "=" + value
            }
            configuration.storage = url
        }
        var logger = Logger(label: "batchyard")
        logger.logLevel = configuration.logLevel
        let dataDirectory = URL(fileURLWithPath: configuration.dataDirectory).standardizedFileURL.path
        let auth = configuration.authMode.rawValue
        let host = configuration.host
        let startupLogger = logger
        let storageNote = configuration.storage.map { ", blobs in " + ($0.split(separator: "?").first.map(String.init) ?? $0) } ?? ""
        let app = try await BatchyardApplication.build(configuration: configuration, logger: logger) { port in
            startupLogger.info("batchyard listening on http://\(host):\(port) with data in \(dataDirectory)\(storageNote) (auth \(auth))")
        }
        try await app.runService()
    }
}
