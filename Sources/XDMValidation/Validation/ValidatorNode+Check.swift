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

    // MARK: Scalars

    private func checkStringTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        switch tape.kind(at: index) {
        case .string:
            return checkString(tape.bytes(at: index), isASCII: tape.isASCII(at: index), &sink)
        case .int:
            return convert(String(tape.int(at: index)), at: index, &sink, &changes)
        case .double:
            return convert(Self.text(of: tape.double(at: index)), at: index, &sink, &changes)
        default:
            return refuse(tape, at: index, &sink)
        }
    }

    /// A number converted to the string `text`: checked, then noted as a change.
    private func convert(_ text: String, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        var text = text
        guard text.withUTF8({ checkString($0, isASCII: true, &sink) }) else { return false }
        changes.append(.string(index, text))
        return true
    }

    private func checkString(_ bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, _ sink: inout ErrorSink) -> Bool {
        var valid = true
        if minLength != nil || maxLength != nil {
            let count = isASCII ? bytes.count : XDMTextChecks.length(bytes)
            if let minLength, count < minLength {
                sink.add(.minLength, expected: "at least \(minLength) characters", found: "\(count) characters")
                valid = false
            }
            if let maxLength, count > maxLength {
                sink.add(.maxLength, expected: "at most \(maxLength) characters", found: "\(count) characters")
                valid = false
            }
        }
        // Optional chaining reads the stored tables in place; `if let` would copy (and retain) them.
        if stringEnum?.contains(bytes) == false {
            sink.add(.enum, expected: "one of \(stringEnum!.strings)", found: Self.quoted(bytes))
            valid = false
        }
        if let format, !XDMTextChecks.conforms(bytes, to: format) {
            sink.add(.format, expected: format.rawValue, found: Self.quoted(bytes))
            valid = false
        }
        if pattern?.matches(bytes) == false {
            sink.add(.pattern, expected: "matching /\(pattern!.source)/", found: Self.quoted(bytes))
            valid = false
        }
        return valid
    }

    private func checkIntegerTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        let integer: Int64
        switch tape.kind(at: index) {
        case .int:
            return checkInteger(tape.int(at: index), &sink)
        case .double:
            let double = tape.double(at: index)
            guard double.rounded() == double, let exact = Int64(exactly: double) else {
                sink.add(.conversion, expected: typeName, found: "number \(Self.text(of: double))")
                return false
            }
            integer = exact
        case .string:
            guard let parsed = XDMTextChecks.parseInteger(tape.bytes(at: index)) else {
                sink.add(.conversion, expected: typeName, found: "string \(Self.quoted(tape, at: index))")
                return false
            }
            integer = parsed
        default:
            return refuse(tape, at: index, &sink)
        }
        guard checkInteger(integer, &sink) else { return false }
        changes.append(.int(index, integer))
        return true
    }

    private func checkInteger(_ integer: Int64, _ sink: inout ErrorSink) -> Bool {
        let range = width.range
        guard range.contains(integer) else {
            sink.add(.range, expected: "\(typeName) in \(range.lowerBound)...\(range.upperBound)", found: String(integer))
            return false
        }
        return !hasNumericRules || checkBounds(Double(integer), String(integer), &sink)
    }

    private func checkNumberTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        let number: Double
        switch tape.kind(at: index) {
        case .double:
            let double = tape.double(at: index)
            return !hasNumericRules || checkBounds(double, Self.text(of: double), &sink)
        case .int:
            number = Double(tape.int(at: index))
        case .string:
            guard let parsed = XDMTextChecks.parseDouble(tape.bytes(at: index)) else {
                sink.add(.conversion, expected: typeName, found: "string \(Self.quoted(tape, at: index))")
                return false
            }
            number = parsed
        default:
            return refuse(tape, at: index, &sink)
        }
        guard !hasNumericRules || checkBounds(number, Self.text(of: number), &sink) else { return false }
        changes.append(.double(index, number))
        return true
    }
    private func checkBounds(_ number: Double, _ text: @autoclosure () -> String, _ sink: inout ErrorSink) -> Bool {
        var valid = true
        if let minimum = rules.minimum, number < minimum {
            sink.add(.minimum, expected: ">= \(Self.text(of: minimum))", found: text())
            valid = false
        }
        if let maximum = rules.maximum, number > maximum {
            sink.add(.maximum, expected: "<= \(Self.text(of: maximum))", found: text())
            valid = false
        }
        if let bound = rules.exclusiveMinimum, number <= bound {
            sink.add(.exclusiveMinimum, expected: "> \(Self.text(of: bound))", found: text())
            valid = false
        }
        if let bound = rules.exclusiveMaximum, number >= bound {
            sink.add(.exclusiveMaximum, expected: "< \(Self.text(of: bound))", found: text())
            valid = false
        }
        if let numberEnum, !numberEnum.contains(number) {
            sink.add(.enum, expected: "one of \(numberEnum.sorted().map(Self.text(of:)))", found: text())
            valid = false
        }
        return valid
    }

    private func checkDateTimeTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        switch tape.kind(at: index) {
        case .int:
            return true
        case .string:
            guard let millis = XDMDateCodec.parseDateTime(tape.bytes(at: index)) else {
                sink.add(.format, expected: "ISO 8601 date-time", found: Self.quoted(tape, at: index), family: .typeCompatibility)
                return false
            }
            changes.append(.int(index, millis))
            return true
        default:
            return refuse(tape, at: index, &sink)
        }
    }

    private func checkDateTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
        switch tape.kind(at: index) {
        case .int:
            changes.append(.string(index, XDMDateCodec.formatDate(epochMillis: tape.int(at: index))))
            return true
        case .string:
            if XDMDateCodec.parseDate(tape.bytes(at: index)) != nil { return true }
            if let millis = XDMDateCodec.parseDateTime(tape.bytes(at: index)) {
                changes.append(.string(index, XDMDateCodec.formatDate(epochMillis: millis)))
                return true
            }
            sink.add(.format, expected: "ISO 8601 date", found: Self.quoted(tape, at: index), family: .typeCompatibility)
            return false
        default:
            return refuse(tape, at: index, &sink)
        }
    }

    // MARK: Messages

    static func kindName(_ kind: JSONTape.Kind) -> String {
        switch kind {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func quoted(_ tape: JSONTape.View, at index: Int) -> String {
        quoted(tape.string(at: index))
    }

    static func quoted(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quoted(String(decoding: bytes, as: UTF8.self))
    }

    static func quoted(_ string: String) -> String {
        let shown = string.count > 64 ? String(string.prefix(61)) + "..." : string
        return "\"" + shown + "\""
    }

    /// Integral doubles print without `.0` in messages and in number → string conversion, so that
    /// `12.0` and `12` convert to the same string.
    static func text(of double: Double) -> String {
        if double.rounded() == double, let exact = Int64(exactly: double) { return String(exact) }
        return String(double)
    }
}
