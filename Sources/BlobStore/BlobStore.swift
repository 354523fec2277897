import NIOCore

/// Where Batchyard keeps bytes: uploaded files, chunks of large uploads, staged and published
/// lake files, and ingestion diagnostics.
///
/// Keys are `/`-separated relative paths (see ``BlobKey``); they never contain `..` and always
/// carry the org and sandbox, so one store serves every tenant without crossing the wall. The
/// operations are the ones an S3-compatible store offers too (streamed put, ranged get, prefix
/// list, delete, server-side copy/compose), so a second backend can slot in behind this protocol.
public protocol BlobStore: Sendable {
    /// Streams `body` into `key`, replacing any previous object atomically: readers see the old
    /// bytes or the new ones, never a mix. When it returns the bytes are durable (file and
    /// directory synced on the local backend). Returns the number of bytes stored.
    func put(key: String, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64

    /// Stores the file at `path` under `key`, atomically and durably. With `removingSource` the
    /// file may be moved instead of copied (the local backend renames when it can).
    func putFile(key: String, fromLocalPath path: String, removingSource: Bool) async throws -> Int64

    /// Streams the object, or the bytes `range` of it (inclusive offsets), in bounded pieces.
    /// A missing object or a range beyond its end surfaces as an error from the stream.
    func get(key: String, range: ClosedRange<Int64>?) -> AsyncThrowingStream<ByteBuffer, any Error>

    /// The object's size in bytes, `nil` when it does not exist.
    func size(key: String) async throws -> Int64?

    /// Every object whose key starts with `prefix`, sorted by key.
    func list(prefix: String) async throws -> [BlobInfo]

    /// Deletes the object; deleting a missing object is not an error.
    func delete(key: String) async throws

    /// Deletes every object whose key starts with `prefix`.
    func deletePrefix(_ prefix: String) async throws

    /// Renames an object, replacing `destination`; atomic and durable on the local backend.
    func move(from source: String, to destination: String) async throws

    /// Writes the objects `parts`, in order, as one new object `key` (the stitching of a
    /// large-file upload; S3's multipart copy does the same server-side). Returns its size.
    func concatenate(_ parts: [String], into key: String) async throws -> Int64

    /// Writes `body` at byte `offset` of the part assembly `upload` (a large-file upload whose
    /// chunks arrive in any order), creating it if needed; the bytes are durable when it returns.
    /// Parts written at the same offset overwrite each other; the assembly is no object until
    /// ``completeParts(upload:size:into:)`` (S3: an upload part; locally: one sparse file, so
    /// that completing needs no copy). Returns the bytes written.
    func writePart(upload: String, offset: Int64, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64

    /// Turns the first `size` bytes of the assembly `upload` into the object `key`, atomically and
    /// durably; the assembly is gone afterwards. The caller has checked that every byte arrived.
    func completeParts(upload: String, size: Int64, into key: String) async throws

    /// The object's path on the local file system, for readers that open files directly
    /// (Parquet footers, `mmap`); `nil` for remote backends.
    func localPath(for key: String) -> String?
}

extension BlobStore {
    /// Copies the file at `path` under `key`, leaving the source in place.
    public func putFile(key: String, fromLocalPath path: String) async throws -> Int64 {
        try await putFile(key: key, fromLocalPath: path, removingSource: false)
    }

    /// Streams the whole object.
    public func get(key: String) -> AsyncThrowingStream<ByteBuffer, any Error> {
        get(key: key, range: nil)
    }
}
