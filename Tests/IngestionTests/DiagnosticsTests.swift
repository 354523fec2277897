import BatchyardCore
import Ingestion
import Testing

@Suite("Row errors, batch error summaries and partial ingestion")
struct DiagnosticsTests {
    @Test("A parsing row error renders AEP's fields plus line, path and reason")
    func rowErrorJSON() {
        let error = RowError.corrupt(file: "dir/F1.json", line: 7, rawRecord: "{missingQuotes: \"v1\"}", reason: "Invalid JSON at byte 1: expected a key.")
        #expect(error.jsonValue == [
            "_corrupt_record": "{missingQuotes: \"v1\"}",
            "_errors": [[
                "code": "1401", "message": "Row is corrupted and cannot be read, please fix and resend.",
                "reason": "Invalid JSON at byte 1: expected a key.",
            ]],
            "_filename": "dir/F1.json",
            "_line": 7,
        ])
        #expect(error.stage.fileName(index: 0) == "parsing_errors_0.json")
        #expect(RowError.Stage.conversion.fileName(index: 3) == "conversion_errors_3.json")
    }

    @Test("A conversion row error carries each field path")
    func conversionError() {
        let error = RowError(
            stage: .conversion, file: "f.csv", line: 3, rawRecord: "a,b",
            issues: [
                RowError.Issue(code: .requiredFieldMissing, fieldPath: "/person/id", reason: "'id' is required."),
                RowError.Issue(code: .typeCompatibility, fieldPath: "/age", reason: "'abc' is not an integer."),
            ])
        #expect(error.primaryCode == .requiredFieldMissing)
        #expect(error.jsonValue["_errors"] == [
            [
                "code": "1555", "message": "A required field is either missing or has a value of null.",
                "path": "/person/id", "reason": "'id' is required.",
            ],
            [
                "code": "TypeCompatibilityException",
                "message": "A value cannot be converted to the type of its field in the schema.", "path": "/age",
                "reason": "'abc' is not an integer.",
            ],
        ])
    }

    @Test("Huge raw rows are cut in diagnostics")
    func truncation() {
        let raw = String(repeating: "é", count: RowError.maxRawRecordLength)
        let error = RowError.corrupt(file: "f", line: 1, rawRecord: raw, reason: "r")
        #expect(error.rawRecord.utf8.count <= RowError.maxRawRecordLength + 3)
        #expect(error.rawRecord.hasSuffix("…"))
        #expect(RowError.corrupt(file: "f", line: 1, rawRecord: "short", reason: "r").rawRecord == "short")
    }

    @Test("Row error codes map to AEP's batch codes")
    func codes() {
        #expect(RowErrorCode.corruptRow.batchCode == "INGEST-1401-400")
        #expect(RowErrorCode.requiredFieldMissing.batchCode == "INGEST-1555-400")
        #expect(RowErrorCode.typeCompatibility.batchCode == "TypeCompatibilityException")
        #expect(RowErrorCode("1999").batchCode == "INGEST-1999-400")
        #expect(RowErrorCode("1999").rowMessage == "The row failed validation with error 1999.")
        #expect(RowErrorCode("").batchCode == "")
    }

    func tally(accepted: Int, corrupt: Int, missing: Int) -> RowErrorTally {
        var tally = RowErrorTally()
        tally.recordAccepted(count: accepted)
        for _ in 0..<corrupt { tally.recordRejected(.corrupt(file: "f", line: 1, rawRecord: "", reason: "r")) }
        for _ in 0..<missing {
            tally.recordRejected(RowError(
                stage: .conversion, file: "f", line: 1, rawRecord: "",
                issues: [.init(code: .requiredFieldMissing, reason: "r"), .init(code: .typeCompatibility, reason: "r")]))
        }
        return tally
    }

    @Test("With diagnostics, the batch errors are AEP's partial-ingestion example")
    func summaryWithDiagnostics() {
        let tally = tally(accepted: 514, corrupt: 2, missing: 3)
        #expect(tally.inputRecords == 519 && tally.failedRecords == 5 && tally.outputRecords == 514)
        #expect(tally.batchErrors(diagnosticsEnabled: true).map(\.jsonValue) == [
            [
                "code": "INGEST-1212-400",
                "description": "Encountered 5 errors in the data. Successfully ingested 514 rows. Please review the associated diagnostic files for more details.",
            ],
            [
                "code": "INGEST-1555-400",
                "description": "A required field is either missing or has a value of null. Add the required field to the input row and try again.",
                "recordCount": 3,
            ],
            [
                "code": "INGEST-1401-400",
                "description": "The row has corrupted data and cannot be read or parsed. Fix the corrupted data and try again.",
                "recordCount": 2,
            ],
        ])
    }

    @Test("Without diagnostics only INGEST-1211-400; without failures nothing")
    func summaryWithoutDiagnostics() {
        #expect(tally(accepted: 5, corrupt: 1, missing: 0).batchErrors(diagnosticsEnabled: false).map(\.jsonValue) == [
            [
                "code": "INGEST-1211-400",
                "description": "Encountered errors while parsing, converting or otherwise validating the data. Please resend the data with error diagnostics enabled to collect additional information on failure types",
            ]
        ])
        #expect(tally(accepted: 5, corrupt: 0, missing: 0).batchErrors(diagnosticsEnabled: true).isEmpty)
    }

    @Test("Tallies of several files merge")
    func merge() {
        var total = tally(accepted: 1, corrupt: 1, missing: 0)
        total.merge(tally(accepted: 2, corrupt: 1, missing: 1))
        #expect(total.inputRecords == 6 && total.failedRecords == 3)
        #expect(total.failuresByCode == [.corruptRow: 2, .requiredFieldMissing: 1])
    }

    @Test("File errors render as AEP's failed-batch entries")
    func fileErrors() {
        #expect(IngestionFileError(.emptyCSVHeader, file: "a.csv").batchError.jsonValue == [
            "code": "118", "description": "CSV file contains empty header row.", "rows": [], "file": "a.csv",
        ])
        #expect(BatchErrorEntry(code: "x", description: "y").jsonValue == ["code": "x", "description": "y"])
    }

    @Test("Without a percentage one bad row fails the batch")
    func noPartialIngestion() {
        let policy = PartialIngestionPolicy()
        #expect(policy.decide(failed: 0, total: 100) == .succeed)
        #expect(policy.decide(failed: 1, total: 1_000_000) == .fail)
    }

    @Test("With a percentage the batch fails only above it", arguments: [
        (5.0, 5, 100, PartialIngestionPolicy.Decision.succeed), (5.0, 6, 100, .fail), (0.0, 1, 100, .fail),
        (0.0, 0, 100, .succeed), (100.0, 10, 10, .succeed), (5.0, 5, 519, .succeed), (1.0, 1, 99, .fail),
        (33.3, 1, 3, .fail), (50.0, 1, 0, .fail),
    ])
    func threshold(_ percentage: Double, _ failed: Int, _ total: Int, _ expected: PartialIngestionPolicy.Decision) {
        #expect(PartialIngestionPolicy(percentage: percentage).decide(failed: failed, total: total) == expected)
    }

    @Test("The percentage is read from the batch's tag, and clamped to 0–100")
    func fromBatch() {
        #expect(PartialIngestionPolicy(batch: ["tags": ["acp_partialIngestionPercent": 5]]).percentage == 5)
        #expect(PartialIngestionPolicy(batch: ["tags": ["acp_partialIngestionPercent": ["7.5"]]]).percentage == 7.5)
        #expect(PartialIngestionPolicy(batch: ["tags": [:]]).percentage == nil)
        #expect(PartialIngestionPolicy(percentage: 250).percentage == 100)
        #expect(PartialIngestionPolicy(percentage: -1).percentage == 0)
        let tally = tally(accepted: 95, corrupt: 5, missing: 0)
        #expect(PartialIngestionPolicy(percentage: 5).decide(tally) == .succeed)
        #expect(PartialIngestionPolicy(percentage: 4.9).decide(tally) == .fail)
    }
}
