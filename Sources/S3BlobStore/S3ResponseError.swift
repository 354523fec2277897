/// Why an S3 request failed: an error answer from the service, or a response that cannot be read.
public enum S3ResponseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The service answered with an error status (and usually an `<Error>` document).
    case service(status: Int, code: String, message: String, key: String)
    /// The response is not what the protocol promises (bad XML, missing field).
    case malformed(String)

    public var description: String {
        switch self {
        case .service(let status, let code, let message, let key):
            "S3 \(status) \(code) for '\(key)': \(message)"
        case .malformed(let message):
            "unreadable S3 response: \(message)"
        }
    }

    /// The S3 error code (`NoSuchKey`, `InvalidRange`, …), if any.
    public var code: String? {
        if case .service(_, let code, _, _) = self { return code }
        return nil
    }
}
