/// A file-system operation of ``LocalBlobStore`` that failed.
public struct LocalBlobStoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
