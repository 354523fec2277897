/// The chunks a large upload has received, and the checks COMPLETE makes before stitching.
///
/// Chunks are stored one object per range (`…/{start}-{end}`), so a retried chunk replaces itself
/// and chunks may arrive in any order; overlaps and gaps are only judged at COMPLETE, as AEP does.
struct ChunkRanges: Sendable, Hashable {
    struct Chunk: Sendable, Hashable {
        let start: Int64
        let end: Int64
        /// The chunk's object key.
        let key: String
    }

    /// Sorted by start (then end).
    let chunks: [Chunk]

    init(_ chunks: [Chunk]) {
        self.chunks = chunks.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Builds the set from a listing of the chunk folder; entries not named `{start}-{end}`
    /// directly in the folder are ignored.
    init(keys: [String], prefix: String) {
        var found: [Chunk] = []
        for key in keys where key.hasPrefix(prefix) {
            let name = key.dropFirst(prefix.count)
            let bounds = name.split(separator: "-", omittingEmptySubsequences: false)
            guard !name.contains("/"), bounds.count == 2, let start = Int64(bounds[0]), let end = Int64(bounds[1]),
                start <= end
            else { continue }
            found.append(Chunk(start: start, end: end, key: key))
        }
        self.init(found)
    }

    /// The received bytes as merged inclusive ranges, for the `Range` header of HEAD and PATCH.
    var merged: [ClosedRange<Int64>] {
        var out: [ClosedRange<Int64>] = []
        for chunk in chunks {
            if let last = out.last, chunk.start <= last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...max(last.upperBound, chunk.end)
            } else {
                out.append(chunk.start...chunk.end)
            }
        }
        return out
    }

    /// `bytes=0-99,200-299`, or `nil` when nothing was received.
    var rangeHeader: String? {
        let ranges = merged
        guard !ranges.isEmpty else { return nil }
        return "bytes=" + ranges.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ",")
    }

    /// The chunks in file order, once they cover `0..<total` exactly once; otherwise the 400
    /// AEP answers, naming the overlap or the missing bytes.
    func stitchOrder(declaredTotal: Int64?) throws(ProblemError) -> [Chunk] {
        guard !chunks.isEmpty else {
            throw .badRequest("No chunks were uploaded for this file; PATCH its bytes before COMPLETE.",
                              code: "INGEST-1412-400")
        }
        var expected: Int64 = 0
        for (index, chunk) in chunks.enumerated() {
            if chunk.start > expected {
                throw .badRequest("Chunks are missing: bytes \(expected)-\(chunk.start - 1) were never uploaded.",
                                  code: "INGEST-1412-400")
            }
            if chunk.start < expected {
                let previous = chunks[index - 1]
                throw .badRequest(
                    "Chunks overlap: bytes \(previous.start)-\(previous.end) and \(chunk.start)-\(chunk.end). "
                        + "Re-initialize the file and upload non-overlapping chunks.",
                    code: "INGEST-1412-400")
            }
            expected = chunk.end + 1
        }
        if let declaredTotal, expected != declaredTotal {
            throw .badRequest(
                expected < declaredTotal
                    ? "Chunks are missing: bytes \(expected)-\(declaredTotal - 1) of \(declaredTotal) were never uploaded."
                    : "Chunks end at byte \(expected - 1), beyond the declared total of \(declaredTotal) bytes.",
                code: "INGEST-1412-400")
        }
        return chunks
    }
}
