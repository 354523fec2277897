/// A batch's `inputFormat` (or its dataset's `fileDescription`) that Batchyard cannot read with.
///
/// Raised when the batch is created (the API answers 400 with ``message``) or, for options that
/// come from the dataset, when the batch is processed (the batch fails with it in `errors`).
public struct InputFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for callers that branch on it.
    public enum Code: String, Sendable, Hashable {
        /// `format` names no format Batchyard knows.
        case unknownFormat
        /// An option has the wrong type or value.
        case invalidOption
        /// CSV without a header row: AEP requires `header: true`.
        case headerRequired
        /// The format is valid but is not read by the streaming text readers (Parquet, Avro).
        case notATextFormat
    }

    /// What is wrong.
    public var code: Code
    /// A sentence a person can act on.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
