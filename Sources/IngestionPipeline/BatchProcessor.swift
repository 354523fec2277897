import BatchyardCore
import BlobStore
import Foundation
import Ingestion
import XDMValidation

/// Turns a batch's uploaded files into staged zstd Parquet parts and a verdict.
///
/// Each file is streamed: read in chunks by the format's reader, every record validated and coerced
/// by the dataset's ``RecordValidator`` (any JSON object when the dataset has no schema), accepted
/// records written by a ``StagingWriter``, rejected ones tallied and (with diagnostics on) logged.
/// Nothing here touches the Catalog: the worker turns the outcome into lifecycle events and
/// publishes the parts.
public struct BatchProcessor: Sendable {
    /// Where uploads are read and staged parts and diagnostics are written.
    public let blobs: any BlobStore
    /// Chunk, row-group and part sizes.
    public let options: ProcessingOptions

    /// A processor over `blobs`.
    public init(blobs: any BlobStore, options: ProcessingOptions = ProcessingOptions()) {
        self.blobs = blobs
        self.options = options
    }

    /// Processes one attempt. `checkpoint` runs between chunks; it throws to stop the attempt
    /// (cancellation, lost lease), in which case the attempt's staging is deleted.
    public func process(
        _ request: BatchProcessingRequest, checkpoint: @escaping @Sendable () async throws -> Void = {}
    ) async throws -> BatchProcessingOutcome {
        if blobs.localPath(for: request.keys.uploadsPrefix) == nil { return try await processInScratch(request, checkpoint: checkpoint) }
        let keys = request.keys
        try await blobs.deletePrefix(keys.stagingPrefix)
        try await blobs.deletePrefix(keys.metaPrefix)
        let schema = try request.validator.map { try LakeSchema(schema: $0.schema) }
        let writer = StagingWriter(
            blobs: blobs, prefix: keys.stagingPrefix(attempt: request.attempt), schema: schema, options: options)
        let diagnostics = DiagnosticsWriter(
            blobs: blobs, metaPrefix: keys.metaPrefix, rowsPerFile: options.rowErrorsPerFile)
        var report = BatchIngestionReport()
        do {
            try diagnostics.writeInputFiles(request.files)
            for file in request.files {
                try await checkpoint()
                var fileReport = BatchIngestionReport()
                do {
                    try await processFile(
                        file, request: request, writer: writer, diagnostics: diagnostics, report: &fileReport,
                        checkpoint: checkpoint)
                } catch let error as IngestionFileError {
                    fileReport.fileErrors.append(error)
                }
                report.merge(fileReport)
                if !report.fileErrors.isEmpty { break }
            }
            let parts = try writer.finish()
            try await writer.uploadScratchParts()
            try diagnostics.close()
            report.outputFileCount = parts.count
            report.outputByteSize = parts.reduce(0) { $0 + $1.size }
            let verdict = report.verdict(policy: request.policy, diagnosticsEnabled: request.diagnosticsEnabled)
            if verdict.decision == .fail {
                try await blobs.deletePrefix(keys.stagingPrefix)
                return BatchProcessingOutcome(report: report, verdict: verdict, parts: [], rowErrorFiles: diagnostics.paths)
            }
            return BatchProcessingOutcome(report: report, verdict: verdict, parts: parts, rowErrorFiles: diagnostics.paths)
        } catch {
            writer.abandon()
            try? diagnostics.close()
            try? await blobs.deletePrefix(keys.stagingPrefix)
            throw error
        }
    }

    private func processFile(
        _ file: String, request: BatchProcessingRequest, writer: StagingWriter, diagnostics: DiagnosticsWriter,
        report: inout BatchIngestionReport, checkpoint: @Sendable () async throws -> Void
    ) async throws {
        let key = request.keys.uploadsPrefix + file
        guard let path = blobs.localPath(for: key) else {
            throw BatchProcessingError(.io, "The blob store has no local file for '\(key)'.")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        report.inputFileCount += 1
        report.inputByteSize += size
        var handler = RecordHandler(
            validator: request.validator, writer: writer, diagnostics: diagnostics,
            diagnosticsEnabled: request.diagnosticsEnabled)
        if request.inputFormat.format == .parquet {
            guard size > 0 else { throw IngestionFileError(.emptyFile, file: file) }
            let input = try ParquetInput(path: path, fileName: file)
            if let validator = request.validator { try input.check(against: validator.schema) }
            var row = 1
            try input.forEachRecord { record in
                try handler.handle(.record(SourceRecord(value: record, line: row)), file: file, report: &report)
                row += 1
            }
            return
        }
        let reader = try request.inputFormat.makeReader(fileName: file)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw BatchProcessingError(.io, "cannot open \(path) (errno \(errno))") }
        defer { close(descriptor) }
        let consumer = UncheckedHandler(handler: handler)
        if case .jsonLines(var lines) = reader {
            // JSON Lines, the common case, goes onto tapes: one per chunk, no allocation per value.
            try await stream(
                descriptor, path: path, report: &report, checkpoint: checkpoint,
                read: { bytes in
                    var chunk = TapeChunk()
                    try lines.read(bytes, onto: &chunk.tape) { chunk.items.append($0) }
                    chunk.validate(with: request.validator)
                    return chunk.items.isEmpty ? nil : chunk
                },
                finish: {
                    var chunk = TapeChunk()
                    try lines.finish(onto: &chunk.tape) { chunk.items.append($0) }
                    chunk.validate(with: request.validator)
                    return chunk.items.isEmpty ? nil : chunk
                },
                consume: { handoff in try await Self.consume(handoff, handler: consumer, file: file) })
            return
        }
        var other = reader
        try await stream(
            descriptor, path: path, report: &report, checkpoint: checkpoint,
            read: { bytes in
                var items: [ReadItem] = []
                try other.read(bytes) { items.append($0) }
                return items.isEmpty ? nil : items
            },
            finish: {
                var items: [ReadItem] = []
                try other.finish { items.append($0) }
                return items.isEmpty ? nil : items
            },
            consume: { handoff in try await Self.consume(handoff, handler: consumer, file: file) })
    }

    /// Reads the file in chunks and parses them here (`read`, then `finish` at the end), while
    /// `consume` validates and writes them in another task: two cores per file. The handoff keeps
    /// the chunks in order and bounds what is in flight.
    private func stream<Chunk: Sendable>(
        _ descriptor: Int32, path: String, report: inout BatchIngestionReport,
        checkpoint: @Sendable () async throws -> Void,
        read parse: (UnsafeRawBufferPointer) throws -> Chunk?, finish: () throws -> Chunk?,
        consume: @escaping @Sendable (BoundedHandoff<Chunk>) async throws -> RowErrorTally
    ) async throws {
        let handoff = BoundedHandoff<Chunk>(capacity: options.chunksInFlight)
        async let consumed = consume(handoff)
        do {
            var buffer = [UInt8](repeating: 0, count: options.readChunkBytes)
            var chunks = 0
            var consumerStopped = false
            reading: while true {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw BatchProcessingError(.io, "cannot read \(path) (errno \(errno))")
                }
                if count == 0 { break }
                let chunk = try buffer.withUnsafeBytes { try parse(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                if let chunk, !(await handoff.send(chunk)) {
                    consumerStopped = true  // its error is thrown below
                    break reading
                }
                chunks += 1
                if chunks % 16 == 0 { try await checkpoint() }
            }
            if !consumerStopped, let last = try finish() { _ = await handoff.send(last) }
        } catch {
            // Rows handed over before the failure are counted, as if processed one by one.
            handoff.finish()
            if let rows = try? await consumed { report.rows.merge(rows) }
            throw error
        }
        handoff.finish()
        report.rows.merge(try await consumed)
    }

    /// Validates and writes what the reading side hands over, in order; the rows' tally.
    private static func consume(
        _ handoff: BoundedHandoff<[ReadItem]>, handler: UncheckedHandler, file: String
    ) async throws -> RowErrorTally {
        var handler = handler.handler
        var report = BatchIngestionReport()
        do {
            while let items = await handoff.receive() {
                // By position: the array lends each item, where `for item in items` copies it.
                for position in items.indices { try handler.handle(items[position], file: file, report: &report) }
            }
        } catch {
            handoff.stop()
            throw error
        }
        return report.rows
    }

    /// `consume` for chunks of JSON Lines parsed onto tapes.
    private static func consume(
        _ handoff: BoundedHandoff<TapeChunk>, handler: UncheckedHandler, file: String
    ) async throws -> RowErrorTally {
        var handler = handler.handler
        var report = BatchIngestionReport()
        do {
            while var chunk = await handoff.receive() {
                for position in chunk.items.indices {
                    try handler.handle(
                        chunk.items[position], tape: &chunk.tape, validation: chunk.validation(at: position), file: file,
                        report: &report)
                }
            }
        } catch {
            handoff.stop()
            throw error
        }
        return report.rows
    }
}

/// The records of one chunk of JSON Lines, parsed onto one tape, and validated there too.
///
/// The reading core parses and validates (converting in place); the other core only writes:
/// validating on the writing side left the reading core idle half the time.
private struct TapeChunk: Sendable {
    var tape = JSONTape()
    var items: [TapeReadItem] = []
    private var isValidated = false
    /// The errors of refused records, by item position.
    private var refusals: [Int: [ValidationError]] = [:]

    mutating func validate(with validator: RecordValidator?) {
        guard let validator else { return }
        for position in items.indices {
            guard case .record(let root, _) = items[position] else { continue }
            let errors = validator.validate(&tape, at: root)
            if !errors.isEmpty { refusals[position] = errors }
        }
        isValidated = true
    }

    /// The validation outcome of item `position` (empty: valid), or `nil` if not validated here.
    func validation(at position: Int) -> [ValidationError]? {
        isValidated ? refusals[position] ?? [] : nil
    }
}

/// Hands the record handler (and the writer and diagnostics it holds, which are not `Sendable`)
/// to the consuming task: the reading side does not touch them until that task has ended.
private struct UncheckedHandler: @unchecked Sendable {
    let handler: RecordHandler
}
