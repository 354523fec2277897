import NIOCore

/// Where Batchyard keeps file bytes: uploads, staged and published Parquet, diagnostics.
///
/// Keys are relative paths (`lake/{org}/{sandbox}/{datasetId}/{batchId}/part-00001.parquet`), never
/// absolute and never containing `..`; the org and sandbox are always part of the key.
///
/// Stand-in written by the processing engineer against the issue-5 contract; the uploads
/// engineer's module of the same name replaces it.
public protocol BlobStore: Sendable {
    /// Streams `body` to `key`, fsyncs the file and its directory, and returns the bytes written.
    func put(key: String, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64
    /// Copies (or, with `removingSource`, moves) a local file to `key`, durably; returns its size.
    func putFile(key: String, fromLocalPath path: String, removingSource: Bool) async throws -> Int64
    /// Streams the bytes of `key`, or of `range` of it.
    func get(key: String, range: ClosedRange<Int64>?) -> AsyncThrowingStream<ByteBuffer, any Error>
    /// The size of `key`, or `nil` when it does not exist.
    func size(key: String) async throws -> Int64?
    /// Every object whose key starts with `prefix`, sorted by key.
    func list(prefix: String) async throws -> [BlobInfo]
    /// Removes `key`; removing a missing key is not an error.
    func delete(key: String) async throws
    /// Removes every object under `prefix`.
    func deletePrefix(_ prefix: String) async throws
    /// Renames `from` to `to` atomically (replacing `to`), durably.
    func move(from: String, to: String) async throws
    /// The local file of `key` when the store is a file system, so readers can open it directly.
    func localPath(for key: String) -> String?
}

extension BlobStore {
    /// Copies a local file to `key`, durably; returns its size.
    @discardableResult
    public func putFile(key: String, fromLocalPath path: String) async throws -> Int64 {
        try await putFile(key: key, fromLocalPath: path, removingSource: false)
    }
}
