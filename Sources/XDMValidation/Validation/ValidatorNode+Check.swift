import BatchyardCore

extension ValidatorNode {
    /// Checks the value at `index` of `tape` against this field and applies AEP's conversion
    /// matrix (contract §5.3) in place; `false` when invalid (reasons in `sink`, and the tape then
    /// partly converted). `converted` becomes `true` when a value was replaced.
    ///
    /// The walk reads plain nodes: no value is copied, retained or allocated unless it is
    /// converted to a string.
    func check(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        switch kind {
        case .object: return checkObject(&tape, at: index, &sink, &converted)
        case .string: return checkStringTarget(&tape, at: index, &sink, &converted)
        case .integer: return checkIntegerTarget(&tape, at: index, &sink, &converted)
        case .number: return checkNumberTarget(&tape, at: index, &sink, &converted)
        case .dateTime: return checkDateTimeTarget(&tape, at: index, &sink, &converted)
        case .date: return checkDateTarget(&tape, at: index, &sink, &converted)
        case .boolean:
            if tape.kind(at: index) == .bool { return true }
            return refuse(tape, at: index, &sink)
        case .array: return checkArray(&tape, at: index, &sink, &converted)
        case .map: return checkMap(&tape, at: index, &sink, &converted)
        }
    }

    func refuse(_ tape: JSONTape, at index: Int, _ sink: inout ErrorSink) -> Bool {
        sink.add(.type, expected: typeName, found: Self.kindName(tape.kind(at: index)))
        return false
    }

    private func checkObject(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        guard tape.kind(at: index) == .object else { return refuse(tape, at: index, &sink) }
        var failed = false
        var requiredSeen = 0
        let end = tape.end(of: index)
        var key = index + 1
        while key < end {
            let member = key + 1
            let next = tape.end(of: member)
            defer { key = next }
            guard let position = tape.withBytes(at: key, { fieldTable.index(of: $0) }) else {
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
            if !childLinks[position].node.check(&tape, at: member, &sink, &converted) {
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
    private static func has(_ tape: JSONTape, object index: Int, key name: String) -> Bool {
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

    private func checkArray(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        guard tape.kind(at: index) == .array, let element else { return refuse(tape, at: index, &sink) }
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
        var item = index + 1
        var position = 0
        while item < end {
            let next = tape.end(of: item)
            if tape.kind(at: item) != .null {
                let mark = sink.mark
                if !element.check(&tape, at: item, &sink, &converted) {
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
            var items: [JSONValue] = []
            item = index + 1
            while item < end {
                items.append(tape.value(at: item))
                item = tape.end(of: item)
            }
            return checkUnique(items, &sink)
        }
        return true
    }

    private func checkMap(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        guard tape.kind(at: index) == .object, let element else { return refuse(tape, at: index, &sink) }
        var failed = false
        let end = tape.end(of: index)
        var key = index + 1
        while key < end {
            let member = key + 1
            let next = tape.end(of: member)
            if tape.kind(at: member) != .null {
                let mark = sink.mark
                if !element.check(&tape, at: member, &sink, &converted) {
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

    private func checkStringTarget(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        switch tape.kind(at: index) {
        case .string:
            let isASCII = tape.isASCII(at: index)
            return tape.withBytes(at: index) { checkString($0, isASCII: isASCII, &sink) }
        case .int:
            return convert(String(tape.int(at: index)), &tape, at: index, &sink, &converted)
        case .double:
            return convert(Self.text(of: tape.double(at: index)), &tape, at: index, &sink, &converted)
        default:
            return refuse(tape, at: index, &sink)
        }
    }

    /// A number converted to the string `text`: checked, then written in place.
    private func convert(
        _ text: String, _ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool
    ) -> Bool {
        var text = text
        guard text.withUTF8({ checkString($0, isASCII: true, &sink) }) else { return false }
        tape.setString(text, at: index)
        converted = true
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

    private func checkIntegerTarget(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
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
            guard let parsed = tape.withBytes(at: index, XDMTextChecks.parseInteger) else {
                sink.add(.conversion, expected: typeName, found: "string \(Self.quoted(tape, at: index))")
                return false
            }
            integer = parsed
        default:
            return refuse(tape, at: index, &sink)
        }
        guard checkInteger(integer, &sink) else { return false }
        tape.setInt(integer, at: index)
        converted = true
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

    private func checkNumberTarget(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        let number: Double
        switch tape.kind(at: index) {
        case .double:
            let double = tape.double(at: index)
            return !hasNumericRules || checkBounds(double, Self.text(of: double), &sink)
        case .int:
            number = Double(tape.int(at: index))
        case .string:
            guard let parsed = tape.withBytes(at: index, XDMTextChecks.parseDouble) else {
                sink.add(.conversion, expected: typeName, found: "string \(Self.quoted(tape, at: index))")
                return false
            }
            number = parsed
        default:
            return refuse(tape, at: index, &sink)
        }
        guard !hasNumericRules || checkBounds(number, Self.text(of: number), &sink) else { return false }
        tape.setDouble(number, at: index)
        converted = true
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

    private func checkDateTimeTarget(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        switch tape.kind(at: index) {
        case .int:
            return true
        case .string:
            guard let millis = tape.withBytes(at: index, XDMDateCodec.parseDateTime) else {
                sink.add(.format, expected: "ISO 8601 date-time", found: Self.quoted(tape, at: index), family: .typeCompatibility)
                return false
            }
            tape.setInt(millis, at: index)
            converted = true
            return true
        default:
            return refuse(tape, at: index, &sink)
        }
    }

    private func checkDateTarget(_ tape: inout JSONTape, at index: Int, _ sink: inout ErrorSink, _ converted: inout Bool) -> Bool {
        switch tape.kind(at: index) {
        case .int:
            tape.setString(XDMDateCodec.formatDate(epochMillis: tape.int(at: index)), at: index)
            converted = true
            return true
        case .string:
            if tape.withBytes(at: index, XDMDateCodec.parseDate) != nil { return true }
            if let millis = tape.withBytes(at: index, XDMDateCodec.parseDateTime) {
                tape.setString(XDMDateCodec.formatDate(epochMillis: millis), at: index)
                converted = true
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

    static func quoted(_ tape: JSONTape, at index: Int) -> String {
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
