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
        var start = 0
        while start < chunk.count {
            guard let end = indexOfLineFeed(in: chunk, from: start) else {
                if !skipping { keepPartial(UnsafeRawBufferPointer(rebasing: chunk[start...]), emit) }
                return
            }
            if skipping {
                skipping = false
            } else if pending.isEmpty {
                readLine(UnsafeRawBufferPointer(rebasing: chunk[start..<end]), emit)
            } else {
                pending.append(contentsOf: chunk[start..<end])
                pending.withUnsafeBytes { readLine($0, emit) }
                pending.removeAll(keepingCapacity: pending.count <= 1 << 20)
            }
            line += 1
            start = end + 1
        }
    }

    public mutating func finish(emit: (ReadItem) -> Void) throws(IngestionFileError) {
        if !skipping && !pending.isEmpty {
            pending.withUnsafeBytes { readLine($0, emit) }
            pending = []
        }
        if !sawRow { throw IngestionFileError(.emptyFile, file: fileName) }
    }

    private mutating func keepPartial(_ bytes: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) {
        guard pending.count + bytes.count > maxRecordBytes else {
            pending.append(contentsOf: bytes)
            return
        }
        var head = pending
        head.append(contentsOf: bytes.prefix(maxRecordBytes))
        head.withUnsafeBytes { tooLong($0, emit) }
        pending = []
        skipping = true
    }

    private mutating func readLine(_ bytes: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) {
        if bytes.count > maxRecordBytes { return tooLong(bytes, emit) }
        var bytes = bytes
        if line == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
        }
        if bytes.last == 0x0D { bytes = UnsafeRawBufferPointer(rebasing: bytes.dropLast()) }
        guard bytes.contains(where: { !isJSONWhitespace($0) }) else { return }
        sawRow = true
        do {
            let value = try JSONValue(parsing: bytes)
            guard case .object = value else {
                return emit(.rowError(corrupt(bytes, "The line is a JSON \(value.kindName), not an object.")))
            }
            emit(.record(SourceRecord(value: value, line: line)))
        } catch {
            emit(.rowError(corrupt(bytes, error.description)))
        }
    }

    /// Reports an over-long line with its first ``maxRecordBytes`` bytes, however they arrived.
    private mutating func tooLong(_ line: UnsafeRawBufferPointer, _ emit: (ReadItem) -> Void) {
        sawRow = true
        let head = UnsafeRawBufferPointer(rebasing: line.prefix(maxRecordBytes))
        emit(.rowError(corrupt(head, "The line is longer than \(maxRecordBytes) bytes.")))
    }

    private func corrupt(_ bytes: UnsafeRawBufferPointer, _ reason: String) -> RowError {
        let raw = String(decoding: bytes.prefix(RowError.maxRawRecordLength + 4), as: UTF8.self)
        return .corrupt(file: fileName, line: line, rawRecord: raw, reason: reason)
    }
}
