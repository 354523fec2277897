import BatchyardCore
import BatchyardStore
import BlobStore
import Foundation

/// Deletes the blobs that no metadata row will ever make visible: staged parts of batches that
/// are done (their attempt crashed, or was abandoned, before it cleaned up), lake objects of
/// batches that never got (or no longer have) published data, chunk folders of large uploads whose
/// batch no longer takes uploads, in-flight upload objects left by a crash, and the uploads and
/// diagnostics of `deleted` batches.
///
/// Visibility is decided by the metadata (a batch's `dataSetFiles` rows are created in the same
/// transaction that turns it `success`), so these objects are invisible already; collecting them
/// only reclaims space. On S3, where `move` is copy + delete and a crash can strand copies, this
/// is what keeps the bucket clean. Batches still on their way (loading, processing, retrying) are
/// left alone: their next attempt starts by deleting its own staging and lake prefixes.
///
/// It runs at start-up and in every periodic maintenance sweep, beside uploads and workers of this
/// node and of other nodes on the same database, so it only removes what belongs to a batch in a
/// final state (or to no batch), plus in-flight objects older than `staleAfterMillis`; a status
/// never goes from final back to loading or processing.
struct BlobGarbageCollector: Sendable {
    let store: CatalogStore
    let blobs: any BlobStore
    /// The time of the sweep (epoch milliseconds), to age in-flight upload objects.
    var now: Int64 = Int64(Date().timeIntervalSince1970 * 1000)
    /// An in-flight upload object older than this is dead whatever its batch's status.
    var staleAfterMillis: Int64 = 24 * 3_600_000

    /// Sweeps `staging/`, `lake/`, `chunks/`, `incoming/`, `uploads/` and `meta/`; returns the number
    /// of objects deleted.
    @discardableResult
    func sweep() async throws -> Int {
        var deleted = 0
        // chunks/{org}/{sandbox}/{batchId}/{filePath}/{uploadId}/…: only a loading batch takes chunks.
        for (prefix, segments) in try await batchPrefixes(root: "chunks/", depth: 3) {
            let status = try await status(org: segments[0], sandbox: segments[1], batch: segments[2])
            if status == nil || status!.isFinal { deleted += try await deletePrefix(prefix) }
        }
        // incoming/{org}/{sandbox}/{batchId}/{token}: a body being accepted right now, unless the
        // batch is final (the upload is refused anyway) or the token's time shows a dead upload.
        for (prefix, segments) in try await batchPrefixes(root: "incoming/", depth: 3) {
            let status = try await status(org: segments[0], sandbox: segments[1], batch: segments[2])
            if status == nil || status!.isFinal {
                deleted += try await deletePrefix(prefix)
                continue
            }
            for info in try await blobs.list(prefix: prefix)
            where now - (UUIDToken.creationMillis(ofKey: info.key) ?? 0) > staleAfterMillis {
                try await blobs.delete(key: info.key)
                deleted += 1
            }
        }
        // staging/{org}/{sandbox}/{batchId}/…
        for (prefix, segments) in try await batchPrefixes(root: "staging/", depth: 3) {
            let status = try await status(org: segments[0], sandbox: segments[1], batch: segments[2])
            if status == nil || status!.isFinal { deleted += try await deletePrefix(prefix) }
        }
        // lake/{org}/{sandbox}/{datasetId}/{batchId}/…
        for (prefix, segments) in try await batchPrefixes(root: "lake/", depth: 4) {
            let status = try await status(org: segments[0], sandbox: segments[1], batch: segments[3])
            if status == nil || (status!.isFinal && !status!.hasDataInMaster) { deleted += try await deletePrefix(prefix) }
        }
        // uploads/ and meta/{org}/{sandbox}/{batchId}/…: kept for every batch (a failed batch's
        // inputs are downloadable, its diagnostics readable) until it is `deleted`.
        for root in ["uploads/", "meta/"] {
            for (prefix, segments) in try await batchPrefixes(root: root, depth: 3) {
                let status = try await status(org: segments[0], sandbox: segments[1], batch: segments[2])
                if status == nil || status == .deleted { deleted += try await deletePrefix(prefix) }
            }
        }
        return deleted
    }

    /// The distinct `root` + `depth` segments prefixes of the objects under `root`, with the
    /// (still encoded) segments.
    private func batchPrefixes(root: String, depth: Int) async throws -> [(String, [String])] {
        var seen: [String: [String]] = [:]
        for blob in try await blobs.list(prefix: root) {
            let segments = blob.key.dropFirst(root.count).split(separator: "/", omittingEmptySubsequences: false)
            guard segments.count > depth else { continue }
            let names = segments.prefix(depth).map(String.init)
            seen[root + names.joined(separator: "/") + "/"] = names
        }
        return seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The batch's status; `nil` when there is no such batch.
    private func status(org: String, sandbox: String, batch: String) async throws -> BatchStatus? {
        let tenant = Tenant(org: Self.decode(org), sandbox: Self.decode(sandbox))
        guard let document = try await store.get(.batches, tenant: tenant, id: Self.decode(batch))?.document else {
            return nil
        }
        return BatchStatus(wireValue: document["status"]?.stringValue ?? "") ?? .failed
    }

    private func deletePrefix(_ prefix: String) async throws -> Int {
        let count = try await blobs.list(prefix: prefix).count
        try await blobs.deletePrefix(prefix)
        return count
    }

    /// Undoes `BlobKey.segment`: `%XX` back to its byte (`%00` was the empty text).
    static func decode(_ segment: String) -> String {
        if segment == "%00" { return "" }
        var bytes: [UInt8] = []
        let utf8 = Array(segment.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
