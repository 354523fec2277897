/// Byte-level checks for string formats and numeric text, done without Foundation because they run
/// per field per record.
enum XDMTextChecks {
    /// Whether `string` satisfies `format`.
    static func conforms(_ string: String, to format: XDMStringFormat) -> Bool {
        var copy = string
        return copy.withUTF8 { conforms($0, to: format) }
    }

    /// Whether the UTF-8 `bytes` satisfy `format`.
    static func conforms(_ bytes: UnsafeBufferPointer<UInt8>, to format: XDMStringFormat) -> Bool {
        switch format {
        case .uri: return isURI(bytes, requireScheme: true)
        case .uriReference: return isURI(bytes, requireScheme: false)
        case .email: return isEmail(bytes)
        }
    }

    /// Bytes RFC 3986 never allows unescaped (controls, space, `"<>\\^`{|}` and DEL) as a 128-bit
    /// mask, written out so no lazy global initialisation runs per call.
    private static let forbiddenInURI = XDMSimplePattern.ByteSet(low: 0x5000_0005_FFFF_FFFF, high: 0xB800_0001_5000_0000)

    /// Bytes allowed in a URI scheme after its first letter: letters, digits, `+`, `-`, `.`.
    private static let schemeBytes = XDMSimplePattern.ByteSet(low: 0x03FF_6800_0000_0000, high: 0x07FF_FFFE_07FF_FFFE)

    /// RFC 3986 shape: `scheme ":" rest` (scheme = ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")) with no
    /// whitespace, control characters or characters RFC 3986 never allows unescaped.
    static func isURI(_ string: String, requireScheme: Bool) -> Bool {
        var copy = string
        return copy.withUTF8 { isURI($0, requireScheme: requireScheme) }
    }

    static func isURI(_ bytes: UnsafeBufferPointer<UInt8>, requireScheme: Bool) -> Bool {
        var invalid = false
        for byte in bytes { invalid = invalid || forbiddenInURI.contains(byte) }
        guard !invalid else { return false }
        guard requireScheme else { return true }
        guard let first = bytes.first, isAlpha(first) else { return false }
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: ":") { return true }
            if !schemeBytes.contains(byte) { return false }
        }
        return false
    }

    /// `local@domain`: one `@` (the last one), a non-empty local part without whitespace, and a
    /// domain of non-empty labels of letters, digits and hyphens (or a bracketed address literal).
    static func isEmail(_ string: String) -> Bool {
        var copy = string
        return copy.withUTF8 { isEmail($0) }
    }

    static func isEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var at = -1
        for index in bytes.indices.reversed() where bytes[index] == UInt8(ascii: "@") {
            at = index
            break
        }
        let domainLength = bytes.count - at - 1
        guard at > 0, at <= 64, domainLength > 0, domainLength <= 255 else { return false }
        for index in 0..<at where bytes[index] <= 0x20 || bytes[index] == 0x7F { return false }
        if bytes[at + 1] == UInt8(ascii: "["), bytes[bytes.count - 1] == UInt8(ascii: "]") { return domainLength > 2 }
        var labelLength = 0
        var previous = UInt8(ascii: ".")
        for index in (at + 1)..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                guard isAlpha(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte >= 0x80 else { return false }
                if labelLength == 0, byte == UInt8(ascii: "-") { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
            }
            previous = byte
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    /// An integer written as `[-+]digits`, or a decimal/exponent number with no fractional value
    /// (`"12.0"`, `"1e3"`); `nil` otherwise or when out of Int64.
    static func parseInteger(_ string: String) -> Int64? {
        var copy = string
        return copy.withUTF8 { parseInteger($0) }
    }

    static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        if let exact = parseDecimalInteger(bytes) { return exact }
        guard let double = parseDouble(bytes), double.rounded() == double else { return nil }
        return Int64(exactly: double)
    }

    /// `[-+]digits` in Int64 range, as `Int64(_: String)` reads it.
    private static func parseDecimalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !bytes.isEmpty else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative || bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(Int64(digit)) : times10.addingReportingOverflow(Int64(digit))
            guard !o1, !o2 else { return nil }
            value = next
            index += 1
        }
        return value
    }

    /// A finite JSON-style number (`-12`, `3.5`, `1e-3`; leading `+` allowed); no `nan`, `inf`,
    /// hexadecimal or whitespace, which `Double.init(_:)` would otherwise accept.
    static func parseDouble(_ string: String) -> Double? {
        var copy = string
        return copy.withUTF8 { parseDouble($0) }
    }

    static func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var sawDigit = false
        var index = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
            index += 1
        }
        guard sawDigit, index > 0, let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// The number of Unicode scalars, which is what JSON Schema's `minLength`/`maxLength` count.
    static func length(_ string: String) -> Int {
        var copy = string
        return copy.withUTF8 { length($0) }
    }

    static func length(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // Continuation bytes are not scalars.
        var continuation = 0
        for byte in bytes where byte & 0xC0 == 0x80 { continuation += 1 }
        return bytes.count - continuation
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
