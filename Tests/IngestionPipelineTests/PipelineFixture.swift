import BatchyardCore
import BlobStore
import Foundation
import Ingestion
import IngestionPipeline
import Parquet
import XDMValidation

/// A blob store in a fresh temporary directory with helpers to upload files and read results.
struct PipelineFixture {
    let root: String
    let blobs: LocalBlobStore
    let keys = BlobKeys(tenant: Tenant(org: "ORG@AdobeOrg", sandbox: "prod"), batchID: "01BATCH", datasetID: "ds1")

    init() {
        root = NSTemporaryDirectory() + "pipeline-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        blobs = try! LocalBlobStore(root: root)
    }

    func upload(_ name: String, _ text: String) throws {
        try upload(name, bytes: Array(text.utf8))
    }

    func upload(_ name: String, bytes: [UInt8]) throws {
        let path = blobs.localPath(for: keys.uploadsPrefix + name)!
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func request(
        _ files: [String], format: JSONValue = ["format": "json"], validator: RecordValidator? = nil,
        percentage: Double? = nil, diagnostics: Bool = true
    ) throws -> BatchProcessingRequest {
        BatchProcessingRequest(
            keys: keys, attempt: 1, files: files, inputFormat: try InputFormat(inputFormat: format), validator: validator,
            policy: PartialIngestionPolicy(percentage: percentage), diagnosticsEnabled: diagnostics)
    }

    func rows(_ part: StagedPart) throws -> [ParquetValue] {
        try ParquetFileReader(path: blobs.localPath(for: part.key)!).readAllRows()
    }

    func text(_ key: String) -> String? {
        (try? String(contentsOfFile: blobs.localPath(for: key)!, encoding: .utf8))
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
