/// An RFC 6901 JSON Pointer such as `/tags/acp_producer/0`: the address JSON Patch operations use.
///
/// Reference tokens are kept unescaped (`~1` → `/`, `~0` → `~`); `description` escapes them again.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first; empty for the whole document.
    public var tokens: [String]

    /// A pointer from already-unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the textual form: `""` is the whole document, anything else starts with `/`.
    public init(_ text: String) throws(JSONPointerError) {
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw JSONPointerError(pointer: text, message: "a JSON Pointer must be empty or start with '/'.")
        }
        var tokens: [String] = []
        for raw in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            tokens.append(try Self.unescape(raw, pointer: text))
        }
        self.tokens = tokens
    }

    /// Whether this pointer addresses the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    /// The pointer to the container of the addressed location; `nil` for the root.
    public var parent: JSONPointer? {
        isRoot ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// Whether `other` lies strictly inside the location this pointer addresses.
    public func isProperPrefix(of other: JSONPointer) -> Bool {
        tokens.count < other.tokens.count && Array(other.tokens.prefix(tokens.count)) == tokens
    }

    /// The value at this location in `document`, or `nil` when nothing is there.
    public func value(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let position = Self.arrayIndex(token), position < elements.count else { return nil }
                current = elements[position]
            default:
                return nil
            }
        }
        return current
    }

    /// The escaped textual form, e.g. `/a~1b/m~0n`.
    public var description: String {
        tokens.map { "/" + $0.replacingTokenEscapes() }.joined()
    }

    /// The array index a token names, or `nil` when it is not a canonical non-negative integer
    /// (RFC 6901 forbids leading zeros, so `01` is not an index).
    public static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if first == UInt8(ascii: "0") && utf8.count > 1 { return nil }
        return Int(token)
    }

    private static func unescape(_ raw: Substring.UTF8View.SubSequence, pointer: String) throws(JSONPointerError) -> String {
        guard raw.contains(UInt8(ascii: "~")) else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        var iterator = raw.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "0"): bytes.append(UInt8(ascii: "~"))
            case UInt8(ascii: "1"): bytes.append(UInt8(ascii: "/"))
            default:
                throw JSONPointerError(pointer: pointer, message: "'~' must be followed by '0' or '1' in a JSON Pointer.")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingTokenEscapes() -> String {
        guard contains("~") || contains("/") else { return self }
        var result = ""
        for character in self {
            switch character {
            case "~": result += "~0"
            case "/": result += "~1"
            default: result.append(character)
            }
        }
        return result
    }
}
