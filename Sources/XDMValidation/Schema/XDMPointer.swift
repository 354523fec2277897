/// RFC 6901 JSON Pointer helpers shared by the resolver (for `$ref` fragments) and the validator
/// (for error paths).
enum XDMPointer {
    /// Escapes one reference token (`~` → `~0`, `/` → `~1`).
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
            return token
        }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// Splits a pointer (`/definitions/a~1b`) into unescaped tokens; `nil` if it does not start
    /// with `/` (the empty pointer is `[]`).
    static func tokens(_ pointer: Substring) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.first == "/" else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~").removingPercentEncodingIfNeeded
        }
    }
}

extension String {
    /// `$ref` fragments are URI fragments, so `%25`-style escapes may appear; decode the common
    /// ASCII ones without Foundation.
    fileprivate var removingPercentEncodingIfNeeded: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
