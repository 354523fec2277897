extension JSONTape {
    /// Appends the compact JSON text of the value at `index` to `output`: exactly the bytes
    /// `value(at:).write(to:)` would write (keys sorted, the same number and escape forms), without
    /// building the value.
    public func write(at index: Int, to output: inout [UInt8]) {
        let node = nodes[index]
        switch node.kind {
        case .null: JSONValue.append("null", to: &output)
        case .bool: JSONValue.append(node.flag ? "true" : "false", to: &output)
        case .int: JSONValue.writeInteger(Int64(bitPattern: node.payload), to: &output)
        case .double: JSONValue.writeDouble(Double(bitPattern: node.payload), to: &output)
        case .string: withBytes(at: index) { JSONValue.writeString($0, to: &output) }
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

    /// The compact JSON text of the value at `index`.
    public func serialized(at index: Int) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        write(at: index, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes an object's members in key order: their key positions are sorted (insertion sort in
    /// a stack buffer), nothing is copied.
    private func writeMembers(ofObjectAt index: Int, count: Int, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, count)) { order in
            var filled = 0
            var key = index + 1
            let end = Int(nodes[index].end)
            while key < end {
                var slot = filled
                while slot > 0, keyPrecedes(key, order[slot - 1]) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = key
                filled += 1
                key = Int(nodes[key + 1].end)
            }
            for slot in 0..<filled {
                if slot > 0 { output.append(UInt8(ascii: ",")) }
                withBytes(at: order[slot]) { JSONValue.writeString($0, to: &output) }
                output.append(UInt8(ascii: ":"))
                write(at: order[slot] + 1, to: &output)
            }
        }
    }

    /// Whether key `a` sorts before key `b` as `String`'s `<` orders them (`JSONValue` sorts with
    /// it): byte order for ASCII, `String` comparison (Unicode canonical order) otherwise.
    private func keyPrecedes(_ a: Int, _ b: Int) -> Bool {
        if nodes[a].flag && nodes[b].flag {
            return withBytes(at: a) { left in
                withBytes(at: b) { right in left.lexicographicallyPrecedes(right) }
            }
        }
        return string(at: a) < string(at: b)
    }
}
