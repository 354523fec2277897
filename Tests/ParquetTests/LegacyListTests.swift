import Foundation
import Testing
@testable import Parquet

/// The backward-compatibility rules for 2-level lists (parquet-mr/Avro/Thrift writers): our
/// reading must agree with pyarrow's on files using them.
@Suite struct LegacyListTests {
    static func schema() throws -> ParquetSchema {
        let twoLevelPrimitive = ParquetField(
            name: "a", repetition: .optional, kind: .group([.int32("array", .repeated)]), logicalType: .list)
        let avroStruct = ParquetField(
            name: "b", repetition: .optional,
            kind: .group([.group("array", .repeated, [.string("x"), .int32("y")])]), logicalType: .list)
        let thriftTuple = ParquetField(
            name: "c", repetition: .optional, kind: .group([.group("c_tuple", .repeated, [.int32("v")])]), logicalType: .list)
        return try ParquetSchema([twoLevelPrimitive, avroStruct, thriftTuple, .int64("bare", .repeated)])
    }

    static let rows: [ParquetValue] = [
        .object(["a": .list([.int(1), .int(2)]), "b": .list([.object(["x": .string("p"), "y": .null])]),
                 "c": .list([.object(["v": .int(3)])]), "bare": .list([.int(9), .int(8)])]),
        .object(["a": .null, "b": .list([]), "c": .null, "bare": .list([])]),
        .object(["a": .list([]), "b": .null, "c": .list([.object(["v": .null]), .object(["v": .int(4)])]), "bare": .list([.int(7)])]),
    ]

    @Test func ownRoundTrip() throws {
        let data = try ParquetFileWriter.data(rows: Self.rows, schema: try Self.schema())
        #expect(try ParquetFileReader(bytes: data).readAllRows() == Self.rows)
    }

    @Test func pyarrowAgrees() throws {
        let dir = try PythonRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("legacy.parquet").path
        let w = try ParquetFileWriter(path: path, schema: try Self.schema())
        try w.write(rows: Self.rows)
        try w.close()
        let dumped = try PythonRunner.dump([path])
        guard let entry = dumped[path] as? [String: Any], let rows = entry["pyarrow"] as? [Any] else {
            Issue.record("no pyarrow output")
            return
        }
        #expect(rows.count == Self.rows.count)
        for (i, row) in Self.rows.enumerated() where i < rows.count {
            if let m = ExpectedJSON.mismatch(row, rows[i], path: "row \(i)") { Issue.record("pyarrow: \(m)") }
        }
    }
}
