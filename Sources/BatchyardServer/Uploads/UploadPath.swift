import Foundation

/// The `{filePath}` of an upload URL (or a `?path=` of Data Access), checked so that it can name
/// a file below its folder and nothing else.
///
/// The raw (still percent-encoded) request path is split on `/` before decoding, so `%2F` cannot
/// smuggle a separator in; segments must be non-empty (no absolute paths, no `//`, no trailing
/// `/`), must not be `.` or `..`, and must not contain `/`, `\`, NUL or control characters.
struct UploadPath: Sendable, Hashable, CustomStringConvertible {
    static let maxSegmentBytes = 255
    static let maxPathBytes = 1024

    /// The path as stored and used in keys: decoded segments joined by `/`.
    let value: String
    var description: String { value }

    /// Parses the raw segments after `/files/`.
    init(rawSegments: some Collection<Substring>) throws(ProblemError) {
        var decoded: [String] = []
        for raw in rawSegments {
            guard let segment = String(raw).removingPercentEncoding else {
                throw Self.refusal("The file path segment '\(raw)' is not valid percent-encoding.")
            }
            if segment.contains("/") {
                throw Self.refusal("The file path segment '\(segment)' contains an encoded '/'.")
            }
            decoded.append(segment)
        }
        try self.init(segments: decoded)
    }

    /// Parses a path given as one decoded string (`?path=row_errors/x.json`).
    init(decoded text: String) throws(ProblemError) {
        try self.init(segments: text.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
    }

    private init(segments: [String]) throws(ProblemError) {
        guard !segments.isEmpty, segments != [""] else {
            throw Self.refusal("The file path is empty; name a file such as 'folder/file.json'.")
        }
        for segment in segments {
            guard !segment.isEmpty else {
                throw Self.refusal("The file path has an empty segment (a leading, doubled or trailing '/'); "
                    + "use a relative path such as 'folder/file.json'.")
            }
            guard segment != ".", segment != ".." else {
                throw Self.refusal("The file path cannot contain '.' or '..' segments.")
            }
            guard !segment.contains("\\") else {
                throw Self.refusal("The file path segment '\(segment)' contains a '\\'.")
            }
            guard !segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw Self.refusal("The file path cannot contain control characters.")
            }
            guard segment.utf8.count <= Self.maxSegmentBytes else {
                throw Self.refusal("A file path segment is longer than \(Self.maxSegmentBytes) bytes.")
            }
        }
        let value = segments.joined(separator: "/")
        guard value.utf8.count <= Self.maxPathBytes else {
            throw Self.refusal("The file path is longer than \(Self.maxPathBytes) bytes.")
        }
        self.value = value
    }

    private static func refusal(_ detail: String) -> ProblemError {
        .badRequest(detail, code: "INGEST-1410-400")
    }
}
