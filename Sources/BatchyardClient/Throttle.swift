/// A bandwidth cap for uploads and downloads (`--limit-rate`), like curl's: useful on shared
/// links, and what lets a test watch a progress bar move.
public struct Throttle: Sendable, Hashable {
    /// The cap in bytes per second.
    public var bytesPerSecond: Int64

    /// A cap of `bytesPerSecond` (at least 1).
    public init(bytesPerSecond: Int64) {
        self.bytesPerSecond = max(1, bytesPerSecond)
    }

    /// Parses `500k`, `2M`, `1G` or a plain number of bytes per second (k = 1024).
    public init?(parsing text: String) {
        guard let value = ByteSize.parse(text) else { return nil }
        self.init(bytesPerSecond: value)
    }
}
