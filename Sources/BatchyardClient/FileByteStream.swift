#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// A byte range of a file on disk as an async sequence of buffers, so an upload body streams from
/// disk in 256 KiB pieces and memory does not grow with the file.
///
/// Each piece is read with `pread` at its own offset, which makes a chunk of a large file an
/// independent stream (no shared file position). `progress` is told the size of each piece as it
/// is handed to the HTTP client.
public struct FileByteStream: AsyncSequence, Sendable {
    public typealias Element = ByteBuffer

    let descriptor: Int32
    let offset: Int64
    let length: Int64
    let pieceSize: Int
    let throttle: Throttle?
    let progress: @Sendable (Int) -> Void

    /// Bytes `offset ..< offset + length` of the open file `descriptor` (which the caller closes
    /// after the request).
    public init(
        descriptor: Int32, offset: Int64, length: Int64, pieceSize: Int = 256 * 1024, throttle: Throttle? = nil,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) {
        self.descriptor = descriptor
        self.offset = offset
        self.length = length
        self.pieceSize = pieceSize
        self.throttle = throttle
        self.progress = progress
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(stream: self, pacer: throttle.map { Pacer(throttle: $0) })
    }

    /// Reads the next piece; throws when the file got shorter than announced.
    public struct Iterator: AsyncIteratorProtocol {
        let stream: FileByteStream
        var sent: Int64 = 0
        var pacer: Pacer?

        init(stream: FileByteStream, pacer: Pacer?) {
            self.stream = stream
            self.pacer = pacer
        }

        public mutating func next() async throws -> ByteBuffer? {
            guard sent < stream.length else { return nil }
            let count = Int(Swift.min(Int64(stream.pieceSize), stream.length - sent))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            let position = stream.offset + sent
            let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { pointer in
                var done = 0
                while done < count {
                    let result = pread(stream.descriptor, pointer.baseAddress! + done, count - done, off_t(position) + off_t(done))
                    if result > 0 {
                        done += result
                    } else if result < 0, errno == EINTR {
                        continue
                    } else {
                        break
                    }
                }
                return done
            }
            guard read == count else { throw FileChangedError(position: position + Int64(read)) }
            sent += Int64(count)
            stream.progress(count)
            try await pacer?.pace(total: sent)
            return buffer
        }
    }

    /// The file ended (or could not be read) before the announced length.
    public struct FileChangedError: Error, CustomStringConvertible {
        /// Where reading stopped.
        public var position: Int64
        public var description: String { "the file could not be read past byte \(position) (did it change?)" }
    }
}
