/// One leaf column's data in Dremel form: values plus definition and repetition levels. This is
/// the column-batch API of the writer and reader; an empty level array means "every entry is at
/// the maximum level" (a required column has no definition levels, a flat one no repetition levels).
public struct ColumnBatch: Sendable {
    /// The non-null values, in entry order.
    public var values: ColumnValues
    /// One level per entry; empty when the column is required all the way down.
    public var definitionLevels: [UInt16]
    /// One level per entry (0 starts a record); empty for columns outside any list.
    public var repetitionLevels: [UInt16]

    /// Creates a batch; pass levels for optional or repeated columns.
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
