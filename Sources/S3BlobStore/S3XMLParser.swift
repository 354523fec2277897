/// A small non-validating XML parser for S3's answers: elements, attributes (skipped), text,
/// the five predefined entities and character references, CDATA, comments, processing
/// instructions and a DOCTYPE (skipped). It checks that tags nest and match and that there is one
/// root, and never recurses, so hostile input can neither crash it nor exhaust the stack.
struct S3XMLParser {
    private let bytes: [UInt8]
    private var position = 0
    /// Deeper documents are refused; S3's have three or four levels.
    static let maximumDepth = 256

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(S3ResponseError) -> S3XMLElement {
        var stack: [(element: S3XMLElement, text: [UInt8])] = []
        var root: S3XMLElement?
        while position < bytes.count {
            if bytes[position] != UInt8(ascii: "<") {
                let text = try readText()
                if stack.isEmpty {
                    guard text.allSatisfy(Self.isSpace) else { throw fail("text outside the root element") }
                } else {
                    stack[stack.count - 1].text += text
                }
                continue
            }
            if starts(with: "<?") {
                try skip(past: "?>")
            } else if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                position += 9
                let start = position
                try skip(past: "]]>")
                guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
                stack[stack.count - 1].text += bytes[start..<(position - 3)]
            } else if starts(with: "<!") {
                guard stack.isEmpty, root == nil else { throw fail("a declaration inside the document") }
                try skipDeclaration()
            } else if starts(with: "</") {
                position += 2
                let name = try readName()
                skipSpaces()
                try expect(UInt8(ascii: ">"))
                guard let open = stack.popLast(), open.element.name == name else {
                    throw fail("the end tag </\(name)> does not match")
                }
                var element = open.element
                element.text = String(decoding: open.text, as: UTF8.self)
                if stack.isEmpty {
                    root = element
                } else {
                    stack[stack.count - 1].element.children.append(element)
                }
            } else {
                position += 1
                let name = try readName()
                guard root == nil else { throw fail("a second root element <\(name)>") }
                let selfClosing = try skipAttributes()
                let element = S3XMLElement(name: name)
                if selfClosing {
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].element.children.append(element) }
                } else {
                    guard stack.count < Self.maximumDepth else { throw fail("elements nested too deeply") }
                    stack.append((element, []))
                }
            }
        }
        guard stack.isEmpty else { throw fail("<\(stack.last!.element.name)> is not closed") }
        guard let root else { throw fail("no root element") }
        return root
    }

    // MARK: Pieces

    private func fail(_ reason: String) -> S3ResponseError {
        .malformed("the response is not well-formed XML (\(reason) at byte \(position))")
    }

    private func starts(with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for index in 0..<count where bytes[position + index] != pattern[index] { return false }
            return true
        }
    }

    private mutating func skip(past terminator: StaticString) throws(S3ResponseError) {
        while position < bytes.count {
            if starts(with: terminator) {
                position += terminator.utf8CodeUnitCount
                return
            }
            position += 1
        }
        throw fail("missing \(terminator)")
    }

    /// `<!DOCTYPE …>` with an optional internal subset in brackets.
    private mutating func skipDeclaration() throws(S3ResponseError) {
        var brackets = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "["): brackets += 1
            case UInt8(ascii: "]"): brackets -= 1
            case UInt8(ascii: ">") where brackets <= 0:
                position += 1
                return
            default: break
            }
            position += 1
        }
        throw fail("an unterminated declaration")
    }

    private mutating func expect(_ byte: UInt8) throws(S3ResponseError) {
        guard position < bytes.count, bytes[position] == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func skipSpaces() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    private mutating func readName() throws(S3ResponseError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
                || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            {
                break
            }
            position += 1
        }
        guard position > start else { throw fail("a missing name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Skips `name="value"` pairs up to `>` or `/>`; returns whether the tag closed itself.
    private mutating func skipAttributes() throws(S3ResponseError) -> Bool {
        while true {
            skipSpaces()
            guard position < bytes.count else { throw fail("an unterminated tag") }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return false
            }
            if starts(with: "/>") {
                position += 2
                return true
            }
            _ = try readName()
            skipSpaces()
            try expect(UInt8(ascii: "="))
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
            else { throw fail("an unquoted attribute value") }
            let quote = bytes[position]
            position += 1
            while position < bytes.count, bytes[position] != quote {
                guard bytes[position] != UInt8(ascii: "<") else { throw fail("'<' in an attribute value") }
                position += 1
            }
            try expect(quote)
        }
    }

    /// Character data up to the next `<`, with entities and character references decoded.
    private mutating func readText() throws(S3ResponseError) -> [UInt8] {
        var out: [UInt8] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") {
            guard bytes[position] == UInt8(ascii: "&") else {
                out.append(bytes[position])
                position += 1
                continue
            }
            let start = position + 1
            guard let end = bytes[start..<min(bytes.count, start + 12)].firstIndex(of: UInt8(ascii: ";")) else {
                throw fail("an unterminated entity")
            }
            let name = String(decoding: bytes[start..<end], as: UTF8.self)
            position = end + 1
            switch name {
            case "amp": out.append(UInt8(ascii: "&"))
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let value: UInt32?
                if name.hasPrefix("#x") {
                    value = UInt32(name.dropFirst(2), radix: 16)
                } else if name.hasPrefix("#") {
                    value = UInt32(name.dropFirst(1), radix: 10)
                } else {
                    value = nil
                }
                guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
                    throw fail("an unknown entity &\(name);")
                }
                out += Array(String(scalar).utf8)
            }
        }
        return out
    }
}
