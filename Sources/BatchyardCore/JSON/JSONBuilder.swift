/// What `JSONParser` builds while it reads: a `JSONValue` tree or a flat `JSONTape`.
///
/// The parser owns the grammar (and every error message); a builder only decides how values are
/// kept, so both representations accept exactly the same documents. Strings arrive as the decoded
/// bytes between the quotes, valid only during the call.
protocol JSONBuilder {
    associatedtype Value
    associatedtype ArrayState
    associatedtype ObjectState

    mutating func null() -> Value
    mutating func bool(_ value: Bool) -> Value
    mutating func int(_ value: Int64) -> Value
    mutating func double(_ value: Double) -> Value
    /// A string value, or `nil` when `units` are not valid UTF-8.
    mutating func string(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Value?

    mutating func beginArray() -> ArrayState
    mutating func element(_ value: Value, in array: inout ArrayState)
    mutating func endArray(_ array: ArrayState) -> Value

    mutating func beginObject() -> ObjectState
    /// The next member's key; `false` when `units` are not valid UTF-8.
    mutating func key(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool, in object: inout ObjectState) -> Bool
    mutating func member(_ value: Value, in object: inout ObjectState)
    mutating func endObject(_ object: ObjectState) -> Value
}

/// Builds `JSONValue` trees.
struct JSONValueBuilder: JSONBuilder {
    /// Members of the objects being parsed, innermost last: an object's dictionary is built once
    /// its member count is known, so it is allocated once and never rehashed while it grows.
    private var pendingMembers: [(key: String, value: JSONValue)] = []

    struct ObjectState {
        let base: Int
        var key = ""
    }

    func null() -> JSONValue { .null }
    func bool(_ value: Bool) -> JSONValue { .bool(value) }
    func int(_ value: Int64) -> JSONValue { .int(value) }
    func double(_ value: Double) -> JSONValue { .double(value) }

    func string(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> JSONValue? {
        Self.makeString(units, isASCII: isASCII).map(JSONValue.string)
    }

    func beginArray() -> [JSONValue] { [] }
    func element(_ value: JSONValue, in array: inout [JSONValue]) { array.append(value) }
    func endArray(_ array: [JSONValue]) -> JSONValue { .array(array) }

    mutating func beginObject() -> ObjectState {
        if pendingMembers.capacity == 0 { pendingMembers.reserveCapacity(32) }
        return ObjectState(base: pendingMembers.count)
    }

    func key(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool, in object: inout ObjectState) -> Bool {
        guard let key = Self.makeString(units, isASCII: isASCII) else { return false }
        object.key = key
        return true
    }

    mutating func member(_ value: JSONValue, in object: inout ObjectState) {
        pendingMembers.append((object.key, value))
    }

    /// The dictionary of the members pending from the object's base on, which are removed.
    mutating func endObject(_ object: ObjectState) -> JSONValue {
        let base = object.base
        if base == pendingMembers.count { return .object([:]) }
        var members = [String: JSONValue](minimumCapacity: pendingMembers.count - base)
        for position in base..<pendingMembers.count {
            // Moved out (swapped with null), not copied: no retain now and release later.
            var value = JSONValue.null
            swap(&value, &pendingMembers[position].value)
            // Duplicate keys: the last one wins, as in most parsers (RFC 8259 leaves it open).
            members[pendingMembers[position].key] = value
        }
        pendingMembers.removeSubrange(base...)
        return .object(members)
    }

    private static func makeString(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String? {
        if isASCII { return String(decoding: units, as: UTF8.self) }
        return String(validating: units, as: UTF8.self)
    }
}
