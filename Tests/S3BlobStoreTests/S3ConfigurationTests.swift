import Testing

@testable import S3BlobStore

@Suite("S3 configuration: storage URLs and AWS variables")
struct S3ConfigurationTests {
    let credentials = ["AWS_ACCESS_KEY_ID": "id", "AWS_SECRET_ACCESS_KEY": "secret"]

    @Test func urlQueryGivesEndpointRegionAndPathStyle() throws {
        let configuration = try S3Configuration.parse(
            "s3://bucket/some/prefix?endpoint=http://127.0.0.1:59000&region=eu-central-1", environment: credentials)
        #expect(configuration.bucket == "bucket")
        #expect(configuration.prefix == "some/prefix/")
        #expect(configuration.endpoint == "http://127.0.0.1:59000")
        #expect(configuration.region == "eu-central-1")
        #expect(configuration.pathStyle)
        #expect(configuration.credentials == S3Credentials(accessKeyID: "id", secretAccessKey: "secret"))
    }

    @Test func awsDefaultsAndEnvironment() throws {
        var environment = credentials
        environment["AWS_DEFAULT_REGION"] = "ap-south-1"
        environment["AWS_SESSION_TOKEN"] = "tok"
        let aws = try S3Configuration.parse("s3://bucket", environment: environment)
        #expect(aws.prefix == "")
        #expect(aws.region == "ap-south-1")
        #expect(aws.endpoint == "https://s3.ap-south-1.amazonaws.com")
        #expect(!aws.pathStyle)
        #expect(aws.credentials.sessionToken == "tok")
        environment["AWS_REGION"] = "us-west-2"
        environment["AWS_ENDPOINT_URL"] = "https://minio.local:9000/"
        let custom = try S3Configuration.parse("s3://bucket/p/", environment: environment)
        #expect(custom.region == "us-west-2")
        #expect(custom.endpoint == "https://minio.local:9000")
        #expect(custom.pathStyle)
        #expect(custom.prefix == "p/")
        let explicit = try S3Configuration.parse("s3://bucket?path-style=false", environment: environment, region: "r1")
        #expect(explicit.region == "r1")
        #expect(!explicit.pathStyle)
    }

    @Test func refusesBadURLsAndMissingCredentials() {
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.parse("file:///tmp", environment: credentials) }
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.parse("s3:///prefix", environment: credentials) }
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.parse("s3://b/a//c", environment: credentials) }
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.parse("s3://b?endpoint=ftp://x", environment: credentials) }
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.parse("s3://b?part-size=12", environment: credentials) }
        #expect(throws: S3ConfigurationError.self) { try S3Configuration.parse("s3://b", environment: [:]) }
    }

    @Test func appendingPrefixNests() throws {
        let base = try S3Configuration.parse("s3://b/root", environment: credentials)
        #expect(base.appendingPrefix("test-1").prefix == "root/test-1/")
    }
}
