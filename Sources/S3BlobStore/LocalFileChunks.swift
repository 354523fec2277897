import Foundation
import NIOCore
import NIOFoundationCompat
import NIOPosix

/// A byte range of a local file as an async sequence of pieces, read on NIO's thread pool: the
/// body of a PUT or part upload that streams a file without loading it.
struct LocalFileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let path: String
    let offset: Int64
    let length: Int64
    static let pieceBytes = 256 * 1024

    func makeAsyncIterator() -> Iterator { Iterator(chunks: self) }

    struct Iterator: AsyncIteratorProtocol {
        let chunks: LocalFileChunks
        var position: Int64 = 0
        var handle: FileHandleBox?

        init(chunks: LocalFileChunks) { self.chunks = chunks }

        mutating func next() async throws -> ByteBuffer? {
            guard position < chunks.length else {
                handle?.close()
                handle = nil
                return nil
            }
            if handle == nil {
                handle = try FileHandleBox(path: chunks.path)
            }
            let box = handle!
            let start = chunks.offset + position
            let count = Int(Swift.min(Int64(LocalFileChunks.pieceBytes), chunks.length - position))
            let path = chunks.path
            let data = try await NIOThreadPool.singleton.runIfActive { try box.read(at: start, count: count) }
            guard data.count == count else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            position += Int64(count)
            return ByteBuffer(data: data)
        }
    }
}

/// A read-only file handle that the thread pool may use (one read at a time, by construction).
final class FileHandleBox: @unchecked Sendable {
    private let handle: FileHandle

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        self.handle = handle
    }

    func read(at offset: Int64, count: Int) throws -> Data {
        try handle.seek(toOffset: UInt64(offset))
        return try handle.read(upToCount: count) ?? Data()
    }

    func close() { try? handle.close() }

    deinit { try? handle.close() }
}
