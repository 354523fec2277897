import BatchyardCore
import Parquet
import XDMValidation

/// Buffers coerced records of a flat lake schema (top-level leaf columns only) as Parquet column
/// batches, for ``ParquetFileWriter/write(columns:rowCount:)``.
///
/// The writer's row API builds one `ParquetValue` dictionary per record and shreds it again; for
/// the flat schemas of schemaless datasets (``InferredSchema``) the values can go straight into
/// the column buffers, and objects and arrays kept as JSON text are serialized straight into the
/// column's byte buffer. The values written are exactly those of ``LakeSchema/row(_:)``: a member
/// that is absent, `null` or of a kind the column cannot hold is null.
struct LakeColumnBuffer {
    /// Rows buffered before they are handed to the Parquet writer.
    static let batchRows = 4_096

    private let names: JSONKeyTable
    private let slots: [LakeLeaf]
    /// The row each column last got a value in, so that the others get a null.
    private var filledRow: [Int]
    private var values: [ColumnValues]
    private var levels: [[UInt16]]
    private(set) var rowCount = 0

    /// A buffer for `schema`, or `nil` when it has a nested column (groups, lists, maps), which
    /// the row API writes.
    init?(schema: LakeSchema) {
        // Flat: one Parquet column per top-level field (an object without fields is JSON text).
        guard schema.parquet.columns.count == schema.columns.count else { return nil }
        var slots: [LakeLeaf] = []
        for column in schema.parquet.columns {
            guard column.path.count == 1, let leaf = LakeLeaf(column) else { return nil }
            slots.append(leaf)
        }
        names = JSONKeyTable(schema.columns.map(\.name))
        self.slots = slots
        filledRow = Array(repeating: -1, count: slots.count)
        values = schema.parquet.columns.map { ColumnValues(physicalType: $0.physicalType) }
        levels = Array(repeating: [], count: slots.count)
        reserve()
    }

    /// Adds the coerced record at `root` of `tape` (an object; anything else is a row of nulls).
    ///
    /// The record's members are walked once and matched to columns by their key bytes.
    mutating func append(_ tape: JSONTape.View, at root: Int) {
        if tape.kind(at: root) == .object {
            let end = tape.end(of: root)
            var key = root + 1
            while key < end {
                if let column = names.index(of: tape.bytes(at: key)), append(tape, at: key + 1, to: column) {
                    levels[column].append(1)
                    filledRow[column] = rowCount
                }
                key = tape.end(of: key + 1)
            }
        }
        for column in slots.indices where filledRow[column] != rowCount {
            levels[column].append(0)
        }
        rowCount += 1
    }

    /// Adds the record at `root` of `tape` if it fits inferred columns as they are, else adds
    /// nothing and answers `false`: ``InferredSchema/fits(_:)`` and ``append(_:at:)`` in one walk
    /// over the record, for a buffer made from ``InferredSchema/columns`` (text holds any kind, a
    /// double column integers and numbers, an integer column integers, a boolean column booleans).
    mutating func appendIfFitsInferredColumns(_ tape: JSONTape.View, at root: Int) -> Bool {
        if tape.kind(at: root) == .object {
            let end = tape.end(of: root)
            var key = root + 1
            while key < end {
                let member = key + 1
                key = tape.end(of: member)
                let kind = tape.kind(at: member)
                if kind == .null { continue }
                guard let column = names.index(of: tape.bytes(at: member - 1)) else { return rollBackRow() }
                switch (slots[column], kind) {
                case (.text, _), (.double, .double), (.double, .int), (.int64, .int), (.boolean, .bool): break
                default: return rollBackRow()
                }
                guard append(tape, at: member, to: column) else { return rollBackRow() }
                levels[column].append(1)
                filledRow[column] = rowCount
            }
        }
        for column in slots.indices where filledRow[column] != rowCount {
            levels[column].append(0)
        }
        rowCount += 1
        return true
    }

    /// Removes the values the current row has added so far; `false`, for `return`.
    private mutating func rollBackRow() -> Bool {
        for column in slots.indices where filledRow[column] == rowCount {
            levels[column].removeLast()
            filledRow[column] = -1
            switch slots[column] {
            case .text:
                values[column].offsets.removeLast()
                values[column].bytes.removeSubrange(values[column].offsets.last!...)
            case .double: values[column].doubles.removeLast()
            case .int32, .date: values[column].int32s.removeLast()
            case .int64: values[column].int64s.removeLast()
            case .boolean: values[column].booleans.removeLast()
            }
        }
        return false
    }

    /// The buffered rows as one batch per column, in schema order; the buffer is empty afterwards.
    mutating func take() -> [ColumnBatch] {
        let batches = slots.indices.map { ColumnBatch(values: values[$0], definitionLevels: levels[$0]) }
        values = values.map { ColumnValues(physicalType: $0.physicalType) }
        levels = Array(repeating: [], count: slots.count)
        filledRow = Array(repeating: -1, count: slots.count)
        rowCount = 0
        reserve()
        return batches
    }

    private mutating func reserve() {
        for column in slots.indices {
            levels[column].reserveCapacity(Self.batchRows)
            switch slots[column] {
            case .text: values[column].offsets.reserveCapacity(Self.batchRows + 1)
            case .double: values[column].doubles.reserveCapacity(Self.batchRows)
            case .int32, .date: values[column].int32s.reserveCapacity(Self.batchRows)
            case .int64: values[column].int64s.reserveCapacity(Self.batchRows)
            case .boolean: values[column].booleans.reserveCapacity(Self.batchRows)
            }
        }
    }

    /// Appends the value at `index` of `tape` to column `column`; `false` (nothing appended) when
    /// it is null there.
    private mutating func append(_ tape: JSONTape.View, at index: Int, to column: Int) -> Bool {
        slots[column].append(tape, at: index, to: &values[column])
    }
}
