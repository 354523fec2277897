/// One key/value pair of a MAP value; maps keep their file order and may have non-string keys.
public struct ParquetMapEntry: Sendable, Hashable {
    /// The entry's key (a string for XDM maps).
    public var key: ParquetValue
    /// The entry's value, possibly `.null`.
    public var value: ParquetValue

    /// Creates an entry.
    public init(key: ParquetValue, value: ParquetValue) {
        self.key = key
        self.value = value
    }
}
