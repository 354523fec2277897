import BatchyardCore
import BlobStore
import Foundation
import Ingestion
import IngestionPipeline
import Parquet
import Testing

/// The column-batch writing of flat schemas and the two-task handoff between reading and writing.
@Suite("Pipelined writing")
struct PipelinedWritingTests {
    @Test("a record that fits the columns only partly adds nothing to them and opens a new part")
    func partialFitRollsBack() async throws {
        let fixture = PipelineFixture()
        var options = ProcessingOptions()
        options.inferenceSampleSize = 1
        // Several members so that some are added before the one that does not fit, whatever the
        // dictionary's order; many rows so that column batches are flushed in between.
        var lines: [String] = []
        for index in 0..<9_000 {
            let n = index == 5_000 ? "\"text\"" : String(index)
            lines.append("{\"a\": \"a\(index)\", \"b\": \(index), \"c\": true, \"d\": {\"x\": \(index)}, \"n\": \(n), \"z\": 1.5}")
        }
        try await fixture.upload("a.json", lines.joined(separator: "\n") + "\n")
        let outcome = try await BatchProcessor(blobs: fixture.blobs, options: options).process(try fixture.request(["a.json"]))
        #expect(outcome.verdict.decision == .succeed)
        #expect(outcome.parts.count == 2)
        #expect(outcome.parts.map(\.records) == [5_000, 4_000])
        let first = try await fixture.rows(outcome.parts[0])
        let second = try await fixture.rows(outcome.parts[1])
        #expect(first.count == 5_000)
        #expect(second.count == 4_000)
        #expect(first[4_999]["a"] == .string("a4999"))
        #expect(first[4_999]["n"] == .int(4_999))
        #expect(first[4_999]["d"] == .string("{\"x\":4999}"))
        #expect(second[0]["a"] == .string("a5000"))
        #expect(second[0]["n"] == .string("text"))
        #expect(second[0]["b"] == .int(5_000))
        #expect(second[0]["c"] == .bool(true))
        #expect(second[0]["z"] == .double(1.5))
        #expect(second[1]["n"] == .string("5001"))
        #expect(second[3_999]["a"] == .string("a8999"))
    }

    @Test("small read chunks and one chunk in flight: every record arrives, in order")
    func handoffKeepsOrder() async throws {
        let fixture = PipelineFixture()
        var options = ProcessingOptions()
        options.readChunkBytes = 64
        options.chunksInFlight = 1
        let lines = (0..<3_000).map { "{\"id\": \($0), \"s\": \"value \($0)\"}" }
        try await fixture.upload("a.json", lines.joined(separator: "\n"))
        try await fixture.upload("b.json", "{\"id\": 3000, \"s\": \"last\"}\nnot json\n")
        let outcome = try await BatchProcessor(blobs: fixture.blobs, options: options).process(
            try fixture.request(["a.json", "b.json"], percentage: 50))
        #expect(outcome.verdict.decision == .succeed)
        #expect(outcome.report.rows.inputRecords == 3_002)
        #expect(outcome.report.rows.failedRecords == 1)
        var rows: [ParquetValue] = []
        for part in outcome.parts { rows += try await fixture.rows(part) }
        #expect(rows.map { $0["id"] } == (0...3_000).map { ParquetValue.int(Int64($0)) })
        #expect(rows.last?["s"] == .string("last"))
    }

    @Test("a file that fails after some chunks counts the rows read before, as before the handoff")
    func fileErrorAfterRows() async throws {
        let fixture = PipelineFixture()
        var options = ProcessingOptions()
        options.readChunkBytes = 16
        try await fixture.upload("a.json", "{\"id\": 1}\n{\"id\": 2}\n")
        try await fixture.upload("empty.json", "\n\n")
        let outcome = try await BatchProcessor(blobs: fixture.blobs, options: options).process(
            try fixture.request(["a.json", "empty.json"]))
        #expect(outcome.verdict.decision == .fail)
        #expect(outcome.report.rows.inputRecords == 2)
        #expect(outcome.report.fileErrors.count == 1)
        #expect(outcome.parts.isEmpty)
    }
}
