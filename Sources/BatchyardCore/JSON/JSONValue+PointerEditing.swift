/// The RFC 6902 editing primitives, addressed by JSON Pointer. They mutate in place (no copy of the
/// untouched parts of a large document) and throw `JSONPatchError` without operation details;
/// `JSONPatch` adds those.
extension JSONValue {
    /// RFC 6902 `add`: sets an object member, inserts into an array (`-` appends), or replaces the root.
    mutating func add(_ value: JSONValue, at pointer: JSONPointer) throws(JSONPatchError) {
        guard let last = pointer.tokens.last else {
            self = value
            return
        }
        try withValue(at: pointer.tokens.dropLast(), fullPath: pointer) { (container) throws(JSONPatchError) in
            switch container {
            case .object(var members):
                container = .null
                members[last] = value
                container = .object(members)
            case .array(var elements):
                let position: Int
                if last == "-" {
                    position = elements.count
                } else {
                    guard let index = JSONPointer.arrayIndex(last), index <= elements.count else {
                        throw Self.badIndex(last, count: elements.count, allowEnd: true)
                    }
                    position = index
                }
                container = .null
                elements.insert(value, at: position)
                container = .array(elements)
            default:
                throw Self.notContainer(pointer)
            }
        }
    }

    /// RFC 6902 `remove`: deletes the value at `pointer` and returns it.
    @discardableResult
    mutating func remove(at pointer: JSONPointer) throws(JSONPatchError) -> JSONValue {
        guard let last = pointer.tokens.last else {
            throw JSONPatchError(.cannotRemoveRoot, message: "the whole document cannot be removed.")
        }
        return try withValue(at: pointer.tokens.dropLast(), fullPath: pointer) { (container) throws(JSONPatchError) in
            switch container {
            case .object(var members):
                container = .null
                defer { container = .object(members) }
                guard let removed = members.removeValue(forKey: last) else { throw Self.missing(pointer) }
                return removed
            case .array(var elements):
                guard let index = JSONPointer.arrayIndex(last), index < elements.count else {
                    throw Self.badIndex(last, count: elements.count, allowEnd: false)
                }
                container = .null
                let removed = elements.remove(at: index)
                container = .array(elements)
                return removed
            default:
                throw Self.notContainer(pointer)
            }
        }
    }

    /// RFC 6902 `replace`: overwrites the value at `pointer`, which must exist.
    mutating func replace(at pointer: JSONPointer, with value: JSONValue) throws(JSONPatchError) {
        try withValue(at: pointer.tokens[...], fullPath: pointer) { (target) throws(JSONPatchError) in
            target = value
        }
    }

    /// Runs `body` on the value at `tokens` in place, failing if any step is missing.
    private mutating func withValue<Result>(
        at tokens: ArraySlice<String>, fullPath: JSONPointer,
        _ body: (inout JSONValue) throws(JSONPatchError) -> Result
    ) throws(JSONPatchError) -> Result {
        guard let token = tokens.first else { return try body(&self) }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var members):
            guard members[token] != nil else { throw Self.missing(fullPath, upTo: tokens.startIndex + 1) }
            self = .null
            defer { self = .object(members) }
            return try members[token]!.withValue(at: rest, fullPath: fullPath, body)
        case .array(var elements):
            guard let index = JSONPointer.arrayIndex(token), index < elements.count else {
                throw Self.badIndex(token, count: elements.count, allowEnd: false)
            }
            self = .null
            defer { self = .array(elements) }
            return try elements[index].withValue(at: rest, fullPath: fullPath, body)
        default:
            throw Self.notContainer(JSONPointer(tokens: Array(fullPath.tokens[..<tokens.startIndex])))
        }
    }

    private static func missing(_ pointer: JSONPointer, upTo count: Int? = nil) -> JSONPatchError {
        let prefix = JSONPointer(tokens: Array(pointer.tokens.prefix(count ?? pointer.tokens.count)))
        return JSONPatchError(.pathNotFound, message: "nothing exists at \(prefix.description.debugDescription).")
    }

    private static func notContainer(_ pointer: JSONPointer) -> JSONPatchError {
        JSONPatchError(
            .notAContainer,
            message: "the value at \(pointer.description.debugDescription) is neither an object nor an array.")
    }

    private static func badIndex(_ token: String, count: Int, allowEnd: Bool) -> JSONPatchError {
        let allowed = allowEnd ? "0...\(count) or '-'" : (count == 0 ? "none (the array is empty)" : "0...\(count - 1)")
        return JSONPatchError(
            .invalidArrayIndex,
            message: "\(token.debugDescription) is not a valid index into an array of \(count) elements (allowed: \(allowed)).")
    }

    /// JSON equality as RFC 6902 `test` defines it: numbers compare by value (`1` equals `1.0`),
    /// objects ignore member order, arrays compare element by element.
    public func isJSONEqual(to other: JSONValue) -> Bool {
        switch (self, other) {
        case (.int(let left), .int(let right)): return left == right
        case (.int, .double), (.double, .int), (.double, .double):
            return doubleValue! == other.doubleValue!
                && (int64Value == nil || other.int64Value == nil || int64Value == other.int64Value)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.isJSONEqual(to: $1) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let match = right[key], value.isJSONEqual(to: match) else { return false }
            }
            return true
        default:
            return self == other
        }
    }
}
