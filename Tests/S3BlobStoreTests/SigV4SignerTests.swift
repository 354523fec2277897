import Foundation
import Testing

@testable import S3BlobStore

/// The examples of AWS's "Signature Calculations for the Authorization Header" (S3) and
/// "Deriving the signing key" (IAM) pages, with their published credentials and results.
@Suite("SigV4 signer: AWS example vectors")
struct SigV4SignerTests {
    static let credentials = S3Credentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    static let date = Date(timeIntervalSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
    static let host = ("host", "examplebucket.s3.amazonaws.com")

    func authorization(
        _ method: String, _ path: String, query: [(name: String, value: String)] = [], headers: [(String, String)],
        payloadHash: String
    ) -> String? {
        let signer = SigV4Signer(credentials: Self.credentials, region: "us-east-1")
        let added = signer.sign(
            method: method, path: path, query: query, headers: headers, payloadHash: payloadHash, date: Self.date)
        return added.first { $0.0 == "Authorization" }?.1
    }

    @Test func getObjectWithRange() {
        let value = authorization("GET", "/test.txt", headers: [Self.host, ("Range", "bytes=0-9")],
                                  payloadHash: SigV4Signer.emptyPayloadHash)
        #expect(value == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func putObject() {
        let value = authorization(
            "PUT", "/" + S3Encoding.encode("test$file.text", keepingSlash: true),
            headers: [Self.host, ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
            payloadHash: "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        #expect(value?.hasSuffix(
            "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd") == true)
    }

    @Test func getBucketLifecycle() {
        let value = authorization("GET", "/", query: [("lifecycle", "")], headers: [Self.host],
                                  payloadHash: SigV4Signer.emptyPayloadHash)
        #expect(value?.hasSuffix("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543") == true)
    }

    @Test func listObjects() {
        let value = authorization("GET", "/", query: [("prefix", "J"), ("max-keys", "2")], headers: [Self.host],
                                  payloadHash: SigV4Signer.emptyPayloadHash)
        #expect(value?.hasSuffix("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7") == true)
    }

    @Test func derivedSigningKey() {
        let signer = SigV4Signer(
            credentials: S3Credentials(accessKeyID: "x", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
            region: "us-east-1", service: "iam")
        let key = signer.signingKey(day: "20120215").withUnsafeBytes { S3Encoding.hex($0) }
        #expect(key == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test func sessionTokenIsSentAndSigned() {
        var credentials = Self.credentials
        credentials.sessionToken = "token/with+chars"
        let added = SigV4Signer(credentials: credentials, region: "eu-west-1")
            .sign(method: "GET", path: "/", query: [], headers: [Self.host], payloadHash: SigV4Signer.unsignedPayload,
                  date: Self.date)
        #expect(added.contains { $0.0 == "x-amz-security-token" && $0.1 == "token/with+chars" })
        let authorization = added.first { $0.0 == "Authorization" }?.1 ?? ""
        #expect(authorization.contains("/20130524/eu-west-1/s3/aws4_request"))
        #expect(authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,"))
    }

    @Test func encodingKeepsUnreservedAndEncodesTheRest() {
        #expect(S3Encoding.encode("a/b c%d~e_f-g.h", keepingSlash: true) == "a/b%20c%25d~e_f-g.h")
        #expect(S3Encoding.encode("a/b", keepingSlash: false) == "a%2Fb")
        #expect(S3Encoding.encode("é", keepingSlash: false) == "%C3%A9")
        #expect(S3Encoding.canonicalQuery([("uploads", ""), ("b", "2"), ("a", "x y")]) == "a=x%20y&b=2&uploads=")
    }
}
