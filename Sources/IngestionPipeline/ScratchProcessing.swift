import BlobStore
import Foundation

extension BatchProcessor {
    /// Processes a batch whose store has no local files (S3): the readers (and the Parquet input
    /// reader, which needs random access) want files, so the batch's uploads are streamed into a
    /// scratch folder, processed there by a local processor, and its outputs (staged parts, row
    /// errors, input-file metadata) streamed back to the store under the same keys. Disk use is
    /// the batch's inputs plus its outputs; memory stays bounded.
    func processInScratch(
        _ request: BatchProcessingRequest, checkpoint: @escaping @Sendable () async throws -> Void
    ) async throws -> BatchProcessingOutcome {
        let keys = request.keys
        let root = options.scratchDirectory + "/batchyard-scratch-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let scratch = try LocalBlobStore(root: root)
        try await blobs.deletePrefix(keys.stagingPrefix)
        try await blobs.deletePrefix(keys.metaPrefix)
        for file in Set(request.files) {
            let key = keys.uploadsPrefix + file
            // A file listed in batch_files but gone from the store is processed as missing, as locally.
            guard try await blobs.size(key: key) != nil else { continue }
            _ = try await scratch.put(key: key, body: blobs.get(key: key))
            try await checkpoint()
        }
        let outcome = try await BatchProcessor(blobs: scratch, options: options).process(request, checkpoint: checkpoint)
        do {
            for prefix in [keys.stagingPrefix, keys.metaPrefix] {
                for blob in try await scratch.list(prefix: prefix) {
                    _ = try await blobs.putFile(key: blob.key, fromLocalPath: root + "/" + blob.key, removingSource: true)
                }
            }
        } catch {
            try? await blobs.deletePrefix(keys.stagingPrefix)
            throw error
        }
        return outcome
    }
}
