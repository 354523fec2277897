#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension JSONTape {
    /// A read-only view of a tape's storage, for the loops that visit every value (validation,
    /// lake columns, serialization): plain pointers, so walking it retains and copies nothing.
    /// Valid only inside `withView(_:)`.
    public struct View {
        @usableFromInline let nodes: UnsafeBufferPointer<Node>
        @usableFromInline let text: UnsafeBufferPointer<UInt8>

        @inlinable
        init(nodes: UnsafeBufferPointer<Node>, text: UnsafeBufferPointer<UInt8>) {
            self.nodes = nodes
            self.text = text
        }

        @inlinable @inline(__always) public func kind(at index: Int) -> Kind { nodes[index].kind }
        @inlinable @inline(__always) public func bool(at index: Int) -> Bool { nodes[index].flag }
        @inlinable @inline(__always) public func int(at index: Int) -> Int64 { Int64(bitPattern: nodes[index].payload) }
        @inlinable @inline(__always) public func double(at index: Int) -> Double { Double(bitPattern: nodes[index].payload) }
        /// Elements of an array, members of an object.
        @inlinable @inline(__always) public func count(at index: Int) -> Int { Int(nodes[index].count) }
        /// The index after the last node of the value at `index`: its next sibling, if any.
        @inlinable @inline(__always) public func end(of index: Int) -> Int { Int(nodes[index].end) }
        /// Whether the string at `index` is all ASCII (its length in characters is its byte count).
        @inlinable @inline(__always) public func isASCII(at index: Int) -> Bool { nodes[index].flag }

        /// The UTF-8 bytes of the string (or key) at `index`.
        @inlinable @inline(__always)
        public func bytes(at index: Int) -> UnsafeBufferPointer<UInt8> {
            let node = nodes[index]
            return UnsafeBufferPointer(rebasing: text[Int(node.payload)..<Int(node.payload) + Int(node.count)])
        }

        /// Whether the key or string at `index` is `key`.
        @inlinable
        public func bytes(at index: Int, equal key: UnsafeBufferPointer<UInt8>) -> Bool {
            guard Int(nodes[index].count) == key.count else { return false }
            return key.isEmpty || memcmp(text.baseAddress! + Int(nodes[index].payload), key.baseAddress!, key.count) == 0
        }

        /// The string (or key) at `index`.
        public func string(at index: Int) -> String {
            String(decoding: bytes(at: index), as: UTF8.self)
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
                    child = end(of: child)
                }
                return .array(elements)
            case .object:
                var members = [String: JSONValue](minimumCapacity: Int(node.count))
                var key = index + 1
                while key < Int(node.end) {
                    members[string(at: key)] = value(at: key + 1)
                    key = end(of: key + 1)
                }
                return .object(members)
            }
        }
    }

    /// Lends a view of the tape.
    @inlinable
    public func withView<Result>(_ body: (View) throws -> Result) rethrows -> Result {
        try nodes.withUnsafeBufferPointer { nodes in
            try text.withUnsafeBufferPointer { text in try body(View(nodes: nodes, text: text)) }
        }
    }

    /// The string (or key) at `index`.
    public func string(at index: Int) -> String {
        withView { $0.string(at: index) }
    }

    /// Whether the key or string at `index` is `key`.
    public func bytes(at index: Int, equal key: UnsafeBufferPointer<UInt8>) -> Bool {
        withView { $0.bytes(at: index, equal: key) }
    }

    /// Lends the UTF-8 bytes of the string (or key) at `index`.
    public func withBytes<Result>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withView { try body($0.bytes(at: index)) }
    }

    /// The value at `index` as a `JSONValue` tree.
    public func value(at index: Int) -> JSONValue {
        withView { $0.value(at: index) }
    }
}
