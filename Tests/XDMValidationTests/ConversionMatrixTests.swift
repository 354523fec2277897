import BatchyardCore
import Testing

@testable import XDMValidation

/// Every cell of AEP's conversion matrix (contract §5.3): row = inbound kind, column = target type.
///
/// JSON carries fewer kinds than the matrix has rows: every JSON integer is a Long (so the Byte,
/// Short and Integer rows behave like Long, including Long → Date/Date-Time), and dates arrive as
/// strings (so the Date and Date-Time rows behave like String). Those cells are tested as the JSON
/// kind they arrive as.
@Suite("AEP conversion matrix")
struct ConversionMatrixTests {
    enum Expectation: Sendable, CustomStringConvertible {
        case converts(JSONValue)
        case refused(ValidationRule)

        var description: String {
            switch self {
            case .converts(let value): return "→ \(value)"
            case .refused(let rule): return "refused (\(rule))"
            }
        }
    }

    struct Cell: Sendable, CustomTestStringConvertible {
        let inbound: String
        let value: JSONValue
        let target: String
        let expectation: Expectation
        var testDescription: String { "\(inbound) \(value) → \(target): \(expectation)" }
    }

    static let targets: [String: String] = [
        "String": #"{"type": "string"}"#,
        "Byte": #"{"type": "integer", "minimum": -128, "maximum": 128}"#,
        "Short": #"{"type": "integer", "minimum": -32768, "maximum": 32768}"#,
        "Integer": #"{"type": "integer", "minimum": -2147483648, "maximum": 2147483648}"#,
        "Long": #"{"type": "integer"}"#,
        "Double": #"{"type": "number"}"#,
        "Date": #"{"type": "string", "format": "date"}"#,
        "Date-Time": #"{"type": "string", "format": "date-time"}"#,
        "Object": #"{"type": "object", "properties": {"a": {"type": "integer"}}}"#,
        "Map": #"{"type": "object", "additionalProperties": {"type": "integer"}}"#,
        "Boolean": #"{"type": "boolean"}"#,
        "Array": #"{"type": "array", "items": {"type": "integer"}}"#,
    ]

    static let numericTargets = ["Byte", "Short", "Integer", "Long"]

    static let cells: [Cell] = {
        var cells: [Cell] = []
        func add(_ inbound: String, _ value: JSONValue, _ target: String, _ expectation: Expectation) {
            cells.append(Cell(inbound: inbound, value: value, target: target, expectation: expectation))
        }
        // String row: everything but Object and Map (and Boolean/Array, which nothing converts to).
        add("String", "hello", "String", .converts("hello"))
        for target in numericTargets { add("String", "12", target, .converts(12)) }
        add("String", "1.5", "Double", .converts(1.5))
        add("String", "2019-05-15", "Date", .converts("2019-05-15"))
        add("String", "2018-07-10T15:05:59.000-08:00", "Date-Time", .converts(1_531_263_959_000))
        add("String", "{}", "Object", .refused(.type))
        add("String", "{}", "Map", .refused(.type))
        add("String", "true", "Boolean", .refused(.type))
        add("String", "[1]", "Array", .refused(.type))
        // Byte, Short, Integer rows (JSON integers): all numeric targets and String.
        for (row, value) in [("Byte", JSONValue.int(7)), ("Short", .int(300)), ("Integer", .int(70_000))] {
            add(row, value, "String", .converts(.string(String(value.int64Value!))))
            add(row, value, "Long", .converts(value))
            add(row, value, "Double", .converts(.double(Double(value.int64Value!))))
            add(row, value, "Object", .refused(.type))
            add(row, value, "Map", .refused(.type))
            add(row, value, "Boolean", .refused(.type))
            add(row, value, "Array", .refused(.type))
        }
        add("Byte", 7, "Byte", .converts(7))
        add("Byte", 7, "Short", .converts(7))
        add("Byte", 7, "Integer", .converts(7))
        add("Short", 300, "Short", .converts(300))
        add("Short", 300, "Integer", .converts(300))
        add("Short", 300, "Byte", .refused(.range))
        add("Integer", 70_000, "Integer", .converts(70_000))
        add("Integer", 70_000, "Short", .refused(.range))
        add("Integer", 70_000, "Byte", .refused(.range))
        // Long row: numeric, String, and epoch milliseconds to Date and Date-Time.
        add("Long", 1_531_263_959_000, "String", .converts("1531263959000"))
        add("Long", 1_531_263_959_000, "Long", .converts(1_531_263_959_000))
        add("Long", 1_531_263_959_000, "Double", .converts(1_531_263_959_000.0))
        add("Long", 1_531_263_959_000, "Integer", .refused(.range))
        add("Long", 1_531_263_959_000, "Short", .refused(.range))
        add("Long", 1_531_263_959_000, "Byte", .refused(.range))
        add("Long", 1_531_263_959_000, "Date", .converts("2018-07-10"))
        add("Long", 1_531_263_959_000, "Date-Time", .converts(1_531_263_959_000))
        add("Long", 5, "Object", .refused(.type))
        add("Long", 5, "Map", .refused(.type))
        // Double row: numeric targets when integral, String; not Date or Date-Time.
        add("Double", 2.0, "String", .converts("2"))
        add("Double", 2.5, "String", .converts("2.5"))
        for target in numericTargets { add("Double", 2.0, target, .converts(2)) }
        for target in numericTargets { add("Double", 2.5, target, .refused(.conversion)) }
        add("Double", 2.5, "Double", .converts(2.5))
        add("Double", 1_531_263_959_000.0, "Date", .refused(.type))
        add("Double", 1_531_263_959_000.0, "Date-Time", .refused(.type))
        add("Double", 2.5, "Object", .refused(.type))
        add("Double", 2.5, "Map", .refused(.type))
        // Date row: only Date (a date is not a date-time).
        add("Date", "2019-05-15", "Date", .converts("2019-05-15"))
        add("Date", "2019-05-15", "Date-Time", .refused(.format))
        for target in numericTargets { add("Date", "2019-05-15", target, .refused(.conversion)) }
        add("Date", "2019-05-15", "Double", .refused(.conversion))
        // Date-Time row.
        add("Date-Time", "2019-05-15T20:20:39+00:00", "Date-Time", .converts(1_557_951_639_000))
        for target in numericTargets { add("Date-Time", "2019-05-15T20:20:39+00:00", target, .refused(.conversion)) }
        add("Date-Time", "2019-05-15T20:20:39+00:00", "Double", .refused(.conversion))
        // Object and Map rows: to each other only.
        let object: JSONValue = ["a": 1]
        add("Object", object, "Object", .converts(object))
        add("Object", object, "Map", .converts(object))
        add("Map", ["a": 1], "Object", .converts(object))
        add("Map", ["x": 1, "y": 2], "Map", .converts(["x": 1, "y": 2]))
        for target in ["String", "Long", "Double", "Date", "Date-Time", "Boolean", "Array"] {
            add("Object", object, target, .refused(.type))
        }
        // Booleans and arrays are never converted.
        add("Boolean", true, "Boolean", .converts(true))
        add("Array", [1, 2], "Array", .converts([1, 2]))
        for target in ["String", "Byte", "Short", "Integer", "Long", "Double", "Date", "Date-Time", "Object", "Map", "Array"] {
            add("Boolean", true, target, .refused(.type))
        }
        for target in ["String", "Byte", "Short", "Integer", "Long", "Double", "Date", "Date-Time", "Object", "Map", "Boolean"] {
            add("Array", [1], target, .refused(.type))
        }
        return cells
    }()

    @Test("conversion cell", arguments: cells)
    func cell(_ cell: Cell) throws {
        let result = try validateField(Self.targets[cell.target]!, cell.value)
        switch cell.expectation {
        case .converts(let expected):
            #expect(result == .valid(["f": expected]))
        case .refused(let rule):
            let error = try #require(singleError(result))
            #expect(error.rule == rule)
            #expect(error.path == "/f")
            if rule == .type || rule == .conversion || rule == .range {
                #expect(error.family == .typeCompatibility)
            }
        }
    }

    @Test func everyRowAndColumnIsCovered() {
        let rows = Set(Self.cells.map(\.inbound))
        let columns = Set(Self.cells.map(\.target))
        #expect(rows == ["String", "Byte", "Short", "Integer", "Long", "Double", "Date", "Date-Time", "Object", "Map", "Boolean", "Array"])
        #expect(columns == Set(Self.targets.keys))
    }

    @Test func numericStringsAreStrict() throws {
        for text in ["", " 1", "1 ", "nan", "inf", "0x10", "1,5", "+", "e5"] {
            #expect(try validateField(#"{"type": "number"}"#, .string(text)).errors.first?.rule == .conversion, "\(text)")
        }
        #expect(try validateField(#"{"type": "number"}"#, "-1e3") == .valid(["f": -1000.0]))
        #expect(try validateField(#"{"type": "integer"}"#, "12.0") == .valid(["f": 12]))
        #expect(try validateField(#"{"type": "integer"}"#, "9223372036854775807") == .valid(["f": .int(Int64.max)]))
        #expect(try validateField(#"{"type": "integer"}"#, "9223372036854775808").errors.first?.rule == .conversion)
    }
}
