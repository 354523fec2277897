/// Blob keys: their rules and the layouts every part of Batchyard agrees on.
///
/// ```
/// uploads/{org}/{sandbox}/{batchId}/{filePath}
/// chunks/{org}/{sandbox}/{batchId}/{filePath}/{start}-{end}
/// incoming/{org}/{sandbox}/{batchId}/{uuid}            (an upload in flight, before it is accepted)
/// staging/{org}/{sandbox}/{batchId}/attempt-{n}/part-NNNNN.parquet
/// lake/{org}/{sandbox}/{datasetId}/{batchId}/part-NNNNN.parquet
/// meta/{org}/{sandbox}/{batchId}/row_errors/…, meta/{org}/{sandbox}/{batchId}/input_files/…
/// ```
/// Org, sandbox and ids go through ``segment(_:)``, so a header value can never add a `/` or a
/// `..` to a key; file paths are validated by the upload routes before they get here.
public enum BlobKey {
    /// The longest key accepted, in UTF-8 bytes.
    public static let maxLength = 3000
    /// The local backend's folder for files being written; no key may start with it.
    static let reservedFirstSegment = ".tmp"

    /// Checks the key rules: relative, non-empty segments, no `.`/`..`, no NUL, not reserved.
    public static func validate(_ key: String) throws(BlobStoreError) {
        guard !key.isEmpty, key.utf8.count <= maxLength else {
            throw BlobStoreError(.invalidKey, key: key, "a key has 1 to \(maxLength) bytes")
        }
        guard !key.utf8.contains(0) else { throw BlobStoreError(.invalidKey, key: key, "a key cannot contain NUL") }
        let segments = key.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments where segment.isEmpty || segment == "." || segment == ".." {
            throw BlobStoreError(.invalidKey, key: key, "a key cannot be absolute or have empty, '.' or '..' segments")
        }
        if segments.first == Substring(reservedFirstSegment) {
            throw BlobStoreError(.invalidKey, key: key, "'\(reservedFirstSegment)' is reserved")
        }
    }

    /// A prefix for ``BlobStore/list(prefix:)``: like a key, but may be empty or end with `/`.
    public static func validatePrefix(_ prefix: String) throws(BlobStoreError) {
        if prefix.isEmpty { return }
        var trimmed = Substring(prefix)
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        try validate(String(trimmed))
    }

    /// One key segment from arbitrary text (an org or sandbox header): bytes outside
    /// `A-Z a-z 0-9 . _ - @` are percent-encoded, and `.`/`..` become `%2E`/`%2E%2E`.
    public static func segment(_ text: String) -> String {
        if text.isEmpty { return "%00" }
        if text == "." || text == ".." { return String(repeating: "%2E", count: text.count) }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: "@"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// `{org}/{sandbox}`, the tenant part of every key.
    public static func tenant(org: String, sandbox: String) -> String {
        segment(org) + "/" + segment(sandbox)
    }

    /// The prefix under which a batch's uploaded files live (ends with `/`).
    public static func uploadsPrefix(org: String, sandbox: String, batchID: String) -> String {
        "uploads/\(tenant(org: org, sandbox: sandbox))/\(segment(batchID))/"
    }

    /// An uploaded file; `path` is the validated upload path (it may contain `/`).
    public static func upload(org: String, sandbox: String, batchID: String, path: String) -> String {
        uploadsPrefix(org: org, sandbox: sandbox, batchID: batchID) + path
    }

    /// The folder of one large file's chunks (ends with `/`).
    public static func chunksPrefix(org: String, sandbox: String, batchID: String, path: String) -> String {
        "chunks/\(tenant(org: org, sandbox: sandbox))/\(segment(batchID))/\(path)/"
    }

    /// The prefix of every chunk of a batch (ends with `/`).
    public static func batchChunksPrefix(org: String, sandbox: String, batchID: String) -> String {
        "chunks/\(tenant(org: org, sandbox: sandbox))/\(segment(batchID))/"
    }

    /// One chunk of a large file: bytes `start...end` of it.
    public static func chunk(org: String, sandbox: String, batchID: String, path: String, start: Int64, end: Int64) -> String {
        chunksPrefix(org: org, sandbox: sandbox, batchID: batchID, path: path) + "\(start)-\(end)"
    }

    /// Where an upload is streamed before it is accepted and moved into place.
    public static func incoming(org: String, sandbox: String, batchID: String, token: String) -> String {
        "incoming/\(tenant(org: org, sandbox: sandbox))/\(segment(batchID))/\(segment(token))"
    }

    /// The file name of the `n`-th (from 1) Parquet part of a batch: `part-00001.parquet`.
    public static func partName(_ n: Int) -> String {
        "part-" + String(n).leftPadded(to: 5, with: "0") + ".parquet"
    }

    /// A part written by processing attempt `attempt`, not yet published.
    public static func staging(org: String, sandbox: String, batchID: String, attempt: Int, part: Int) -> String {
        "staging/\(tenant(org: org, sandbox: sandbox))/\(segment(batchID))/attempt-\(attempt)/\(partName(part))"
    }

    /// A published lake file (decisions.md): `lake/{org}/{sandbox}/{datasetId}/{batchId}/{name}`.
    public static func lake(org: String, sandbox: String, datasetID: String, batchID: String, name: String) -> String {
        "lake/\(tenant(org: org, sandbox: sandbox))/\(segment(datasetID))/\(segment(batchID))/\(segment(name))"
    }

    /// The folder of a batch's diagnostics (ends with `/`); `meta?path=` names files below it.
    public static func metaPrefix(org: String, sandbox: String, batchID: String) -> String {
        "meta/\(tenant(org: org, sandbox: sandbox))/\(segment(batchID))/"
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
