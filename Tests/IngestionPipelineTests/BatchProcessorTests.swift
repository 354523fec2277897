import BatchyardCore
import BlobStore
import Foundation
import Ingestion
import IngestionPipeline
import Parquet
import Testing
import XDMValidation

@Suite("BatchProcessor")
struct BatchProcessorTests {
    @Test("schemaless JSON Lines: every object is written, columns inferred")
    func schemalessJSONLines() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("a.json", "{\"id\": \"1\", \"n\": 1}\n{\"id\": \"2\", \"n\": 2.5, \"o\": {\"x\": 1}}\n")
        let outcome = try await BatchProcessor(blobs: fixture.blobs).process(try fixture.request(["a.json"]))
        #expect(outcome.verdict.decision == .succeed)
        #expect(outcome.parts.count == 1)
        let rows = try await fixture.rows(outcome.parts[0])
        #expect(rows.count == 2)
        #expect(rows[1]["n"] == .double(2.5))
        #expect(rows[1]["o"] == .string("{\"x\":1}"))
        #expect(outcome.verdict.metrics["outputRecordCount"] == .int(2))
        #expect(await fixture.text(fixture.keys.metaPrefix + "input_files/fileMetaData1.json")?.contains("a.json") == true)
    }

    @Test("a record that does not fit the inferred columns starts a new part; nothing is lost")
    func schemalessWidening() async throws {
        let fixture = PipelineFixture()
        var options = ProcessingOptions()
        options.inferenceSampleSize = 1
        try await fixture.upload("a.json", "{\"n\": 1}\n{\"n\": \"text\"}\n{\"m\": true}\n")
        let outcome = try await BatchProcessor(blobs: fixture.blobs, options: options).process(try fixture.request(["a.json"]))
        #expect(outcome.parts.map(\.records).reduce(0, +) == 3)
        #expect(outcome.parts.count == 3)
    }

    @Test("schema: values are coerced and written with the lake types")
    func coercion() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("p.json", """
            {"id": 7, "age": "41", "birthday": "2019-05-15", "seen": "2019-05-15T20:20:39+00:00", "address": {"city": "Basel"}, "tags": ["a", "b"]}
            """)
        let validator = try PipelineFixture.validator(PipelineFixture.personSchema)
        let outcome = try await BatchProcessor(blobs: fixture.blobs).process(try fixture.request(["p.json"], validator: validator))
        #expect(outcome.verdict.decision == .succeed)
        let row = try await fixture.rows(outcome.parts[0])[0]
        #expect(row["id"] == .string("7"))
        #expect(row["age"] == .int(41))
        #expect(row["birthday"] == .int(18031))
        #expect(row["seen"] == .int(1_557_951_639_000))
        #expect(row["address"]["city"] == .string("Basel"))
        #expect(row["tags"] == .list([.string("a"), .string("b")]))
    }

    @Test("bad rows fail the batch without partial ingestion; diagnostics name file, line, path")
    func badRowsFail() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("p.json", "{\"id\": \"1\"}\n{\"age\": 3}\nnot json\n{\"id\": \"4\", \"age\": \"x\"}\n")
        let validator = try PipelineFixture.validator(PipelineFixture.personSchema)
        let outcome = try await BatchProcessor(blobs: fixture.blobs).process(try fixture.request(["p.json"], validator: validator))
        #expect(outcome.verdict.decision == .fail)
        #expect(outcome.parts.isEmpty)
        #expect(try await fixture.blobs.list(prefix: fixture.keys.stagingPrefix).isEmpty)
        #expect(outcome.verdict.metrics["failedRecordCount"] == .int(3))
        let codes = outcome.verdict.errors.map(\.code)
        #expect(codes.contains("INGEST-1212-400"))
        #expect(codes.contains("INGEST-1555-400"))
        #expect(codes.contains("INGEST-1401-400"))
        let parsing = await fixture.text(fixture.keys.metaPrefix + "row_errors/parsing_errors_0.json") ?? ""
        #expect(parsing.contains("\"_line\":3") && parsing.contains("p.json"))
        let conversion = await fixture.text(fixture.keys.metaPrefix + "row_errors/conversion_errors_0.json") ?? ""
        #expect(conversion.contains("\"path\":\"/id\"") && conversion.contains("1555"))
        #expect(conversion.contains("TypeCompatibilityException"))
    }

    @Test("partial ingestion: within the percentage the good rows are published")
    func partialIngestion() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("p.json", "{\"id\": \"1\"}\n{\"id\": \"2\"}\n{\"id\": \"3\"}\n{\"age\": 1}\n")
        let validator = try PipelineFixture.validator(PipelineFixture.personSchema)
        let outcome = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["p.json"], validator: validator, percentage: 25))
        #expect(outcome.verdict.decision == .succeed)
        #expect(outcome.parts.first?.records == 3)
        #expect(outcome.verdict.metrics["failedRecordCount"] == .int(1))
        #expect(outcome.verdict.errors.first?.code == "INGEST-1212-400")
    }

    @Test("without diagnostics the batch error is INGEST-1211-400 and no row files are written")
    func diagnosticsOff() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("p.json", "{\"id\": \"1\"}\nbad\n")
        let outcome = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["p.json"], diagnostics: false))
        #expect(outcome.verdict.errors.map(\.code) == ["INGEST-1211-400"])
        #expect(await fixture.text(fixture.keys.metaPrefix + "row_errors/parsing_errors_0.json") == nil)
    }

    @Test("empty file is 106, empty CSV header 118")
    func fileErrors() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("e.json", "")
        let empty = try await BatchProcessor(blobs: fixture.blobs).process(try fixture.request(["e.json"]))
        #expect(empty.verdict.decision == .fail)
        #expect(empty.verdict.errors.first?.code == "106")
        try await fixture.upload("h.csv", "\na,b\n")
        let header = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["h.csv"], format: ["format": "csv"]))
        #expect(header.verdict.errors.first?.code == "118")
    }

    @Test("CSV with options and a schema; multi-line JSON")
    func csvAndMultiLine() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("c.csv", "id;age;score\n1;30;1.5\n2;NULL;\n")
        let validator = try PipelineFixture.validator(PipelineFixture.personSchema)
        let csv = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["c.csv"], format: ["format": "csv", "delimiter": ";", "nullMarker": "NULL"], validator: validator))
        #expect(csv.verdict.decision == .succeed, "\(csv.verdict.errors)")
        let rows = try await fixture.rows(csv.parts[0])
        #expect(rows.count == 2)
        #expect(rows[0]["age"] == .int(30))
        #expect(rows[1]["age"] == .null)

        try await fixture.upload("m.json", "[\n {\"id\": \"1\",\n  \"age\": 2},\n {\"id\": \"2\"}\n]\n")
        let multi = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["m.json"], format: ["format": "json", "isMultiLineJson": true], validator: validator))
        #expect(multi.parts.first?.records == 2)
    }

    @Test("Parquet input: a subset of the schema is accepted, an unknown column fails the batch")
    func parquetInput() async throws {
        let fixture = PipelineFixture()
        let good = try ParquetFileWriter.data(
            rows: [.object(["id": .string("1"), "age": .int(5)])],
            schema: try ParquetSchema([.string("id"), .int64("age")]))
        try await fixture.upload("g.parquet", bytes: good)
        let validator = try PipelineFixture.validator(PipelineFixture.personSchema)
        let ok = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["g.parquet"], format: ["format": "parquet"], validator: validator))
        #expect(ok.verdict.decision == .succeed)
        #expect(try await fixture.rows(ok.parts[0])[0]["age"] == .int(5))

        let bad = try ParquetFileWriter.data(
            rows: [.object(["id": .string("1"), "extra": .bool(true)])],
            schema: try ParquetSchema([.string("id"), .bool("extra")]))
        try await fixture.upload("b.parquet", bytes: bad)
        let failed = try await BatchProcessor(blobs: fixture.blobs).process(
            try fixture.request(["b.parquet"], format: ["format": "parquet"], validator: validator))
        #expect(failed.verdict.decision == .fail)
        #expect(failed.verdict.errors.first?.code == "TypeCompatibilityException")
    }
}

@Suite("LocalBlobStore")
struct LocalBlobStoreTests {
    @Test("list returns clean keys under a folder prefix, nothing for a missing folder; move and deletePrefix")
    func listing() async throws {
        let fixture = PipelineFixture()
        try await fixture.upload("a.json", "1")
        try await fixture.upload("dir/b.json", "22")
        let listed = try await fixture.blobs.list(prefix: fixture.keys.uploadsPrefix)
        #expect(listed.map(\.key) == [fixture.keys.uploadsPrefix + "a.json", fixture.keys.uploadsPrefix + "dir/b.json"])
        #expect(listed.map(\.size) == [1, 2])
        #expect(try await fixture.blobs.list(prefix: "uploads/none/").isEmpty)
        try await fixture.blobs.move(from: fixture.keys.uploadsPrefix + "a.json", to: "lake/x/a.json")
        #expect(try await fixture.blobs.size(key: "lake/x/a.json") == 1)
        try await fixture.blobs.deletePrefix(fixture.keys.uploadsPrefix)
        #expect(try await fixture.blobs.list(prefix: fixture.keys.uploadsPrefix).isEmpty)
    }
}

@Suite("BlobKeys")
struct BlobKeysTests {
    @Test("keys carry the tenant, encode header text like the upload side, and name parts from 1")
    func keys() {
        let keys = BlobKeys(tenant: Tenant(org: "A B@AdobeOrg", sandbox: ".."), batchID: "01B", datasetID: "ds")
        #expect(keys.uploadsPrefix == "uploads/A%20B@AdobeOrg/%2E%2E/01B/")
        #expect(keys.lakePrefix == "lake/A%20B@AdobeOrg/%2E%2E/ds/01B/")
        #expect(keys.stagingPrefix(attempt: 2) == "staging/A%20B@AdobeOrg/%2E%2E/01B/attempt-2/")
        #expect(keys.metaPrefix == "meta/A%20B@AdobeOrg/%2E%2E/01B/")
        #expect(BlobKeys.partName(1) == "part-00001.parquet")
        #expect(BlobKeys.partName(123456) == "part-123456.parquet")
    }
}
