import BatchyardTestSupport
import BlobStore
import Foundation
import NIOCore
import Testing

@testable import S3BlobStore

/// Runs when `BATCHYARD_TEST_S3_URL` is set (scripts/s3-emulator.sh), is skipped when it is not,
/// and fails when `CI` is set without it.
let s3Available = TestBlobStores.s3URL != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

@Suite("S3 blob store against an S3 service", .enabled(if: s3Available))
struct S3EmulatorTests {
    func store(partSize: Int = S3Configuration.minimumPartSize) throws -> S3BlobStore {
        let base = try #require(try TestBlobStores.freshS3Store())
        var configuration = base.configuration
        configuration.partSize = partSize
        return S3BlobStore(configuration: configuration)
    }

    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededGenerator(seed: seed)
        var out = [UInt8](repeating: 0, count: count)
        var index = 0
        while index < count {
            var word = random.next()
            for _ in 0..<8 where index < count {
                out[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index += 1
            }
        }
        return out
    }

    /// A body that arrives in uneven pieces, as from a network.
    static func body(_ bytes: [UInt8], piece: Int = 100_003) -> AsyncStream<ByteBuffer> {
        AsyncStream { continuation in
            var start = 0
            while start < bytes.count {
                let end = min(start + piece, bytes.count)
                continuation.yield(ByteBuffer(bytes: bytes[start..<end]))
                start = end
            }
            continuation.finish()
        }
    }

    static func read(_ store: any BlobStore, _ key: String, range: ClosedRange<Int64>? = nil) async throws -> [UInt8] {
        var out: [UInt8] = []
        for try await buffer in store.get(key: key, range: range) { out += buffer.readableBytesView }
        return out
    }

    @Test func smallObjectsListSizeDeleteAndErrors() async throws {
        let store = try store()
        #expect(try await store.put(key: "a/x%2Fy é.json", body: Self.body(Array("hello".utf8))) == 5)
        _ = try await store.put(key: "a/b/c", body: Self.body([]))
        _ = try await store.put(key: "b/d", body: Self.body([1, 2, 3]))
        #expect(try await Self.read(store, "a/x%2Fy é.json") == Array("hello".utf8))
        #expect(try await Self.read(store, "a/b/c") == [])
        #expect(try await store.size(key: "b/d") == 3)
        #expect(try await store.size(key: "b/none") == nil)
        #expect(try await store.list(prefix: "a/") == [BlobInfo(key: "a/b/c", size: 0), BlobInfo(key: "a/x%2Fy é.json", size: 5)])
        #expect(try await store.list(prefix: "").count == 3)
        await #expect(throws: BlobStoreError(.notFound, key: "b/none", "no such object")) {
            _ = try await Self.read(store, "b/none")
        }
        await #expect(throws: BlobStoreError.self) { _ = try await Self.read(store, "b/d", range: 1...3) }
        #expect(try await Self.read(store, "b/d", range: 1...2) == [2, 3])
        try await store.delete(key: "b/d")
        try await store.delete(key: "b/d")
        try await store.deletePrefix("a/")
        #expect(try await store.list(prefix: "").isEmpty)
        await #expect(throws: BlobStoreError.self) { _ = try await store.put(key: "../x", body: Self.body([])) }
    }

    @Test func largeStreamedPutIsMultipartAndRangedReadsWork() async throws {
        let store = try store()
        let bytes = Self.bytes(12 * 1024 * 1024 + 12_345, seed: 1)
        #expect(try await store.put(key: "big", body: Self.body(bytes)) == Int64(bytes.count))
        #expect(try await store.size(key: "big") == Int64(bytes.count))
        #expect(try await Self.read(store, "big") == bytes)
        let range: ClosedRange<Int64> = 5_242_000...5_243_999
        #expect(try await Self.read(store, "big", range: range) == Array(bytes[5_242_000...5_243_999]))
        let last = Int64(bytes.count - 1)
        #expect(try await Self.read(store, "big", range: last...last) == [bytes.last!])
    }

    @Test func putFileMoveAndConcatenate() async throws {
        let store = try store()
        let bytes = Self.bytes(11 * 1024 * 1024, seed: 2)
        let path = NSTemporaryDirectory() + "s3-put-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try await store.putFile(key: "f/big", fromLocalPath: path, removingSource: true) == Int64(bytes.count))
        #expect(!FileManager.default.fileExists(atPath: path))
        try await store.move(from: "f/big", to: "g/big")
        #expect(try await store.size(key: "f/big") == nil)
        #expect(try await Self.read(store, "g/big") == bytes)
        await #expect(throws: BlobStoreError.self) { try await store.move(from: "f/big", to: "h") }
        // Small, big, small, big: copies and buffered reads alternate.
        let small = Self.bytes(1000, seed: 3)
        _ = try await store.put(key: "p/1", body: Self.body(small))
        _ = try await store.put(key: "p/3", body: Self.body(small))
        let size = try await store.concatenate(["p/1", "g/big", "p/3", "g/big"], into: "joined")
        let expected = small + bytes + small + bytes
        #expect(size == Int64(expected.count))
        #expect(try await Self.read(store, "joined") == expected)
        #expect(try await store.concatenate(["p/1", "p/3"], into: "two") == 2000)
        #expect(try await Self.read(store, "two") == small + small)
    }

    @Test func partsInAnyOrderAreComposed() async throws {
        let store = try store()
        let bytes = Self.bytes(13 * 1024 * 1024 + 7, seed: 4)
        // Chunks of uneven sizes (some under S3's 5 MiB minimum), sent in shuffled order.
        let mebibyte = 1024 * 1024
        let bounds: [Int] = [0, 100, 6 * mebibyte, 6 * mebibyte + 10, 12 * mebibyte, bytes.count]
        var order = Array(0..<(bounds.count - 1))
        var random = SeededGenerator(seed: 9)
        order.shuffle(using: &random)
        for index in order {
            let written = try await store.writePart(
                upload: "chunks/u/data", offset: Int64(bounds[index]),
                body: Self.body(Array(bytes[bounds[index]..<bounds[index + 1]])))
            #expect(written == Int64(bounds[index + 1] - bounds[index]))
        }
        // A retried chunk replaces itself.
        _ = try await store.writePart(upload: "chunks/u/data", offset: 0, body: Self.body(Array(bytes[0..<100])))
        try await store.completeParts(upload: "chunks/u/data", size: Int64(bytes.count), into: "uploads/file")
        #expect(try await Self.read(store, "uploads/file") == bytes)
        #expect(try await store.list(prefix: "chunks/").isEmpty)
        // A gap is refused.
        _ = try await store.writePart(upload: "chunks/v/data", offset: 10, body: Self.body([1]))
        await #expect(throws: BlobStoreError.self) {
            try await store.completeParts(upload: "chunks/v/data", size: 11, into: "uploads/other")
        }
    }

    @Test func listingPagesThroughContinuationTokens() async throws {
        let store = try store()
        // More than one page of ListObjectsV2 (1000 keys), written concurrently.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<1005 {
                group.addTask { _ = try await store.put(key: "many/\(index)", body: Self.body([UInt8(index % 256)])) }
                if index % 32 == 31 { try await group.next() }
            }
            try await group.waitForAll()
        }
        let listed = try await store.list(prefix: "many/")
        #expect(listed.count == 1005)
        #expect(listed.map(\.key) == listed.map(\.key).sorted())
        try await store.deletePrefix("many/")
        #expect(try await store.list(prefix: "many/").isEmpty)
    }

    @Test func wrongEndpointFailsAccessCheck() async throws {
        let base = try store()
        var configuration = base.configuration
        configuration.bucket = "no-such-bucket-\(UUID().uuidString.lowercased().prefix(8))"
        await #expect(throws: S3ResponseError.self) { try await S3BlobStore(configuration: configuration).checkAccess() }
        try await base.checkAccess()
    }
}
