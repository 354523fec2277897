/// The one error type the codec throws: a small struct with a nested code so callers can branch on
/// the kind of failure (bad input versus unsupported feature versus I/O) and still get a readable message.
public struct ParquetError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, coarse enough for callers to decide how to react (reject an upload, retry, …).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let raw: String
        /// The bytes end before a structure that should be there.
        public static let truncated = Code(raw: "truncated")
        /// The file does not start or end with `PAR1`.
        public static let invalidMagic = Code(raw: "invalidMagic")
        /// Thrift metadata or a page is malformed or self-contradictory.
        public static let corrupt = Code(raw: "corrupt")
        /// A valid feature this implementation does not handle (encryption, LZO, …).
        public static let unsupported = Code(raw: "unsupported")
        /// A schema built in code or read from a file is not a valid Parquet schema.
        public static let invalidSchema = Code(raw: "invalidSchema")
        /// A value given to the writer does not fit its column.
        public static let invalidValue = Code(raw: "invalidValue")
        /// A compression codec failed to compress or decompress.
        public static let compression = Code(raw: "compression")
        /// Reading or writing the underlying file failed.
        public static let io = Code(raw: "io")
        /// The writer or reader was used after it was closed.
        public static let closed = Code(raw: "closed")
        /// A declared size exceeds the reader's safety limits.
        public static let limitExceeded = Code(raw: "limitExceeded")
        /// The code's name.
        public var description: String { raw }
    }

    /// The kind of failure.
    public let code: Code
    /// Human-readable detail, e.g. which structure or column.
    public let message: String

    /// Creates an error; the codec uses the static helpers below.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Code and message, for logs.
    public var description: String { "Parquet \(code): \(message)" }

    static func truncated(_ what: String) -> ParquetError { ParquetError(.truncated, what) }
    static func corrupt(_ what: String) -> ParquetError { ParquetError(.corrupt, what) }
    static func unsupported(_ what: String) -> ParquetError { ParquetError(.unsupported, what) }
    static func invalidSchema(_ what: String) -> ParquetError { ParquetError(.invalidSchema, what) }
    static func invalidValue(_ what: String) -> ParquetError { ParquetError(.invalidValue, what) }
}
