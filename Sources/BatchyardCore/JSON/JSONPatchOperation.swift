/// One RFC 6902 operation, decoded and with its pointers parsed.
public enum JSONPatchOperation: Sendable, Hashable {
    /// Inserts `value` at `path` (into an array, `-` appends), or sets an object member.
    case add(path: JSONPointer, value: JSONValue)
    /// Removes the value at `path`, which must exist.
    case remove(path: JSONPointer)
    /// Replaces the value at `path`, which must exist.
    case replace(path: JSONPointer, value: JSONValue)
    /// Removes the value at `from` and adds it at `path`.
    case move(from: JSONPointer, path: JSONPointer)
    /// Adds a copy of the value at `from` at `path`.
    case copy(from: JSONPointer, path: JSONPointer)
    /// Succeeds only if the value at `path` equals `value` (numbers compare by value, `1 == 1.0`).
    case test(path: JSONPointer, value: JSONValue)

    /// The operation's `op` name as written in JSON.
    public var name: String {
        switch self {
        case .add: "add"
        case .remove: "remove"
        case .replace: "replace"
        case .move: "move"
        case .copy: "copy"
        case .test: "test"
        }
    }

    /// The operation's target location.
    public var path: JSONPointer {
        switch self {
        case .add(let path, _), .remove(let path), .replace(let path, _), .move(_, let path),
            .copy(_, let path), .test(let path, _):
            path
        }
    }

    /// Decodes one operation object such as `{"op": "add", "path": "/a", "value": 1}`.
    ///
    /// Members other than `op`, `path`, `value` and `from` are ignored, as RFC 6902 requires.
    public init(json: JSONValue) throws(JSONPatchError) {
        guard case .object(let members) = json else {
            throw JSONPatchError(.invalidOperation, message: "each operation must be a JSON object.")
        }
        guard let op = members["op"]?.stringValue else {
            throw JSONPatchError(.invalidOperation, message: "the operation has no string member \"op\".")
        }
        guard let pathText = members["path"]?.stringValue else {
            throw JSONPatchError(.invalidOperation, message: "the operation has no string member \"path\".", operation: op)
        }
        let path = try Self.pointer(pathText, member: "path", op: op)

        func value() throws(JSONPatchError) -> JSONValue {
            guard let value = members["value"] else {
                throw JSONPatchError(
                    .invalidOperation, message: "\"\(op)\" requires a \"value\" member.", operation: op, path: pathText)
            }
            return value
        }
        func from() throws(JSONPatchError) -> JSONPointer {
            guard let fromText = members["from"]?.stringValue else {
                throw JSONPatchError(
                    .invalidOperation, message: "\"\(op)\" requires a string member \"from\".", operation: op,
                    path: pathText)
            }
            return try Self.pointer(fromText, member: "from", op: op)
        }

        switch op {
        case "add": self = .add(path: path, value: try value())
        case "remove": self = .remove(path: path)
        case "replace": self = .replace(path: path, value: try value())
        case "move": self = .move(from: try from(), path: path)
        case "copy": self = .copy(from: try from(), path: path)
        case "test": self = .test(path: path, value: try value())
        default:
            throw JSONPatchError(
                .invalidOperation,
                message: "unknown op \(op.debugDescription); expected add, remove, replace, move, copy or test.",
                operation: op, path: pathText)
        }
    }

    /// The operation as a JSON object, the inverse of `init(json:)`.
    public var json: JSONValue {
        var members: [String: JSONValue] = ["op": .string(name), "path": .string(path.description)]
        switch self {
        case .add(_, let value), .replace(_, let value), .test(_, let value): members["value"] = value
        case .move(let from, _), .copy(let from, _): members["from"] = .string(from.description)
        case .remove: break
        }
        return .object(members)
    }

    private static func pointer(_ text: String, member: String, op: String) throws(JSONPatchError) -> JSONPointer {
        do {
            return try JSONPointer(text)
        } catch {
            throw JSONPatchError(
                .invalidPointer, message: "\"\(member)\" is not a JSON Pointer: \(error.message)", operation: op,
                path: text)
        }
    }
}
