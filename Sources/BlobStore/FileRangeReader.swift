#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import Synchronization

/// The state behind one `LocalBlobStore.get` stream: opens the file on the first pull, reads one
/// piece per pull (so a slow client holds one piece, not the file), closes at the end or when the
/// stream is dropped.
final class FileRangeReader: Sendable {
    private struct State {
        var file: PosixFile?
        var offset: Int64 = 0
        var end: Int64 = -1
        var started = false
        var finished = false
    }

    private let path: String
    private let key: String
    private let range: ClosedRange<Int64>?
    private let state = Mutex(State())
    private let allocator = ByteBufferAllocator()

    init(store: LocalBlobStore, key: String, range: ClosedRange<Int64>?) {
        self.path = store.root + "/" + key
        self.key = key
        self.range = range
    }

    /// The next piece, or `nil` after the last. Blocking: runs on the thread pool.
    func next() throws -> ByteBuffer? {
        try state.withLock { state throws -> ByteBuffer? in
            if state.finished { return nil }
            if !state.started {
                state.started = true
                try BlobKey.validate(key)
                guard let size = try PosixFile.fileSize(path) else {
                    state.finished = true
                    throw BlobStoreError(.notFound, key: key, "no such object")
                }
                if let range {
                    guard range.lowerBound >= 0, range.upperBound < size else {
                        state.finished = true
                        throw BlobStoreError(.invalidRange, key: key, "bytes \(range.lowerBound)-\(range.upperBound) of \(size)")
                    }
                    state.offset = range.lowerBound
                    state.end = range.upperBound
                } else {
                    state.end = size - 1
                }
                state.file = try PosixFile.open(path, flags: O_RDONLY)
            }
            guard let file = state.file, state.offset <= state.end else {
                state.finished = true
                state.file?.close()
                state.file = nil
                return nil
            }
            let count = Int(min(Int64(LocalBlobStore.readPieceBytes), state.end - state.offset + 1))
            let piece = try file.read(at: state.offset, count: count, allocator: allocator)
            if piece.readableBytes < count {
                state.finished = true
                file.close()
                state.file = nil
                throw BlobStoreError(.io, key: key, "the object shrank while it was being read")
            }
            state.offset += Int64(count)
            return piece
        }
    }

    deinit {
        state.withLock { $0.file?.close() }
    }
}
