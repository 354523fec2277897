import Testing
@testable import Parquet

/// Random schemas and random records must survive our writer and reader unchanged, whatever the
/// codec, page version, dictionary setting and page/row-group sizes.
@Suite struct PropertyTests {
    @Test(arguments: 0..<200)
    func randomSchemaRoundTrip(_ seed: Int) throws {
        var gen = RandomRecords(seed: UInt64(seed) &* 7919 &+ 17)
        let schema = gen.schema()
        let count = Int.random(in: 0...60, using: &gen.rng)
        let rows = (0..<count).map { _ in gen.record(schema) }
        var options = ParquetWriterOptions()
        options.compression = [.uncompressed, .snappy, .gzip, .zstd][seed % 4]
        options.pageVersion = seed % 3 == 0 ? .v2 : .v1
        options.dictionaryEnabled = seed % 5 != 0
        options.dictionaryPageLimitBytes = [64, 1 << 20][seed % 2]
        options.pageTargetBytes = [64, 512, 1 << 20][seed % 3]
        options.maxRowsPerRowGroup = [7, 25, 1000][seed % 3]
        let data = try ParquetFileWriter.data(rows: rows, schema: schema, options: options)
        let reader = try ParquetFileReader(bytes: data)
        #expect(reader.schema == schema)
        #expect(reader.rowCount == Int64(count))
        let back = try reader.readAllRows()
        #expect(back == rows, "seed \(seed), schema \(schema.fields)")

        // The column API returns, per leaf, the same Dremel data the rows shredded into.
        var entries = 0
        for g in 0..<reader.rowGroupCount {
            for c in schema.columns.indices {
                let batch = try reader.readColumn(rowGroup: g, column: c)
                if c == 0 { entries += batch.repetitionLevels.isEmpty ? batch.entryCount : batch.repetitionLevels.filter { $0 == 0 }.count }
            }
        }
        #expect(entries == count)
    }
}
