import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element of an S3 response body: its name, its text, and its child elements.
///
/// S3's responses (ListObjectsV2, InitiateMultipartUpload, CopyPartResult, Error) are small,
/// shallow documents, so a tree is the simplest thing to read them from.
public struct S3XMLElement: Sendable, Hashable {
    public var name: String
    /// The concatenated character data directly inside the element.
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
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), let root = builder.root else {
            throw S3ResponseError.malformed("the response is not well-formed XML")
        }
        return root
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

/// Collects XMLParser's events into a tree. Used by one parse call on one thread only.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [S3XMLElement] = []
    var root: S3XMLElement?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(S3XMLElement(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
