extension JSONTape {
    /// Appends the compact JSON text of the value at `index` to `output`: exactly the bytes
    /// `value(at:).write(to:)` would write (keys sorted, the same number and escape forms), without
    /// building the value.
    public func write(at index: Int, to output: inout [UInt8]) {
        withView { $0.write(at: index, to: &output) }
    }

    /// The compact JSON text of the value at `index`.
    public func serialized(at index: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        write(at: index, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}

extension JSONTape.View {
    /// Appends the compact JSON text of the value at `index` to `output` (see `JSONTape.write`).
    public func write(at index: Int, to output: inout [UInt8]) {
        let node = nodes[index]
        switch node.kind {
        case .null: JSONValue.append("null", to: &output)
        case .bool: JSONValue.append(node.flag ? "true" : "false", to: &output)
        case .int: JSONValue.writeInteger(Int64(bitPattern: node.payload), to: &output)
        case .double: JSONValue.writeDouble(Double(bitPattern: node.payload), to: &output)
        case .string: JSONValue.writeString(bytes(at: index), to: &output)
        case .array:
            output.append(UInt8(ascii: "["))
            var child = index + 1
            while child < Int(node.end) {
                if child > index + 1 { output.append(UInt8(ascii: ",")) }
                write(at: child, to: &output)
                child = Int(nodes[child].end)
            }
            output.append(UInt8(ascii: "]"))
        case .object:
            output.append(UInt8(ascii: "{"))
            writeMembers(ofObjectAt: index, count: Int(node.count), to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Writes an object's members in key order.
    private func writeMembers(ofObjectAt index: Int, count: Int, to output: inout [UInt8]) {
        withSortedKeys(ofObjectAt: index) { order in
            for slot in order.indices {
                if slot > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.writeString(bytes(at: order[slot]), to: &output)
                output.append(UInt8(ascii: ":"))
                write(at: order[slot] + 1, to: &output)
            }
        }
    }

    /// Lends the key positions of the object at `index` sorted as `String`'s `<` orders the keys
    /// (the order `JSONValue` serializes and the lake writes map entries in). The positions are
    /// sorted (insertion sort in a stack buffer), nothing is copied.
    public func withSortedKeys<Result>(ofObjectAt index: Int, _ body: (UnsafeBufferPointer<Int>) throws -> Result) rethrows -> Result {
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, count(at: index))) { order in
            var filled = 0
            var key = index + 1
            let last = end(of: index)
            while key < last {
                var slot = filled
                while slot > 0, keyPrecedes(key, order[slot - 1]) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = key
                filled += 1
                key = end(of: key + 1)
            }
            return try body(UnsafeBufferPointer(rebasing: order[0..<filled]))
        }
    }

    /// Whether key `a` sorts before key `b` as `String`'s `<` orders them (`JSONValue` sorts with
    /// it): byte order for ASCII, `String` comparison (Unicode canonical order) otherwise.
    private func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
        if nodes[a].flag && nodes[b].flag {
            return bytes(at: a).lexicographicallyPrecedes(bytes(at: b))
        }
        return string(at: a) < string(at: b)
    }
}
