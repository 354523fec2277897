import Foundation
import NIOCore

/// The embedded default: objects are files under `root`, keys are relative paths.
///
/// Writes go to a temporary file beside the target, are fsynced, then renamed into place and the
/// directory fsynced, so a key is either absent or whole after a crash.
public struct LocalBlobStore: BlobStore {
    /// The directory that holds every object (`<data-dir>/blobs`).
    public let root: String

    /// Opens (creating if needed) the store's directory.
    public init(root: String) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        self.root = root
    }

    public func localPath(for key: String) -> String? { path(key) }

    public func put(key: String, body: some AsyncSequence<ByteBuffer, some Error>) async throws -> Int64 {
        let target = path(key)
        let temporary = try Self.temporaryPath(beside: target)
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw LocalBlobStoreError(path: temporary, reason: "cannot create")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        var written: Int64 = 0
        do {
            for try await buffer in body {
                try handle.write(contentsOf: Data(buffer.readableBytesView))
                written += Int64(buffer.readableBytes)
            }
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        try Self.durableRename(temporary, target)
        return written
    }

    public func putFile(key: String, fromLocalPath source: String, removingSource: Bool) async throws -> Int64 {
        let target = path(key)
        let temporary = try Self.temporaryPath(beside: target)
        try FileManager.default.copyItem(atPath: source, toPath: temporary)
        try Self.synchronize(path: temporary)
        try Self.durableRename(temporary, target)
        if removingSource { try? FileManager.default.removeItem(atPath: source) }
        return try await size(key: key) ?? 0
    }

    public func get(key: String, range: ClosedRange<Int64>?) -> AsyncThrowingStream<ByteBuffer, any Error> {
        let file = path(key)
        return AsyncThrowingStream { continuation in
            do {
                let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
                defer { try? handle.close() }
                var remaining = Int64.max
                if let range {
                    try handle.seek(toOffset: UInt64(range.lowerBound))
                    remaining = range.upperBound - range.lowerBound + 1
                }
                while remaining > 0, let data = try handle.read(upToCount: Int(min(remaining, 1 << 20))), !data.isEmpty {
                    continuation.yield(ByteBuffer(bytes: data))
                    remaining -= Int64(data.count)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
    }

    public func size(key: String) async throws -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path(key)) else { return nil }
        return (attributes[.size] as? NSNumber)?.int64Value
    }

    public func list(prefix: String) async throws -> [BlobInfo] {
        let base = path(prefix)
        var directory = base
        var isDirectory: ObjCBool = false
        if !(FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory) && isDirectory.boolValue) {
            // A folder prefix that does not exist has nothing under it.
            if prefix.hasSuffix("/") { return [] }
            directory = (base as NSString).deletingLastPathComponent
        }
        while directory.hasSuffix("/") { directory.removeLast() }
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [BlobInfo] = []
        let rootPrefix = root.hasSuffix("/") ? root : root + "/"
        while let relative = enumerator.nextObject() as? String {
            let full = directory + "/" + relative
            guard let attributes = enumerator.fileAttributes, attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            let key = String(full.dropFirst(rootPrefix.count))
            guard key.hasPrefix(prefix), !relative.split(separator: "/").last!.hasPrefix(".tmp-") else { continue }
            found.append(BlobInfo(key: key, size: (attributes[.size] as? NSNumber)?.int64Value ?? 0))
        }
        return found.sorted { $0.key < $1.key }
    }

    public func delete(key: String) async throws {
        try? FileManager.default.removeItem(atPath: path(key))
    }

    public func deletePrefix(_ prefix: String) async throws {
        let base = path(prefix)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue {
            try? FileManager.default.removeItem(atPath: base)
            return
        }
        for blob in try await list(prefix: prefix) { try await delete(key: blob.key) }
    }

    public func move(from: String, to: String) async throws {
        let target = path(to)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Self.durableRename(path(from), target)
    }

    private func path(_ key: String) -> String {
        root + "/" + key
    }

    private static func temporaryPath(beside target: String) throws -> String {
        let directory = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/.tmp-" + UUID().uuidString
    }

    /// Renames and then fsyncs the target's directory so the rename survives a crash.
    private static func durableRename(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else {
            throw LocalBlobStoreError(path: to, reason: "rename from \(from) failed (errno \(errno))")
        }
        try synchronize(path: (to as NSString).deletingLastPathComponent)
    }

    /// fsyncs a file or directory by path.
    static func synchronize(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LocalBlobStoreError(path: path, reason: "cannot open (errno \(errno))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw LocalBlobStoreError(path: path, reason: "fsync failed (errno \(errno))")
        }
    }
}
