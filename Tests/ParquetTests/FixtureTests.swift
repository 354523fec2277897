import Foundation
import Testing
@testable import Parquet

/// Our reader against files pyarrow wrote: every value must equal what pyarrow reads back.
@Suite struct FixtureTests {
    static var fixtureDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static var fixtureNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".parquet") }.map { String($0.dropLast(8)) }.sorted()
    }

    @Test func fixturesExist() {
        #expect(Self.fixtureNames.count >= 15)
    }

    @Test(arguments: fixtureNames)
    func readsPyarrowFile(_ name: String) throws {
        let dir = Self.fixtureDirectory
        let reader = try ParquetFileReader(path: dir.appendingPathComponent(name + ".parquet").path)
        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent(name + ".json"))) as! [String: Any]
        let rows = expected["rows"] as! [Any]
        let ours = try reader.readAllRows()
        #expect(reader.rowCount == Int64(rows.count))
        #expect(ours.count == rows.count)
        for (i, row) in ours.enumerated() where i < rows.count {
            if let m = ExpectedJSON.mismatch(row, rows[i], path: "row \(i)") {
                Issue.record("\(name): \(m)")
                return
            }
        }
    }

    @Test func footerOnlyMetadata() throws {
        let reader = try ParquetFileReader(path: Self.fixtureDirectory.appendingPathComponent("nested_v1.parquet").path)
        #expect(reader.rowCount == 150)
        #expect(reader.rowGroupCount == 4)
        #expect(reader.keyValueMetadata["ARROW:schema"] != nil)
        #expect(reader.schema.field(named: "attrs")?.logicalType == .map)
        #expect(reader.createdBy?.hasPrefix("parquet-cpp-arrow") == true)
    }
}
