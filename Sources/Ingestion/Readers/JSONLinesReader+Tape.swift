import BatchyardCore

/// What reading JSON Lines onto a tape hands over for each row.
public enum TapeReadItem: Sendable, Hashable {
    /// A record: the JSON object at `root` of the chunk's tape, which starts on line `line`.
    case record(root: Int, line: Int)
    /// A row that could not be read; reading continues with the next row.
    case rowError(RowError)
}

extension JSONLinesReader {
    /// Reads the next chunk like `read(_:emit:)`, but parses each record onto `tape` (appended
    /// after what it holds) instead of building a `JSONValue`: what ingestion does, because the
    /// validator and the lake writer work on tapes without allocating per value.
    public mutating func read(
        _ chunk: UnsafeRawBufferPointer, onto tape: inout JSONTape, emit: (TapeReadItem) -> Void
    ) throws(IngestionFileError) {
        scan(chunk, record: { bytes, line in Self.parseRecord(bytes, line: line, onto: &tape, emit) }, error: { emit(.rowError($0)) })
    }

    /// Ends the file like `finish(emit:)`, parsing a last unterminated line onto `tape`.
    public mutating func finish(onto tape: inout JSONTape, emit: (TapeReadItem) -> Void) throws(IngestionFileError) {
        try finish(record: { bytes, line in Self.parseRecord(bytes, line: line, onto: &tape, emit) }, error: { emit(.rowError($0)) })
    }

    private static func parseRecord(
        _ bytes: UnsafeRawBufferPointer, line: Int, onto tape: inout JSONTape, _ emit: (TapeReadItem) -> Void
    ) -> String? {
        let mark = tape.mark
        do {
            let root = try tape.append(parsing: bytes)
            guard tape.kind(at: root) == .object else {
                let kind = tape.value(at: root).kindName
                tape.rewind(to: mark)
                return "The line is a JSON \(kind), not an object."
            }
            emit(.record(root: root, line: line))
            return nil
        } catch {
            return error.description
        }
    }
}
