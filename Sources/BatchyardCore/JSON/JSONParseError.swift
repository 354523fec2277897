/// Why a byte sequence is not a JSON document Batchyard accepts.
///
/// Request bodies and ingested JSON Lines come from clients, so the error says where (`offset`, a
/// zero-based byte index into the parsed bytes) and what, in words a person can act on; the API
/// layer puts `description` into the problem-details `detail`.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, for callers that branch on it (tests, error codes).
    public enum Code: String, Sendable, Hashable {
        /// The input has no JSON value at all (empty, or only whitespace).
        case emptyInput
        /// The input stopped in the middle of a value.
        case unexpectedEndOfInput
        /// A byte that cannot start or continue the value at this point.
        case unexpectedCharacter
        /// A number that breaks the RFC 8259 grammar (leading zero, lone `-`, missing digits).
        case invalidNumber
        /// A number too large for a finite `Double` (for example `1e400`).
        case numberOutOfRange
        /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
        case invalidEscape
        /// A `\u` escape naming a lone UTF-16 surrogate, which no Unicode string can hold.
        case invalidUnicodeEscape
        /// A raw control character (U+0000 to U+001F) inside a string; JSON requires it escaped.
        case controlCharacterInString
        /// A string whose bytes are not valid UTF-8.
        case invalidUTF8
        /// Arrays and objects nested deeper than the parser's limit.
        case nestingTooDeep
        /// More non-whitespace bytes after one complete value.
        case trailingCharacters
    }

    /// The kind of failure.
    public var code: Code
    /// Zero-based byte offset in the input where the problem was found.
    public var offset: Int
    /// A sentence describing the problem, without the offset.
    public var message: String

    /// Creates an error; the parser is the usual producer.
    public init(_ code: Code, offset: Int, message: String) {
        self.code = code
        self.offset = offset
        self.message = message
    }

    /// The message with its byte offset, e.g. `Invalid JSON at byte 12: expected ':' after an object key.`
    public var description: String {
        "Invalid JSON at byte \(offset): \(message)"
    }
}
