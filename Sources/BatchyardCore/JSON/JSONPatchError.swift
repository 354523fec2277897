/// Why a JSON Patch (RFC 6902) document could not be read or applied.
///
/// It names the failing operation (its index in the patch array, its `op` and `path`) so a client can
/// find the line to fix; the API layer renders `description` as the 400 `detail`.
public struct JSONPatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The patch body is not a JSON array of operation objects.
        case invalidPatchDocument
        /// An operation lacks `op`, `path`, `value` or `from`, or names an unknown `op`.
        case invalidOperation
        /// `path` or `from` is not a valid JSON Pointer.
        case invalidPointer
        /// The location (or one of its parents) does not exist in the document.
        case pathNotFound
        /// An array index token is not a canonical index, or is out of range.
        case invalidArrayIndex
        /// The pointer goes through a value that is neither an object nor an array.
        case notAContainer
        /// `move` would put a value inside itself.
        case moveIntoDescendant
        /// The whole document cannot be removed.
        case cannotRemoveRoot
        /// A `test` operation found a different value.
        case testFailed
    }

    /// The kind of failure.
    public var code: Code
    /// Zero-based index of the failing operation in the patch array, when one is known.
    public var operationIndex: Int?
    /// The failing operation's `op` (`add`, `remove`, ...), when known.
    public var operation: String?
    /// The failing operation's `path`, as written, when known.
    public var path: String?
    /// What went wrong, as a sentence.
    public var message: String

    /// Creates an error; `JSONPatch` fills in the operation details.
    public init(
        _ code: Code, message: String, operationIndex: Int? = nil, operation: String? = nil, path: String? = nil
    ) {
        self.code = code
        self.message = message
        self.operationIndex = operationIndex
        self.operation = operation
        self.path = path
    }

    /// For example `JSON Patch operation 1 (replace "/name") failed: the path does not exist.`
    public var description: String {
        guard let operationIndex else { return "Invalid JSON Patch: \(message)" }
        var what = operation ?? "operation"
        if let path { what += " \(path.debugDescription)" }
        return "JSON Patch operation \(operationIndex) (\(what)) failed: \(message)"
    }
}
