import BatchyardCore

extension ValidatorNode {
    /// Checks `value` against this field and applies AEP's conversion matrix (contract §5.3).
    func check(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        switch kind {
        case .object: return checkObject(value, &sink)
        case .string: return checkStringTarget(value, &sink)
        case .integer: return checkIntegerTarget(value, &sink)
        case .number: return checkNumberTarget(value, &sink)
        case .dateTime: return checkDateTimeTarget(value, &sink)
        case .date: return checkDateTarget(value, &sink)
        case .boolean:
            if case .bool = value { return .same }
            return refuse(value, &sink)
        case .array: return checkArray(value, &sink)
        case .map: return checkMap(value, &sink)
        }
    }

    func refuse(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        sink.add(.type, expected: typeName, found: Self.kindName(value))
        return .failed
    }

    private func checkObject(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        guard case .object(let members) = value else { return refuse(value, &sink) }
        var output: [String: JSONValue]? = nil
        var failed = false
        var requiredSeen = 0
        for (key, member) in members {
            guard let position = field(named: key) else {
                sink.add(at: key, .additionalProperties, expected: "no field `\(key)`", found: Self.kindName(member))
                failed = true
                continue
            }
            if case .null = member {
                if isRequired[position] {
                    sink.add(at: key, .required, expected: "a value", found: "null")
                    failed = true
                }
                continue
            }
            if isRequired[position] { requiredSeen += 1 }
            let mark = sink.mark
            switch childLinks[position].node.check(member, &sink) {
            case .same: break
            case .replaced(let coerced):
                if output == nil { output = members }
                output![key] = coerced
            case .failed:
                sink.prefix(from: mark, with: key)
                failed = true
                if sink.isFull { return .failed }
            }
        }
        if requiredSeen < requiredCount {
            for position in names.indices where isRequired[position] && members[names[position]] == nil {
                sink.add(at: names[position], .required, expected: children[position].typeName, found: "missing")
                failed = true
            }
        }
        if failed { return .failed }
        if let output { return .replaced(.object(output)) }
        return .same
    }

    private func checkArray(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        guard case .array(let items) = value, let element else { return refuse(value, &sink) }
        var failed = false
        if let minItems, items.count < minItems {
            sink.add(.minItems, expected: "at least \(minItems) items", found: "\(items.count)")
            failed = true
        }
        if let maxItems, items.count > maxItems {
            sink.add(.maxItems, expected: "at most \(maxItems) items", found: "\(items.count)")
            failed = true
        }
        var output: [JSONValue]? = nil
        for position in items.indices {
            if case .null = items[position] { continue }
            let mark = sink.mark
            switch element.check(items[position], &sink) {
            case .same: break
            case .replaced(let coerced):
                if output == nil { output = items }
                output![position] = coerced
            case .failed:
                sink.prefix(from: mark, with: String(position))
                failed = true
                if sink.isFull { return .failed }
            }
        }
        if failed || !checkUnique(output ?? items, &sink) { return .failed }
        if let output { return .replaced(.array(output)) }
        return .same
    }

    private func checkMap(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        guard case .object(let members) = value, let element else { return refuse(value, &sink) }
        var output: [String: JSONValue]? = nil
        var failed = false
        for (key, member) in members {
            if case .null = member { continue }
            let mark = sink.mark
            switch element.check(member, &sink) {
            case .same: break
            case .replaced(let coerced):
                if output == nil { output = members }
                output![key] = coerced
            case .failed:
                sink.prefix(from: mark, with: key)
                failed = true
                if sink.isFull { return .failed }
            }
        }
        if failed { return .failed }
        if let output { return .replaced(.object(output)) }
        return .same
    }

    // MARK: Scalars

    private func checkStringTarget(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        switch value {
        case .string(let string):
            return checkString(string, &sink) ? .same : .failed
        case .int(let int):
            let string = String(int)
            return checkString(string, &sink) ? .replaced(.string(string)) : .failed
        case .double(let double):
            let string = Self.text(of: double)
            return checkString(string, &sink) ? .replaced(.string(string)) : .failed
        default:
            return refuse(value, &sink)
        }
    }

    private func checkString(_ string: String, _ sink: inout ErrorSink) -> Bool {
        var valid = true
        if minLength != nil || maxLength != nil {
            let count = XDMTextChecks.length(string)
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
        if stringEnum?.contains(string) == false {
            sink.add(.enum, expected: "one of \(stringEnum!.strings)", found: Self.quoted(string))
            valid = false
        }
        if let format, !XDMTextChecks.conforms(string, to: format) {
            sink.add(.format, expected: format.rawValue, found: Self.quoted(string))
            valid = false
        }
        if pattern?.matches(string) == false {
            sink.add(.pattern, expected: "matching /\(pattern!.source)/", found: Self.quoted(string))
            valid = false
        }
        return valid
    }

    private func checkIntegerTarget(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        let integer: Int64
        switch value {
        case .int(let int):
            return checkInteger(int, &sink) ? .same : .failed
        case .double(let double):
            guard double.rounded() == double, let exact = Int64(exactly: double) else {
                sink.add(.conversion, expected: typeName, found: "number \(Self.text(of: double))")
                return .failed
            }
            integer = exact
        case .string(let string):
            guard let parsed = XDMTextChecks.parseInteger(string) else {
                sink.add(.conversion, expected: typeName, found: "string \(Self.quoted(string))")
                return .failed
            }
            integer = parsed
        default:
            return refuse(value, &sink)
        }
        return checkInteger(integer, &sink) ? .replaced(.int(integer)) : .failed
    }

    private func checkInteger(_ integer: Int64, _ sink: inout ErrorSink) -> Bool {
        let range = width.range
        guard range.contains(integer) else {
            sink.add(.range, expected: "\(typeName) in \(range.lowerBound)...\(range.upperBound)", found: String(integer))
            return false
        }
        return !hasNumericRules || checkBounds(Double(integer), String(integer), &sink)
    }

    private func checkNumberTarget(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        let number: Double
        switch value {
        case .double(let double):
            return !hasNumericRules || checkBounds(double, Self.text(of: double), &sink) ? .same : .failed
        case .int(let int):
            number = Double(int)
        case .string(let string):
            guard let parsed = XDMTextChecks.parseDouble(string) else {
                sink.add(.conversion, expected: typeName, found: "string \(Self.quoted(string))")
                return .failed
            }
            number = parsed
        default:
            return refuse(value, &sink)
        }
        return !hasNumericRules || checkBounds(number, Self.text(of: number), &sink) ? .replaced(.double(number)) : .failed
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

    private func checkDateTimeTarget(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        switch value {
        case .int:
            return .same
        case .string(let string):
            guard let millis = XDMDateCodec.parseDateTime(string) else {
                sink.add(.format, expected: "ISO 8601 date-time", found: Self.quoted(string), family: .typeCompatibility)
                return .failed
            }
            return .replaced(.int(millis))
        default:
            return refuse(value, &sink)
        }
    }

    private func checkDateTarget(_ value: JSONValue, _ sink: inout ErrorSink) -> CheckOutcome {
        switch value {
        case .int(let millis):
            return .replaced(.string(XDMDateCodec.formatDate(epochMillis: millis)))
        case .string(let string):
            if XDMDateCodec.parseDate(string) != nil { return .same }
            if let millis = XDMDateCodec.parseDateTime(string) {
                return .replaced(.string(XDMDateCodec.formatDate(epochMillis: millis)))
            }
            sink.add(.format, expected: "ISO 8601 date", found: Self.quoted(string), family: .typeCompatibility)
            return .failed
        default:
            return refuse(value, &sink)
        }
    }

    // MARK: Messages

    static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
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
