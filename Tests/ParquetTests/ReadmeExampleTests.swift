import Foundation
import Parquet
import Testing

/// The README's Parquet example, kept compiling and true.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("write three columns, read the row back")
    func example() throws {
        let path = NSTemporaryDirectory() + "readme-\(UUID().uuidString).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let schema = try ParquetSchema([
            .string("name", .required),
            .int64("points", .optional),
            .list("tags", .optional, element: .string("element", .required)),
        ])
        let writer = try ParquetFileWriter(path: path, schema: schema, options: ParquetWriterOptions())
        try writer.write(row: .object(["name": .string("a"), "points": .int(3), "tags": .list([.string("x")])]))
        _ = try writer.close()
        let reader = try ParquetFileReader(path: path)
        #expect(reader.rowCount == 1)
        var rows: [ParquetValue] = []
        try reader.forEachRow { row in rows.append(row) }
        #expect(rows == [.object(["name": .string("a"), "points": .int(3), "tags": .list([.string("x")])])])
    }
}
