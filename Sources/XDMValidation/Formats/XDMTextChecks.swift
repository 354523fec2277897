/// Byte-level checks for string formats and numeric text, done without Foundation because they run
/// per field per record.
enum XDMTextChecks {
    /// Whether `string` satisfies `format`.
    static func conforms(_ string: String, to format: XDMStringFormat) -> Bool {
        switch format {
        case .uri: return isURI(string, requireScheme: true)
        case .uriReference: return isURI(string, requireScheme: false)
        case .email: return isEmail(string)
        }
    }

    /// Bytes RFC 3986 never allows unescaped: controls, space, `"<>\\^`{|}` and DEL.
    private static let forbiddenInURI: XDMSimplePattern.ByteSet = {
        var set = XDMSimplePattern.ByteSet()
        set.insert(0...0x20)
        for byte in "\"<>\\^`{|}".utf8 { set.insert(byte) }
        set.insert(0x7F)
        return set
    }()

    /// Bytes allowed in a URI scheme after its first letter.
    private static let schemeBytes: XDMSimplePattern.ByteSet = {
        var set = XDMSimplePattern.ByteSet()
        set.insert(UInt8(ascii: "a")...UInt8(ascii: "z"))
        set.insert(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        set.insert(UInt8(ascii: "0")...UInt8(ascii: "9"))
        for byte in "+-.".utf8 { set.insert(byte) }
        return set
    }()

    /// RFC 3986 shape: `scheme ":" rest` (scheme = ALPHA *(ALPHA / DIGIT / "+" / "-" / ".")) with no
    /// whitespace, control characters or characters RFC 3986 never allows unescaped.
    static func isURI(_ string: String, requireScheme: Bool) -> Bool {
        var copy = string
        return copy.withUTF8 { bytes -> Bool in
            let forbidden = forbiddenInURI
            for byte in bytes where forbidden.contains(byte) { return false }
            guard requireScheme else { return true }
            guard let first = bytes.first, isAlpha(first) else { return false }
            let scheme = schemeBytes
            for byte in bytes.dropFirst() {
                if byte == UInt8(ascii: ":") { return true }
                if !scheme.contains(byte) { return false }
            }
            return false
        }
    }

    /// `local@domain`: one `@`, a non-empty local part without whitespace, and a domain of
    /// non-empty labels of letters, digits and hyphens (or a bracketed address literal).
    static func isEmail(_ string: String) -> Bool {
        let utf8 = string.utf8
        guard let at = utf8.lastIndex(of: UInt8(ascii: "@")) else { return false }
        let local = utf8[utf8.startIndex..<at]
        let domain = utf8[utf8.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, !domain.isEmpty, domain.count <= 255 else { return false }
        for byte in local where byte <= 0x20 || byte == 0x7F {
            return false
        }
        if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") { return domain.count > 2 }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in domain {
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
        if let exact = Int64(string) { return exact }
        guard let double = parseDouble(string), double.rounded() == double else { return nil }
        return Int64(exactly: double)
    }

    /// A finite JSON-style number (`-12`, `3.5`, `1e-3`; leading `+` allowed); no `nan`, `inf`,
    /// hexadecimal or whitespace, which `Double.init(_:)` would otherwise accept.
    static func parseDouble(_ string: String) -> Double? {
        var sawDigit = false
        var index = 0
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): break
            default: return nil
            }
            index += 1
        }
        guard sawDigit, index > 0, let value = Double(string), value.isFinite else { return nil }
        return value
    }

    /// The number of Unicode scalars, which is what JSON Schema's `minLength`/`maxLength` count.
    static func length(_ string: String) -> Int {
        let bytes = string.utf8.count
        // Continuation bytes are not scalars; scanning is only needed when the string is not ASCII.
        var continuation = 0
        for byte in string.utf8 where byte & 0xC0 == 0x80 { continuation += 1 }
        return bytes - continuation
    }

    private static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
