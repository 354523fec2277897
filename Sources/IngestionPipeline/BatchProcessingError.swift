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

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
