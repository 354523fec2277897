import BatchyardCore
import BlobStore

/// Which file an upload request addresses: tenant, batch, dataset and checked path.
struct UploadTarget: Sendable, Hashable {
    let tenant: Tenant
    let batchID: String
    let datasetID: String
    let path: UploadPath

    /// Where the complete file lives.
    var fileKey: String {
        BlobKey.upload(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, path: path.value)
    }

    /// The folder of its chunks while it is a large upload.
    var chunksPrefix: String {
        BlobKey.chunksPrefix(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, path: path.value)
    }

    func chunkKey(_ range: ContentRange) -> String {
        BlobKey.chunk(
            org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, path: path.value,
            start: range.start, end: range.end)
    }

    /// A fresh key to stream a request body into before it is accepted.
    func incomingKey() -> String {
        BlobKey.incoming(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, token: UUIDToken.make())
    }
}

/// Random tokens for in-flight object names.
enum UUIDToken {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt32, radix: 16).leftPadded(8) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
