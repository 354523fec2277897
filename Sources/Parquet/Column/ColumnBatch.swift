/// One leaf column's data in Dremel form: values plus definition and repetition levels. This is
/// the column-batch API of the writer and reader; an empty level array means "every entry is at
/// the maximum level" (a required column has no definition levels, a flat one no repetition levels).
public struct ColumnBatch: Sendable {
    public var values: ColumnValues
    public var definitionLevels: [UInt16]
    public var repetitionLevels: [UInt16]

    public init(values: ColumnValues, definitionLevels: [UInt16] = [], repetitionLevels: [UInt16] = []) {
        self.values = values
        self.definitionLevels = definitionLevels
        self.repetitionLevels = repetitionLevels
    }

    /// Number of level entries (values plus nulls and empty lists).
    public var entryCount: Int {
        if !definitionLevels.isEmpty { return definitionLevels.count }
        if !repetitionLevels.isEmpty { return repetitionLevels.count }
        return values.count
    }
}
