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
        var flag: Bool
        /// Arrays: elements; objects: members; strings: UTF-8 bytes.
        var count: UInt32
        /// The index after the value's last node.
        var end: UInt32
        /// Integers: the value; doubles: the bit pattern; strings: the offset in `text`.
        var payload: UInt64
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

    /// The number of nodes; the index the next appended document starts at.
    public var count: Int { nodes.count }

    // MARK: Reading

    @inline(__always) public func kind(at index: Int) -> Kind { nodes[index].kind }
    @inline(__always) public func bool(at index: Int) -> Bool { nodes[index].flag }
    @inline(__always) public func int(at index: Int) -> Int64 { Int64(bitPattern: nodes[index].payload) }
    @inline(__always) public func double(at index: Int) -> Double { Double(bitPattern: nodes[index].payload) }
    /// Elements of an array, members of an object.
    @inline(__always) public func count(at index: Int) -> Int { Int(nodes[index].count) }
    /// The index after the last node of the value at `index`: its next sibling, if any.
    @inline(__always) public func end(of index: Int) -> Int { Int(nodes[index].end) }
    /// Whether the string at `index` is all ASCII (its length in characters is its byte count).
    @inline(__always) public func isASCII(at index: Int) -> Bool { nodes[index].flag }

    /// Lends the UTF-8 bytes of the string (or key) at `index`.
    @inline(__always)
    public func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let node = nodes[index]
        return try text.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(node.payload)..<Int(node.payload) + Int(node.count)]))
        }
    }

    /// The string (or key) at `index`.
    public func string(at index: Int) -> String {
        withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the key or string at `index` is `key`.
    public func bytes(at index: Int, equal key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(nodes[index].count) == key.count else { return false }
        return withBytes(at: index) { bytes in
            bytes.elementsEqual(key)
        }
    }

    /// The value at `index` as a `JSONValue` tree.
    public func value(at index: Int) -> JSONValue {
        let node = nodes[index]
        switch node.kind {
        case .null: return .null
        case .bool: return .bool(node.flag)
        case .int: return .int(Int64(bitPattern: node.payload))
        case .double: return .double(Double(bitPattern: node.payload))
        case .string: return .string(string(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(node.count))
            var child = index + 1
            while child < Int(node.end) {
                elements.append(value(at: child))
                child = Int(nodes[child].end)
            }
            return .array(elements)
        case .object:
            var members = [String: JSONValue](minimumCapacity: Int(node.count))
            var key = index + 1
            while key < Int(node.end) {
                members[string(at: key)] = value(at: key + 1)
                key = Int(nodes[key + 1].end)
            }
            return .object(members)
        }
    }

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
