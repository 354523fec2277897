import BlobStore
import Foundation
import S3BlobStore

/// The one place tests choose their blob store: local files under a folder, or, when
/// `BATCHYARD_TEST_S3_URL` is set (e.g. `s3://batchyard-test?endpoint=http://127.0.0.1:59000&region=us-east-1`,
/// see `scripts/s3-emulator.sh`), an S3 store whose prefix is derived from that folder, so that a
/// server and the test inspecting its blobs open the same objects, and every test its own ones.
public enum TestBlobStores {
    /// The environment variable naming the S3 service the tests use.
    public static let variable = "BATCHYARD_TEST_S3_URL"

    /// The S3 URL the tests run against, `nil` for local files.
    public static var s3URL: String? {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { return nil }
        return url
    }

    /// The environment S3 stores are opened with: the process's, with placeholder credentials when
    /// there are none (emulators accept any).
    public static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        if environment["AWS_ACCESS_KEY_ID"]?.isEmpty ?? true || environment["AWS_SECRET_ACCESS_KEY"]?.isEmpty ?? true {
            environment["AWS_ACCESS_KEY_ID"] = "batchyard-test"
            environment["AWS_SECRET_ACCESS_KEY"] = "batchyard-test-secret"
        }
        return environment
    }

    /// The storage URL for a server whose local blob folder would be `root`: `nil` (local files)
    /// without `BATCHYARD_TEST_S3_URL`, else that URL with a prefix unique to `root`.
    public static func storageURL(forRoot root: String) -> String? {
        guard let base = s3URL else { return nil }
        let prefix = "batchyard-tests/" + prefixComponent(root)
        guard let mark = base.firstIndex(of: "?") else { return join(base, prefix) }
        return join(String(base[..<mark]), prefix) + base[mark...]
    }

    /// What a spawned `batchyard serve` on `dataDirectory` needs in its environment to keep its blobs
    /// where ``open(root:)`` of `dataDirectory + "/blobs"` finds them: nothing for local files,
    /// `BATCHYARD_STORAGE` and the credentials for S3.
    public static func serveEnvironment(dataDirectory: String) -> [String: String] {
        guard let storage = storageURL(forRoot: dataDirectory + "/blobs") else { return [:] }
        var out = ["BATCHYARD_STORAGE": storage]
        for name in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] { out[name] = environment[name] }
        return out
    }

    /// The store for `root`: a `LocalBlobStore` there, or the S3 store ``storageURL(forRoot:)`` names.
    public static func open(root: String) throws -> any BlobStore {
        guard let url = storageURL(forRoot: root) else { return try LocalBlobStore(root: root) }
        return S3BlobStore(configuration: try S3Configuration.parse(url, environment: environment))
    }

    /// The S3 store of a fresh unique prefix, for S3-only tests; `nil` when no S3 service is
    /// configured, unless `CI` is set: then a missing service is a failure, not a skip.
    public static func freshS3Store() throws -> S3BlobStore? {
        guard s3URL != nil else {
            if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
                throw MissingS3Service()
            }
            return nil
        }
        return try open(root: NSTemporaryDirectory() + "s3-" + UUID().uuidString) as? S3BlobStore
    }

    /// Thrown in CI when `BATCHYARD_TEST_S3_URL` is not set.
    public struct MissingS3Service: Error, CustomStringConvertible {
        public var description: String {
            "CI is set but BATCHYARD_TEST_S3_URL is not: start scripts/s3-emulator.sh and export its url"
        }
    }

    /// `root` as one key-safe segment (its temporary folder names are unique per test).
    private static func prefixComponent(_ root: String) -> String {
        var text = ""
        for scalar in root.unicodeScalars {
            let keep = CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII
            text.unicodeScalars.append(keep ? scalar : "-")
        }
        return String(text.suffix(120))
    }

    private static func join(_ base: String, _ prefix: String) -> String {
        // `s3://bucket` or `s3://bucket/some/prefix`, with or without a trailing slash.
        let afterScheme = base.dropFirst("s3://".count)
        if !afterScheme.contains("/") { return base + "/" + prefix }
        return base.hasSuffix("/") ? base + prefix : base + "/" + prefix
    }
}
