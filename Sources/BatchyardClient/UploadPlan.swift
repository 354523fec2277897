/// Which bytes of a file still have to be sent, as chunks: the pure half of a resumable upload.
///
/// The server's HEAD (and each PATCH) answers `Range: bytes=0-99,200-299` with what it holds.
/// The plan fills exactly the gaps, cutting them into chunks of at most `chunkSize` bytes, so a
/// resumed upload never sends a byte twice and never overlaps what is there (which COMPLETE would
/// refuse), whatever chunk size the interrupted run used.
public struct UploadPlan: Sendable, Hashable {
    /// One `PATCH`: inclusive byte offsets.
    public struct Chunk: Sendable, Hashable {
        /// The first byte.
        public var start: Int64
        /// The last byte (inclusive, as in `Content-Range`).
        public var end: Int64
        /// How many bytes.
        public var length: Int64 { end - start + 1 }

        /// The chunk `start...end`.
        public init(start: Int64, end: Int64) {
            self.start = start
            self.end = end
        }

        /// The `Content-Range` header value for a file of `total` bytes.
        public func contentRange(total: Int64) -> String { "bytes \(start)-\(end)/\(total)" }
    }

    /// The file's size.
    public var fileSize: Int64
    /// The chunks still to send, in order.
    public var chunks: [Chunk]
    /// Bytes the server already holds.
    public var receivedBytes: Int64

    /// Plans the upload of `fileSize` bytes in chunks of `chunkSize`, skipping `received` ranges.
    public init(fileSize: Int64, chunkSize: Int64, received: [ClosedRange<Int64>] = []) {
        precondition(chunkSize > 0)
        self.fileSize = fileSize
        var chunks: [Chunk] = []
        var held: Int64 = 0
        var position: Int64 = 0
        let sorted = received.map { max(0, $0.lowerBound)...min(fileSize - 1, $0.upperBound) }
            .filter { !$0.isEmpty && $0.lowerBound <= $0.upperBound }.sorted { $0.lowerBound < $1.lowerBound }
        func fill(upTo end: Int64) {
            while position < end {
                let last = min(end, position + chunkSize) - 1
                chunks.append(Chunk(start: position, end: last))
                position = last + 1
            }
        }
        for range in sorted where range.upperBound >= position {
            fill(upTo: range.lowerBound)
            held += range.upperBound - max(position, range.lowerBound) + 1
            position = range.upperBound + 1
        }
        fill(upTo: fileSize)
        self.chunks = chunks
        self.receivedBytes = held
    }

    /// Parses a `Range` header such as `bytes=0-99,200-299` (the server's "what I have"); `nil`
    /// or anything unparsable means nothing.
    public static func ranges(fromHeader header: String?) -> [ClosedRange<Int64>] {
        guard let header, header.hasPrefix("bytes=") else { return [] }
        return header.dropFirst("bytes=".count).split(separator: ",").compactMap { part in
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let low = Int64(bounds[0].trimmingCharactersInWhitespaceSubstring()),
                let high = Int64(bounds[1].trimmingCharactersInWhitespaceSubstring()), low <= high
            else { return nil }
            return low...high
        }
    }
}

extension Substring {
    func trimmingCharactersInWhitespaceSubstring() -> String { String(self).trimmingCharactersInWhitespace() }
}
