import BatchyardCore
import BatchyardTestSupport
import BlobStore
import Foundation
import Ingestion
import NIOCore
import IngestionPipeline
import Parquet
import XDMValidation

/// A blob store in a fresh temporary directory (or a fresh S3 prefix, see ``TestBlobStores``) with
/// helpers to upload files and read results.
struct PipelineFixture {
    let root: String
    let blobs: any BlobStore
    let keys = BlobKeys(tenant: Tenant(org: "ORG@AdobeOrg", sandbox: "prod"), batchID: "01BATCH", datasetID: "ds1")

    init() {
        root = NSTemporaryDirectory() + "pipeline-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        blobs = try! TestBlobStores.open(root: root)
    }

    func upload(_ name: String, _ text: String) async throws {
        try await upload(name, bytes: Array(text.utf8))
    }

    func upload(_ name: String, bytes: [UInt8]) async throws {
        let body = AsyncStream<ByteBuffer> { continuation in
            continuation.yield(ByteBuffer(bytes: bytes))
            continuation.finish()
        }
        _ = try await blobs.put(key: keys.uploadsPrefix + name, body: body)
    }

    func request(
        _ files: [String], format: JSONValue = ["format": "json"], validator: RecordValidator? = nil,
        percentage: Double? = nil, diagnostics: Bool = true
    ) throws -> BatchProcessingRequest {
        BatchProcessingRequest(
            keys: keys, attempt: 1, files: files, inputFormat: try InputFormat(inputFormat: format), validator: validator,
            policy: PartialIngestionPolicy(percentage: percentage), diagnosticsEnabled: diagnostics)
    }

    func rows(_ part: StagedPart) async throws -> [ParquetValue] {
        if let path = blobs.localPath(for: part.key) { return try ParquetFileReader(path: path).readAllRows() }
        let path = root + "/" + UUID().uuidString + ".parquet"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data(try await bytes(part.key) ?? []).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try ParquetFileReader(path: path).readAllRows()
    }

    func text(_ key: String) async -> String? {
        guard let bytes = try? await bytes(key) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func bytes(_ key: String) async throws -> [UInt8]? {
        guard try await blobs.size(key: key) != nil else { return nil }
        var out: [UInt8] = []
        for try await buffer in blobs.get(key: key) { out += buffer.readableBytesView }
        return out
    }

    static func validator(_ schema: String) throws -> RecordValidator {
        try RecordValidator(resolvedSchema: try JSONValue(parsing: schema))
    }

    static let personSchema = """
        {"type": "object", "required": ["id"], "properties": {
          "id": {"type": "string"},
          "age": {"type": "integer", "minimum": -2147483648, "maximum": 2147483647},
          "score": {"type": "number"},
          "birthday": {"type": "string", "format": "date"},
          "seen": {"type": "string", "format": "date-time"},
          "address": {"type": "object", "properties": {"city": {"type": "string"}}},
          "tags": {"type": "array", "items": {"type": "string"}}
        }}
        """
}
