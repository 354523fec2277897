/// Why a processing attempt stopped without a verdict; the batch is retried (or stalls), never failed
/// for it, because none of these is the data's fault.
public struct BatchProcessingError: Error, Sendable, CustomStringConvertible {
    /// What kind of stop.
    public enum Code: String, Sendable {
        /// The job was cancelled (ABORT) or its lease was lost to another worker.
        case cancelled
        /// Reading or writing storage failed.
        case io
    }

    /// What kind of stop.
    public var code: Code
    /// What happened, for the log.
    public var message: String

    /// An error of `code` with a sentence for the log.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String { "\(code.rawValue): \(message)" }
}
