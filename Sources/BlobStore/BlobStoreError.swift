/// Why a blob operation failed.
public struct BlobStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, for callers that branch on it.
    public enum Code: String, Sendable, Hashable {
        /// The key is empty, absolute, has empty, `.` or `..` segments, or uses a reserved name.
        case invalidKey
        /// No object has that key.
        case notFound
        /// The key collides with another object's path (a file where a folder is needed, or the
        /// other way round), which a file system cannot hold at once.
        case conflict
        /// The requested byte range lies outside the object.
        case invalidRange
        /// The operating system refused a read, write or sync.
        case io
    }

    public let code: Code
    /// The key or path concerned.
    public let key: String
    /// A sentence saying what happened (with `errno`'s text for I/O errors).
    public let message: String

    public init(_ code: Code, key: String, _ message: String) {
        self.code = code
        self.key = key
        self.message = message
    }

    public var description: String { "\(code.rawValue) '\(key)': \(message)" }
}
