import BatchyardStore
import CoreMetrics
import Metrics
import Prometheus
import SQLKit

/// The server's Prometheus metrics, in a registry this application owns.
///
/// Metrics are made with an explicit factory over that registry rather than through the
/// process-global `MetricsSystem`, so several applications in one process (the tests) each count
/// only their own traffic. Counters and histograms are updated as requests and batches happen;
/// the gauges that describe stored state (batches by status, queue depth) are read from the
/// metadata database when `/metrics` is scraped, so they are never stale or double-counted.
public final class BatchyardMetrics: Sendable {
    /// Where every series lives; `/metrics` renders it.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let recordsIngested: CoreMetrics.Counter
    private let recordsFailed: CoreMetrics.Counter
    private let bytesUploaded: CoreMetrics.Counter

    /// Request-duration buckets: a cached lookup takes a millisecond, a large upload seconds.
    static let durationBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500),
        .seconds(5), .seconds(10), .seconds(30),
    ]

    /// The statuses a batch can be stored with, so each has a series even at zero.
    static let batchStatuses = [
        "loading", "staging", "processing", "retrying", "stalled", "success", "failed", "aborted",
        "abandoned", "inactive",
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = Self.durationBuckets
        self.factory = factory
        recordsIngested = CoreMetrics.Counter(label: "batchyard_records_ingested_total", factory: factory)
        recordsFailed = CoreMetrics.Counter(label: "batchyard_records_failed_total", factory: factory)
        bytesUploaded = CoreMetrics.Counter(label: "batchyard_upload_bytes_total", factory: factory)
    }

    /// Counts one answered request under its route template (never the raw path, which would
    /// make a series per object id) and records how long it took.
    public func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        CoreMetrics.Counter(label: "batchyard_http_requests_total", dimensions: dimensions, factory: factory).increment()
        CoreMetrics.Timer(
            label: "batchyard_http_request_duration_seconds",
            dimensions: [("method", method), ("route", route)], factory: factory
        ).recordNanoseconds(Self.nanoseconds(duration))
    }

    /// Counts bytes of file uploads as they arrive (whether or not the upload then succeeds).
    public func addUploadedBytes(_ count: Int) {
        guard count > 0 else { return }
        bytesUploaded.increment(by: Int64(count))
    }

    /// Counts the records of a batch a worker finished (published or failed).
    public func recordBatchOutcome(ingested: Int, failed: Int) {
        if ingested > 0 { recordsIngested.increment(by: Int64(ingested)) }
        if failed > 0 { recordsFailed.increment(by: Int64(failed)) }
    }

    /// Reads the stored-state gauges from the database, then renders the text exposition format.
    public func exposition(database: any MetadataDatabase) async throws -> String {
        let snapshot = try await database.read { db in
            let statusRows = try await db.raw(
                "SELECT status, COUNT(*) AS n FROM batches GROUP BY status").all()
            var statuses: [String: Int] = [:]
            for row in statusRows {
                let status = try row.decode(column: "status", as: String?.self) ?? "unknown"
                statuses[status, default: 0] += try row.decode(column: "n", as: Int.self)
            }
            let queue = try await db.raw("SELECT COUNT(*) AS n FROM ingest_jobs").first()
            return (statuses, try queue?.decode(column: "n", as: Int.self) ?? 0)
        }
        for status in Set(Self.batchStatuses).union(snapshot.0.keys) {
            CoreMetrics.Gauge(label: "batchyard_batches", dimensions: [("status", status)], factory: factory)
                .record(snapshot.0[status] ?? 0)
        }
        CoreMetrics.Gauge(label: "batchyard_worker_queue_depth", factory: factory).record(snapshot.1)
        return registry.emitToString()
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
