/// A strict RFC 8259 recursive-descent parser over borrowed bytes.
///
/// It reads straight from an `UnsafeRawBufferPointer` so a JSON Lines reader can hand it one line of a
/// larger buffer without copying. Nesting is bounded so hostile input cannot exhaust the stack.
struct JSONParser<Builder: JSONBuilder> {
    private let bytes: UnsafeRawBufferPointer
    private(set) var index: Int
    private let maxDepth: Int
    private var depth = 0
    /// Reused across escaped strings so decoding them allocates nothing per string.
    private var scratch: [UInt8] = []
    /// Keeps what has been parsed; callers take it back (a tape) after parsing.
    var builder: Builder

    init(bytes: UnsafeRawBufferPointer, startIndex: Int = 0, maxDepth: Int, builder: Builder) {
        self.bytes = bytes
        self.index = startIndex
        self.maxDepth = maxDepth
        self.builder = builder
    }

    /// Parses exactly one value surrounded by optional whitespace.
    mutating func parseDocument() throws(JSONParseError) -> Builder.Value {
        skipWhitespace()
        if index >= bytes.count {
            throw JSONParseError(.emptyInput, offset: index, message: "the input contains no JSON value.")
        }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw JSONParseError(
                .trailingCharacters, offset: index,
                message: "unexpected \(JSONParserText.describe(bytes[index])) after the end of the JSON value.")
        }
        return value
    }

    /// Parses one value after optional whitespace and stops right after it (for concatenated values).
    mutating func parsePrefix() throws(JSONParseError) -> Builder.Value {
        skipWhitespace()
        if index >= bytes.count {
            throw JSONParseError(.emptyInput, offset: index, message: "the input contains no JSON value.")
        }
        return try parseValue()
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(JSONParseError) -> Builder.Value {
        guard index < bytes.count else { throw endOfInput("a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return try parseString(isKey: false, object: nil)!
        case UInt8(ascii: "t"): try expectLiteral("true"); return builder.bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return builder.bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return builder.null()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case let byte: throw unexpected(byte, expected: "a JSON value")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        let pointer = literal.utf8Start
        for offset in 0..<count {
            guard index < bytes.count else { throw endOfInput("'\(literal)'") }
            guard bytes[index] == pointer[offset] else {
                throw JSONParseError(
                    .unexpectedCharacter, offset: start,
                    message: "invalid literal; expected '\(literal)' (JSON has no NaN, Infinity or bare words).")
            }
            index += 1
        }
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        if depth > maxDepth {
            throw JSONParseError(
                .nestingTooDeep, offset: index,
                message: "arrays and objects are nested more than \(maxDepth) levels deep.")
        }
    }

    private mutating func parseArray() throws(JSONParseError) -> Builder.Value {
        try enterContainer()
        index += 1
        var array = builder.beginArray()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return builder.endArray(array)
        }
        while true {
            skipWhitespace()
            let element = try parseValue()
            builder.element(element, in: &array)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("',' or ']' in an array") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return builder.endArray(array)
            case let byte: throw unexpected(byte, expected: "',' or ']' in an array")
            }
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> Builder.Value {
        try enterContainer()
        index += 1
        var object = builder.beginObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return builder.endObject(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("an object key") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw unexpected(bytes[index], expected: "a double-quoted object key")
            }
            _ = try parseString(isKey: true, object: &object)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("':' after an object key") }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw unexpected(bytes[index], expected: "':' after an object key")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            builder.member(value, in: &object)
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput("',' or '}' in an object") }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return builder.endObject(object)
            case let byte: throw unexpected(byte, expected: "',' or '}' in an object")
            }
        }
    }

    // MARK: Strings

    /// Parses a string starting at the opening quote and hands its decoded bytes to the builder:
    /// as the next key of `object` (`isKey`, returns `nil`) or as a value.
    private mutating func parseString(
        isKey: Bool, object: UnsafeMutablePointer<Builder.ObjectState>?
    ) throws(JSONParseError) -> Builder.Value? {
        let start = index
        index += 1
        let contentStart = index
        var isASCII = true
        // Fast path: no escapes, so the string is the bytes between the quotes. Eight bytes at a
        // time while none of them is a quote, a backslash or a control character.
        while index &+ 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard !Self.needsAttention(word) else { break }
            if word & Self.highBits != 0 { isASCII = false }
            index &+= 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = UnsafeRawBufferPointer(rebasing: bytes[contentStart..<index]).bindMemory(to: UInt8.self)
                index += 1
                return try deliver(content, isASCII: isASCII, isKey: isKey, object: object, stringStart: start)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            if byte >= 0x80 { isASCII = false }
            index += 1
        }
        guard index < bytes.count else { throw endOfString(start) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let decoded = scratch
                return try decoded.withUnsafeBufferPointer { units throws(JSONParseError) in
                    try deliver(units, isASCII: isASCII, isKey: isKey, object: object, stringStart: start)
                }
            case UInt8(ascii: "\\"):
                try parseEscape(isASCII: &isASCII)
            case 0..<0x20:
                throw controlCharacter(byte)
            default:
                if byte >= 0x80 { isASCII = false }
                scratch.append(byte)
                index += 1
            }
        }
        throw endOfString(start)
    }

    private static var lowBits: UInt64 { 0x0101_0101_0101_0101 }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// Whether any byte of `word` is `"`, `\` or below 0x20 (the classic SWAR tests for a zero byte
    /// and for a byte less than n: exact about whether one exists, not about where).
    @inline(__always)
    private static func needsAttention(_ word: UInt64) -> Bool {
        let quote = word ^ (lowBits &* 0x22)
        let backslash = word ^ (lowBits &* 0x5C)
        let found = ((quote &- lowBits) & ~quote) | ((backslash &- lowBits) & ~backslash) | ((word &- lowBits &* 0x20) & ~word)
        return found & highBits != 0
    }

    private mutating func deliver(
        _ units: UnsafeBufferPointer<UInt8>, isASCII: Bool, isKey: Bool,
        object: UnsafeMutablePointer<Builder.ObjectState>?, stringStart: Int
    ) throws(JSONParseError) -> Builder.Value? {
        if isKey {
            guard builder.key(units, isASCII: isASCII, in: &object!.pointee) else { throw invalidUTF8(stringStart) }
            return nil
        }
        guard let value = builder.string(units, isASCII: isASCII) else { throw invalidUTF8(stringStart) }
        return value
    }

    /// Decodes one escape sequence starting at the backslash and appends its UTF-8 bytes to `scratch`.
    private mutating func parseEscape(isASCII: inout Bool) throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else { throw endOfInput("an escape sequence") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalarValue = UInt32(try parseHex4(escapeStart: escapeStart))
            if (0xDC00...0xDFFF).contains(scalarValue) {
                throw loneSurrogate(escapeStart)
            }
            if (0xD800...0xDBFF).contains(scalarValue) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else { throw loneSurrogate(escapeStart) }
                index += 2
                let low = UInt32(try parseHex4(escapeStart: index - 2))
                guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(escapeStart) }
                scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
            }
            // Every value left is a valid scalar: surrogates were handled above.
            let scalar = Unicode.Scalar(scalarValue)!
            if scalarValue >= 0x80 { isASCII = false }
            scratch.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw JSONParseError(
                .invalidEscape, offset: escapeStart,
                message: "invalid escape sequence '\\\(JSONParserText.printable(byte))' in a string.")
        }
    }

    private mutating func parseHex4(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput("four hex digits after '\\u'") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(
                    .invalidEscape, offset: escapeStart, message: "'\\u' must be followed by four hex digits.")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    // MARK: Numbers

    private mutating func parseNumber() throws(JSONParseError) -> Builder.Value {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw JSONParseError(.invalidNumber, offset: start, message: "a '-' must be followed by digits.")
        }
        // Accumulate negatively so Int64.min fits.
        var magnitude: Int64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw JSONParseError(.invalidNumber, offset: start, message: "numbers must not have leading zeros.")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = Int64(bytes[index] - UInt8(ascii: "0"))
                if !overflow {
                    let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(digit)
                    if o1 || o2 { overflow = true } else { magnitude = next }
                }
                index += 1
            }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONParseError(
                    .invalidNumber, offset: start, message: "a decimal point must be followed by digits.")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw JSONParseError(.invalidNumber, offset: start, message: "an exponent must have digits.")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger && !overflow {
            if negative { return builder.int(magnitude) }
            if magnitude != .min { return builder.int(-magnitude) }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let double = Double(text), double.isFinite else {
            throw JSONParseError(
                .numberOutOfRange, offset: start, message: "the number \(text) is too large to represent.")
        }
        return builder.double(double)
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    // MARK: Errors

    private func endOfInput(_ expected: String) -> JSONParseError {
        JSONParseError(.unexpectedEndOfInput, offset: index, message: "the input ended where \(expected) was expected.")
    }

    private func endOfString(_ start: Int) -> JSONParseError {
        JSONParseError(
            .unexpectedEndOfInput, offset: index, message: "the string starting at byte \(start) is not closed.")
    }

    private func unexpected(_ byte: UInt8, expected: String) -> JSONParseError {
        JSONParseError(
            .unexpectedCharacter, offset: index, message: "unexpected \(JSONParserText.describe(byte)); expected \(expected).")
    }

    private func controlCharacter(_ byte: UInt8) -> JSONParseError {
        JSONParseError(
            .controlCharacterInString, offset: index,
            message: "control character \(JSONParserText.describe(byte)) must be escaped inside a string.")
    }

    private func loneSurrogate(_ offset: Int) -> JSONParseError {
        JSONParseError(
            .invalidUnicodeEscape, offset: offset,
            message: "a '\\u' escape names a UTF-16 surrogate without its pair.")
    }

    private func invalidUTF8(_ offset: Int) -> JSONParseError {
        JSONParseError(.invalidUTF8, offset: offset, message: "the string is not valid UTF-8.")
    }
}

/// How the parser names bytes in its messages.
enum JSONParserText {
    static func printable(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(UnicodeScalar(byte)) : hex(byte)
    }

    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "character '\(UnicodeScalar(byte))'" : "byte \(hex(byte))"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
