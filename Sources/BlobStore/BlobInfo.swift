/// One object of a listing.
public struct BlobInfo: Sendable, Hashable {
    /// The object's full key.
    public let key: String
    /// Its size in bytes.
    public let size: Int64

    public init(key: String, size: Int64) {
        self.key = key
        self.size = size
    }
}
