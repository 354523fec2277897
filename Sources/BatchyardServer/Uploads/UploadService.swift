import BatchyardCore
import BatchyardStore
import BlobStore
import NIOCore

/// Small-file and large-file uploads into a loading batch (contract §3.3–3.4).
///
/// A PUT body is streamed into an `incoming/…` object first; a chunk is written at its offset of
/// the file's part assembly (invisible until the file's COMPLETE). Only then, inside one metadata
/// transaction, are the batch's status and the guardrails checked again, the bytes moved to their
/// final key (or the chunk's marker written) and `batch_files` updated; so a batch COMPLETE, which
/// takes the same write lock, sees either all of an upload or none of it, and a refused upload
/// never replaces a file.
struct UploadService: Sendable {
    let uploads: UploadStore
    let blobs: any BlobStore
    let limits: UploadLimits
    let clock: @Sendable () -> Int64

    // MARK: Small files

    /// `PUT …/files/{path}`: stores (or replaces) the whole file.
    func putFile(_ target: UploadTarget, body: some AsyncSequence<ByteBuffer, some Error>, contentLength: Int64?) async throws {
        if let contentLength, contentLength > limits.maxFileBytes { throw UploadErrors.fileTooLarge(limits) }
        let budget = try await uploads.transaction { [self] tx in
            try await check(tx, target, adding: contentLength ?? 0)
        }
        _ = try await receive(
            body, into: target, limit: min(limits.maxFileBytes, budget),
            refusal: budget < limits.maxFileBytes
                ? UploadErrors.guardrails(files: nil, bytes: limits.maxBytesPerBatch + 1, limits: limits)
                : UploadErrors.fileTooLarge(limits),
            expected: contentLength
        ) { [self] incoming, size in
            try await accept(target, incoming: incoming, size: size)
        }
        // A PUT replaces a large upload that was in progress under the same path.
        try? await blobs.deletePrefix(target.chunksPrefix)
    }

    // MARK: Large files

    /// `POST …?action=INITIALIZE`: (re)starts a large file; earlier chunks of it are discarded.
    func initialize(_ target: UploadTarget) async throws {
        try await uploads.transaction { [self] tx in
            _ = try await check(tx, target, adding: 0)
            let now = clock()
            try await tx.upsert(
                UploadedFile(path: target.path.value, size: 0, status: .uploading, created: now, updated: now,
                             uploadID: UUIDToken.make(now: clock())),
                ofBatch: target.batchID, tenant: target.tenant)
        }
        try await blobs.deletePrefix(target.chunksPrefix)
    }

    /// `PATCH …` with `Content-Range`: writes one chunk at its offset of the file being assembled
    /// (so COMPLETE needs no copy), then records it. Returns the `Range` header value of
    /// everything received so far.
    func putChunk(_ target: UploadTarget, range: ContentRange, body: some AsyncSequence<ByteBuffer, some Error>, contentLength: Int64?) async throws -> String? {
        guard range.length <= limits.maxChunkBytes else { throw UploadErrors.chunkTooLarge(limits) }
        if let contentLength, contentLength != range.length {
            throw UploadErrors.lengthMismatch(received: contentLength, range: range)
        }
        let declared = range.total
        let file = try await uploads.transaction { [self] tx in
            let file = try await requireUploading(tx, target, uploadID: nil)
            if let declared, let earlier = file.declaredSize, earlier != declared {
                throw ProblemError.badRequest(
                    "Content-Range declares a total of \(declared) bytes, but earlier chunks declared \(earlier).",
                    code: "INGEST-1411-400")
            }
            if declared == nil, let earlier = file.declaredSize, range.end >= earlier {
                throw ProblemError.badRequest(
                    "The chunk ends at byte \(range.end), beyond the declared total of \(earlier) bytes.",
                    code: "INGEST-1411-400")
            }
            _ = try await check(tx, target, adding: max(declared ?? file.declaredSize ?? 0, range.end + 1))
            return file
        }
        let uploadID = file.uploadID ?? ""
        let written = try await blobs.writePart(
            upload: target.assemblyKey(uploadID), offset: range.start,
            body: ByteLimitedSequence(
                base: body, limit: range.length, refusal: UploadErrors.lengthMismatch(received: nil, range: range)))
        guard written == range.length else { throw UploadErrors.lengthMismatch(received: written, range: range) }
        try await uploads.transaction { [self] tx in
            var current = try await requireUploading(tx, target, uploadID: uploadID)
            _ = try await check(tx, target, adding: max(declared ?? current.declaredSize ?? 0, range.end + 1))
            _ = try await blobs.put(key: target.markerKey(uploadID, range), body: AsyncStream<ByteBuffer> { $0.finish() })
            current.updated = clock()
            current.declaredSize = declared ?? current.declaredSize
            try await tx.upsert(current, ofBatch: target.batchID, tenant: target.tenant)
        }
        return try await chunks(of: target, uploadID: uploadID).rangeHeader
    }

    /// `HEAD …`: the file's state and the bytes received so far.
    func status(_ target: UploadTarget) async throws -> (file: UploadedFile, range: String?) {
        let file = try await uploads.transaction { [self] tx in
            _ = try await requireBatch(tx, target, loading: false)
            guard let file = try await tx.file(target.path.value, ofBatch: target.batchID, tenant: target.tenant) else {
                throw UploadErrors.fileNotFound(target)
            }
            return file
        }
        if file.status == .complete {
            return (file, file.size > 0 ? "bytes=0-\(file.size - 1)" : nil)
        }
        return (file, try await chunks(of: target, uploadID: file.uploadID ?? "").rangeHeader)
    }

    /// `POST …?action=COMPLETE`: checks that the chunks tile the file (400 on overlaps or gaps) and
    /// turns the assembled bytes into the file.
    func complete(_ target: UploadTarget) async throws {
        let file = try await uploads.transaction { [self] tx in
            _ = try await requireBatch(tx, target, loading: true)
            guard let file = try await tx.file(target.path.value, ofBatch: target.batchID, tenant: target.tenant) else {
                throw UploadErrors.fileNotFound(target)
            }
            return file
        }
        // A retried COMPLETE whose first attempt succeeded finds the file complete.
        if file.status == .complete { return }
        let uploadID = file.uploadID ?? ""
        let ordered = try await chunks(of: target, uploadID: uploadID).stitchOrder(declaredTotal: file.declaredSize)
        let size = ordered.last!.end + 1
        try await uploads.transaction { [self] tx in
            _ = try await requireUploading(tx, target, uploadID: uploadID)
            _ = try await check(tx, target, adding: size)
            try await placeOnce(target.fileKey, size: size) {
                try await blobs.completeParts(upload: target.assemblyKey(uploadID), size: size, into: target.fileKey)
            }
            let now = clock()
            try await tx.upsert(
                UploadedFile(path: target.path.value, size: size, status: .complete, created: now, updated: now),
                ofBatch: target.batchID, tenant: target.tenant)
        }
        try? await blobs.deletePrefix(target.chunksPrefix)
    }

    // MARK: Steps

    /// Streams `body` into a fresh incoming object and hands it to `commit`; the incoming object
    /// is deleted whatever happens.
    private func receive(
        _ body: some AsyncSequence<ByteBuffer, some Error>, into target: UploadTarget, limit: Int64,
        refusal: ProblemError, expected: Int64?,
        commit: (String, Int64) async throws -> Void
    ) async throws -> Int64 {
        let incoming = target.incomingKey(now: clock())
        do {
            let size = try await blobs.put(key: incoming, body: ByteLimitedSequence(base: body, limit: limit, refusal: refusal))
            if let expected, size != expected {
                throw ProblemError.badRequest(
                    "The body had \(size) bytes but \(expected) were announced; the upload was discarded.",
                    code: "INGEST-1413-400")
            }
            try await commit(incoming, size)
            return size
        } catch {
            try? await blobs.delete(key: incoming)
            throw error
        }
    }

    /// Moves a received file into place and records it, after checking everything again.
    private func accept(_ target: UploadTarget, incoming: String, size: Int64) async throws {
        try await uploads.transaction { [self] tx in
            _ = try await check(tx, target, adding: size)
            try await placeOnce(target.fileKey, size: size) { try await blobs.move(from: incoming, to: target.fileKey) }
            let now = clock()
            try await tx.upsert(
                UploadedFile(path: target.path.value, size: size, status: .complete, created: now, updated: now),
                ofBatch: target.batchID, tenant: target.tenant)
        }
    }

    /// Runs `place` (a move of this request's own bytes into `key`) inside a metadata transaction
    /// that may run more than once: on PostgreSQL a serialization failure re-runs the whole body,
    /// and the first run's move already happened, so a missing source with `key` holding exactly
    /// `size` bytes counts as done.
    private func placeOnce(_ key: String, size: Int64, _ place: () async throws -> Void) async throws {
        do {
            try await place()
        } catch let error as BlobStoreError where error.code == .notFound {
            guard try await blobs.size(key: key) == size else { throw error }
        }
    }

    private func chunks(of target: UploadTarget, uploadID: String) async throws -> ChunkRanges {
        let prefix = target.uploadPrefix(uploadID)
        return ChunkRanges(keys: try await blobs.list(prefix: prefix).map(\.key), prefix: prefix)
    }

    // MARK: Checks

    /// The batch exists in the tenant, belongs to the path's dataset, and (when `loading`) may
    /// take uploads.
    func requireBatch(_ tx: UploadTransaction, _ target: UploadTarget, loading: Bool) async throws -> StoredObject {
        guard let batch = try await tx.catalog.get(.batches, tenant: target.tenant, id: target.batchID) else {
            throw UploadErrors.batchNotFound(target.batchID)
        }
        let datasetID = batch.document["relatedObjects"]?.arrayValue?
            .first { $0["type"]?.stringValue == "dataSet" }?["id"]?.stringValue
        guard datasetID == target.datasetID else {
            throw UploadErrors.datasetMismatch(target, actual: datasetID)
        }
        if loading {
            let status = batch.document["status"]?.stringValue ?? ""
            guard let parsed = BatchStatus(wireValue: status) else {
                throw ProblemError.badRequest(
                    "Files can only be uploaded while the batch is 'loading'; its status is '\(status)'.",
                    code: "INGEST-1400-400")
            }
            do {
                try BatchLifecycle(status: parsed).checkUpload()
            } catch {
                throw ProblemError.badRequest(error.detail, code: "INGEST-1400-400")
            }
        }
        return batch
    }

    /// All checks of a write that adds a file of `bytes` bytes at the target's path; returns how
    /// many bytes the batch can still take.
    private func check(_ tx: UploadTransaction, _ target: UploadTarget, adding bytes: Int64) async throws -> Int64 {
        _ = try await requireBatch(tx, target, loading: true)
        if let conflict = try await tx.conflictingPath(target.path.value, ofBatch: target.batchID, tenant: target.tenant) {
            throw ProblemError.badRequest(
                "The path '\(target.path)' collides with the uploaded file '\(conflict)': one path cannot be both a file and a folder.",
                code: "INGEST-1410-400")
        }
        let others = try await tx.totals(ofBatch: target.batchID, tenant: target.tenant, excluding: target.path.value)
        let files = others.files + 1
        let total = others.bytes + bytes
        if files > limits.maxFilesPerBatch || total > limits.maxBytesPerBatch {
            throw UploadErrors.guardrails(
                files: files > limits.maxFilesPerBatch ? files : nil,
                bytes: total > limits.maxBytesPerBatch ? total : nil, limits: limits)
        }
        return limits.maxBytesPerBatch - others.bytes
    }

    /// The file's row while it takes chunks (of the INITIALIZE `uploadID`, when given).
    private func requireUploading(_ tx: UploadTransaction, _ target: UploadTarget, uploadID: String?) async throws -> UploadedFile {
        _ = try await requireBatch(tx, target, loading: true)
        guard let file = try await tx.file(target.path.value, ofBatch: target.batchID, tenant: target.tenant),
            file.status == .uploading, uploadID == nil || file.uploadID == uploadID
        else {
            throw ProblemError.notFound(
                "The large file '\(target.path)' is not taking chunks in batch '\(target.batchID)' (not initialized, "
                    + "already complete, or restarted meanwhile); POST it with ?action=INITIALIZE before sending chunks.",
                code: "INGEST-1404-404")
        }
        return file
    }
}
