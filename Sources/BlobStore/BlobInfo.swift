/// One stored object, as ``BlobStore/list(prefix:)`` reports it.
public struct BlobInfo: Sendable, Hashable {
    /// The object's key.
    public var key: String
    /// Its size in bytes.
    public var size: Int64

    public init(key: String, size: Int64) {
        self.key = key
        self.size = size
    }
}
