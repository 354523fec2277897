import Testing
@testable import Parquet

/// Hostile or damaged input must produce a thrown `ParquetError`, never a crash or a hang.
@Suite struct BadInputTests {
    static func sample() throws -> [UInt8] {
        let schema = try ParquetSchema([
            .int64("id", .required), .string("name"), .list("tags", element: .string("t")),
            .map("m", key: .string("k", .required), value: .double("v")),
        ])
        var gen = RandomRecords(seed: 42)
        let rows = (0..<20).map { _ in gen.record(schema) }
        var o = ParquetWriterOptions()
        o.compression = .snappy
        o.pageTargetBytes = 64
        return try ParquetFileWriter.data(rows: rows, schema: schema, options: o)
    }

    /// Opens and fully reads; returns the error, or nil if the bytes happened to be valid.
    static func readAll(_ bytes: [UInt8]) -> ParquetError? {
        do {
            let reader = try ParquetFileReader(bytes: bytes)
            _ = try reader.readAllRows()
            return nil
        } catch {
            return error
        }
    }

    @Test func truncationAtEveryOffsetThrows() throws {
        let data = try Self.sample()
        for n in 0..<data.count {
            #expect(Self.readAll(Array(data[0..<n])) != nil, "prefix of \(n) bytes was accepted")
        }
    }

    @Test func everyByteFlippedNeverCrashes() throws {
        let data = try Self.sample()
        var errors = 0
        for i in 0..<data.count {
            for mask: UInt8 in [0xFF, 0x01, 0x80] {
                var d = data
                d[i] ^= mask
                if Self.readAll(d) != nil { errors += 1 }
            }
        }
        #expect(errors > 0)
    }

    @Test func wrongMagic() throws {
        var data = try Self.sample()
        data[0] = UInt8(ascii: "X")
        #expect(Self.readAll(data)?.code == .invalidMagic)
        data = try Self.sample()
        data[data.count - 1] = UInt8(ascii: "X")
        #expect(Self.readAll(data)?.code == .invalidMagic)
        #expect(Self.readAll(Array("PAR1PAR1".utf8))?.code == .truncated)
        #expect(Self.readAll([])?.code == .truncated)
    }

    @Test func corruptFooterLength() throws {
        let data = try Self.sample()
        for length: UInt32 in [0, 1, 5, UInt32(data.count), UInt32(data.count - 12), 0x7FFF_FFFF, 0xFFFF_FFFF] {
            var d = data
            d[d.count - 8] = UInt8(length & 0xFF)
            d[d.count - 7] = UInt8(length >> 8 & 0xFF)
            d[d.count - 6] = UInt8(length >> 16 & 0xFF)
            d[d.count - 5] = UInt8(length >> 24)
            #expect(Self.readAll(d) != nil, "footer length \(length) accepted")
        }
    }

    @Test func lyingPageSizes() throws {
        // The first page header starts right after the magic; rewrite its sizes (fields 2 and 3).
        let data = try Self.sample()
        var r = ThriftCompactReader(data, start: 4)
        let header = try PageHeader(from: &r)
        let headerEnd = r.position
        for (u, c) in [(Int32(0), header.compressedPageSize), (header.uncompressedPageSize, Int32(0)),
                       (Int32.max, header.compressedPageSize), (header.uncompressedPageSize, Int32.max),
                       (header.uncompressedPageSize * 3, header.compressedPageSize),
                       (header.uncompressedPageSize, header.compressedPageSize + 1000)] {
            var h = header
            h.uncompressedPageSize = u
            h.compressedPageSize = c
            let d = Array(data[0..<4]) + h.serialized() + Array(data[headerEnd...])
            // Offsets in the footer now point to the wrong places as well; either way: an error.
            #expect(Self.readAll(d) != nil, "page sizes \(u)/\(c) accepted")
        }
    }

    @Test func hostileThriftIsBounded() {
        // A list header claiming 2^60 elements, deep nesting, and an over-long varint.
        let hugeList: [UInt8] = [0x19, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        var r = ThriftCompactReader(hugeList)
        #expect(throws: ParquetError.self) { _ = try FileMetaData(from: &r) }
        let deep = [UInt8](repeating: 0x1C, count: 10000)
        r = ThriftCompactReader(deep)
        #expect(throws: ParquetError.self) { _ = try FileMetaData(from: &r) }
        let longVarint = [UInt8](repeating: 0x15, count: 1) + [UInt8](repeating: 0xFF, count: 20)
        r = ThriftCompactReader(longVarint)
        #expect(throws: ParquetError.self) { _ = try FileMetaData(from: &r) }
    }

    @Test func writerRejectsValuesThatDoNotFit() throws {
        let schema = try ParquetSchema([.int64("id", .required), .int32("small")])
        let w = try ParquetFileWriter(sink: MemorySink(), schema: schema)
        #expect(throws: ParquetError.self) { try w.write(row: .object(["small": .int(1)])) }
        let w2 = try ParquetFileWriter(sink: MemorySink(), schema: schema)
        #expect(throws: ParquetError.self) { try w2.write(row: .object(["id": .int(1), "small": .int(1 << 40)])) }
        #expect(throws: ParquetError.self) { try w2.write(row: .object(["id": .int(1)])) }
        #expect(throws: ParquetError.self) { try ParquetSchema([]) }
        #expect(throws: ParquetError.self) { try ParquetSchema([.group("g", [])]) }
        #expect(throws: ParquetError.self) { try ParquetSchema([.int32("a"), .int32("a")]) }
    }
}
