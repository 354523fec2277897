import BatchyardCore

extension ValidatorNode {
    /// Checks the value at `index` of `tape` against this field and works out AEP's conversions
    /// (contract §5.3) into `changes`; `false` when invalid (reasons in `sink`).
    ///
    /// The walk reads plain nodes through pointers: no value is copied, retained or allocated
    /// unless it is converted. Conversions are applied after the walk, and only to valid records.
    func check(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        switch kind {
        case .object: return checkObject(tape, at: index, &sink, &changes)
        case .string: return checkStringTarget(tape, at: index, &sink, &changes)
        case .integer: return checkIntegerTarget(tape, at: index, &sink, &changes)
        case .number: return checkNumberTarget(tape, at: index, &sink, &changes)
        case .dateTime: return checkDateTimeTarget(tape, at: index, &sink, &changes)
        case .date: return checkDateTarget(tape, at: index, &sink, &changes)
        case .boolean:
            if tape.kind(at: index) == .bool { return true }
            return refuse(tape, at: index, &sink)
        case .array: return checkArray(tape, at: index, &sink, &changes)
        case .map: return checkMap(tape, at: index, &sink, &changes)
        }
    }

    func refuse(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink) -> Bool {
        sink.add(.type, expected: typeName, found: Self.kindName(tape.kind(at: index)))
        return false
    }

    private func checkObject(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        guard tape.kind(at: index) == .object else { return refuse(tape, at: index, &sink) }
        var failed = false
        var requiredSeen = 0
        let end = tape.end(of: index)
        var key = index + 1
        while key < end {
            let member = key + 1
            let next = tape.end(of: member)
            defer { key = next }
            guard let position = fieldTable.index(of: tape.bytes(at: key)) else {
                sink.add(
                    at: tape.string(at: key), .additionalProperties, expected: "no field `\(tape.string(at: key))`",
                    found: Self.kindName(tape.kind(at: member)))
                failed = true
                continue
            }
            if tape.kind(at: member) == .null {
                if isRequired[position] {
                    sink.add(at: tape.string(at: key), .required, expected: "a value", found: "null")
                    failed = true
                }
                continue
            }
            if isRequired[position] { requiredSeen += 1 }
            let mark = sink.mark
            if !childLinks[position].check(tape, at: member, &sink, &changes) {
                sink.prefix(from: mark, with: tape.string(at: key))
                failed = true
                if sink.isFull { return false }
            }
        }
        if requiredSeen < requiredCount {
            for position in names.indices where isRequired[position] && !Self.has(tape, object: index, key: names[position]) {
                sink.add(at: names[position], .required, expected: children[position].typeName, found: "missing")
                failed = true
            }
        }
        return !failed
    }

    /// Whether the object at `index` has a member named `key` (null or not).
    private static func has(_ tape: JSONTape.View, object index: Int, key name: String) -> Bool {
        var name = name
        return name.withUTF8 { wanted in
            var key = index + 1
            while key < tape.end(of: index) {
                if tape.bytes(at: key, equal: wanted) { return true }
                key = tape.end(of: key + 1)
            }
            return false
        }
    }

    private func checkArray(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        guard tape.kind(at: index) == .array, let element = elementLink else { return refuse(tape, at: index, &sink) }
        var failed = false
        let count = tape.count(at: index)
        if let minItems, count < minItems {
            sink.add(.minItems, expected: "at least \(minItems) items", found: "\(count)")
            failed = true
        }
        if let maxItems, count > maxItems {
            sink.add(.maxItems, expected: "at most \(maxItems) items", found: "\(count)")
            failed = true
        }
        let end = tape.end(of: index)
        let firstChange = changes.count
        var item = index + 1
        var position = 0
        while item < end {
            let next = tape.end(of: item)
            if tape.kind(at: item) != .null {
                let mark = sink.mark
                if !element.check(tape, at: item, &sink, &changes) {
                    sink.prefix(from: mark, with: String(position))
                    failed = true
                    if sink.isFull { return false }
                }
            }
            item = next
            position += 1
        }
        if failed { return false }
        if uniqueItems, count > 1 {
            // Items are compared as converted (`[1, "1"]` into integers repeats).
            var converted: [Int: JSONValue] = [:]
            for change in changes[firstChange...] {
                switch change {
                case .int(let at, let number): converted[at] = .int(number)
                case .double(let at, let number): converted[at] = .double(number)
                case .string(let at, let string): converted[at] = .string(string)
                }
            }
            var items: [JSONValue] = []
            item = index + 1
            while item < end {
                items.append(Self.value(tape, at: item, converted))
                item = tape.end(of: item)
            }
            return checkUnique(items, &sink)
        }
        return true
    }

    /// The value at `index` with the conversions in `converted` (by node index) applied.
    private static func value(_ tape: JSONTape.View, at index: Int, _ converted: [Int: JSONValue]) -> JSONValue {
        if let value = converted[index] { return value }
        switch tape.kind(at: index) {
        case .array:
            var elements: [JSONValue] = []
            var child = index + 1
            while child < tape.end(of: index) {
                elements.append(value(tape, at: child, converted))
                child = tape.end(of: child)
            }
            return .array(elements)
        case .object:
            var members: [String: JSONValue] = [:]
            var key = index + 1
            while key < tape.end(of: index) {
                members[tape.string(at: key)] = value(tape, at: key + 1, converted)
                key = tape.end(of: key + 1)
            }
            return .object(members)
        default:
            return tape.value(at: index)
        }
    }

    private func checkMap(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        guard tape.kind(at: index) == .object, let element = elementLink else { return refuse(tape, at: index, &sink) }
        var failed = false
        let end = tape.end(of: index)
        var key = index + 1
        while key < end {
            let member = key + 1
            let next = tape.end(of: member)
            if tape.kind(at: member) != .null {
                let mark = sink.mark
                if !element.check(tape, at: member, &sink, &changes) {
                    sink.prefix(from: mark, with: tape.string(at: key))
                    failed = true
                    if sink.isFull { return false }
                }
            }
            key = next
        }
        return !failed
    }
}
