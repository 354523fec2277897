import Foundation

/// The documents S3 answers with, read from their XML.
public enum S3Responses {
    /// One page of a ListObjectsV2 answer.
    public struct ListPage: Sendable, Hashable {
        public var entries: [Entry]
        public var isTruncated: Bool
        public var nextContinuationToken: String?

        public struct Entry: Sendable, Hashable {
            public var key: String
            public var size: Int64
        }
    }

    /// Reads a `ListBucketResult`.
    public static func listPage(_ data: Data) throws(S3ResponseError) -> ListPage {
        let root = try S3XMLElement.parse(data)
        guard root.name == "ListBucketResult" else { throw .malformed("expected ListBucketResult, got \(root.name)") }
        var entries: [ListPage.Entry] = []
        for element in root.children where element.name == "Contents" {
            guard let key = element.text(of: "Key"), let size = element.text(of: "Size").flatMap({ Int64($0) }), size >= 0
            else { throw .malformed("a Contents entry without Key or Size") }
            entries.append(ListPage.Entry(key: key, size: size))
        }
        let truncated = root.text(of: "IsTruncated") == "true"
        let token = root.text(of: "NextContinuationToken")
        if truncated, token?.isEmpty ?? true { throw .malformed("a truncated listing without NextContinuationToken") }
        return ListPage(entries: entries, isTruncated: truncated, nextContinuationToken: token)
    }

    /// Reads the `UploadId` of an `InitiateMultipartUploadResult`.
    public static func uploadID(_ data: Data) throws(S3ResponseError) -> String {
        let root = try S3XMLElement.parse(data)
        guard root.name == "InitiateMultipartUploadResult", let id = root.text(of: "UploadId"), !id.isEmpty else {
            throw .malformed("expected InitiateMultipartUploadResult with an UploadId")
        }
        return id
    }

    /// Reads the `ETag` of a `CopyPartResult` (UploadPartCopy) or `CopyObjectResult`; an `<Error>`
    /// document (S3 may send one with status 200) throws.
    public static func copyETag(_ data: Data, key: String) throws(S3ResponseError) -> String {
        let root = try S3XMLElement.parse(data)
        if root.name == "Error" { throw error(root, status: 200, key: key) }
        guard root.name == "CopyPartResult" || root.name == "CopyObjectResult", let etag = root.text(of: "ETag") else {
            throw .malformed("expected CopyPartResult or CopyObjectResult with an ETag, got \(root.name)")
        }
        return etag
    }

    /// Checks a `CompleteMultipartUploadResult` (an `<Error>` may come with status 200).
    public static func checkCompletion(_ data: Data, key: String) throws(S3ResponseError) {
        let root = try S3XMLElement.parse(data)
        if root.name == "Error" { throw error(root, status: 200, key: key) }
        guard root.name == "CompleteMultipartUploadResult" else {
            throw .malformed("expected CompleteMultipartUploadResult, got \(root.name)")
        }
    }

    /// The error an error status carries: the `<Error>` document's code and message when the body
    /// has one, else the status alone (HEAD answers have no body).
    public static func serviceError(status: Int, body: Data, key: String) -> S3ResponseError {
        if let root = try? S3XMLElement.parse(body), root.name == "Error" { return error(root, status: status, key: key) }
        let code = switch status {
        case 404: "NoSuchKey"
        case 416: "InvalidRange"
        default: "HTTP\(status)"
        }
        return .service(status: status, code: code, message: String(decoding: body.prefix(200), as: UTF8.self), key: key)
    }

    private static func error(_ root: S3XMLElement, status: Int, key: String) -> S3ResponseError {
        .service(status: status, code: root.text(of: "Code") ?? "Unknown", message: root.text(of: "Message") ?? "", key: key)
    }
}
