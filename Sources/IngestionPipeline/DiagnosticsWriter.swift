import BatchyardCore
import BlobStore
import Foundation
import Ingestion

/// Appends rejected rows to the batch's `row_errors/…` files and writes its `input_files` metadata.
///
/// Lines are buffered per file and written when a buffer reaches 256 KiB, so memory stays small
/// however many rows fail.
final class DiagnosticsWriter {
    private let blobs: any BlobStore
    private let metaPrefix: String
    private var log: RowErrorLog
    private var buffers: [String: [UInt8]] = [:]
    private var handles: [String: FileHandle] = [:]

    init(blobs: any BlobStore, metaPrefix: String, rowsPerFile: Int) {
        self.blobs = blobs
        self.metaPrefix = metaPrefix
        self.log = RowErrorLog(maxRowsPerFile: rowsPerFile)
    }

    /// The row-error files written so far (paths under the batch's metadata folder).
    var paths: [String] { log.paths }

    func append(_ error: RowError) throws {
        let entry = log.append(error)
        buffers[entry.path, default: []].append(contentsOf: entry.line)
        if buffers[entry.path]!.count >= 256 * 1024 { try flush(entry.path) }
    }

    /// Writes what is buffered and fsyncs every file.
    func close() throws {
        for path in buffers.keys { try flush(path) }
        for handle in handles.values {
            try handle.synchronize()
            try handle.close()
        }
        handles = [:]
    }

    /// Writes the `input_files` metadata for the batch's uploads.
    func writeInputFiles(_ files: [String]) throws {
        for file in InputFilesMetadata.files(for: files) {
            guard let path = blobs.localPath(for: metaPrefix + file.path) else { continue }
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    private func flush(_ path: String) throws {
        guard let bytes = buffers[path], !bytes.isEmpty else { return }
        buffers[path] = []
        if handles[path] == nil {
            guard let local = blobs.localPath(for: metaPrefix + path) else { return }
            try FileManager.default.createDirectory(
                atPath: (local as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: local, contents: nil)
            handles[path] = try FileHandle(forWritingTo: URL(fileURLWithPath: local))
        }
        try handles[path]!.write(contentsOf: bytes)
    }
}
