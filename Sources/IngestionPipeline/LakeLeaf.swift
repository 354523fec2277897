import BatchyardCore
import Parquet
import XDMValidation

/// How one lake column takes a coerced value from a tape: the conversions of
/// ``LakeSchema/row(_:)``, for writers that fill column batches straight from a `JSONTape`.
enum LakeLeaf {
    /// UTF-8 text: strings as they are, any other value as its JSON text.
    case text
    case double
    case int32
    case int64
    case boolean
    /// DATE: a `YYYY-MM-DD` string as days since the epoch.
    case date

    /// The leaf for a lake column, or `nil` for a physical type the lake never writes.
    init?(_ column: ColumnDescriptor) {
        switch column.physicalType {
        case .byteArray: self = .text
        case .double: self = .double
        case .int32: self = column.logicalType == .date ? .date : .int32
        case .int64: self = .int64
        case .boolean: self = .boolean
        default: return nil
        }
    }

    /// Appends the value at `index` of `tape` to `values`; `false` (nothing appended) when the
    /// column holds it as null (null, or a kind it cannot hold).
    @inline(__always)
    func append(_ tape: JSONTape.View, at index: Int, to values: inout ColumnValues) -> Bool {
        let kind = tape.kind(at: index)
        switch (self, kind) {
        case (_, .null): return false
        case (.text, .string):
            values.appendBytes(tape.bytes(at: index))
        case (.text, _):
            tape.write(at: index, to: &values.bytes)
            values.offsets.append(values.bytes.count)
        case (.double, .double): values.doubles.append(tape.double(at: index))
        case (.double, .int): values.doubles.append(Double(tape.int(at: index)))
        case (.int32, _):
            guard let number = Self.exactInteger(tape, at: index), let narrow = Int32(exactly: number) else { return false }
            values.int32s.append(narrow)
        case (.int64, _):
            guard let number = Self.exactInteger(tape, at: index) else { return false }
            values.int64s.append(number)
        case (.boolean, .bool): values.booleans.append(tape.bool(at: index))
        case (.date, .string):
            guard let days = XDMDate.epochDays(from: tape.bytes(at: index)), let narrow = Int32(exactly: days)
            else { return false }
            values.int32s.append(narrow)
        default: return false
        }
        return true
    }

    /// An integer, or a double with no fractional part in range (`JSONValue.int64Value`).
    private static func exactInteger(_ tape: JSONTape.View, at index: Int) -> Int64? {
        switch tape.kind(at: index) {
        case .int: return tape.int(at: index)
        case .double:
            let value = tape.double(at: index)
            guard value.rounded() == value else { return nil }
            return Int64(exactly: value)
        default: return nil
        }
    }
}
