import BatchyardCore

/// Why a client command failed, as one sentence for people and a kind that picks the exit code.
public struct ClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, which decides the process's exit status.
    public enum Kind: Sendable, Hashable {
        /// A batch ended `failed` (or another unsuccessful final status).
        case batchFailed
        /// Bad arguments, a missing file, an unknown profile.
        case usage
        /// The server answered with an error status.
        case server(status: Int)
        /// The server could not be reached, or the connection broke.
        case transport
    }

    /// The kind.
    public var kind: Kind
    /// One clear sentence.
    public var message: String

    /// An error of `kind` saying `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// The process exit status this error means.
    public var exitStatus: ExitStatus {
        switch kind {
        case .batchFailed: return .batchFailed
        case .usage: return .usage
        case .server: return .serverError
        case .transport: return .unreachable
        }
    }

    /// The error for a server's error answer: the sentence from its body (problem-details `detail`,
    /// else `title`; the gateway's `message`; the Schema Registry's `detail`/`title`), prefixed by
    /// the status so the reader knows whose refusal it was.
    public static func server(status: Int, body: [UInt8], method: String, path: String) -> ClientError {
        var sentence: String?
        if let json = try? JSONValue(parsing: body) {
            for key in ["detail", "message", "title", "error_description", "error"] {
                if let text = json[key]?.stringValue, !text.isEmpty {
                    sentence = text
                    break
                }
            }
            if sentence == nil, let text = json["report"]?["detail"]?.stringValue { sentence = text }
        } else if !body.isEmpty, body.count < 500 {
            sentence = String(decoding: body, as: UTF8.self).trimmingCharactersInWhitespace()
        }
        let fallback = "\(method) \(path) answered \(status) without an explanation."
        var text = sentence ?? fallback
        if let last = text.last, !".!?".contains(last) { text += "." }
        return ClientError(.server(status: status), "The server refused the request (\(status)): \(text)")
    }
}

extension String {
    func trimmingCharactersInWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
