import Testing
@testable import Parquet

/// Row groups encoded on another thread (`encodeInBackground`) must give the very same file as
/// encoding them in line, and a failure there must reach the caller.
@Suite struct BackgroundEncodingTests {
    @Test(arguments: 0..<40)
    func sameBytesAsInLine(_ seed: Int) throws {
        var gen = RandomRecords(seed: UInt64(seed) &* 104_729 &+ 3)
        let schema = gen.schema()
        let rows = (0..<Int.random(in: 0...300, using: &gen.rng)).map { _ in gen.record(schema) }
        var options = ParquetWriterOptions()
        options.compression = [.uncompressed, .snappy, .gzip, .zstd][seed % 4]
        options.maxRowsPerRowGroup = [1, 7, 50, 1000][seed % 4]
        let inLine = try ParquetFileWriter.data(rows: rows, schema: schema, options: options)
        options.encodeInBackground = true
        let background = try ParquetFileWriter.data(rows: rows, schema: schema, options: options)
        #expect(background == inLine, "seed \(seed)")
        #expect(try ParquetFileReader(bytes: background).readAllRows() == rows)
    }

    @Test("a sink failing under a background row group fails the next call and every later one")
    func failureReachesTheCaller() throws {
        let schema = try ParquetSchema([.int64("n", .required)])
        var options = ParquetWriterOptions()
        options.encodeInBackground = true
        options.maxRowsPerRowGroup = 2
        // Room for the magic and less than one row group.
        let writer = try ParquetFileWriter(sink: FailingSink(allowedBytes: 8), schema: schema, options: options)
        try writer.write(row: .object(["n": .int(1)]))
        try writer.write(row: .object(["n": .int(2)]))  // the group goes to the background here
        #expect(throws: ParquetError.self) {
            for n in 3...6 { try writer.write(row: .object(["n": .int(Int64(n))])) }
            try writer.close()
        }
        #expect(throws: ParquetError.self) { try writer.close() }
    }
}

/// Accepts `allowedBytes`, then fails every write.
private struct FailingSink: ParquetByteSink {
    var allowedBytes: Int
    mutating func write(_ bytes: [UInt8]) throws(ParquetError) {
        guard bytes.count <= allowedBytes else { throw ParquetError(.io, "disk full (test)") }
        allowedBytes -= bytes.count
    }
    mutating func close() throws(ParquetError) {}
}
