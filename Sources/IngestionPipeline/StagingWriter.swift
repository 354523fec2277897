import BatchyardCore
import BlobStore
import Foundation
import Parquet
import XDMValidation

/// Writes a batch's accepted records as zstd Parquet parts into its staging folder.
///
/// Memory is bounded by one row group per open part (``ProcessingOptions/rowGroupTargetBytes``).
/// With an XDM schema every part has the lake schema; without one the columns are inferred
/// (``InferredSchema``) from the first records, and a record that does not fit starts a new part.
final class StagingWriter {
    private let blobs: any BlobStore
    private let prefix: String
    private let options: ProcessingOptions
    private let fixedSchema: LakeSchema?
    private var inferred = InferredSchema()
    private var pending: [JSONValue] = []
    private var writer: ParquetFileWriter?
    /// Rows of a flat schema on their way to `writer` as column batches (`nil`: `nested`).
    private var columns: LakeColumnBuffer?
    /// Rows of a nested schema (an XDM dataset's) on their way as column batches with levels.
    private var nested: LakeTapeShredder?
    private var schema: LakeSchema?
    private var rowsInPart = 0
    private var currentPath = ""
    private var currentKey = ""
    private(set) var parts: [StagedPart] = []
    private var scratchParts: [(path: String, key: String)] = []
    private let scratch: String

    init(blobs: any BlobStore, prefix: String, schema: LakeSchema?, options: ProcessingOptions) {
        self.blobs = blobs
        self.prefix = prefix
        self.fixedSchema = schema
        self.options = options
        self.scratch = options.scratchDirectory
    }

    /// Adds the accepted (coerced) record at `root` of `tape`.
    func write(_ tape: JSONTape, at root: Int) throws {
        if let fixedSchema {
            if writer == nil { try open(fixedSchema) }
            try append(tape, at: root)
            return
        }
        if writer == nil {
            let record = tape.value(at: root)
            pending.append(record)
            inferred.widen(with: record)
            if pending.count >= options.inferenceSampleSize { try flushPending() }
            return
        }
        // The open part's columns are `inferred`'s: the buffer checks and adds in one walk.
        if columns != nil, rowsInPart < options.maxRowsPerPart,
            tape.withView({ columns!.appendIfFitsInferredColumns($0, at: root) })
        {
            rowsInPart += 1
            if columns!.rowCount >= LakeColumnBuffer.batchRows { try flushColumns() }
            return
        }
        let record = tape.value(at: root)
        if !inferred.fits(record) {
            try closePart()
            inferred.widen(with: record)
            try open(LakeSchema(columns: inferred.columns))
        }
        try append(tape, at: root)
    }

    /// Closes the last part and returns every part written, in order.
    func finish() throws -> [StagedPart] {
        if fixedSchema == nil, writer == nil, !pending.isEmpty { try flushPending() }
        try closePart()
        return parts
    }

    /// Closes and deletes a half-written part after a failure.
    func abandon() {
        if writer != nil { try? FileManager.default.removeItem(atPath: currentPath) }
        writer = nil
        columns = nil
        nested = nil
    }

    private func flushPending() throws {
        try open(LakeSchema(columns: inferred.columns))
        let records = pending
        pending = []
        for record in records { try append(JSONTape(record), at: 0) }
    }

    private func append(_ tape: JSONTape, at root: Int) throws {
        if rowsInPart >= options.maxRowsPerPart {
            let schema = self.schema!
            try closePart()
            try open(schema)
        }
        if columns != nil {
            tape.withView { columns!.append($0, at: root) }
            if columns!.rowCount >= LakeColumnBuffer.batchRows { try flushColumns() }
        } else if nested != nil {
            tape.withView { nested!.append($0, at: root) }
            if nested!.rowCount >= LakeColumnBuffer.batchRows { try flushColumns() }
        } else {
            // Only for a column type neither tape writer knows (the lake writes none today).
            try writer!.write(row: schema!.row(tape.value(at: root)))
        }
        rowsInPart += 1
    }

    private func flushColumns() throws {
        guard let writer else { return }
        if let rowCount = columns?.rowCount, rowCount > 0 {
            try writer.write(columns: columns!.take(), rowCount: rowCount)
        }
        if let rowCount = nested?.rowCount, rowCount > 0 {
            try writer.write(columns: nested!.take(), rowCount: rowCount)
        }
    }

    private func open(_ schema: LakeSchema) throws {
        let number = parts.count + 1
        currentKey = prefix + BlobKeys.partName(number)
        if let local = blobs.localPath(for: currentKey) {
            currentPath = local
        } else {
            currentPath = scratch + "/" + UUID().uuidString + ".parquet"
        }
        try FileManager.default.createDirectory(
            atPath: (currentPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var writerOptions = ParquetWriterOptions()
        writerOptions.compression = .zstd
        writerOptions.rowGroupTargetBytes = options.rowGroupTargetBytes
        // Encoding a row group takes as long as shredding it: on its own thread the two overlap.
        writerOptions.encodeInBackground = true
        writer = try ParquetFileWriter(
            path: currentPath, schema: schema.parquet, options: writerOptions,
            keyValueMetadata: ["batchyard.part": String(number)])
        self.schema = schema
        columns = LakeColumnBuffer(schema: schema)
        nested = columns == nil ? LakeTapeShredder(schema: schema) : nil
        rowsInPart = 0
    }

    private func closePart() throws {
        guard let writer else { return }
        try flushColumns()
        try writer.close()
        self.writer = nil
        try synchronizeFile(currentPath)
        let size = (try FileManager.default.attributesOfItem(atPath: currentPath)[.size] as? NSNumber)?.int64Value ?? 0
        if blobs.localPath(for: currentKey) == nil { scratchParts.append((currentPath, currentKey)) }
        parts.append(StagedPart(number: parts.count + 1, key: currentKey, records: rowsInPart, size: size))
    }

    /// Copies parts written to scratch files into the blob store (backends without local paths).
    func uploadScratchParts() async throws {
        for (path, key) in scratchParts {
            _ = try await blobs.putFile(key: key, fromLocalPath: path, removingSource: true)
        }
        scratchParts = []
    }
}

/// fsyncs a finished part so that a published file survives a power loss.
private func synchronizeFile(_ path: String) throws {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw BatchProcessingError(.io, "cannot open \(path) (errno \(errno))") }
    defer { _ = close(descriptor) }
    guard fsync(descriptor) == 0 else { throw BatchProcessingError(.io, "fsync of \(path) failed (errno \(errno))") }
}
