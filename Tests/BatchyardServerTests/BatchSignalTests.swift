import BatchyardCore
import BatchyardServer
import BatchyardStore
import Foundation
import HTTPTypes
import Testing

@Suite("Batch signals")
struct BatchSignalTests {
    /// Expected answer per (status, signal): the new status, or nil for a 400.
    static let table: [(BatchStatus, String, BatchStatus?)] = [
        (.loading, "COMPLETE", .staging), (.loading, "ABORT", .aborted), (.loading, "FAIL", .failed), (.loading, "REVERT", nil),
        (.staging, "COMPLETE", .staging), (.staging, "ABORT", .aborted), (.staging, "FAIL", nil), (.staging, "REVERT", nil),
        (.processing, "COMPLETE", .processing), (.processing, "ABORT", .aborted), (.processing, "FAIL", nil),
        (.processing, "REVERT", nil),
        (.retrying, "COMPLETE", .retrying), (.retrying, "ABORT", .aborted), (.retrying, "FAIL", nil), (.retrying, "REVERT", nil),
        (.success, "COMPLETE", .success), (.success, "ABORT", nil), (.success, "FAIL", nil), (.success, "REVERT", .inactive),
        (.failed, "COMPLETE", nil), (.failed, "ABORT", nil), (.failed, "FAIL", .failed), (.failed, "REVERT", nil),
        (.aborted, "COMPLETE", nil), (.aborted, "ABORT", .aborted), (.aborted, "FAIL", nil), (.aborted, "REVERT", nil),
        (.abandoned, "COMPLETE", nil), (.abandoned, "ABORT", nil), (.abandoned, "FAIL", nil), (.abandoned, "REVERT", nil),
        (.inactive, "COMPLETE", nil), (.inactive, "ABORT", nil), (.inactive, "FAIL", nil), (.inactive, "REVERT", .inactive),
        (.stalled, "COMPLETE", nil), (.stalled, "ABORT", nil), (.stalled, "FAIL", nil), (.stalled, "REVERT", nil),
    ]

    @Test("every (status, signal) pair over HTTP")
    func everyPair() async throws {
        try await TestServer().run { api in
            let dataset = try await api.createDataset()
            for (status, signal, expected) in Self.table {
                let batch = try await api.createBatch(datasetID: dataset)
                let id = batch["id"]?.stringValue ?? ""
                if status != .loading { try await api.setStatus(id, status) }
                let response = try await api.send(.post, "/data/foundation/import/batches/\(id)?action=\(signal)", contentType: nil)
                let stored = try await api.store.get(.batches, tenant: APIClient.tenantA, id: id)
                if let expected {
                    #expect(response.status == .ok, "\(status) \(signal): \(response.text)")
                    #expect(response.text.isEmpty)
                    #expect(stored?.document["status"]?.stringValue == expected.rawValue, "\(status) \(signal)")
                } else {
                    #expect(response.status == .badRequest, "\(status) \(signal): \(response.text)")
                    #expect(response.json["detail"]?.stringValue?.contains("'\(status.rawValue)'") == true, "\(response.text)")
                    #expect(stored?.document["status"]?.stringValue == status.rawValue)
                }
            }
        }
    }

    @Test("COMPLETE queues once, is case-insensitive and idempotent; ABORT and FAIL stamp completed and dataset pointers")
    func effects() async throws {
        try await TestServer().run { api in
            let dataset = try await api.createDataset()
            let batch = try await api.createBatch(datasetID: dataset)
            let id = batch["id"]?.stringValue ?? ""
            #expect(try await api.send(.post, "/data/foundation/import/batches/\(id)?action=complete", contentType: nil).status == .ok)
            #expect(try await api.send(.post, "/data/foundation/import/batches/\(id)?action=Complete", contentType: nil).status == .ok)
            let completed = try await api.store.get(.batches, tenant: APIClient.tenantA, id: id)
            #expect(completed?.document["status"]?.stringValue == "staging")
            #expect(completed?.document["version"]?.stringValue == "1.0.1")
            let datasetDoc = try await api.store.get(.dataSets, tenant: APIClient.tenantA, id: dataset)
            #expect(datasetDoc?.document["lastBatchId"]?.stringValue == id)
            #expect(datasetDoc?.document["lastBatchStatus"]?.stringValue == "staging")

            let second = try await api.createBatch(datasetID: dataset)
            let secondID = second["id"]?.stringValue ?? ""
            #expect(try await api.send(.post, "/data/foundation/import/batches/\(secondID)?action=FAIL", contentType: nil).status == .ok)
            let failed = try await api.store.get(.batches, tenant: APIClient.tenantA, id: secondID)
            #expect(failed?.document["completed"]?.int64Value != nil)
            let after = try await api.store.get(.dataSets, tenant: APIClient.tenantA, id: dataset)
            #expect(after?.document["lastFailedBatch"]?.stringValue == secondID)
            #expect(after?.document["lastBatchStatus"]?.stringValue == "failed")
        }
    }

    @Test("unknown batch, other tenant: 404; bad or missing action: 400")
    func errors() async throws {
        try await TestServer().run { api in
            let dataset = try await api.createDataset()
            let id = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            let unknown = try await api.send(.post, "/data/foundation/import/batches/NOPE?action=COMPLETE", contentType: nil)
            #expect(unknown.status == .notFound)
            let other = try await api.send(
                .post, "/data/foundation/import/batches/\(id)?action=COMPLETE", contentType: nil,
                headers: APIClient.headers(org: TestServer.orgB))
            #expect(other.status == .notFound)
            #expect(try await api.send(.post, "/data/foundation/import/batches/\(id)?action=PROMOTE", contentType: nil).status
                == .badRequest)
            #expect(try await api.send(.post, "/data/foundation/import/batches/\(id)", contentType: nil).status == .badRequest)
        }
    }

    @Test("a successful replay makes its predecessors inactive")
    func replay() async throws {
        try await TestServer().run { api in
            let dataset = try await api.createDataset()
            let old = try await api.createBatch(datasetID: dataset)["id"]?.stringValue ?? ""
            try await api.setStatus(old, .success)
            let replay = try await api.createBatch(datasetID: dataset, extra: ["replay": ["predecessors": [.string(old)], "reason": "fix"]])
            let id = replay["id"]?.stringValue ?? ""
            try await api.setStatus(id, .processing)
            try await api.finishWithSuccess(id)
            #expect(try await api.store.get(.batches, tenant: APIClient.tenantA, id: old)?.document["status"]?.stringValue == "inactive")
        }
    }
}
