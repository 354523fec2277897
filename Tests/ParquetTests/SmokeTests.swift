import Foundation
import Testing
@testable import Parquet

/// A quick end-to-end round trip over every codec and page version with small pages.
@Suite struct SmokeTests {
    @Test func flatRoundTrip() throws {
        let schema = try ParquetSchema([
            .int64("id", .required), .string("name"), .double("score"), .bool("ok"),
            .list("tags", element: .string("e")),
            .map("attrs", key: .string("k"), value: .int64("v")),
            .group("addr", [.string("city"), .list("zips", element: .int32("z"))]),
        ])
        var rows: [ParquetValue] = []
        for i in 0..<1000 {
            rows.append(.object([
                "id": .int(Int64(i)),
                "name": i % 3 == 0 ? .null : .string("n\(i % 17)"),
                "score": .double(Double(i) / 4),
                "ok": .bool(i % 2 == 0),
                "tags": i % 5 == 0 ? .null : .list((0..<(i % 4)).map { .string("t\($0)") }),
                "attrs": .map([ParquetMapEntry(key: .string("a"), value: .int(Int64(i)))]),
                "addr": i % 7 == 0 ? .null : .object(["city": .string("c"), "zips": .list([.int(1), .null])]),
            ]))
        }
        for codec in [ParquetCompression.uncompressed, .snappy, .gzip, .zstd] {
            for version in [ParquetWriterOptions.PageVersion.v1, .v2] {
                var o = ParquetWriterOptions()
                o.compression = codec
                o.pageVersion = version
                o.pageTargetBytes = 1000
                let data = try ParquetFileWriter.data(rows: rows, schema: schema, options: o)
                let reader = try ParquetFileReader(bytes: data)
                #expect(reader.rowCount == 1000)
                let back = try reader.readAllRows()
                #expect(back == rows, "codec \(codec) \(version)")
            }
        }
    }
}
