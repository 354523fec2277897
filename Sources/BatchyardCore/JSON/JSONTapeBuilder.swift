/// Builds a `JSONTape` for `JSONParser`: nodes are appended as the parser meets them and each
/// container's count and end are filled in when it closes.
struct JSONTapeBuilder: JSONBuilder {
    var tape: JSONTape

    struct ContainerState {
        let index: Int
        var count = 0
    }

    mutating func null() { tape.appendScalar(.null, flag: false, payload: 0) }
    mutating func bool(_ value: Bool) { tape.appendScalar(.bool, flag: value, payload: 0) }
    mutating func int(_ value: Int64) { tape.appendScalar(.int, flag: false, payload: UInt64(bitPattern: value)) }
    mutating func double(_ value: Double) { tape.appendScalar(.double, flag: false, payload: value.bitPattern) }

    mutating func string(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> Void? {
        guard isASCII || UTF8Validation.isValid(units) else { return nil }
        tape.appendString(units, isASCII: isASCII)
        return ()
    }

    mutating func beginArray() -> ContainerState {
        let index = tape.nodes.count
        tape.appendScalar(.array, flag: false, payload: 0)
        return ContainerState(index: index)
    }

    func element(_ value: Void, in array: inout ContainerState) { array.count += 1 }
    mutating func endArray(_ array: ContainerState) { tape.close(array.index, count: array.count) }

    mutating func beginObject() -> ContainerState {
        let index = tape.nodes.count
        tape.appendScalar(.object, flag: false, payload: 0)
        return ContainerState(index: index)
    }

    mutating func key(_ units: UnsafeBufferPointer<UInt8>, isASCII: Bool, in object: inout ContainerState) -> Bool {
        string(units, isASCII: isASCII) != nil
    }

    func member(_ value: Void, in object: inout ContainerState) { object.count += 1 }

    mutating func endObject(_ object: ContainerState) {
        var count = object.count
        if count > 1 { count -= tape.removeRepeatedKeys(ofObjectAt: object.index, count: count) }
        tape.close(object.index, count: count)
    }
}

extension JSONTape {
    /// Parses one strict RFC 8259 document from `buffer` and appends it; returns its index.
    ///
    /// Accepts and refuses exactly what `JSONValue(parsing:)` does, with the same errors. On a
    /// failure the tape is left as it was.
    @discardableResult
    public mutating func append(
        parsing buffer: UnsafeRawBufferPointer, maxDepth: Int = JSONValue.defaultMaxParseDepth
    ) throws(JSONParseError) -> Int {
        let root = nodes.count
        let textCount = text.count
        // The builder takes the storage while parsing, so appending never copies it.
        var parser = JSONParser(bytes: buffer, maxDepth: maxDepth, builder: JSONTapeBuilder(tape: self))
        self = JSONTape()
        do {
            try parser.parseDocument()
            self = parser.builder.tape
        } catch {
            self = parser.builder.tape
            nodes.removeSubrange(root...)
            text.removeSubrange(textCount...)
            throw error
        }
        if nodes.count > Int(UInt32.max) {
            nodes.removeSubrange(root...)
            text.removeSubrange(textCount...)
            throw JSONParseError(.nestingTooDeep, offset: 0, message: "the document has too many values for one tape.")
        }
        return root
    }

    /// Removes the earlier of any two members with the same key from the (just closed) object at
    /// `index`; returns how many were removed. Repeats are rare, so finding one may be slow; wide
    /// objects first check key hashes, so that a thousand distinct keys do not cost a million
    /// comparisons.
    mutating func removeRepeatedKeys(ofObjectAt index: Int, count: Int) -> Int {
        if count > 32, !mayRepeatKeys(ofObjectAt: index) { return 0 }
        var removed = 0
        var key = index + 1
        while key < nodes.count {
            let next = Int(nodes[key + 1].end)
            var later = next
            var repeated = false
            while later < nodes.count {
                if withView({ $0.bytes(at: key, equal: $0.bytes(at: later)) }) {
                    repeated = true
                    break
                }
                later = Int(nodes[later + 1].end)
            }
            if repeated {
                let length = next - key
                nodes.removeSubrange(key..<next)
                for position in key..<nodes.count { nodes[position].end -= UInt32(length) }
                removed += 1
            } else {
                key = next
            }
        }
        return removed
    }

    /// `false` when the keys of the object at `index` are certainly all different (their hashes
    /// are); `true` when two may be the same.
    private func mayRepeatKeys(ofObjectAt index: Int) -> Bool {
        withView { view in
            var hashes = Set<Int>()
            var key = index + 1
            while key < nodes.count {
                guard hashes.insert(JSONKeyTable.hash(view.bytes(at: key))).inserted else { return true }
                key = view.end(of: key + 1)
            }
            return false
        }
    }
}
