import NIOCore

/// A request body that fails with 413 as soon as it passes `limit` bytes, so an oversized upload
/// is refused while it streams instead of after it filled the disk.
struct ByteLimitedSequence<Base: AsyncSequence>: AsyncSequence where Base.Element == ByteBuffer {
    typealias Element = ByteBuffer
    let base: Base
    let limit: Int64
    let refusal: ProblemError

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let limit: Int64
        let refusal: ProblemError
        var seen: Int64 = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            seen += Int64(buffer.readableBytes)
            if seen > limit { throw refusal }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, refusal: refusal)
    }
}
