/// A streaming reader: bytes go in as they arrive, records come out as soon as they are complete.
///
/// Readers hold at most one unfinished record between chunks (bounded by ``maxRecordBytes``), so
/// memory does not grow with the file. Chunk boundaries may fall anywhere, even inside a UTF-8
/// sequence or a CRLF; the output does not depend on them.
///
/// ```swift
/// var reader = try InputFormat(inputFormat: batch["inputFormat"]).makeReader(fileName: path)
/// for chunk in chunks { try reader.read(chunk) { item in handle(item) } }
/// try reader.finish { item in handle(item) }
/// ```
public protocol RecordReader: Sendable {
    /// Reads the next chunk of the file, calling `emit` for every row it completes.
    ///
    /// - Throws: ``IngestionFileError`` when the file as a whole cannot be read (the batch fails);
    ///   problems with single rows are emitted as ``ReadItem/rowError(_:)`` instead.
    mutating func read(_ chunk: UnsafeRawBufferPointer, emit: (ReadItem) -> Void) throws(IngestionFileError)

    /// Ends the file, emitting the last row if it had no line break after it.
    mutating func finish(emit: (ReadItem) -> Void) throws(IngestionFileError)
}

/// The default cap on one record's size, far above any sane row yet small enough that a
/// runaway quote or a missing line break cannot eat the worker's memory.
public let defaultMaxRecordBytes = 16 * 1024 * 1024

extension RecordReader {
    /// Reads the next chunk from any contiguous byte collection (`[UInt8]`, `ArraySlice`, `Data`).
    public mutating func read(_ chunk: some Collection<UInt8>, emit: (ReadItem) -> Void) throws(IngestionFileError) {
        let result: Result<Void, IngestionFileError>? = chunk.withContiguousStorageIfAvailable { buffer in
            Result { () throws(IngestionFileError) in try read(UnsafeRawBufferPointer(buffer), emit: emit) }
        }
        if let result { return try result.get() }
        let copy = Array(chunk)
        try copy.withBytes { (buffer) throws(IngestionFileError) in try read(buffer, emit: emit) }
    }

    /// Reads a whole in-memory file, for tests and previews.
    public mutating func readAll(_ bytes: some Collection<UInt8>) throws(IngestionFileError) -> [ReadItem] {
        var items: [ReadItem] = []
        try read(bytes) { items.append($0) }
        try finish { items.append($0) }
        return items
    }
}
