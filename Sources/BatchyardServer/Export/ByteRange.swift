/// A single `Range: bytes=…` request header resolved against an object's size.
///
/// `bytes=a-b`, `bytes=a-` and the suffix form `bytes=-n` are served; several ranges or a header
/// that does not parse are ignored (the whole object is served, as RFC 9110 allows); a range
/// starting beyond the end is unsatisfiable (416).
enum ByteRange: Sendable, Hashable {
    /// Serve the whole object (200).
    case whole
    /// Serve these bytes (206).
    case partial(ClosedRange<Int64>)
    /// Answer 416 with `Content-Range: bytes */{size}`.
    case unsatisfiable

    init(header: String?, size: Int64) {
        guard let header else { self = .whole; return }
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes="), !text.contains(",") else { self = .whole; return }
        let spec = text.dropFirst(6)
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { self = .whole; return }
        let first = bounds[0].trimmingCharacters(in: .whitespaces)
        let second = bounds[1].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let suffix = Int64(second), suffix >= 0 else { self = .whole; return }
            guard suffix > 0, size > 0 else { self = .unsatisfiable; return }
            self = .partial(max(0, size - suffix)...(size - 1))
            return
        }
        guard let start = Int64(first), start >= 0 else { self = .whole; return }
        var end = size - 1
        if !second.isEmpty {
            guard let value = Int64(second), value >= start else { self = .whole; return }
            end = min(value, size - 1)
        }
        guard start < size else { self = .unsatisfiable; return }
        self = .partial(start...end)
    }
}
