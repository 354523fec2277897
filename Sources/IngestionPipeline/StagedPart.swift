/// One Parquet file written to staging by a processing attempt, waiting to be published.
public struct StagedPart: Sendable, Hashable {
    /// The part's number within the batch, from 1 (its lake name is `BlobKeys.partName(number)`).
    public var number: Int
    /// Its staging key.
    public var key: String
    /// Rows in it.
    public var records: Int
    /// Its size in bytes.
    public var size: Int64

    /// A staged part.
    public init(number: Int, key: String, records: Int, size: Int64) {
        self.number = number
        self.key = key
        self.records = records
        self.size = size
    }

    /// The lake object name, `part-0000N.parquet`.
    public var name: String { BlobKeys.partName(number) }
}
