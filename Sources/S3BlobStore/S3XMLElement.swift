import Foundation

/// A parsed XML element of an S3 response body: its name, its text, and its child elements.
///
/// S3's responses (ListObjectsV2, InitiateMultipartUpload, CopyPartResult, Error) are small,
/// shallow documents, so a tree is the simplest thing to read them from. The parser is our own
/// (``S3XMLParser``): corelibs Foundation's XMLParser traps on some malformed input and is not
/// safe to run on two threads at once.
public struct S3XMLElement: Sendable, Hashable {
    public var name: String
    /// The concatenated character data directly inside the element (entities decoded).
    public var text: String
    public var children: [S3XMLElement]

    public init(name: String, text: String = "", children: [S3XMLElement] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child element named `name`.
    public func child(_ name: String) -> S3XMLElement? { children.first { $0.name == name } }

    /// The text of the first child named `name`.
    public func text(of name: String) -> String? { child(name)?.text }

    /// Parses a whole document; throws when it is not well-formed XML.
    public static func parse(_ data: Data) throws(S3ResponseError) -> S3XMLElement {
        var parser = S3XMLParser(bytes: Array(data))
        return try parser.document()
    }

    /// Escapes text for inclusion in an XML element (the request bodies Batchyard sends).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
