@testable import BatchyardServer
import BatchyardTestSupport
import BlobStore
import Foundation
import Testing

/// A node that starts beside running nodes (one PostgreSQL, one bucket) must not delete the
/// uploads they are streaming; only leftovers older than any upload could be go.
@Suite("Start-up recovery of storage shared with other nodes")
struct SharedStorageRecoveryTests {
    @Test("shared: in-flight objects of a running node stay, stale and unnamed leftovers go; alone: all go")
    func sharedRecoveryKeepsFreshUploads() async throws {
        let root = TestServer.temporaryDirectory() + "/blobs"
        let blobs = try TestBlobStores.open(root: root)
        let now: Int64 = 1_800_000_000_000
        let fresh = "incoming/o/s/b/" + UUIDToken.make(now: now - 60_000)
        let stale = "incoming/o/s/b/" + UUIDToken.make(now: now - 25 * 3_600_000)
        let unnamed = "incoming/o/s/b/0123456789abcdef"
        for key in [fresh, stale, unnamed] { _ = try await blobs.put(key: key, body: Pieces([7, 7])) }

        try await BlobStoreOpening.recover(blobs, sharedWithOtherNodes: true, now: now)
        #expect(try await blobs.list(prefix: "incoming/").map(\.key) == [fresh])

        try await BlobStoreOpening.recover(blobs, sharedWithOtherNodes: false, now: now)
        #expect(try await blobs.list(prefix: "incoming/").isEmpty)
    }

    @Test("a token carries its creation time")
    func tokenTime() {
        let token = UUIDToken.make(now: 1_764_000_000_123)
        #expect(UUIDToken.creationMillis(ofKey: "incoming/a/b/c/" + token) == 1_764_000_000_123)
        #expect(UUIDToken.creationMillis(ofKey: "incoming/a/b/c/deadbeef") == nil)
    }
}
