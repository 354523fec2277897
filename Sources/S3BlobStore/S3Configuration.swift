/// Where an ``S3BlobStore`` keeps its objects and how it reaches them.
///
/// Built from a storage URL, `s3://bucket/prefix?endpoint=http://127.0.0.1:59000&region=us-east-1`,
/// and the usual `AWS_*` environment variables; explicit values win over the URL's query, which
/// wins over the environment.
public struct S3Configuration: Sendable, Hashable {
    public var bucket: String
    /// Prepended to every blob key: empty, or ending with `/`.
    public var prefix: String
    /// `scheme://host[:port]`, no trailing slash.
    public var endpoint: String
    public var region: String
    /// `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (emulators, MinIO).
    public var pathStyle: Bool
    public var credentials: S3Credentials
    /// The size of the parts of a multipart upload (at least 5 MiB, S3's minimum).
    public var partSize: Int

    /// S3's smallest part (except the last one of an upload).
    public static let minimumPartSize = 5 * 1024 * 1024
    /// S3's largest object for a single PUT or CopyObject, and largest part.
    public static let maximumSinglePartSize: Int64 = 5 * 1024 * 1024 * 1024

    public init(
        bucket: String, prefix: String = "", endpoint: String, region: String, pathStyle: Bool,
        credentials: S3Credentials, partSize: Int = 8 * 1024 * 1024
    ) {
        self.bucket = bucket
        self.prefix = Self.normalizedPrefix(prefix)
        var trimmed = endpoint
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.endpoint = trimmed
        self.region = region
        self.pathStyle = pathStyle
        self.credentials = credentials
        self.partSize = max(partSize, Self.minimumPartSize)
    }

    /// Whether `text` names S3 storage (`s3://…`).
    public static func isS3URL(_ text: String) -> Bool { text.lowercased().hasPrefix("s3://") }

    /// Reads a storage URL. Query items: `endpoint`, `region`, `path-style` (`true`/`false`),
    /// `part-size` (bytes). Credentials come from the environment only, so that they never
    /// appear in a command line or a log.
    public static func parse(
        _ url: String, environment: [String: String], endpoint explicitEndpoint: String? = nil,
        region explicitRegion: String? = nil
    ) throws(S3ConfigurationError) -> S3Configuration {
        guard isS3URL(url) else { throw S3ConfigurationError("a storage URL starts with s3://, got '\(url)'") }
        let rest = url.dropFirst("s3://".count)
        let pathPart: Substring
        var query: [String: String] = [:]
        if let mark = rest.firstIndex(of: "?") {
            pathPart = rest[..<mark]
            for item in rest[rest.index(after: mark)...].split(separator: "&") {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = percentDecoded(String(pair[0]))
                query[name] = pair.count > 1 ? percentDecoded(String(pair[1])) : ""
            }
        } else {
            pathPart = rest
        }
        let segments = pathPart.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let bucket = String(segments[0])
        guard !bucket.isEmpty, bucket.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" })
        else { throw S3ConfigurationError("the storage URL '\(url)' has no valid bucket name") }
        let prefix = segments.count > 1 ? String(segments[1]) : ""
        if prefix.split(separator: "/", omittingEmptySubsequences: false).dropLast().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw S3ConfigurationError("the prefix '\(prefix)' has empty, '.' or '..' segments")
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        let region = nonEmpty(explicitRegion) ?? nonEmpty(query["region"]) ?? nonEmpty(environment["AWS_REGION"])
            ?? nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? "us-east-1"
        let customEndpoint = nonEmpty(explicitEndpoint) ?? nonEmpty(query["endpoint"])
            ?? nonEmpty(environment["AWS_ENDPOINT_URL_S3"]) ?? nonEmpty(environment["AWS_ENDPOINT_URL"])
        if let customEndpoint, !(customEndpoint.hasPrefix("http://") || customEndpoint.hasPrefix("https://")) {
            throw S3ConfigurationError("the S3 endpoint '\(customEndpoint)' must start with http:// or https://")
        }
        let pathStyle: Bool
        switch query["path-style"]?.lowercased() {
        case nil: pathStyle = customEndpoint != nil
        case "true", "1", "yes": pathStyle = true
        case "false", "0", "no": pathStyle = false
        case let other?: throw S3ConfigurationError("path-style must be true or false, got '\(other)'")
        }
        var partSize = 8 * 1024 * 1024
        if let text = query["part-size"] {
            guard let value = Int(text), value >= minimumPartSize, Int64(value) <= maximumSinglePartSize else {
                throw S3ConfigurationError("part-size must be a byte count from \(minimumPartSize) to 5 GiB, got '\(text)'")
            }
            partSize = value
        }
        guard let credentials = S3Credentials.fromEnvironment(environment) else {
            throw S3ConfigurationError("S3 storage needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment")
        }
        return S3Configuration(
            bucket: bucket, prefix: prefix, endpoint: customEndpoint ?? "https://s3.\(region).amazonaws.com",
            region: region, pathStyle: pathStyle, credentials: credentials, partSize: partSize)
    }

    /// A copy whose prefix has `component` appended (test isolation, several stores in one bucket).
    public func appendingPrefix(_ component: String) -> S3Configuration {
        var copy = self
        copy.prefix = Self.normalizedPrefix(prefix + component)
        return copy
    }

    static func normalizedPrefix(_ prefix: String) -> String {
        var trimmed = Substring(prefix)
        while trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.isEmpty { return "" }
        return trimmed.hasSuffix("/") ? String(trimmed) : String(trimmed) + "/"
    }

    private static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A storage URL or environment that does not describe usable S3 storage.
public struct S3ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
