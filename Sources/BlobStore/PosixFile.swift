#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import Synchronization

/// A thin, throwing wrapper over the POSIX calls the local backend needs. Every call blocks,
/// so `LocalBlobStore` runs them on a thread pool, never on the async executor.
///
/// A class so that closing is idempotent: a descriptor closed twice could close a number the
/// kernel has meanwhile handed to someone else (a database's WAL file, say).
final class PosixFile: Sendable {
    let descriptor: Int32
    let path: String
    private let closed = Atomic<Bool>(false)

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    static func open(_ path: String, flags: Int32, mode: mode_t = 0o644) throws(BlobStoreError) -> PosixFile {
        let fd = retryingInterrupts { Glibc_open(path, flags | O_CLOEXEC, mode) }
        guard fd >= 0 else { throw PosixFile.error(errno, "open", path) }
        return PosixFile(descriptor: fd, path: path)
    }

    /// Writes every readable byte of `buffer`.
    func write(_ buffer: ByteBuffer) throws(BlobStoreError) {
        let result: Result<Void, BlobStoreError> = buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc_write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return .failure(PosixFile.error(errno, "write", path))
                }
                offset += written
            }
            return .success(())
        }
        try result.get()
    }

    /// Writes every readable byte of `buffers`, one after another from `offset`, with as few
    /// system calls as the kernel allows (`pwritev`): a batch of received pieces costs one call
    /// instead of one per piece.
    func write(_ buffers: [ByteBuffer], at offset: Int64) throws(BlobStoreError) {
        var pending = buffers.filter { $0.readableBytes > 0 }[...]
        var position = offset
        while !pending.isEmpty {
            let count = min(pending.count, Self.maximumVectorCount)
            let written = withUnsafeTemporaryAllocation(of: iovec.self, capacity: count) { vectors in
                // Each pointer is valid only inside its buffer's closure, hence the nesting.
                func fill(_ slot: Int) -> Int {
                    guard slot < count else {
                        return pwritev(descriptor, vectors.baseAddress!, Int32(count), off_t(position))
                    }
                    return pending[pending.startIndex + slot].withUnsafeReadableBytes { bytes in
                        vectors[slot] = iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress), iov_len: bytes.count)
                        return fill(slot + 1)
                    }
                }
                return fill(0)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw PosixFile.error(errno, "write", path)
            }
            if written == 0 { throw BlobStoreError(.io, key: path, "write: no progress at offset \(position)") }
            position += Int64(written)
            // Drop what was written; a short write leaves the rest of one buffer at the front.
            var remaining = written
            while remaining > 0, let head = pending.first {
                if remaining >= head.readableBytes {
                    remaining -= head.readableBytes
                    pending.removeFirst()
                } else {
                    pending[pending.startIndex].moveReaderIndex(forwardBy: remaining)
                    remaining = 0
                }
            }
        }
    }

    /// The most pieces one `pwritev` takes: each piece's pointer is only valid inside a nested
    /// closure, so this bounds the nesting (Linux's `IOV_MAX` is 1024).
    private static let maximumVectorCount = 64

    /// Asks the kernel to start writing these bytes to the disk without waiting (Linux
    /// `sync_file_range(SYNC_FILE_RANGE_WRITE)`); a hint, so failures are ignored.
    func startWriteback(offset: Int64, length: Int64) {
        #if os(Linux)
        _ = syncFileRange?(descriptor, offset, length, 2)
        #endif
    }

    func truncate(to size: Int64) throws(BlobStoreError) {
        guard ftruncate(descriptor, off_t(size)) == 0 else { throw PosixFile.error(errno, "ftruncate", path) }
    }

    /// Reads up to `count` bytes at `offset` into a new buffer (shorter only at the end of the file).
    func read(at offset: Int64, count: Int, allocator: ByteBufferAllocator) throws(BlobStoreError) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: count)
        var failure: BlobStoreError?
        var filled = 0
        while filled < count {
            let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count - filled) { bytes in
                let n = pread(descriptor, bytes.baseAddress!, count - filled, off_t(offset) + off_t(filled))
                if n < 0 {
                    if errno != EINTR { failure = PosixFile.error(errno, "read", path) }
                    return 0
                }
                return n
            }
            if let failure { throw failure }
            if got == 0 { break }
            filled += got
        }
        return buffer
    }

    /// Appends all of `source` (from its start) to this file: in the kernel where it can
    /// (`copy_file_range`), else through a buffer.
    func append(contentsOf source: PosixFile, size: Int64) throws(BlobStoreError) {
        var remaining = size
        #if os(Linux)
        while remaining > 0, let copyFileRange {
            let n = copyFileRange(source.descriptor, nil, descriptor, nil, Int(min(remaining, 1 << 30)), 0)
            if n < 0 {
                if errno == EINTR { continue }
                if [EXDEV, ENOSYS, EINVAL, EOPNOTSUPP].contains(errno) { break }
                throw PosixFile.error(errno, "copy_file_range", path)
            }
            if n == 0 { throw BlobStoreError(.io, key: source.path, "file shrank while it was being copied") }
            remaining -= Int64(n)
        }
        #endif
        var offset = size - remaining
        let allocator = ByteBufferAllocator()
        while remaining > 0 {
            let piece = try source.read(at: offset, count: Int(min(remaining, 1 << 20)), allocator: allocator)
            if piece.readableBytes == 0 { throw BlobStoreError(.io, key: source.path, "file shrank while it was being copied") }
            try write(piece)
            offset += Int64(piece.readableBytes)
            remaining -= Int64(piece.readableBytes)
        }
    }

    func sync() throws(BlobStoreError) {
        guard Self.retryingInterrupts({ fsync(descriptor) }) == 0 else { throw PosixFile.error(errno, "fsync", path) }
    }

    /// Closes the descriptor once; later calls do nothing.
    func close() {
        if !closed.exchange(true, ordering: .acquiringAndReleasing) {
            _ = Glibc_close(descriptor)
        }
    }

    deinit {
        close()
    }

    /// Syncs a directory, which makes renames and new entries in it durable.
    static func syncDirectory(_ path: String) throws(BlobStoreError) {
        let directory = try open(path, flags: O_RDONLY | O_DIRECTORY)
        defer { directory.close() }
        try directory.sync()
    }

    /// The size of a regular file, `nil` when nothing is there.
    static func fileSize(_ path: String) throws(BlobStoreError) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw error(errno, "stat", path)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func error(_ code: Int32, _ operation: String, _ path: String) -> BlobStoreError {
        let text = String(cString: strerror(code))
        switch code {
        case ENOENT: return BlobStoreError(.notFound, key: path, "\(operation): \(text)")
        case ENOTDIR, EISDIR, EEXIST, ENOTEMPTY: return BlobStoreError(.conflict, key: path, "\(operation): \(text)")
        default: return BlobStoreError(.io, key: path, "\(operation): \(text)")
        }
    }

    private static func retryingInterrupts(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

// The module's own names for libc calls that `PosixFile` shadows with methods.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, buffer, count) }
private func Glibc_close(_ fd: Int32) -> Int32 { close(fd) }

#if os(Linux)
/// `copy_file_range(2)`, looked up at run time: glibc declares it only under `_GNU_SOURCE`, which
/// the Swift Glibc module does not see.
private typealias CopyFileRange = @convention(c) (
    Int32, UnsafeMutablePointer<Int64>?, Int32, UnsafeMutablePointer<Int64>?, Int, UInt32
) -> Int
private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32
private let syncFileRange: SyncFileRange? = dlsym(nil, "sync_file_range")
    .map { unsafeBitCast($0, to: SyncFileRange.self) }
private let copyFileRange: CopyFileRange? = dlsym(nil, "copy_file_range")
    .map { unsafeBitCast($0, to: CopyFileRange.self) }
#endif
