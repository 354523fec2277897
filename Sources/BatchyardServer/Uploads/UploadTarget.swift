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

    /// The folder of its chunks while it is a large upload (every INITIALIZE of it).
    var chunksPrefix: String {
        BlobKey.chunksPrefix(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, path: path.value)
    }

    /// The folder of one INITIALIZE's chunks: the part assembly `data` and one empty marker
    /// `{start}-{end}` per chunk received, written after the chunk's bytes are durable.
    func uploadPrefix(_ uploadID: String) -> String {
        chunksPrefix + BlobKey.segment(uploadID) + "/"
    }

    func assemblyKey(_ uploadID: String) -> String {
        uploadPrefix(uploadID) + "data"
    }

    func markerKey(_ uploadID: String, _ range: ContentRange) -> String {
        uploadPrefix(uploadID) + "\(range.start)-\(range.end)"
    }

    /// A fresh key to stream a request body into before it is accepted.
    func incomingKey(now: Int64) -> String {
        BlobKey.incoming(org: tenant.org, sandbox: tenant.sandbox, batchID: batchID, token: UUIDToken.make(now: now))
    }
}

/// Random tokens for in-flight object names, led by their creation time (hex epoch millis) so that
/// a node starting beside others can tell a crashed upload's leftovers from another node's upload
/// in progress.
enum UUIDToken {
    static func make(now: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4).map { _ in String(generator.next() as UInt32, radix: 16).leftPadded(8) }.joined()
        return String(now, radix: 16).leftPadded(12) + "-" + random
    }

    /// When the token ending `key` was made; `nil` for a key without a time (older names).
    static func creationMillis(ofKey key: String) -> Int64? {
        guard let name = key.split(separator: "/").last, let dash = name.firstIndex(of: "-") else { return nil }
        return Int64(name[..<dash], radix: 16)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
