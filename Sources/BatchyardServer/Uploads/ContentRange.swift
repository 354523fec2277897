/// `Content-Range: bytes {start}-{end}/{total}` of a chunk (`/{total}` and `/*` optional).
struct ContentRange: Sendable, Hashable {
    let start: Int64
    let end: Int64
    let total: Int64?

    var length: Int64 { end - start + 1 }

    init(start: Int64, end: Int64, total: Int64?) {
        self.start = start
        self.end = end
        self.total = total
    }

    /// Parses the header; throws a 400 saying what the header should look like.
    init(header: String?) throws(ProblemError) {
        let usage = "Send 'Content-Range: bytes {start}-{end}/{total}' with inclusive byte offsets, e.g. 'bytes 0-1048575/5000000'."
        guard let header else { throw .badRequest("A chunk needs a Content-Range header. " + usage, code: "INGEST-1411-400") }
        var text = Substring(header.trimmingCharacters(in: .whitespaces))
        guard text.lowercased().hasPrefix("bytes") else {
            throw .badRequest("Content-Range '\(header)' is not a byte range. " + usage, code: "INGEST-1411-400")
        }
        text = text.dropFirst(5).drop { $0 == " " || $0 == "=" }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let bounds = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let start = Int64(bounds[0].trimmingCharacters(in: .whitespaces)),
            let end = Int64(bounds[1].trimmingCharacters(in: .whitespaces)), start >= 0, end >= start
        else {
            throw .badRequest("Content-Range '\(header)' is malformed. " + usage, code: "INGEST-1411-400")
        }
        var total: Int64?
        if parts.count == 2 {
            let totalText = parts[1].trimmingCharacters(in: .whitespaces)
            if totalText != "*" {
                guard let value = Int64(totalText), value > end else {
                    throw .badRequest(
                        "Content-Range '\(header)' has a total that does not cover the range. " + usage,
                        code: "INGEST-1411-400")
                }
                total = value
            }
        }
        self.init(start: start, end: end, total: total)
    }
}
