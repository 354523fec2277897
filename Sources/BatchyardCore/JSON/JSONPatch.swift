/// An RFC 6902 JSON Patch: a list of operations applied in order, all or nothing.
///
/// Catalog accepts it on `PATCH /dataSets/{id}` and `PATCH /batches/{id}` with
/// `Content-Type: application/json-patch+json`.
public struct JSONPatch: Sendable, Hashable {
    /// The operations, in the order they run.
    public var operations: [JSONPatchOperation]

    /// A patch from decoded operations.
    public init(operations: [JSONPatchOperation]) {
        self.operations = operations
    }

    /// Decodes a patch document: a JSON array of operation objects.
    public init(json: JSONValue) throws(JSONPatchError) {
        guard case .array(let elements) = json else {
            throw JSONPatchError(.invalidPatchDocument, message: "a JSON Patch document must be a JSON array of operations.")
        }
        var operations: [JSONPatchOperation] = []
        operations.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                operations.append(try JSONPatchOperation(json: element))
            } catch {
                var located = error
                located.operationIndex = index
                throw located
            }
        }
        self.operations = operations
    }

    /// The patch as a JSON array, the inverse of `init(json:)`.
    public var json: JSONValue {
        .array(operations.map(\.json))
    }

    /// Applies every operation to a copy of `document` and returns the result; if any operation fails,
    /// the error names it and `document` is unchanged (the caller keeps its original value).
    public func applied(to document: JSONValue) throws(JSONPatchError) -> JSONValue {
        var result = document
        for (index, operation) in operations.enumerated() {
            do {
                try Self.apply(operation, to: &result)
            } catch {
                var located = error
                located.operationIndex = index
                located.operation = operation.name
                located.path = operation.path.description
                throw located
            }
        }
        return result
    }

    private static func apply(_ operation: JSONPatchOperation, to document: inout JSONValue) throws(JSONPatchError) {
        switch operation {
        case .add(let path, let value):
            try document.add(value, at: path)
        case .remove(let path):
            try document.remove(at: path)
        case .replace(let path, let value):
            try document.replace(at: path, with: value)
        case .move(let from, let path):
            if from == path {
                guard from.value(in: document) != nil else { throw fromMissing(from) }
                return
            }
            if from.isProperPrefix(of: path) {
                throw JSONPatchError(
                    .moveIntoDescendant,
                    message: "cannot move \(from.description.debugDescription) into its own child \(path.description.debugDescription).")
            }
            guard from.value(in: document) != nil else { throw fromMissing(from) }
            let value = try document.remove(at: from)
            try document.add(value, at: path)
        case .copy(let from, let path):
            guard let value = from.value(in: document) else { throw fromMissing(from) }
            try document.add(value, at: path)
        case .test(let path, let expected):
            guard let actual = path.value(in: document) else {
                throw JSONPatchError(.pathNotFound, message: "nothing exists at \(path.description.debugDescription).")
            }
            guard actual.isJSONEqual(to: expected) else {
                throw JSONPatchError(
                    .testFailed, message: "expected \(expected.serialized()) but found \(actual.serialized()).")
            }
        }
    }

    private static func fromMissing(_ from: JSONPointer) -> JSONPatchError {
        JSONPatchError(.pathNotFound, message: "\"from\" location \(from.description.debugDescription) does not exist.")
    }
}
