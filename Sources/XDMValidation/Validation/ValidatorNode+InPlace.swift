import BatchyardCore

extension ValidatorNode {
    /// Checks `value` and applies conversions to it in place; `false` when invalid (reasons in
    /// `sink`, and `value` then partly converted).
    ///
    /// Containers are walked through `Dictionary.Values` and array subscripts, which hand out
    /// their elements in place: no element is copied, and when the caller owns the only reference
    /// to the record nothing is allocated either. When the record is shared, each container the
    /// walk enters is copied once (copy-on-write), so `check(_:_:)` is the better choice then.
    func checkInPlace(_ value: inout JSONValue, _ sink: inout ErrorSink) -> Bool {
        switch kind {
        case .object: return checkObjectInPlace(&value, &sink)
        case .array: return checkArrayInPlace(&value, &sink)
        case .map: return checkMapInPlace(&value, &sink)
        default:
            switch check(value, &sink) {
            case .same: return true
            case .replaced(let coerced):
                value = coerced
                return true
            case .failed: return false
            }
        }
    }

    /// How one member fared; nulls are told apart so the object can apply `required` without
    /// reading the member a second time.
    enum MemberOutcome {
        case valid, null, failed
    }

    /// `checkInPlace` for an object member or map value, which may be null.
    @inline(__always)
    func checkMemberInPlace(_ value: inout JSONValue, _ sink: inout ErrorSink) -> MemberOutcome {
        if case .null = value { return .null }
        return checkInPlace(&value, &sink) ? .valid : .failed
    }

    private func checkObjectInPlace(_ value: inout JSONValue, _ sink: inout ErrorSink) -> Bool {
        guard case .object(var members) = value else { return refuse(value, &sink).isValid }
        value = .null  // leaves `members` the only reference, so in-place updates do not copy
        defer { value = .object(members) }
        var failed = false
        var requiredSeen = 0
        var index = members.startIndex
        while index != members.endIndex {
            defer { members.formIndex(after: &index) }
            let key = members.keys[index]
            guard let position = field(named: key) else {
                sink.add(at: key, .additionalProperties, expected: "no field `\(key)`", found: Self.kindName(members.values[index]))
                failed = true
                continue
            }
            let mark = sink.mark
            switch childLinks[position].node.checkMemberInPlace(&members.values[index], &sink) {
            case .valid:
                if isRequired[position] { requiredSeen += 1 }
            case .null:
                if isRequired[position] {
                    sink.add(at: key, .required, expected: "a value", found: "null")
                    failed = true
                }
            case .failed:
                if isRequired[position] { requiredSeen += 1 }
                sink.prefix(from: mark, with: key)
                failed = true
                if sink.isFull { return false }
            }
        }
        if requiredSeen < requiredCount {
            for position in names.indices where isRequired[position] && members[names[position]] == nil {
                sink.add(at: names[position], .required, expected: children[position].typeName, found: "missing")
                failed = true
            }
        }
        return !failed
    }

    private func checkArrayInPlace(_ value: inout JSONValue, _ sink: inout ErrorSink) -> Bool {
        guard case .array(var items) = value, let element else { return refuse(value, &sink).isValid }
        value = .null
        defer { value = .array(items) }
        var failed = false
        if let minItems, items.count < minItems {
            sink.add(.minItems, expected: "at least \(minItems) items", found: "\(items.count)")
            failed = true
        }
        if let maxItems, items.count > maxItems {
            sink.add(.maxItems, expected: "at most \(maxItems) items", found: "\(items.count)")
            failed = true
        }
        for position in items.indices {
            if case .null = items[position] { continue }
            let mark = sink.mark
            if !element.checkInPlace(&items[position], &sink) {
                sink.prefix(from: mark, with: String(position))
                failed = true
                if sink.isFull { return false }
            }
        }
        return !failed && checkUnique(items, &sink)
    }

    private func checkMapInPlace(_ value: inout JSONValue, _ sink: inout ErrorSink) -> Bool {
        guard case .object(var members) = value, let element else { return refuse(value, &sink).isValid }
        value = .null
        defer { value = .object(members) }
        var failed = false
        var index = members.startIndex
        while index != members.endIndex {
            defer { members.formIndex(after: &index) }
            let mark = sink.mark
            if element.checkMemberInPlace(&members.values[index], &sink) == .failed {
                sink.prefix(from: mark, with: members.keys[index])
                failed = true
                if sink.isFull { return false }
            }
        }
        return !failed
    }
}

extension CheckOutcome {
    /// Whether the value was valid (converted or not).
    var isValid: Bool {
        if case .failed = self { return false }
        return true
    }
}
