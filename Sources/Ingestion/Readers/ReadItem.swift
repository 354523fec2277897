/// What a reader hands over for each row: a record, or the reason the row could not be read.
public enum ReadItem: Sendable, Hashable {
    /// A readable record.
    case record(SourceRecord)
    /// A row that could not be read; reading continues with the next row.
    case rowError(RowError)
}
