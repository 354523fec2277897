import Testing
@testable import Parquet

/// Unit tests of the building blocks: Thrift, RLE, Snappy, dictionary fallback, statistics,
/// row-group sizing and the column-batch API.
@Suite struct ComponentTests {
    @Test func thriftSkipsUnknownFields() throws {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.field(1, string: "k")
        w.field(20, i32List: [1, 2, 3])
        w.field(21) { w in
            w.field(1, bool: true)
            w.field(2, binary: [1, 2])
            w.field(3) { w in w.field(1, i64: -5) }
        }
        w.fieldHeader(22, .double)
        w.bytes.append(contentsOf: [UInt8](repeating: 0, count: 8))
        w.fieldHeader(23, .map)
        w.writeVarint(1)
        w.bytes.append(0x85)  // binary keys, i32 values
        w.writeVarint(1)
        w.bytes.append(0x61)
        w.writeZigZag(7)
        w.field(300, bool: false)
        w.field(2, string: "v")
        w.endStruct()
        var r = ThriftCompactReader(w.bytes)
        let kv = try KeyValue(from: &r)
        #expect(kv == KeyValue(key: "k", value: "v"))
        #expect(r.remaining == 0)
    }

    @Test func rleHybridRoundTrip() throws {
        var rng = SeededRandom(seed: 9)
        for width in 1...16 {
            let maxValue = UInt16((1 << width) - 1)
            var values: [UInt16] = []
            for _ in 0..<Int.random(in: 1...3000, using: &rng) {
                let run = rng.chance(0.3) ? Int.random(in: 1...40, using: &rng) : 1
                let v = UInt16.random(in: 0...maxValue, using: &rng)
                values += Array(repeating: v, count: run)
            }
            let encoded = RLEHybridEncoder.encode(values, bitWidth: width)
            let decoded = UnsafeMutablePointer<UInt16>.allocate(capacity: values.count)
            defer { decoded.deallocate() }
            try encoded.withRawBytes { (raw) throws(ParquetError) in
                var d = try RLEHybridDecoder(raw, bitWidth: width)
                try d.decode(count: values.count, into: decoded)
            }
            #expect(Array(UnsafeBufferPointer(start: decoded, count: values.count)) == values, "bit width \(width)")
        }
    }

    @Test func snappyRoundTrip() throws {
        var rng = SeededRandom(seed: 3)
        let inputs: [[UInt8]] = [
            [], [1], Array("hello hello hello hello hello hello".utf8),
            (0..<200_000).map { _ in UInt8.random(in: 0...3, using: &rng) },
            (0..<70_000).map { _ in UInt8.random(in: 0...255, using: &rng) },
            [UInt8](repeating: 7, count: 100_000),
        ]
        for input in inputs {
            var out: [UInt8] = []
            input.withUnsafeBytes { Snappy.compress($0, into: &out) }
            let back = try out.withRawBytes { (raw) throws(ParquetError) in try Snappy.decompress(raw, expectedSize: input.count) }
            #expect(back == input)
        }
    }

    static func footer(_ data: [UInt8]) throws -> FileMetaData {
        let n = Int(data[data.count - 8]) | Int(data[data.count - 7]) << 8 | Int(data[data.count - 6]) << 16
        var r = ThriftCompactReader(Array(data[(data.count - 8 - n)..<(data.count - 8)]))
        return try FileMetaData(from: &r)
    }

    @Test func dictionaryFallsBackToPlainPastLimit() throws {
        let schema = try ParquetSchema([.string("s")])
        let rows = (0..<2000).map { ParquetValue.object(["s": .string("unique-value-\($0)")]) }
        var o = ParquetWriterOptions()
        o.dictionaryPageLimitBytes = 1000
        let plain = try Self.footer(try ParquetFileWriter.data(rows: rows, schema: schema, options: o))
        #expect(plain.rowGroups[0].columns[0].metaData?.encodings.contains(ParquetEncoding.rleDictionary.rawValue) == false)
        o.dictionaryPageLimitBytes = 1 << 20
        let dict = try Self.footer(try ParquetFileWriter.data(rows: rows, schema: schema, options: o))
        #expect(dict.rowGroups[0].columns[0].metaData?.encodings.contains(ParquetEncoding.rleDictionary.rawValue) == true)
        #expect(dict.rowGroups[0].columns[0].metaData?.dictionaryPageOffset != nil)
    }

    @Test func statisticsAndRowGroupTarget() throws {
        let schema = try ParquetSchema([.int64("n"), .string("s"), .double("d")])
        let rows = (0..<10_000).map { i in
            ParquetValue.object(["n": i % 10 == 0 ? .null : .int(Int64(i) - 500), "s": .string("v\(i % 7)"), "d": .double(Double(i) / 2)])
        }
        var o = ParquetWriterOptions()
        o.rowGroupTargetBytes = 32 * 1024
        let data = try ParquetFileWriter.data(rows: rows, schema: schema, options: o)
        let meta = try Self.footer(data)
        #expect(meta.rowGroups.count > 3)
        #expect(meta.rowGroups.map(\.numRows).reduce(0, +) == 10_000)
        let stats = meta.rowGroups[0].columns[0].metaData!.statistics!
        #expect(stats.minValue == [13, 254, 255, 255, 255, 255, 255, 255])  // -499 little-endian
        #expect(stats.nullCount! > 0)
        #expect(meta.rowGroups[0].columns[1].metaData!.statistics!.minValue == Array("v0".utf8))
        #expect(try ParquetFileReader(bytes: data).readAllRows() == rows)
    }

    @Test func columnBatchWriteAndStreamingRead() throws {
        let schema = try ParquetSchema([.int64("id", .required), .list("xs", element: .string("x"))])
        var ids = ColumnValues(physicalType: .int64)
        ids.int64s = [1, 2, 3]
        var xs = ColumnValues(physicalType: .byteArray)
        for s in ["a", "b", "c"] { xs.appendString(s) }
        // Row 1: ["a", "b"], row 2: null, row 3: [null, "c"]... as Dremel levels (max def 3, max rep 1).
        let xsBatch = ColumnBatch(values: xs, definitionLevels: [3, 3, 0, 2, 3], repetitionLevels: [0, 1, 0, 0, 1])
        let w = try ParquetFileWriter(sink: MemorySink(), schema: schema)
        try w.write(columns: [ColumnBatch(values: ids), xsBatch], rowCount: 3)
        #expect(throws: ParquetError.self) { try w.write(columns: [ColumnBatch(values: ids), xsBatch], rowCount: 2) }
        let sink = try w.close() as! MemorySink
        let reader = try ParquetFileReader(bytes: sink.bytes)
        var it = reader.makeRowIterator()
        var rows: [ParquetValue] = []
        while let r = try it.next() { rows.append(r) }
        #expect(rows == [
            .object(["id": .int(1), "xs": .list([.string("a"), .string("b")])]),
            .object(["id": .int(2), "xs": .null]),
            .object(["id": .int(3), "xs": .list([.null, .string("c")])]),
        ])
        let back = try reader.readColumn(rowGroup: 0, column: 1)
        #expect(back.definitionLevels == xsBatch.definitionLevels)
        #expect(back.repetitionLevels == xsBatch.repetitionLevels)
    }

    @Test func keyValueMetadataAndMapsFromObjects() throws {
        let schema = try ParquetSchema([.map("m", key: .string("k", .required), value: .int64("v"))])
        let w = try ParquetFileWriter(sink: MemorySink(), schema: schema, keyValueMetadata: ["batch": "b1"])
        w.keyValueMetadata["dataset"] = "d1"
        try w.write(row: .object(["m": .object(["b": .int(2), "a": .int(1)])]))
        try w.write(row: .object(["m": .object([:])]))
        let sink = try w.close() as! MemorySink
        let reader = try ParquetFileReader(bytes: sink.bytes)
        #expect(reader.keyValueMetadata == ["batch": "b1", "dataset": "d1"])
        #expect(try reader.readAllRows() == [
            .object(["m": .map([ParquetMapEntry(key: .string("a"), value: .int(1)), ParquetMapEntry(key: .string("b"), value: .int(2))])]),
            .object(["m": .map([])]),
        ])
    }
}

/// Text forms the writer accepts for temporal columns.
@Suite struct DateTextTests {
    @Test func parsesDatesAndTimestamps() {
        #expect(DateText.parseDate("1970-01-01") == 0)
        #expect(DateText.parseDate("2000-03-01") == 11017)
        #expect(DateText.parseDate("1969-12-31") == -1)
        #expect(DateText.parseDate("2024-13-01") == nil)
        #expect(DateText.parseTimestamp("1970-01-01T00:00:01Z", unit: .millis) == 1000)
        #expect(DateText.parseTimestamp("2023-11-14T22:13:20.123456Z", unit: .micros) == 1_700_000_000_123_456)
        #expect(DateText.parseTimestamp("2023-11-15T00:13:20.5+02:00", unit: .millis) == 1_700_000_000_500)
        #expect(DateText.parseTimestamp("1970-01-01", unit: .micros) == 0)
        #expect(DateText.parseTimestamp("1970-01-01T00:00:00", unit: .nanos) == 0)
        #expect(DateText.parseTimestamp("yesterday", unit: .micros) == nil)
        #expect(DateText.parseTimestamp("1970-01-01T00:00:00Zjunk", unit: .micros) == nil)
    }

    @Test func writerAcceptsTemporalText() throws {
        let schema = try ParquetSchema([.timestamp("ts"), .date("d")])
        let data = try ParquetFileWriter.data(
            rows: [.object(["ts": .string("2023-11-14T22:13:20.123456Z"), "d": .string("2000-03-01")])], schema: schema)
        #expect(try ParquetFileReader(bytes: data).readAllRows() == [.object(["ts": .int(1_700_000_000_123_456), "d": .int(11017)])])
    }
}

/// Footer statistics exposed through `columnChunkInfo`, for our files and pyarrow's.
@Suite struct ColumnChunkInfoTests {
    @Test func statisticsDecodeLikeValues() throws {
        let schema = try ParquetSchema([.int64("n"), .string("s"), .timestamp("ts"), .bool("b")])
        let rows = (0..<100).map { i in
            ParquetValue.object(["n": i == 5 ? .null : .int(Int64(i)), "s": .string("k\(i % 10)"),
                                 "ts": .int(Int64(i) * 1000), "b": .bool(true)])
        }
        let reader = try ParquetFileReader(bytes: try ParquetFileWriter.data(rows: rows, schema: schema))
        let n = reader.columnChunkInfo(rowGroup: 0, column: 0)
        #expect(n.minValue == .int(0))
        #expect(n.maxValue == .int(99))
        #expect(n.nullCount == 1)
        #expect(n.compression == .zstd)
        #expect(n.encodings.contains(.rleDictionary))
        #expect(reader.columnChunkInfo(rowGroup: 0, column: 1).maxValue == .string("k9"))
        #expect(reader.columnChunkInfo(rowGroup: 0, column: 2).maxValue == .int(99_000))
        #expect(reader.columnChunkInfo(rowGroup: 0, column: 3).minValue == .bool(true))
        #expect(reader.schema.columnIndex("ts") == 2)
    }

    @Test func pyarrowStatistics() throws {
        let url = FixtureTests.fixtureDirectory.appendingPathComponent("primitives_zstd_v1.parquet")
        let reader = try ParquetFileReader(path: url.path)
        let i = reader.schema.columnIndex("req")!
        let info = reader.columnChunkInfo(rowGroup: 0, column: i)
        #expect(info.minValue == .int(0))
        #expect(info.maxValue == .int(5))
        #expect(info.nullCount == 0)
    }
}

/// Reading a subset of top-level fields touches only their columns.
@Suite struct ProjectionTests {
    @Test func readsSelectedFields() throws {
        let schema = try SampleSchemas.xdmEvent()
        var gen = RandomRecords(seed: 5)
        let rows = (0..<50).map { _ in gen.record(schema) }
        let reader = try ParquetFileReader(bytes: try ParquetFileWriter.data(rows: rows, schema: schema))
        let picked = try reader.readRows(rowGroup: 0, fields: ["identityMap", "_id", "_tenant"])
        #expect(picked == rows.map { r in
            .object(["_id": r["_id"], "identityMap": r["identityMap"], "_tenant": r["_tenant"]])
        })
        #expect(throws: ParquetError.self) { try reader.readRows(rowGroup: 0, fields: ["nope"]) }
    }
}

/// Pages whose value section is empty (all nulls) under every codec and page version.
@Suite struct AllNullPageTests {
    @Test(arguments: [ParquetCompression.uncompressed, .snappy, .gzip, .zstd])
    func allNullColumns(_ codec: ParquetCompression) throws {
        let schema = try ParquetSchema([.string("s"), .list("l", element: .int64("x")), .int64("n")])
        let rows = (0..<10).map { _ in ParquetValue.object(["s": .null, "l": .null, "n": .null]) }
        for version in [ParquetWriterOptions.PageVersion.v1, .v2] {
            var o = ParquetWriterOptions()
            o.compression = codec
            o.pageVersion = version
            let data = try ParquetFileWriter.data(rows: rows, schema: schema, options: o)
            #expect(try ParquetFileReader(bytes: data).readAllRows() == rows)
        }
    }
}

/// Members missing from a record read back as null, unknown members are ignored, in small groups
/// (matched by walking the members) and large ones (matched by lookup).
@Suite struct MissingMemberTests {
    @Test func missingAndExtraMembers() throws {
        let wide = (0..<20).map { ParquetField.int64("w\($0)") }
        let schema = try ParquetSchema([.group("small", [.string("a"), .int64("b")]), .group("wide", wide)])
        let rows: [ParquetValue] = [
            .object(["small": .object(["b": .int(1), "zzz": .int(5)]), "wide": .object(["w3": .int(3), "extra": .null])]),
            .object(["extra": .string("x")]),
        ]
        let back = try ParquetFileReader(bytes: try ParquetFileWriter.data(rows: rows, schema: schema)).readAllRows()
        var wideBack: [String: ParquetValue] = [:]
        for i in 0..<20 { wideBack["w\(i)"] = i == 3 ? .int(3) : .null }
        #expect(back == [
            .object(["small": .object(["a": .null, "b": .int(1)]), "wide": .object(wideBack)]),
            .object(["small": .null, "wide": .null]),
        ])
    }
}

/// File I/O errors surface as `ParquetError` with the `io` code.
@Suite struct FileIOTests {
    @Test func missingFilesAndDirectories() {
        #expect((try? ParquetFileReader(path: "/nonexistent/x.parquet")) == nil)
        do {
            _ = try ParquetFileReader(path: "/nonexistent/x.parquet")
        } catch {
            #expect(error.code == .io)
        }
        do {
            _ = try ParquetFileWriter(path: "/nonexistent/dir/x.parquet", schema: try ParquetSchema([.int64("a")]))
            Issue.record("writer opened a path in a missing directory")
        } catch {
            #expect(error.code == .io)
        }
    }

    @Test func closedWriterRejectsWrites() throws {
        let w = try ParquetFileWriter(sink: MemorySink(), schema: try ParquetSchema([.int64("a")]))
        try w.close()
        #expect(throws: ParquetError(.closed, "writer is closed")) { try w.write(row: .object(["a": .int(1)])) }
    }
}
