import BlobStore
import Foundation
import NIOCore
import Testing

/// Byte pieces as an async sequence, like a request body.
struct Pieces: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let pieces: [ByteBuffer]
    /// Fails after this many pieces, like a client that disconnects.
    var failAfter: Int?

    struct AsyncIterator: AsyncIteratorProtocol {
        var pieces: [ByteBuffer]
        var failAfter: Int?
        var index = 0
        mutating func next() async throws -> ByteBuffer? {
            if let failAfter, index >= failAfter { throw CancellationError() }
            guard index < pieces.count else { return nil }
            defer { index += 1 }
            return pieces[index]
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pieces: pieces, failAfter: failAfter) }

    init(_ bytes: [UInt8], pieceSize: Int = 1000, failAfter: Int? = nil) {
        pieces = stride(from: 0, to: bytes.count, by: pieceSize).map {
            ByteBuffer(bytes: bytes[$0..<Swift.min(bytes.count, $0 + pieceSize)])
        }
        self.failAfter = failAfter
    }
}

func temporaryRoot() -> String {
    NSTemporaryDirectory() + "blobstore-test-" + UUID().uuidString
}

func randomBytes(_ count: Int) -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
}

func collect(_ stream: AsyncThrowingStream<ByteBuffer, any Error>) async throws -> [UInt8] {
    var out: [UInt8] = []
    for try await piece in stream { out += piece.readableBytesView }
    return out
}

@Suite("LocalBlobStore")
struct LocalBlobStoreTests {
    @Test("put streams a body to its key and get reads it back, whole and by range")
    func putAndGet() async throws {
        let store = try LocalBlobStore(root: temporaryRoot())
        let bytes = randomBytes(3 * LocalBlobStore.writeBatchBytes + 12345)
        let size = try await store.put(key: "uploads/org/prod/b1/dir/file.json", body: Pieces(bytes, pieceSize: 65536))
        #expect(size == Int64(bytes.count))
        #expect(try await store.size(key: "uploads/org/prod/b1/dir/file.json") == Int64(bytes.count))
        #expect(try await collect(store.get(key: "uploads/org/prod/b1/dir/file.json")) == bytes)
        let range: ClosedRange<Int64> = 1_000_000...2_500_000
        let piece = try await collect(store.get(key: "uploads/org/prod/b1/dir/file.json", range: range))
        #expect(piece == Array(bytes[1_000_000...2_500_000]))
        let last = try await collect(store.get(key: "uploads/org/prod/b1/dir/file.json", range: Int64(bytes.count - 1)...Int64(bytes.count - 1)))
        #expect(last == [bytes.last!])
        #expect(store.localPath(for: "a/b") == store.root + "/a/b")
    }

    @Test("an empty body stores an empty object")
    func emptyObject() async throws {
        let store = try LocalBlobStore(root: temporaryRoot())
        #expect(try await store.put(key: "a/empty", body: Pieces([])) == 0)
        #expect(try await store.size(key: "a/empty") == 0)
        #expect(try await collect(store.get(key: "a/empty")).isEmpty)
    }

    @Test("put replaces an object atomically; a failing body leaves the old object and no partial file")
    func replaceAndFailure() async throws {
        let root = temporaryRoot()
        let store = try LocalBlobStore(root: root)
        let first = randomBytes(5000)
        _ = try await store.put(key: "k/v", body: Pieces(first))
        let second = randomBytes(7000)
        _ = try await store.put(key: "k/v", body: Pieces(second))
        #expect(try await collect(store.get(key: "k/v")) == second)

        // The body dies half-way: the old bytes stay, nothing partial exists anywhere.
        let third = randomBytes(3 * LocalBlobStore.writeBatchBytes)
        await #expect(throws: CancellationError.self) {
            try await store.put(key: "k/v", body: Pieces(third, pieceSize: 65536, failAfter: 40))
        }
        #expect(try await collect(store.get(key: "k/v")) == second)
        await #expect(throws: CancellationError.self) {
            try await store.put(key: "k/new", body: Pieces(third, pieceSize: 65536, failAfter: 40))
        }
        #expect(try await store.size(key: "k/new") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/.tmp").isEmpty)
        #expect(try await store.list(prefix: "k/").map(\.key) == ["k/v"])
    }

    @Test("while a put streams, its bytes are only in .tmp, never under the key")
    func noPartialFileUnderKey() async throws {
        let root = temporaryRoot()
        let store = try LocalBlobStore(root: root)
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        let task = Task { try await store.put(key: "x/y/z", body: stream) }
        continuation.yield(ByteBuffer(bytes: randomBytes(2 * LocalBlobStore.writeBatchBytes)))
        // Wait until the first batch reached the temporary file.
        var waited = 0
        while waited < 200 {
            let sizes = try FileManager.default.contentsOfDirectory(atPath: root + "/.tmp").compactMap {
                try FileManager.default.attributesOfItem(atPath: root + "/.tmp/" + $0)[.size] as? Int
            }
            if sizes.contains(where: { $0 > 0 }) { break }
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(waited < 200)
        #expect(!FileManager.default.fileExists(atPath: root + "/x/y/z"))
        #expect(try await store.size(key: "x/y/z") == nil)
        continuation.finish()
        #expect(try await task.value == Int64(2 * LocalBlobStore.writeBatchBytes))
        #expect(FileManager.default.fileExists(atPath: root + "/x/y/z"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/.tmp").isEmpty)
    }

    @Test("removeTemporaryFiles clears what a crashed writer left in .tmp")
    func crashLeftovers() async throws {
        let root = temporaryRoot()
        let store = try LocalBlobStore(root: root)
        FileManager.default.createFile(atPath: root + "/.tmp/leftover", contents: Data([1, 2, 3]))
        try await store.removeTemporaryFiles()
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/.tmp").isEmpty)
        #expect(try await store.list(prefix: "").isEmpty)
    }

    @Test("list by prefix, delete, deletePrefix prune empty folders")
    func listAndDelete() async throws {
        let root = temporaryRoot()
        let store = try LocalBlobStore(root: root)
        for key in ["a/1", "a/2/x", "a/2/y", "ab/1", "b/1"] {
            _ = try await store.put(key: key, body: Pieces(Array(key.utf8)))
        }
        #expect(try await store.list(prefix: "a/").map(\.key) == ["a/1", "a/2/x", "a/2/y"])
        #expect(try await store.list(prefix: "a").map(\.key) == ["a/1", "a/2/x", "a/2/y", "ab/1"])
        #expect(try await store.list(prefix: "a/2/x").map(\.size) == [5])
        #expect(try await store.list(prefix: "zzz/").isEmpty)
        #expect(try await store.list(prefix: "").count == 5)
        try await store.delete(key: "a/1")
        try await store.delete(key: "a/1")
        try await store.deletePrefix("a/2/")
        #expect(try await store.list(prefix: "a").map(\.key) == ["ab/1"])
        #expect(!FileManager.default.fileExists(atPath: root + "/a"))
        // The pruned folder can now be a file.
        _ = try await store.put(key: "a", body: Pieces([1]))
        #expect(try await store.size(key: "a") == 1)
    }

    @Test("move renames atomically; concatenate stitches parts; putFile copies or moves")
    func moveConcatenatePutFile() async throws {
        let root = temporaryRoot()
        let store = try LocalBlobStore(root: root)
        let one = randomBytes(100_000), two = randomBytes(3), three = randomBytes(2_000_000)
        _ = try await store.put(key: "c/0-99999", body: Pieces(one))
        _ = try await store.put(key: "c/100000-100002", body: Pieces(two))
        _ = try await store.put(key: "c/100003-2100002", body: Pieces(three, pieceSize: 100_000))
        let size = try await store.concatenate(["c/0-99999", "c/100000-100002", "c/100003-2100002"], into: "f/whole")
        #expect(size == 2_100_003)
        #expect(try await collect(store.get(key: "f/whole")) == one + two + three)

        try await store.move(from: "f/whole", to: "g/h/moved")
        #expect(try await store.size(key: "f/whole") == nil)
        #expect(try await store.size(key: "g/h/moved") == 2_100_003)
        await #expect(throws: BlobStoreError.self) { try await store.move(from: "f/whole", to: "x") }

        let local = NSTemporaryDirectory() + "blob-src-" + UUID().uuidString
        FileManager.default.createFile(atPath: local, contents: Data(two))
        #expect(try await store.putFile(key: "p/copied", fromLocalPath: local) == 3)
        #expect(FileManager.default.fileExists(atPath: local))
        let inside = root + "/.tmp/source-" + UUID().uuidString
        FileManager.default.createFile(atPath: inside, contents: Data(one))
        #expect(try await store.putFile(key: "p/moved", fromLocalPath: inside, removingSource: true) == 100_000)
        #expect(!FileManager.default.fileExists(atPath: inside))
        #expect(try await collect(store.get(key: "p/moved")) == one)
    }

    @Test("parts land at their offsets in any order, retried parts overwrite, completing renames without a copy")
    func parts() async throws {
        let root = temporaryRoot()
        let store = try LocalBlobStore(root: root)
        let bytes = randomBytes(3_000_000)
        let upload = "chunks/o/s/b/file/u1/data"
        #expect(try await store.writePart(upload: upload, offset: 2_000_000, body: Pieces(Array(bytes[2_000_000...]), pieceSize: 65536)) == 1_000_000)
        _ = try await store.writePart(upload: upload, offset: 0, body: Pieces(Array(bytes[0..<1_000_000]), pieceSize: 65536))
        _ = try await store.writePart(upload: upload, offset: 1_000_000, body: Pieces(Array(bytes[1_000_000..<2_000_000])))
        _ = try await store.writePart(upload: upload, offset: 0, body: Pieces(Array(bytes[0..<1_000_000])))
        let inode = try FileManager.default.attributesOfItem(atPath: root + "/" + upload)[.systemFileNumber] as? Int
        try await store.completeParts(upload: upload, size: 3_000_000, into: "uploads/o/s/b/file")
        #expect(try await collect(store.get(key: "uploads/o/s/b/file")) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: root + "/uploads/o/s/b/file")[.systemFileNumber] as? Int == inode)
        #expect(try await store.size(key: upload) == nil)
        #expect(!FileManager.default.fileExists(atPath: root + "/chunks"))
        // A part beyond the declared size is cut off at completion.
        _ = try await store.writePart(upload: "p/data", offset: 0, body: Pieces(randomBytes(100)))
        try await store.completeParts(upload: "p/data", size: 60, into: "p/done")
        #expect(try await store.size(key: "p/done") == 60)
    }

    @Test("keys with .., empty segments, absolute paths or the reserved folder are refused")
    func invalidKeys() async throws {
        let store = try LocalBlobStore(root: temporaryRoot())
        for key in ["", "/abs", "a//b", "a/../b", "..", "a/.", "a/", ".tmp/x", "a\u{0}b"] {
            await #expect(throws: BlobStoreError.self, "\(key)") {
                try await store.put(key: key, body: Pieces([1]))
            }
            await #expect(throws: BlobStoreError.self, "\(key)") { _ = try await store.size(key: key) }
        }
        await #expect(throws: BlobStoreError.self) { _ = try await collect(store.get(key: "../etc/passwd")) }
    }

    @Test("a missing object or a range past the end fails the stream; a file in the way is a conflict")
    func readErrors() async throws {
        let store = try LocalBlobStore(root: temporaryRoot())
        await #expect(throws: BlobStoreError.self) { _ = try await collect(store.get(key: "no/such")) }
        _ = try await store.put(key: "r/file", body: Pieces(randomBytes(10)))
        await #expect(throws: BlobStoreError.self) { _ = try await collect(store.get(key: "r/file", range: 5...10)) }
        do {
            _ = try await store.put(key: "r/file/child", body: Pieces([1]))
            Issue.record("a file in the way must be a conflict")
        } catch let error as BlobStoreError {
            #expect(error.code == .conflict)
        }
        #expect(try await store.size(key: "r") == nil)
    }

    @Test("key layouts escape tenant text and never produce .. segments")
    func keyLayouts() throws {
        #expect(BlobKey.upload(org: "ORG@AdobeOrg", sandbox: "prod", batchID: "B1", path: "p=1/f.json")
            == "uploads/ORG@AdobeOrg/prod/B1/p=1/f.json")
        #expect(BlobKey.lake(org: "o", sandbox: "s", datasetID: "d", batchID: "b", name: BlobKey.partName(3))
            == "lake/o/s/d/b/part-00003.parquet")
        #expect(BlobKey.segment("..") == "%2E%2E")
        #expect(BlobKey.segment("a/b c") == "a%2Fb%20c")
        #expect(BlobKey.tenant(org: "../x", sandbox: ".") == "..%2Fx/%2E")
        try BlobKey.validate(BlobKey.tenant(org: "../x", sandbox: "."))
        #expect(BlobKey.staging(org: "o", sandbox: "s", batchID: "b", attempt: 2, part: 1)
            == "staging/o/s/b/attempt-2/part-00001.parquet")
        #expect(BlobKey.metaPrefix(org: "o", sandbox: "s", batchID: "b") == "meta/o/s/b/")
    }

    @Test("many concurrent puts and reads of different keys")
    func concurrency() async throws {
        let store = try LocalBlobStore(root: temporaryRoot())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let bytes = randomBytes(50_000 + index * 1000)
                    let key = "conc/\(index % 4)/file-\(index)"
                    _ = try await store.put(key: key, body: Pieces(bytes, pieceSize: 4096))
                    let back = try await collect(store.get(key: key))
                    #expect(back == bytes)
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.list(prefix: "conc/").count == 32)
    }
}
