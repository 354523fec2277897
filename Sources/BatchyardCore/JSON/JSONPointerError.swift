/// Why a string is not an RFC 6901 JSON Pointer.
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that failed to parse.
    public var pointer: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error for `pointer`.
    public init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    /// For example `Invalid JSON Pointer "a/b": a JSON Pointer must be empty or start with '/'.`
    public var description: String {
        "Invalid JSON Pointer \(pointer.debugDescription): \(message)"
    }
}
