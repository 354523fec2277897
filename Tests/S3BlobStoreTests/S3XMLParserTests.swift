import BatchyardTestSupport
import Foundation
import Testing

@testable import S3BlobStore

@Suite("S3 XML parser: the XML it must read and refuse")
struct S3XMLParserTests {
    func parse(_ text: String) throws(S3ResponseError) -> S3XMLElement { try S3XMLElement.parse(Data(text.utf8)) }

    @Test func declarationsCommentsCDATAEntitiesAttributesAndEmptyElements() throws {
        let root = try parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE r [ <!ELEMENT r ANY> ]>
            <!-- leading comment -->
            <r xmlns="http://s3.amazonaws.com/doc/2006-03-01/" a='1' b = "x>y">
              <k>a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#x1F600;</k>
              <c><![CDATA[<not & markup>]]></c><!-- inner -->
              <e/><e attr="v" />
            </r>
            """)
        #expect(root.name == "r")
        #expect(root.text(of: "k") == "a & b <c> \"d\" 'e' é 😀")
        #expect(root.text(of: "c") == "<not & markup>")
        #expect(root.children.map(\.name) == ["k", "c", "e", "e"])
        #expect(root.child("e")?.text == "")
    }

    @Test func refusesWhatIsNotWellFormed() {
        for text in [
            "<a>", "<a></b>", "<a/><b/>", "text<a/>", "<a/>text", "<a>&unknown;</a>", "<a>&#0;</a>", "<a>&amp</a>",
            "<a b=c/>", "<a b=\"1/>", "<!-- open", "<a><![CDATA[x</a>", "</a>", "<>", "<a></a></a>", "",
            String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300),
        ] {
            #expect(throws: S3ResponseError.self, "\(text.prefix(40))") { try parse(text) }
        }
    }

    /// Property: any tree of elements with arbitrary text survives being written and read back.
    @Test func randomTreesRoundTrip() throws {
        var random = SeededGenerator(seed: 0x7EE)
        let alphabet = Array("ab<>&'\"; \n\tzé€😀]]>")
        func makeText() -> String {
            String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        }
        func makeTree(depth: Int) -> S3XMLElement {
            let count = depth > 3 ? 0 : Int.random(in: 0...3, using: &random)
            let children = (0..<count).map { _ in makeTree(depth: depth + 1) }
            // Mixed content is read as one text, so only leaves carry text here.
            return S3XMLElement(name: "n\(Int.random(in: 0...9, using: &random))", text: children.isEmpty ? makeText() : "",
                                children: children)
        }
        func write(_ element: S3XMLElement) -> String {
            "<\(element.name)>" + S3XMLElement.escape(element.text) + element.children.map(write).joined() + "</\(element.name)>"
        }
        for _ in 0..<300 {
            let tree = makeTree(depth: 0)
            #expect(try parse(write(tree)) == tree)
        }
    }
}
