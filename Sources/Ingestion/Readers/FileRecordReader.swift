/// The reader for one uploaded file, whichever text format the batch declared.
///
/// An enum rather than `any RecordReader`, so that the per-chunk call is dispatched statically.
public enum FileRecordReader: RecordReader {
    /// `json` input, one object per line (the default).
    case jsonLines(JSONLinesReader)
    /// `json` input with `isMultiLineJson: true`.
    case multiLineJSON(MultiLineJSONReader)
    /// `csv` input.
    case csv(CSVReader)

    /// Stands in while a reader is mutated outside the enum, so that its buffers stay uniquely
    /// referenced and are not copied on every chunk.
    private static let placeholder = FileRecordReader.jsonLines(JSONLinesReader(fileName: ""))

    public mutating func read(_ chunk: UnsafeRawBufferPointer, emit: (ReadItem) -> Void) throws(IngestionFileError) {
        switch self {
        case .jsonLines(var reader):
            self = Self.placeholder
            defer { self = .jsonLines(reader) }
            try reader.read(chunk, emit: emit)
        case .multiLineJSON(var reader):
            self = Self.placeholder
            defer { self = .multiLineJSON(reader) }
            try reader.read(chunk, emit: emit)
        case .csv(var reader):
            self = Self.placeholder
            defer { self = .csv(reader) }
            try reader.read(chunk, emit: emit)
        }
    }

    public mutating func finish(emit: (ReadItem) -> Void) throws(IngestionFileError) {
        switch self {
        case .jsonLines(var reader):
            self = Self.placeholder
            defer { self = .jsonLines(reader) }
            try reader.finish(emit: emit)
        case .multiLineJSON(var reader):
            self = Self.placeholder
            defer { self = .multiLineJSON(reader) }
            try reader.finish(emit: emit)
        case .csv(var reader):
            self = Self.placeholder
            defer { self = .csv(reader) }
            try reader.finish(emit: emit)
        }
    }
}
