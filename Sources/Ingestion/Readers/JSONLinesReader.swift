import BatchyardCore

/// Reads JSON Lines: one JSON object per line.
///
/// Blank lines are skipped; a line that is not a JSON object is a row error (1401) with its line
/// number and text, and reading goes on. A line longer than ``maxRecordBytes`` is a row error too
/// and is skipped without being held in memory. A UTF-8 byte order mark on the first line and a
/// CR before each LF are ignored. A file without any non-blank line fails with 106.
public struct JSONLinesReader: RecordReader {
    /// The uploaded file, named in row errors.
    public let fileName: String
    /// The longest line read; longer ones are reported and skipped.
    public let maxRecordBytes: Int

    /// The start of a line whose end has not arrived yet.
    private var pending: [UInt8] = []
    private var line = 1
    /// Set while skipping the rest of an over-long line.
    private var skipping = false
    private var sawRow = false

    public init(fileName: String, maxRecordBytes: Int = defaultMaxRecordBytes) {
        self.fileName = fileName
        self.maxRecordBytes = maxRecordBytes
    }

    public mutating func read(_ chunk: UnsafeRawBufferPointer, emit: (ReadItem) -> Void) throws(IngestionFileError) {
        scan(chunk, record: { bytes, line in Self.parseRecord(bytes, line: line, emit) }, error: { emit(.rowError($0)) })
    }

    public mutating func finish(emit: (ReadItem) -> Void) throws(IngestionFileError) {
        try finish(record: { bytes, line in Self.parseRecord(bytes, line: line, emit) }, error: { emit(.rowError($0)) })
    }

    /// Parses one line as a `JSONValue`; the reason it is not a record, or `nil` once emitted.
    private static func parseRecord(_ bytes: UnsafeRawBufferPointer, line: Int, _ emit: (ReadItem) -> Void) -> String? {
        do {
            let value = try JSONValue(parsing: bytes)
            guard case .object = value else { return "The line is a JSON \(value.kindName), not an object." }
            emit(.record(SourceRecord(value: value, line: line)))
            return nil
        } catch {
            return error.description
        }
    }

    /// Splits `chunk` into lines: each non-blank complete line goes to `record` (which answers why
    /// it is not a record, or `nil`), rows that cannot be records to `error`.
    mutating func scan(
        _ chunk: UnsafeRawBufferPointer, record: (UnsafeRawBufferPointer, Int) -> String?, error: (RowError) -> Void
    ) {
        var start = 0
        while start < chunk.count {
            guard let end = indexOfLineFeed(in: chunk, from: start) else {
                if !skipping { keepPartial(UnsafeRawBufferPointer(rebasing: chunk[start...]), error) }
                return
            }
            if skipping {
                skipping = false
            } else if pending.isEmpty {
                readLine(UnsafeRawBufferPointer(rebasing: chunk[start..<end]), record, error)
            } else {
                pending.append(contentsOf: chunk[start..<end])
                pending.withUnsafeBytes { readLine($0, record, error) }
                pending.removeAll(keepingCapacity: pending.count <= 1 << 20)
            }
            line += 1
            start = end + 1
        }
    }

    /// Ends the file for `scan`: the last line if it had no line break, or 106 if nothing was read.
    mutating func finish(
        record: (UnsafeRawBufferPointer, Int) -> String?, error: (RowError) -> Void
    ) throws(IngestionFileError) {
        if !skipping && !pending.isEmpty {
            pending.withUnsafeBytes { readLine($0, record, error) }
            pending = []
        }
        if !sawRow { throw IngestionFileError(.emptyFile, file: fileName) }
    }

    private mutating func keepPartial(_ bytes: UnsafeRawBufferPointer, _ error: (RowError) -> Void) {
        guard pending.count + bytes.count > maxRecordBytes else {
            pending.append(contentsOf: bytes)
            return
        }
        var head = pending
        head.append(contentsOf: bytes.prefix(maxRecordBytes))
        head.withUnsafeBytes { tooLong($0, error) }
        pending = []
        skipping = true
    }

    private mutating func readLine(
        _ bytes: UnsafeRawBufferPointer, _ record: (UnsafeRawBufferPointer, Int) -> String?, _ error: (RowError) -> Void
    ) {
        if bytes.count > maxRecordBytes { return tooLong(bytes, error) }
        var bytes = bytes
        if line == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
        }
        if bytes.last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        guard bytes.contains(where: { !isJSONWhitespace($0) }) else { return }
        sawRow = true
        if let reason = record(bytes, line) { error(corrupt(bytes, reason)) }
    }

    /// Reports an over-long line with its first ``maxRecordBytes`` bytes, however they arrived.
    private mutating func tooLong(_ line: UnsafeRawBufferPointer, _ error: (RowError) -> Void) {
        sawRow = true
        let head = UnsafeRawBufferPointer(rebasing: line.prefix(maxRecordBytes))
        error(corrupt(head, "The line is longer than \(maxRecordBytes) bytes."))
    }

    private func corrupt(_ bytes: UnsafeRawBufferPointer, _ reason: String) -> RowError {
        let raw = String(decoding: bytes.prefix(RowError.maxRawRecordLength + 4), as: UTF8.self)
        return .corrupt(file: fileName, line: line, rawRecord: raw, reason: reason)
    }
}
