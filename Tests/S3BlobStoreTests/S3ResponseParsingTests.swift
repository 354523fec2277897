import BatchyardTestSupport
import Foundation
import Testing

@testable import S3BlobStore

@Suite("S3 responses: XML parsing (examples, properties, fuzz)")
struct S3ResponseParsingTests {
    @Test func listPageExample() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>bucket</Name><Prefix>p/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>
              <IsTruncated>true</IsTruncated><NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
              <Contents><Key>p/a &amp; b.json</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified><ETag>"x"</ETag><Size>434234</Size><StorageClass>STANDARD</StorageClass></Contents>
              <Contents><Key>p/%2E%2E/c</Key><Size>0</Size></Contents>
            </ListBucketResult>
            """
        let page = try S3Responses.listPage(Data(xml.utf8))
        #expect(page.entries == [.init(key: "p/a & b.json", size: 434234), .init(key: "p/%2E%2E/c", size: 0)])
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func otherDocuments() throws {
        let initiate = "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>VXBsb2FkIElE</UploadId></InitiateMultipartUploadResult>"
        #expect(try S3Responses.uploadID(Data(initiate.utf8)) == "VXBsb2FkIElE")
        let copy = "<CopyPartResult><LastModified>2011-04-11T20:34:56.000Z</LastModified><ETag>\"9b2cf535f27731c974343645a3985328\"</ETag></CopyPartResult>"
        #expect(try S3Responses.copyETag(Data(copy.utf8), key: "k") == "\"9b2cf535f27731c974343645a3985328\"")
        let error = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>"
        #expect(throws: S3ResponseError.service(status: 200, code: "InternalError", message: "We encountered an internal error.", key: "k")) {
            try S3Responses.copyETag(Data(error.utf8), key: "k")
        }
        #expect(throws: S3ResponseError.self) { try S3Responses.checkCompletion(Data(error.utf8), key: "k") }
        #expect(S3Responses.serviceError(status: 404, body: Data(), key: "k").code == "NoSuchKey")
        let noKey = "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>"
        #expect(S3Responses.serviceError(status: 404, body: Data(noKey.utf8), key: "k")
            == .service(status: 404, code: "NoSuchKey", message: "gone", key: "k"))
    }

    @Test func malformedDocumentsThrow() {
        for text in ["", "<", "<ListBucketResult>", "<Other/>", "<ListBucketResult><Contents><Key>a</Key></Contents></ListBucketResult>",
                     "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>",
                     "<ListBucketResult><Contents><Key>a</Key><Size>-1</Size></Contents></ListBucketResult>"] {
            #expect(throws: S3ResponseError.self, "\(text)") { try S3Responses.listPage(Data(text.utf8)) }
        }
    }

    /// Property: any listing we can describe is read back exactly, whatever its keys contain.
    @Test func listPageRoundTripsRandomKeys() throws {
        var random = SeededGenerator(seed: 0x53_33)
        let alphabet = Array("abcXYZ019/-_.~%&<>\"' é€😀\t")
        for _ in 0..<300 {
            var entries: [S3Responses.ListPage.Entry] = []
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                let key = String((0..<Int.random(in: 1...24, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
                entries.append(.init(key: key, size: Int64.random(in: 0...Int64(1) << 40, using: &random)))
            }
            let truncated = Bool.random(using: &random)
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            xml += "<IsTruncated>\(truncated)</IsTruncated>"
            if truncated { xml += "<NextContinuationToken>t\(entries.count)</NextContinuationToken>" }
            for entry in entries {
                xml += "<Contents><Key>\(S3XMLElement.escape(entry.key))</Key><Size>\(entry.size)</Size></Contents>"
            }
            xml += "</ListBucketResult>"
            let page = try S3Responses.listPage(Data(xml.utf8))
            #expect(page.entries == entries)
            #expect(page.isTruncated == truncated)
        }
    }

    /// Fuzz: mutated and random documents never crash the parsers; they either parse or throw
    /// ``S3ResponseError``.
    @Test func fuzzedDocumentsNeverCrash() {
        var random = SeededGenerator(seed: 0xF022)
        let seeds = [
            "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a</Key><Size>1</Size></Contents></ListBucketResult>",
            "<InitiateMultipartUploadResult><UploadId>u</UploadId></InitiateMultipartUploadResult>",
            "<CopyPartResult><ETag>\"e\"</ETag></CopyPartResult>",
            "<Error><Code>C</Code><Message>M</Message></Error>",
            "<CompleteMultipartUploadResult><ETag>e</ETag></CompleteMultipartUploadResult>",
        ].map { Array($0.utf8) }
        let interesting: [UInt8] = Array("<>/&;\"'=!?[]-x0".utf8) + [0, 0xFF, 0xC3, 0x80]
        for round in 0..<2000 {
            var bytes = seeds[round % seeds.count]
            if round % 10 == 0 {
                bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            } else {
                for _ in 0..<Int.random(in: 1...4, using: &random) {
                    let position = Int.random(in: 0...bytes.count, using: &random)
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0 where position < bytes.count: bytes.remove(at: position)
                    case 1: bytes.insert(interesting.randomElement(using: &random)!, at: position)
                    default: if position < bytes.count { bytes[position] = interesting.randomElement(using: &random)! }
                    }
                }
            }
            let data = Data(bytes)
            _ = try? S3Responses.listPage(data)
            _ = try? S3Responses.uploadID(data)
            _ = try? S3Responses.copyETag(data, key: "k")
            _ = try? S3Responses.checkCompletion(data, key: "k")
            _ = S3Responses.serviceError(status: 500, body: data, key: "k")
            do {
                _ = try S3XMLElement.parse(data)
            } catch {
                // Typed throws: only S3ResponseError can arrive here.
                #expect(error.description.contains("XML"))
            }
        }
    }
}
