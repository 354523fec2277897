#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOCore
import NIOPosix

/// Blobs as files under one root folder: `<root>/<key>`.
///
/// Writes go to a temporary file in `<root>/.tmp`, are synced, renamed into place and the
/// folder synced: a reader (or a restart after a crash) sees the old object or the complete new
/// one, never part of a file under its final key. All blocking calls run on a thread pool, and
/// bodies are written in batches as they arrive, so memory stays bounded whatever the size.
public struct LocalBlobStore: BlobStore {
    /// The folder holding every object.
    public let root: String
    /// How many bytes of a streamed body are gathered before one write.
    public static let writeBatchBytes = 1 << 20
    /// The size of each piece a read streams.
    public static let readPieceBytes = 512 * 1024

    let threadPool: NIOThreadPool
    private var temporaryFolder: String { root + "/" + BlobKey.reservedFirstSegment }

    /// The pool blob I/O runs on by default: writes, fsyncs and renames block their thread, so
    /// it has more threads than cores (NIO's singleton pool has one per core, and two uploads
    /// waiting in fsync would stall every other upload's writes on a two-core machine).
    public static let ioThreadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(8, 4 * System.coreCount))
        pool.start()
        return pool
    }()

    /// Opens (creating if needed) the store at `root`.
    public init(root: String, threadPool: NIOThreadPool = LocalBlobStore.ioThreadPool) throws {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
        self.threadPool = threadPool
        try FileManager.default.createDirectory(
            atPath: trimmed + "/" + BlobKey.reservedFirstSegment, withIntermediateDirectories: true)
    }

    /// Deletes temporary files that a crashed process left behind. Call it at start-up, before
    /// any write: a file being written by this process would be deleted too.
    public func removeTemporaryFiles() async throws {
        let folder = temporaryFolder
        try await threadPool.runIfActive {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                unlink(folder + "/" + name)
            }
        }
    }

    public func localPath(for key: String) -> String? {
        root + "/" + key
    }

    // MARK: Writing

    public func put(key: String, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64 {
        try BlobKey.validate(key)
        let file = try await threadPool.runIfActive { [self] in try createTemporaryFile() }
        var inFlight: Task<Void, any Error>?
        do {
            var total: Int64 = 0
            var written: Int64 = 0
            var pending: [ByteBuffer] = []
            var pendingBytes = 0
            for try await buffer in body {
                total += Int64(buffer.readableBytes)
                pending.append(buffer)
                pendingBytes += buffer.readableBytes
                if pendingBytes >= Self.writeBatchBytes {
                    // One batch is written while the next one arrives; never more than one.
                    try await inFlight?.value
                    inFlight = write(pending, to: file, at: written)
                    written += Int64(pendingBytes)
                    pending.removeAll(keepingCapacity: true)
                    pendingBytes = 0
                }
            }
            try await inFlight?.value
            inFlight = nil
            let rest = pending
            let restOffset = written
            try await threadPool.runIfActive { [self] in
                try file.write(rest, at: restOffset)
                try file.sync()
                file.close()
                try place(temporary: file.path, at: key)
            }
            return total
        } catch {
            _ = try? await inFlight?.value
            let path = file.path
            try? await threadPool.runIfActive {
                file.close()
                unlink(path)
            }
            throw error
        }
    }

    /// Writes one batch at `offset` on the pool and starts its write-back at once, so that the
    /// final fsync finds most bytes already on the disk instead of flushing the whole body.
    private func write(_ buffers: [ByteBuffer], to file: PosixFile, at offset: Int64) -> Task<Void, any Error> {
        let pool = threadPool
        return Task {
            try await pool.runIfActive {
                try file.write(buffers, at: offset)
                file.startWriteback(offset: offset, length: buffers.reduce(0) { $0 + Int64($1.readableBytes) })
            }
        }
    }

    public func writePart(upload: String, offset: Int64, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64 {
        try BlobKey.validate(upload)
        guard offset >= 0 else { throw BlobStoreError(.invalidRange, key: upload, "negative offset \(offset)") }
        let path = root + "/" + upload
        let file = try await threadPool.runIfActive { [self] in
            try makeFolders(for: upload)
            let existed = try PosixFile.fileSize(path) != nil
            let file = try PosixFile.open(path, flags: O_WRONLY | O_CREAT)
            if !existed { try PosixFile.syncDirectory(Self.parent(of: path)) }
            return file
        }
        var inFlight: Task<Void, any Error>?
        do {
            var written: Int64 = 0
            var pending: [ByteBuffer] = []
            var pendingBytes = 0
            for try await buffer in body {
                pending.append(buffer)
                pendingBytes += buffer.readableBytes
                if pendingBytes >= Self.writeBatchBytes {
                    try await inFlight?.value
                    inFlight = write(pending, to: file, at: offset + written)
                    written += Int64(pendingBytes)
                    pending.removeAll(keepingCapacity: true)
                    pendingBytes = 0
                }
            }
            try await inFlight?.value
            inFlight = nil
            let rest = pending
            let restOffset = offset + written
            try await threadPool.runIfActive {
                try file.write(rest, at: restOffset)
                try file.sync()
                file.close()
            }
            return written + Int64(pendingBytes)
        } catch {
            _ = try? await inFlight?.value
            try? await threadPool.runIfActive { file.close() }
            throw error
        }
    }

    public func completeParts(upload: String, size: Int64, into key: String) async throws {
        try BlobKey.validate(upload)
        try BlobKey.validate(key)
        try await threadPool.runIfActive { [self] in
            let path = root + "/" + upload
            let file = try PosixFile.open(path, flags: O_WRONLY)
            defer { file.close() }
            try file.truncate(to: size)
            try file.sync()
            try place(temporary: path, at: key)
            try PosixFile.syncDirectory(Self.parent(of: path))
            pruneEmptyFolders(above: upload)
        }
    }

    public func putFile(key: String, fromLocalPath path: String, removingSource: Bool) async throws -> Int64 {
        try BlobKey.validate(key)
        return try await threadPool.runIfActive { [self] in
            guard let size = try PosixFile.fileSize(path) else {
                throw BlobStoreError(.notFound, key: path, "no such file to store")
            }
            if removingSource {
                let source = try PosixFile.open(path, flags: O_RDONLY)
                defer { source.close() }
                try source.sync()
                do {
                    try place(temporary: path, at: key)
                    return size
                } catch let error as BlobStoreError where error.code == .io {
                    // A different file system (EXDEV): fall through to copying.
                }
            }
            let source = try PosixFile.open(path, flags: O_RDONLY)
            defer { source.close() }
            let file = try createTemporaryFile()
            do {
                try file.append(contentsOf: source, size: size)
                try file.sync()
                file.close()
                try place(temporary: file.path, at: key)
            } catch {
                file.close()
                unlink(file.path)
                throw error
            }
            if removingSource { unlink(path) }
            return size
        }
    }

    public func concatenate(_ parts: [String], into key: String) async throws -> Int64 {
        try BlobKey.validate(key)
        for part in parts { try BlobKey.validate(part) }
        return try await threadPool.runIfActive { [self] in
            let file = try createTemporaryFile()
            do {
                var total: Int64 = 0
                for part in parts {
                    let path = root + "/" + part
                    guard let size = try PosixFile.fileSize(path) else {
                        throw BlobStoreError(.notFound, key: part, "no such object to concatenate")
                    }
                    let source = try PosixFile.open(path, flags: O_RDONLY)
                    defer { source.close() }
                    try file.append(contentsOf: source, size: size)
                    total += size
                }
                try file.sync()
                file.close()
                try place(temporary: file.path, at: key)
                return total
            } catch {
                file.close()
                unlink(file.path)
                throw error
            }
        }
    }

    public func move(from source: String, to destination: String) async throws {
        try BlobKey.validate(source)
        try BlobKey.validate(destination)
        try await threadPool.runIfActive { [self] in
            let from = root + "/" + source
            guard try PosixFile.fileSize(from) != nil else {
                throw BlobStoreError(.notFound, key: source, "no such object to move")
            }
            try place(temporary: from, at: destination)
            try PosixFile.syncDirectory(Self.parent(of: from))
            pruneEmptyFolders(above: source)
        }
    }

    // MARK: Deleting

    public func delete(key: String) async throws {
        try BlobKey.validate(key)
        try await threadPool.runIfActive { [self] in
            if unlink(root + "/" + key) != 0, errno != ENOENT, errno != ENOTDIR {
                throw PosixFile.error(errno, "unlink", key)
            }
            pruneEmptyFolders(above: key)
        }
    }

    public func deletePrefix(_ prefix: String) async throws {
        for blob in try await list(prefix: prefix) {
            try await delete(key: blob.key)
        }
    }

    // MARK: Reading

    public func size(key: String) async throws -> Int64? {
        try BlobKey.validate(key)
        let path = root + "/" + key
        return try await threadPool.runIfActive { try PosixFile.fileSize(path) }
    }

    public func list(prefix: String) async throws -> [BlobInfo] {
        try BlobKey.validatePrefix(prefix)
        let root = self.root
        return try await threadPool.runIfActive {
            // Walk the deepest folder the prefix names completely, then filter by the rest.
            let folderKey = prefix.hasSuffix("/") ? String(prefix.dropLast())
                : (prefix.lastIndex(of: "/").map { String(prefix[..<$0]) } ?? "")
            var found: [BlobInfo] = []
            Self.walk(root: root, folderKey: folderKey, into: &found)
            return found.filter { $0.key.hasPrefix(prefix) }.sorted { $0.key < $1.key }
        }
    }

    public func get(key: String, range: ClosedRange<Int64>?) -> AsyncThrowingStream<ByteBuffer, any Error> {
        let reader = FileRangeReader(store: self, key: key, range: range)
        let pool = threadPool
        return AsyncThrowingStream(unfolding: { try await pool.runIfActive { try reader.next() } })
    }

    // MARK: Helpers (blocking; called on the thread pool)

    func createTemporaryFile() throws(BlobStoreError) -> PosixFile {
        let path = temporaryFolder + "/" + UUID().uuidString
        return try PosixFile.open(path, flags: O_WRONLY | O_CREAT | O_EXCL)
    }

    /// Renames a synced file to `key`'s path, creating folders, and syncs the folder.
    func place(temporary path: String, at key: String) throws {
        let destination = root + "/" + key
        var attempts = 0
        while true {
            try makeFolders(for: key)
            if rename(path, destination) == 0 { break }
            let code = errno
            attempts += 1
            // A concurrent delete may have pruned the folder we just made; make it again.
            if code == ENOENT, attempts < 3, try PosixFile.fileSize(path) != nil { continue }
            if code == EISDIR || code == ENOTDIR || code == ENOTEMPTY || code == EEXIST {
                throw BlobStoreError(.conflict, key: key, "another object's path is in the way of this key")
            }
            throw PosixFile.error(code, "rename", key)
        }
        try PosixFile.syncDirectory(Self.parent(of: destination))
    }

    /// Creates the missing folders of `key`'s parent path, syncing each new folder's parent.
    private func makeFolders(for key: String) throws {
        let segments = key.split(separator: "/").dropLast()
        var path = root
        for segment in segments {
            let parent = path
            path += "/" + segment
            if mkdir(path, 0o755) == 0 {
                try PosixFile.syncDirectory(parent)
            } else if errno != EEXIST {
                throw PosixFile.error(errno, "mkdir", key)
            } else if !PosixFile.isDirectory(path) {
                throw BlobStoreError(.conflict, key: key, "the object '\(path.dropFirst(root.count + 1))' is in the way of this key")
            }
        }
    }

    /// Removes folders left empty by a delete or move, up to (not including) the root.
    private func pruneEmptyFolders(above key: String) {
        var segments = key.split(separator: "/").dropLast()
        while !segments.isEmpty {
            if rmdir(root + "/" + segments.joined(separator: "/")) != 0 { return }
            segments = segments.dropLast()
        }
    }

    private static func walk(root: String, folderKey: String, into found: inout [BlobInfo]) {
        let folder = folderKey.isEmpty ? root : root + "/" + folderKey
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            if folderKey.isEmpty, name == BlobKey.reservedFirstSegment { continue }
            let key = folderKey.isEmpty ? name : folderKey + "/" + name
            var info = stat()
            guard lstat(root + "/" + key, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(root: root, folderKey: key, into: &found)
            case S_IFREG: found.append(BlobInfo(key: key, size: Int64(info.st_size)))
            default: continue
            }
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

