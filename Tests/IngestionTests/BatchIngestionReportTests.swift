import BatchyardCore
import Ingestion
import Testing

@Suite("BatchIngestionReport")
struct BatchIngestionReportTests {
    func report(accepted: Int, corrupt: Int, fileErrors: [IngestionFileError] = []) -> BatchIngestionReport {
        var report = BatchIngestionReport()
        report.inputFileCount = 4
        report.inputByteSize = 568
        report.outputFileCount = 1
        report.outputByteSize = 2048
        for _ in 0..<accepted { report.record(.record(SourceRecord(value: [:], line: 1))) }
        for _ in 0..<corrupt { report.record(.rowError(.corrupt(file: "f", line: 1, rawRecord: "x", reason: "r"))) }
        report.fileErrors = fileErrors
        return report
    }

    @Test("A clean batch succeeds with AEP's metrics")
    func clean() {
        let verdict = report(accepted: 10, corrupt: 0).verdict(policy: PartialIngestionPolicy(), diagnosticsEnabled: true)
        #expect(verdict.decision == .succeed)
        #expect(verdict.errors.isEmpty && verdict.errorsJSON == [])
        #expect(verdict.event == .workerSucceeded)
        #expect(verdict.metrics == [
            "inputFileCount": 4, "inputByteSize": 568, "inputRecordCount": 10, "outputRecordCount": 10,
            "failedRecordCount": 0, "outputFileCount": 1, "outputByteSize": 2048,
        ])
    }

    @Test("Within the threshold the batch succeeds and its bad rows are summarised")
    func partial() {
        let verdict = report(accepted: 514, corrupt: 5).verdict(
            policy: PartialIngestionPolicy(percentage: 5), diagnosticsEnabled: true)
        #expect(verdict.decision == .succeed)
        #expect(verdict.errors.map(\.code) == ["INGEST-1212-400", "INGEST-1401-400"])
        #expect(verdict.errors[0].description.hasPrefix("Encountered 5 errors in the data. Successfully ingested 514 rows."))
        #expect(verdict.metrics["outputRecordCount"] == 514 && verdict.metrics["failedRecordCount"] == 5)
    }

    @Test("Over the threshold the batch fails and says nothing was ingested")
    func overThreshold() {
        let verdict = report(accepted: 10, corrupt: 1).verdict(policy: PartialIngestionPolicy(), diagnosticsEnabled: true)
        #expect(verdict.decision == .fail)
        let summary = "Encountered 1 errors in 11 rows, and the batch does not allow partial ingestion. No rows were ingested. Please review the associated diagnostic files for more details."
        #expect(verdict.errors.first?.description == summary)
        #expect(verdict.event == .workerFailed(reason: summary))
        #expect(verdict.metrics["outputRecordCount"] == 0)
        #expect(verdict.metrics["outputFileCount"] == nil)
        let withPercentage = report(accepted: 10, corrupt: 5).verdict(
            policy: PartialIngestionPolicy(percentage: 2.5), diagnosticsEnabled: true)
        #expect(withPercentage.errors.first?.description.contains("more than the 2.5% of rows") == true)
        let withoutDiagnostics = report(accepted: 10, corrupt: 1).verdict(
            policy: PartialIngestionPolicy(), diagnosticsEnabled: false)
        #expect(withoutDiagnostics.errors.map(\.code) == ["INGEST-1211-400"])
    }

    @Test("An unreadable file fails the batch whatever the threshold")
    func fileError() {
        let empty = IngestionFileError(.emptyFile, file: "b.json")
        let verdict = report(accepted: 10, corrupt: 0, fileErrors: [empty]).verdict(
            policy: PartialIngestionPolicy(percentage: 100), diagnosticsEnabled: true)
        #expect(verdict.decision == .fail)
        #expect(verdict.errorsJSON == [
            ["code": "106", "description": "Dataset file is empty. Please upload file with data.", "rows": [], "file": "b.json"]
        ])
        #expect(verdict.event == .workerFailed(reason: "Dataset file is empty. Please upload file with data."))
    }

    @Test("Reports of several files merge")
    func merge() {
        var total = report(accepted: 2, corrupt: 1)
        total.merge(report(accepted: 3, corrupt: 0, fileErrors: [IngestionFileError(.emptyFile, file: "e")]))
        #expect(total.rows.inputRecords == 6 && total.rows.failedRecords == 1)
        #expect(total.inputFileCount == 8 && total.inputByteSize == 1136 && total.outputByteSize == 4096)
        #expect(total.fileErrors.count == 1)
    }
}
