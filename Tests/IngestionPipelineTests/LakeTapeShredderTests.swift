import BatchyardCore
import BatchyardTestSupport
import Parquet
import Testing
import XDMValidation

@testable import IngestionPipeline

/// Writing records straight from tapes (`LakeTapeShredder`) must give the same lake file rows as
/// the row API (`LakeSchema.row` + `ParquetFileWriter.write(row:)`), for any lake schema: nested
/// groups, lists of groups, maps, and records with nulls, absent fields and values of the wrong kind.
@Suite("Lake columns from tapes")
struct LakeTapeShredderTests {
    static func randomType(_ rng: inout SeededGenerator, depth: Int) -> XDMColumnType {
        switch Int.random(in: 0..<(depth > 2 ? 9 : 12), using: &rng) {
        case 0: return .string
        case 1: return .double
        case 2: return .int8
        case 3: return .int32
        case 4: return .int64
        case 5: return .boolean
        case 6: return .date
        case 7: return .timestampMillis
        case 8: return .int16
        case 9: return .group(randomColumns(&rng, depth: depth + 1))
        case 10: return .list(randomType(&rng, depth: depth + 1))
        default: return .map(values: randomType(&rng, depth: depth + 1))
        }
    }

    static func randomColumns(_ rng: inout SeededGenerator, depth: Int) -> [XDMColumn] {
        let names = ["a", "b", "c", "d", "e", "é", "URL", "_id"].shuffled(using: &rng)
        return names.prefix(Int.random(in: 0...4, using: &rng)).sorted().map {
            XDMColumn(name: $0, type: randomType(&rng, depth: depth), isRequired: false)
        }
    }

    /// A value for `type`, or now and then null, absent or of another kind (written as null, or
    /// as JSON text in a string column).
    static func randomValue(_ type: XDMColumnType, _ rng: inout SeededGenerator, depth: Int = 0) -> JSONValue? {
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return nil
        case 1: return .null
        case 2 where depth < 3: return [1, "x", ["k": true]]
        case 3: return .string("2024-02-29")
        default: break
        }
        switch type {
        case .string: return .string(["", "text", "é ü", "line\nbreak"].randomElement(using: &rng)!)
        case .double: return Bool.random(using: &rng) ? .double(Double(Int.random(in: -999...999, using: &rng)) / 8) : .int(7)
        case .int8: return .int(Int64.random(in: -128...127, using: &rng))
        case .int16: return .int(Int64.random(in: -32768...32767, using: &rng))
        case .int32: return Bool.random(using: &rng) ? .int(Int64(Int32.random(in: .min ... .max, using: &rng))) : .double(12)
        case .int64, .timestampMillis: return .int(Int64.random(in: .min ... .max, using: &rng))
        case .boolean: return .bool(Bool.random(using: &rng))
        case .date: return .string(["1970-01-01", "2024-12-31", "1899-12-31"].randomElement(using: &rng)!)
        case .group(let columns):
            var members: [String: JSONValue] = [:]
            for column in columns { members[column.name] = randomValue(column.type, &rng, depth: depth + 1) }
            if Bool.random(using: &rng) { members["unknown"] = "ignored" }
            return .object(members)
        case .list(let element):
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(element, &rng, depth: depth + 1) ?? .null })
        case .map(let values):
            var members: [String: JSONValue] = [:]
            for key in ["z", "a", "m", "é"].prefix(Int.random(in: 0...3, using: &rng)) {
                members[key] = randomValue(values, &rng, depth: depth + 1) ?? .null
            }
            return .object(members)
        }
    }

    @Test("same rows as the row API", arguments: Array(1...120) as [UInt64])
    func sameRowsAsRowAPI(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var columns = Self.randomColumns(&rng, depth: 0)
        if columns.isEmpty { columns = [XDMColumn(name: "only", type: .list(.group([XDMColumn(name: "x", type: .int64, isRequired: false)])), isRequired: false)] }
        let lake = try LakeSchema(columns: columns)
        let records = (0..<Int.random(in: 1...40, using: &rng)).map { _ in Self.randomValue(.group(columns), &rng) ?? [:] }
            .map { $0.objectValue == nil ? [:] : $0 }

        let byRow = try ParquetFileWriter(sink: MemorySink(), schema: lake.parquet)
        for record in records { try byRow.write(row: lake.row(record)) }
        let rowBytes = (try byRow.close() as! MemorySink).bytes

        guard var shredder = LakeTapeShredder(schema: lake) else {
            Issue.record("no shredder for \(columns)")
            return
        }
        var tape = JSONTape()
        for record in records {
            let root = tape.append(record)
            tape.withView { shredder.append($0, at: root) }
        }
        let byTape = try ParquetFileWriter(sink: MemorySink(), schema: lake.parquet)
        try byTape.write(columns: shredder.take(), rowCount: records.count)
        let tapeBytes = (try byTape.close() as! MemorySink).bytes

        let expected = try ParquetFileReader(bytes: rowBytes).readAllRows()
        let actual = try ParquetFileReader(bytes: tapeBytes).readAllRows()
        #expect(actual == expected, "seed \(seed): \(columns)")
    }
}
