import BatchyardCore

/// The scalar targets of the conversion matrix (contract §5.3) and the rules on their values.
extension ValidatorNode {
    func checkStringTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
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

    func checkIntegerTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
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

    func checkNumberTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
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

    func checkDateTimeTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
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

    func checkDateTarget(_ tape: JSONTape.View, at index: Int, _ sink: inout ErrorSink, _ changes: inout [TapeChange]) -> Bool {
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
