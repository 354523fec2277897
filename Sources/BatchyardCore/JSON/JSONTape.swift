/// Parsed JSON held flat: one array of fixed-size nodes and one array of string bytes.
///
/// A `JSONValue` tree costs an allocation per string, array and object, and every walk over it
/// retains and releases each value it visits (measured: about 80 % of a bare walk). Ingestion
/// reads millions of records that it only checks, converts and writes once, so it parses them
/// into a tape instead: no allocation per value (the arrays are reused from record to record),
/// and walking it is reading plain structs. Several documents may follow each other on one tape;
/// each is addressed by the index of its first node.
///
/// Layout: a value is one node, followed, for an array, by its elements, and for an object by
/// key/value pairs (a string node, then the value's nodes). `end(of:)` is the index after a
/// value's last node, so siblings are found without walking their contents. Object keys are
/// unique (a repeated key keeps its last value, as `JSONValue` parsing does).
public struct JSONTape: Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        case null, bool, int, double, string, array, object
    }

    /// One value (containers: their header).
    public struct Node: Sendable {
        public internal(set) var kind: Kind
        /// Strings: every byte is ASCII; booleans: the value.
        @usableFromInline var flag: Bool
        /// Arrays: elements; objects: members; strings: UTF-8 bytes.
        @usableFromInline var count: UInt32
        /// The index after the value's last node.
        @usableFromInline var end: UInt32
        /// Integers: the value; doubles: the bit pattern; strings: the offset in `text`.
        @usableFromInline var payload: UInt64
    }

    public internal(set) var nodes: [Node] = []
    /// The decoded (unescaped) UTF-8 bytes of every string and key.
    public internal(set) var text: [UInt8] = []

    /// An empty tape.
    public init() {}

    /// A tape holding `value` at index 0.
    public init(_ value: JSONValue) {
        _ = append(value)
    }

    /// Empties the tape, keeping its storage for the next documents.
    public mutating func removeAll() {
        nodes.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// Where the tape ends now, to `rewind(to:)` later.
    public struct Mark: Sendable {
        let nodes: Int
        let text: Int
    }

    /// The current end of the tape.
    public var mark: Mark { Mark(nodes: nodes.count, text: text.count) }

    /// Removes everything appended after `mark`.
    public mutating func rewind(to mark: Mark) {
        nodes.removeSubrange(mark.nodes...)
        text.removeSubrange(mark.text...)
    }

    /// The number of nodes; the index the next appended document starts at.
    public var count: Int { nodes.count }

    // MARK: Reading

    // Loops over many values read a `View` (JSONTape+View.swift) instead.
    public func kind(at index: Int) -> Kind { nodes[index].kind }
    /// Elements of an array, members of an object.
    public func count(at index: Int) -> Int { Int(nodes[index].count) }
    /// The index after the last node of the value at `index`: its next sibling, if any.
    public func end(of index: Int) -> Int { Int(nodes[index].end) }

    // MARK: Writing

    /// Appends `value`; returns the index of its first node.
    @discardableResult
    public mutating func append(_ value: JSONValue) -> Int {
        let index = nodes.count
        switch value {
        case .null: appendScalar(.null, flag: false, payload: 0)
        case .bool(let flag): appendScalar(.bool, flag: flag, payload: 0)
        case .int(let number): appendScalar(.int, flag: false, payload: UInt64(bitPattern: number))
        case .double(let number): appendScalar(.double, flag: false, payload: number.bitPattern)
        case .string(let string): appendString(string)
        case .array(let elements):
            appendScalar(.array, flag: false, payload: 0)
            for element in elements { append(element) }
            close(index, count: elements.count)
        case .object(let members):
            appendScalar(.object, flag: false, payload: 0)
            for (key, member) in members {
                appendString(key)
                append(member)
            }
            close(index, count: members.count)
        }
        return index
    }

    /// Replaces the scalar at `index` with an integer (a conversion; containers cannot be replaced).
    public mutating func setInt(_ number: Int64, at index: Int) {
        precondition(nodes[index].kind != .array && nodes[index].kind != .object, "only scalars are replaced")
        nodes[index].kind = .int
        nodes[index].payload = UInt64(bitPattern: number)
        nodes[index].count = 0
    }

    /// Replaces the scalar at `index` with a double.
    public mutating func setDouble(_ number: Double, at index: Int) {
        precondition(nodes[index].kind != .array && nodes[index].kind != .object, "only scalars are replaced")
        nodes[index].kind = .double
        nodes[index].payload = number.bitPattern
        nodes[index].count = 0
    }

    /// Replaces the scalar at `index` with a string (its bytes go to the end of `text`).
    public mutating func setString(_ string: String, at index: Int) {
        precondition(nodes[index].kind != .array && nodes[index].kind != .object, "only scalars are replaced")
        let offset = text.count
        text.append(contentsOf: string.utf8)
        nodes[index].kind = .string
        nodes[index].payload = UInt64(offset)
        nodes[index].count = UInt32(text.count - offset)
        nodes[index].flag = string.utf8.allSatisfy { $0 < 0x80 }
    }

    @inline(__always)
    mutating func appendScalar(_ kind: Kind, flag: Bool, payload: UInt64) {
        nodes.append(Node(kind: kind, flag: flag, count: 0, end: UInt32(truncatingIfNeeded: nodes.count + 1), payload: payload))
    }

    @inline(__always)
    mutating func appendString(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
        let offset = text.count
        text.append(contentsOf: units)
        nodes.append(
            Node(
                kind: .string, flag: isASCII, count: UInt32(truncatingIfNeeded: units.count),
                end: UInt32(truncatingIfNeeded: nodes.count + 1), payload: UInt64(offset)))
    }

    private mutating func appendString(_ string: String) {
        var string = string
        string.withUTF8 { units in appendString(units, isASCII: units.allSatisfy { $0 < 0x80 }) }
    }

    /// Sets the element or member count and the end of the container at `index`, now complete.
    @inline(__always)
    mutating func close(_ index: Int, count: Int) {
        nodes[index].count = UInt32(truncatingIfNeeded: count)
        nodes[index].end = UInt32(truncatingIfNeeded: nodes.count)
    }
}
