import Foundation
import Testing
@testable import Parquet

/// Files our writer produces must read back in pyarrow and DuckDB with exactly our values.
@Suite struct InteropTests {
    struct Case {
        let name: String
        let schema: ParquetSchema
        let options: ParquetWriterOptions
        let rows: [ParquetValue]
    }

    static func cases() throws -> [Case] {
        var out: [Case] = []
        let schemas = [("all", try SampleSchemas.allTypes()), ("xdm", try SampleSchemas.xdmEvent())]
        var seed: UInt64 = 100
        for (schemaName, schema) in schemas {
            for codec in [ParquetCompression.uncompressed, .snappy, .gzip, .zstd] {
                for version in [ParquetWriterOptions.PageVersion.v1, .v2] {
                    for dictionary in [true, false] {
                        var o = ParquetWriterOptions()
                        o.compression = codec
                        o.pageVersion = version
                        o.dictionaryEnabled = dictionary
                        o.pageTargetBytes = 2048
                        o.maxRowsPerRowGroup = 130
                        seed += 1
                        var gen = RandomRecords(seed: seed)
                        let rows = (0..<300).map { _ in gen.record(schema) }
                        let name = "\(schemaName)_\(codec)_\(version)_\(dictionary ? "dict" : "plain")"
                        out.append(Case(name: name, schema: schema, options: o, rows: rows))
                    }
                }
            }
        }
        // Every optional value null: pages whose value sections are empty.
        for codec in [ParquetCompression.uncompressed, .snappy, .gzip, .zstd] {
            for version in [ParquetWriterOptions.PageVersion.v1, .v2] {
                var o = ParquetWriterOptions()
                o.compression = codec
                o.pageVersion = version
                let schema = try SampleSchemas.allTypes()
                var gen = RandomRecords(seed: 7)
                gen.nullRate = 1
                let rows = (0..<20).map { _ in gen.record(schema) }
                out.append(Case(name: "nulls_\(codec)_\(version)", schema: schema, options: o, rows: rows))
            }
        }
        return out
    }

    @Test func pyarrowAndDuckDBReadOurFiles() throws {
        let dir = try PythonRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = try Self.cases()
        var paths: [String] = []
        for c in cases {
            let path = dir.appendingPathComponent(c.name + ".parquet").path
            let writer = try ParquetFileWriter(path: path, schema: c.schema, options: c.options, keyValueMetadata: ["case": c.name])
            try writer.write(rows: c.rows)
            try writer.close()
            paths.append(path)
            // Our own reader must agree too.
            #expect(try ParquetFileReader(path: path).readAllRows() == c.rows, "\(c.name): own round trip")
        }
        let dumped = try PythonRunner.dump(paths)
        guard !dumped.isEmpty else { return }
        for (c, path) in zip(cases, paths) {
            guard let entry = dumped[path] as? [String: Any] else {
                Issue.record("\(c.name): no output from Python")
                continue
            }
            if let error = entry["duckdb_error"] { Issue.record("\(c.name): DuckDB failed: \(error)") }
            for engine in ["pyarrow", "duckdb"] {
                guard let rows = entry[engine] as? [Any] else { continue }
                #expect(rows.count == c.rows.count, "\(c.name) \(engine): row count")
                for (i, row) in c.rows.enumerated() where i < rows.count {
                    if let m = ExpectedJSON.mismatch(row, rows[i], path: "row \(i)") {
                        Issue.record("\(c.name) \(engine): \(m)")
                        break
                    }
                }
            }
        }
    }
}
