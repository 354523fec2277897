import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import ServiceLifecycle
import Testing

@Suite("Prometheus metrics")
struct MetricsTests {
    @Test("/metrics needs no gateway headers and counts requests by route template and status")
    func requestCounts() async throws {
        try await TestServer().run { api in
            let dataset = try await api.createDataset()
            _ = try await api.send(.get, "/data/foundation/catalog/dataSets/\(dataset)")
            _ = try await api.send(.get, "/data/foundation/catalog/dataSets/missing-one")
            _ = try await api.send(.get, "/health", headers: [:])
            let metrics = try await api.send(.get, "/metrics", headers: [:])
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = metrics.text
            let created = #"batchyard_http_requests_total{method="POST",route="/data/foundation/catalog/dataSets",status="201"} 1"#
            #expect(text.contains(created), "\(text)")
            // Lookups of two different ids are one series: the template, not the path.
            let found = #"batchyard_http_requests_total{method="GET",route="/data/foundation/catalog/dataSets/{id}",status="200"} 1"#
            let missing = #"batchyard_http_requests_total{method="GET",route="/data/foundation/catalog/dataSets/{id}",status="404"} 1"#
            #expect(text.contains(found) && text.contains(missing), "\(text)")
            #expect(text.contains(#"batchyard_http_requests_total{method="GET",route="/health",status="200"} 1"#))
            #expect(text.contains("# TYPE batchyard_http_request_duration_seconds histogram"))
            #expect(text.contains(#"batchyard_http_request_duration_seconds_count{method="POST",route="/data/foundation/catalog/dataSets"} 1"#))
            #expect(text.contains("batchyard_worker_queue_depth 0.0"))
            #expect(!text.contains(dataset), "ids must not become labels")
        }
    }

    @Test("Unrouted paths share one label, so scanners cannot create series")
    func unmatchedRoutes() async throws {
        try await TestServer().run { api in
            _ = try await api.send(.get, "/no/such/\(UUID().uuidString)", headers: [:])
            _ = try await api.send(.get, "/another/\(UUID().uuidString)", headers: [:])
            let text = try await api.send(.get, "/metrics", headers: [:]).text
            #expect(text.contains(#"batchyard_http_requests_total{method="GET",route="unmatched",status="404"} 2"#), "\(text)")
        }
    }

    @Test("Uploaded bytes, batches by status, queue depth, records ingested and failed")
    func ingestion() async throws {
        let server = TestServer()
        try await server.runWithWorkers { api in
            let dataset = try await api.createDataset()
            let good = try await api.createBatch(datasetID: dataset, extra: ["inputFormat": ["format": "json"]])
            let goodID = good["id"]?.stringValue ?? ""
            let lines = Array("{\"id\": \"a\"}\n{\"id\": \"b\"}\n{\"id\": \"c\"}\n".utf8)
            try await api.placeUpload(dataDirectory: server.configuration.dataDirectory, batchID: goodID, path: "one.json", bytes: lines)
            let loading = try await api.send(.get, "/metrics", headers: [:]).text
            #expect(loading.contains(#"batchyard_batches{status="loading"} 1.0"#), "\(loading)")
            #expect(loading.contains("batchyard_upload_bytes_total \(lines.count)"), "\(loading)")

            _ = try await api.send(.post, "/data/foundation/import/batches/\(goodID)?action=COMPLETE", contentType: nil)
            #expect(try await api.waitForFinal(goodID)["status"]?.stringValue == "success")

            // A batch whose only row is not an object fails with one failed record.
            let bad = try await api.createBatch(datasetID: dataset, extra: ["inputFormat": ["format": "json"]])
            let badID = bad["id"]?.stringValue ?? ""
            try await api.placeUpload(dataDirectory: server.configuration.dataDirectory, batchID: badID, path: "bad.json",
                                      bytes: Array("{\"id\": \"x\"}\n[1, 2]\n".utf8))
            _ = try await api.send(.post, "/data/foundation/import/batches/\(badID)?action=COMPLETE", contentType: nil)
            let badFinal = try await api.waitForFinal(badID)

            let text = try await api.send(.get, "/metrics", headers: [:]).text
            #expect(text.contains(#"batchyard_batches{status="success"} 1.0"#), "\(text)")
            #expect(text.contains(#"batchyard_batches{status="loading"} 0.0"#), "\(text)")
            #expect(text.contains("batchyard_worker_queue_depth 0.0"), "\(text)")
            let failedRows = badFinal["metrics"]?["failedRecordCount"]?.int64Value ?? 0
            let ingestedRows = 3 + (badFinal["status"]?.stringValue == "success" ? 1 : 0)
            #expect(text.contains("batchyard_records_ingested_total \(ingestedRows)"), "\(badFinal.serialized())\n\(text)")
            #expect(failedRows >= 1)
            #expect(text.contains("batchyard_records_failed_total \(failedRows)"), "\(badFinal.serialized())\n\(text)")
        }
    }
}
